export const nl = {
  title: 'Opschalingsmodel',
  phase: 'Fase {{number}}',
  current: 'Huidige fase',
  whoActs: 'Wie treedt op',
  means: 'Middelen',
  assumption: 'aanname',
  assumptionExplained:
    'Deze fase-indeling is een aanname van Paraat, niet uit de bron. Een oefenleider of een latere officiële publicatie kan haar vervangen.',
  assumptionExplainedMeans:
    'Dit middel in deze fase is een aanname van Paraat: de bron (de LOVP-terugkoppeling van 24 november 2025) noemt het niet. Het is geen wet of politiedoctrine; een oefenleider of een latere officiële publicatie kan de aanname vervangen.',
  facts: 'Wie, middelen en bron',
  source: 'Bron',
  needsDecision: 'besluit burgemeester nodig',
  pilot: 'pilot',
};
