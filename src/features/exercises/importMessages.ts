/**
 * Strings of moving an exercise in and out as a file: import, export, and the
 * log's fingerprint, in Dutch (English in ./importMessages.en.ts). Kept apart
 * from ./messages.ts so the parts of the start screen can change independently.
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
