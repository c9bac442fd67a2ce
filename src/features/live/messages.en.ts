/** English, the same shape as the Dutch in ./messages.ts; loaded only when English is chosen. */
import type { nl } from './messages';

export const en: typeof nl = {
  connection: {
    connecting: 'Connecting to the server…',
    live: 'Live, connected to the server',
    reconnecting: 'Offline — reconnecting in {{seconds}} s',
    closed: 'The connection to the server is closed.',
  },
  waiting_one: '{{count}} attempt is waiting for the server and will be sent once connected.',
  waiting_other: '{{count}} attempts are waiting for the server and will be sent once connected.',
  chainProblem: 'What the server sent (line {{seq}}) did not match the log; it is being fetched again.',
  role: 'This device: {{role}}',
  reload: {
    title: 'This device can no longer take part',
    tooOld: 'This version of Paraat does not match the server.',
    forbidden: 'This device may not open this exercise.',
    revoked: 'The trainer has removed this device.',
    unknownExercise: 'The server does not know this exercise.',
    hint: 'Reload the page. Ask the trainer for a new code if needed.',
    button: 'Reload page',
  },
  qr: {
    label: 'QR code of {{text}}',
  },
  home: {
    title: 'Live sessions on this server',
    tagline: 'One exercise on several devices; the server judges and stores every attempt.',
    back: 'Back to the exercises on this device',
    secret: 'Admin secret',
    secretHelp:
      'Open the admin link the server showed when it started, or enter the admin secret. It stays in this tab only.',
    useSecret: 'Use',
    new: 'New live exercise',
    scenario: 'Scenario',
    create: 'Create and open',
    list: 'Live exercises',
    loading: 'Fetching the exercises on the server…',
    none: 'There are no exercises on this server yet.',
    entries_one: '{{count}} line',
    entries_other: '{{count}} lines',
    updated: 'updated {{time}}',
  },
};
