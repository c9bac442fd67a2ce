export const nl = {
  title: 'Acties',
  noActions:
    '{{role}} neemt geen operationele beslissingen in het model (R13). Kies links een andere rol, of toon alle acties om een weigering te oefenen.',
  showAll: 'Toon ook acties buiten deze rol',
  allowed: 'Mogelijk',
  willBeRefused: 'Wordt geweigerd',
  tryAnyway: 'Toch proberen (wordt gelogd)',
  action: {
    escalate: 'Opschalen naar fase {{number}}',
    escalateTop: 'Opschalen',
    deescalate: 'Afschalen naar fase {{number}}',
    deescalateBottom: 'Afschalen',
    warn: 'Waarschuwing geven aan de menigte',
    deploy: 'Waterwerper inzetten',
    withdraw: 'Waterwerper terugtrekken',
    addTearGas: 'Traanverwekkende stof toevoegen',
    stopTearGas: 'Traanverwekkende stof stoppen',
  },
  reasonDialog: {
    escalate: 'Opschalen: reden',
    deescalate: 'Afschalen: reden',
    reason: 'Reden',
    help: 'Waarom nu op- of afschalen? Dit komt in het logboek en in de nabespreking.',
    submit: 'Vastleggen',
  },
  result: {
    accepted: 'Uitgevoerd: {{action}}',
    refused: 'Geweigerd: {{action}} — {{rule}}: {{message}}',
  },
};
export const en: typeof nl = {
  title: 'Actions',
  noActions:
    '{{role}} takes no operational decisions in the model (R13). Choose another role, or show all actions to rehearse a refusal.',
  showAll: 'Also show actions outside this role',
  allowed: 'Possible',
  willBeRefused: 'Will be refused',
  tryAnyway: 'Try anyway (it is logged)',
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
  },
};
