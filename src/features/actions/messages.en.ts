/** English, the same shape as the Dutch in ./messages.ts; loaded only when English is chosen. */
import type { nl } from './messages';

export const en: typeof nl = {
  title: 'Actions',
  noActions:
    '{{role}} takes no operational decisions in the model (R13). Choose another role, or show all actions to rehearse a refusal.',
  showAll: 'Also show actions outside this role',
  action: {
    escalate: 'Escalate to phase {{number}}',
    escalateTop: 'Escalate',
    deescalate: 'De-escalate to phase {{number}}',
    deescalateBottom: 'De-escalate',
    warn: 'Warn the crowd',
    deploy: 'Deploy the water cannon',
    withdraw: 'Withdraw the water cannon',
    addTearGas: 'Add tear agent',
    stopTearGas: 'Stop tear agent',
  },
  reasonDialog: {
    escalate: 'Escalate: reason',
    deescalate: 'De-escalate: reason',
    reason: 'Reason',
    help: 'Why escalate or de-escalate now? This goes into the log and the debrief.',
    submit: 'Record',
  },
  result: {
    accepted: 'Carried out: {{action}}',
    refused: 'Refused: {{action}} — {{rule}}: {{message}}',
    notRecorded: 'Not recorded: {{action}} — {{reason}}',
  },
};
