/** English, the same shape as the Dutch in ./messages.ts; loaded only when English is chosen. */
import type { nl } from './messages';

export const en: typeof nl = {
  open: 'GGP-GO walkthrough',
  openHint: 'A step-by-step explanation for a class: what GGP-GO is and when it is not enough.',
  title: 'Walkthrough: GGP-GO',
  loading: 'Loading the walkthrough…',
  progress: 'Step {{step}} of {{total}}',
  steps: 'Steps',
  previous: 'Previous',
  next: 'Next',
  restart: 'Start again',
  back: 'Back to the start',
  keys: 'The left and right arrow keys also turn the steps.',
  source: 'Source',
  sources_one: 'Source',
  sources_other: 'Sources',
  basis: {
    lovp: 'LOVP',
    verified: 'verified',
    assumption: 'assumption',
  },
  basisExplained: {
    lovp: 'Stated in the LOVP feedback of 24 November 2025.',
    verified: 'Checked against a named public source.',
    assumption:
      'This statement is an assumption of Paraat, not from the source (the LOVP feedback of 24 November 2025), and not law or police doctrine. A trainer or a later official publication can replace it.',
  },
  end: 'End of the walkthrough.',
};
