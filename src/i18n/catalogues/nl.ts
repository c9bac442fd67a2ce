/** Dutch: the first language of Paraat. Every UI string lives here and in en.ts. */
export const nl = {
  app: {
    name: 'Paraat',
    tagline: 'Oefentool voor het vijf-fasen ME-opschalingsmodel',
    skipToMain: 'Naar de inhoud',
  },
  language: {
    label: 'Taal',
    nl: 'Nederlands',
    en: 'English',
  },
  phaseLadder: {
    title: 'Opschalingsmodel',
    phase: 'Fase {{number}}',
    current: 'Huidige fase',
    whoActs: 'Wie treedt op',
    means: 'Middelen',
    assumption: 'aanname',
    assumptionExplained: 'Deze fase-indeling is een aanname van Paraat, niet uit de bron. Een oefenleider of een latere officiële publicatie kan haar vervangen.',
    source: 'Bron',
    needsDecision: 'besluit burgemeester nodig',
    pilot: 'pilot',
  },
};

export type Catalogue = typeof nl;
