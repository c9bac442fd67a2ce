/** Strings shared across the app (its name, the language switch, roles, subjects, outcomes), in Dutch; English in ./common.en.ts. */
export const nl = {
  app: {
    name: 'Paraat',
    tagline: 'Oefentool voor het vijf-fasen ME-opschalingsmodel',
    skipToMain: 'Naar de inhoud',
    loadingExercise: 'Oefening wordt gelezen…',
    openingStorage: 'Opslag op dit apparaat wordt geopend…',
    migrationKept:
      '{{count}} oefening(en) uit de oude opslag van deze browser zijn niet overgezet en staan daarom niet in de lijst. Ze zijn niet verwijderd:',
  },
  language: {
    label: 'Taal',
    nl: 'Nederlands',
    en: 'English',
  },
  role: {
    mayor: 'Burgemeester',
    locoMayor: 'Locoburgemeester',
    commander: 'Commandant',
    prosecutor: 'Officier van justitie',
    trainer: 'Oefenleider',
    observer: 'Waarnemer',
  },
  subject: {
    waterCannon: 'Waterwerper',
    tearGas: 'Traanverwekkende stof in de waterwerper',
  },
  verdict: {
    granted: 'Toestemming verleend',
    refused: 'Toestemming geweigerd',
    revoked: 'Ingetrokken',
  },
  outcome: {
    accepted: 'Uitgevoerd',
    refused: 'Geweigerd',
  },
  /** The model's verdict on an attempt before it is made (src/ui/AdvanceVerdict.tsx). */
  advance: {
    allowed: 'Mogelijk',
    willBeRefused: 'Wordt geweigerd',
    tryAnyway: 'Toch proberen (wordt gelogd)',
  },
  common: {
    cancel: 'Annuleren',
    close: 'Sluiten',
    confirm: 'Bevestigen',
    save: 'Opslaan',
    required: 'verplicht',
    optional: 'optioneel',
  },
};
