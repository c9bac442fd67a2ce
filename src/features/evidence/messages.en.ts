/** English, the same shape as the Dutch in ./messages.ts; loaded only when English is chosen. */
import type { nl } from './messages';

export const en: typeof nl = {
  open: 'What do we know about tear agents in water cannons?',
  close: 'Hide the evidence',
  title: 'What is known about tear agents in water cannons',
  intro:
    'The regional mayors asked the minister for an analysis of research and experience abroad. This is what Paraat gathered, with the source and how certain each point is.',
  where: 'Where',
  finding: 'What is known',
  kind: 'Kind of evidence',
  source: 'Source',
  strength: 'Certainty',
  strengthLevel: {
    verified: 'verified',
    medium: 'medium',
    absence: 'nothing found',
  },
  strengthExplained: {
    verified: 'Checked against the named public source.',
    medium: 'Checked, but the source or its account is not certain; use with care.',
    absence: 'Searched for and not found; this says something about what is known, not about how it works.',
  },
  caveat:
    'This does not judge effectiveness or health risks; it only lists what is known. The decision remains the mayor’s.',
};
