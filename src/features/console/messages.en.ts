/** English, the same shape as the Dutch in ./messages.ts; loaded only when English is chosen. */
import type { nl } from './messages';

export const en: typeof nl = {
  back: 'All exercises',
  municipality: 'Municipality of {{municipality}}',
  projector: 'Projector mode',
  storage: {
    failed_one:
      'Saving failed ({{reason}}). {{count}} entry exists only in this window. Export the exercise so nothing is lost.',
    failed_other:
      'Saving failed ({{reason}}). {{count}} entries exist only in this window. Export the exercise so nothing is lost.',
    quota: 'storage full',
    unavailable: 'storage unavailable',
    unknown: 'unknown error',
    retry: 'Save again',
    export: 'Export',
    conflict:
      'This exercise was changed in another tab. So as not to overwrite each other, this tab saves nothing more. Reload to go on.',
    reload: 'Reload',
    volatile: 'This browser’s storage is unavailable: the exercise is gone after a reload. Export now and then.',
  },
  notFound: 'This exercise does not exist (any more) on this device.',
  unreadable: 'This exercise could not be opened: {{problem}}',
};
