export const nl = {
  title: 'Opschalingsmodel',
  phase: 'Fase {{number}}',
  current: 'Huidige fase',
  whoActs: 'Wie treedt op',
  means: 'Middelen',
  assumption: 'aanname',
  assumptionExplained:
    'Deze fase-indeling is een aanname van Paraat, niet uit de bron. Een oefenleider of een latere officiële publicatie kan haar vervangen.',
  source: 'Bron',
  needsDecision: 'besluit burgemeester nodig',
  pilot: 'pilot',
};

export const en: typeof nl = {
  title: 'Escalation model',
  phase: 'Phase {{number}}',
  current: 'Current phase',
  whoActs: 'Who acts',
  means: 'Means',
  assumption: 'assumption',
  assumptionExplained:
    'This phase layout is an assumption of Paraat, not from the source. A trainer or a later official publication can replace it.',
  source: 'Source',
  needsDecision: 'mayor’s decision needed',
  pilot: 'pilot',
};
