/**
 * Strings of moving an exercise in and out as a file: import, export, and the
 * log's fingerprint. Dutch first, English the same shape. Kept apart from
 * ./messages.ts so the parts of the start screen can change independently.
 */
export const nl = {
  choose: 'Oefening importeren',
  chooseHelp:
    'Kies een .json-bestand dat Paraat met ‘Exporteren’ heeft gemaakt. Paraat controleert of het logboek onveranderd is; het bestand wordt alleen op dit apparaat gelezen.',
  reading: '‘{{name}}’ wordt gelezen en gecontroleerd…',
  imported:
    'Oefening ‘{{title}}’ is geïmporteerd uit ‘{{name}}’: {{count}} regels, het logboek is onveranderd (vingerafdruk {{hash}}).',
  renumbered: 'Deze oefening stond al op dit apparaat; de import staat er als aparte oefening naast.',
  refused: '‘{{name}}’ is niet geïmporteerd.',
  refusedNothingChanged: 'Er is niets opgeslagen of gewijzigd. Wat er mis is met het bestand:',
  notStored: '‘{{name}}’ is gecontroleerd en in orde, maar niet opgeslagen: {{reason}}. Er is niets gewijzigd.',
  export: 'Exporteren',
  exported: 'Oefening ‘{{title}}’ is geëxporteerd als ‘{{name}}’.',
  exportFailed: 'De oefening ‘{{title}}’ kon niet worden geëxporteerd: haar logboek is op dit apparaat niet compleet.',
  fingerprint: 'Vingerafdruk logboek',
  fingerprintShow: 'volledig tonen',
  fingerprintHelp:
    'SHA-256 van de laatste regel; elke regel bevat die van de regel ervoor. Noteer hem bij de evaluatie: een gewijzigde kopie heeft een andere.',
};

export const en: typeof nl = {
  choose: 'Import exercise',
  chooseHelp:
    'Choose a .json file that Paraat made with ‘Export’. Paraat checks that the log is unchanged; the file is only read on this device.',
  reading: 'Reading and checking ‘{{name}}’…',
  imported:
    'Exercise ‘{{title}}’ has been imported from ‘{{name}}’: {{count}} lines, the log is unchanged (fingerprint {{hash}}).',
  renumbered: 'This exercise was already on this device; the import stands beside it as a separate exercise.',
  refused: '‘{{name}}’ has not been imported.',
  refusedNothingChanged: 'Nothing has been stored or changed. What is wrong with the file:',
  notStored: '‘{{name}}’ was checked and is in order, but has not been stored: {{reason}}. Nothing has changed.',
  export: 'Export',
  exported: 'Exercise ‘{{title}}’ has been exported as ‘{{name}}’.',
  exportFailed: 'The exercise ‘{{title}}’ could not be exported: its log is incomplete on this device.',
  fingerprint: 'Log fingerprint',
  fingerprintShow: 'show in full',
  fingerprintHelp:
    'SHA-256 of the last line; every line holds the one of the line before. Note it at the debrief: a changed copy has a different one.',
};
