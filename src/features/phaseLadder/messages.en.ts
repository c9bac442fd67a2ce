/** English, the same shape as the Dutch in ./messages.ts; loaded only when English is chosen. */
import type { nl } from './messages';

export const en: typeof nl = {
  title: 'Escalation model',
  phase: 'Phase {{number}}',
  current: 'Current phase',
  whoActs: 'Who acts',
  means: 'Means',
  assumption: 'assumption',
  assumptionExplained:
    'This phase layout is an assumption of Paraat, not from the source. A trainer or a later official publication can replace it.',
  assumptionExplainedMeans:
    'This means in this phase is an assumption of Paraat: the source (the LOVP feedback of 24 November 2025) does not name it. It is not law or police doctrine; a trainer or a later official publication can replace the assumption.',
  facts: 'Who acts, means and source',
  source: 'Source',
  needsDecision: 'mayor’s decision needed',
  pilot: 'pilot',
};
