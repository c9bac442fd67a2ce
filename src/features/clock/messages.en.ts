/** English, the same shape as the Dutch in ./messages.ts; loaded only when English is chosen. */
import type { nl } from './messages';

export const en: typeof nl = {
  title: 'Exercise clock',
  exerciseTime: 'Exercise time',
  running: 'running',
  paused: 'paused',
  start: 'Start',
  pause: 'Pause',
  speed: 'Speed',
  jump: '+{{minutes}} min',
  jumpLabel_one: '{{count}} minute ahead',
  jumpLabel_other: '{{count}} minutes ahead',
  steeredBy: 'Clock run by {{name}} (exercise controller)',
};
