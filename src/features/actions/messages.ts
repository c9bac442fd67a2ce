export const nl = {
  title: 'Acties',
  noActions:
    '{{role}} neemt geen operationele beslissingen in het model (R13). Kies links een andere rol, of toon alle acties om een weigering te oefenen.',
  showAll: 'Toon ook acties buiten deze rol',
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
    notRecorded: 'Niet vastgelegd: {{action}} — {{reason}}',
  },
};
