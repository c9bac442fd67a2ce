import type { Catalogue } from './nl';

export const en: Catalogue = {
  app: {
    name: 'Paraat',
    tagline: 'Exercise tool for the five-phase riot-police (ME) escalation model',
    skipToMain: 'Skip to content',
  },
  language: {
    label: 'Language',
    nl: 'Nederlands',
    en: 'English',
  },
  phaseLadder: {
    title: 'Escalation model',
    phase: 'Phase {{number}}',
    current: 'Current phase',
    whoActs: 'Who acts',
    means: 'Means',
    assumption: 'assumption',
    assumptionExplained: 'This phase layout is an assumption of Paraat, not from the source. A trainer or a later official publication can replace it.',
    source: 'Source',
    needsDecision: 'mayor’s decision needed',
    pilot: 'pilot',
  },
};
