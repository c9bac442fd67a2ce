/** Strings shared across the app: its name, the language switch, roles, subjects, outcomes. */
export const nl = {
  app: {
    name: 'Paraat',
    tagline: 'Oefentool voor het vijf-fasen ME-opschalingsmodel',
    skipToMain: 'Naar de inhoud',
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
  common: {
    cancel: 'Annuleren',
    close: 'Sluiten',
    confirm: 'Bevestigen',
    save: 'Opslaan',
    required: 'verplicht',
    optional: 'optioneel',
  },
};

export const en: typeof nl = {
  app: {
    name: 'Paraat',
    tagline: 'Exercise tool for the five-phase riot-police (ME) escalation model',
    skipToMain: 'Skip to content',
  },
  language: {
    label: 'Language',
    nl: 'Nederlands',
    en: 'English',
  },
  role: {
    mayor: 'Mayor',
    locoMayor: 'Acting mayor',
    commander: 'Commander',
    prosecutor: 'Public prosecutor',
    trainer: 'Exercise controller',
    observer: 'Observer',
  },
  subject: {
    waterCannon: 'Water cannon',
    tearGas: 'Tear agent in the water cannon',
  },
  verdict: {
    granted: 'Consent granted',
    refused: 'Consent refused',
    revoked: 'Revoked',
  },
  outcome: {
    accepted: 'Carried out',
    refused: 'Refused',
  },
  common: {
    cancel: 'Cancel',
    close: 'Close',
    confirm: 'Confirm',
    save: 'Save',
    required: 'required',
    optional: 'optional',
  },
};
