/** English, the same shape as the Dutch in ./messages.ts; loaded only when English is chosen. */
import type { nl } from './messages';

export const en: typeof nl = {
  label: 'Acting as',
  explain: 'Choose who acts now. The buttons show what that role can do; the model says what is allowed.',
  withPosition: '{{name}} ({{position}})',
};
