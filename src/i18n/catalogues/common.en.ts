/** English, the same shape as the Dutch in ./common.ts; loaded only when English is chosen. */
import type { nl } from './common';

export const en: typeof nl = {
  app: {
    name: 'Paraat',
    tagline: 'Exercise tool for the five-phase riot-police (ME) escalation model',
    skipToMain: 'Skip to content',
    loadingExercise: 'Reading the exercise…',
    openingStorage: 'Opening storage on this device…',
    migrationKept:
      "{{count}} exercise(s) in this browser's old storage were not moved over and so are not in the list. They have not been deleted:",
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
  advance: {
    allowed: 'Possible',
    willBeRefused: 'Will be refused',
    tryAnyway: 'Try anyway (it is logged)',
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
