/** English, the same shape as the Dutch in ./importMessages.ts; loaded only when English is chosen. */
import type { nl } from './importMessages';

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
