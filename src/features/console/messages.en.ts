/** English, the same shape as the Dutch in ./messages.ts; loaded only when English is chosen. */
import type { nl } from './messages';

export const en: typeof nl = {
  back: 'All exercises',
  more: 'More',
  moreLabel: 'Debrief, replay, display and language',
  skip: { label: 'Skip to', to: 'Skip to {{panel}}' },
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
      'This exercise was changed in another tab. What you see here is not the latest state, and so as not to overwrite each other, this tab saves nothing more. Load the stored version to go on.',
    conflictUnsaved_one:
      '{{count}} entry exists only in this tab and is lost when you load the stored version: export first to keep it.',
    conflictUnsaved_other:
      '{{count}} entries exist only in this tab and are lost when you load the stored version: export first to keep them.',
    reload: 'Load the stored version',
    reloaded_one: 'The exercise was opened again as stored: phase {{phase}}, {{count}} entry.',
    reloaded_other: 'The exercise was opened again as stored: phase {{phase}}, {{count}} entries.',
    volatile: 'This browser’s storage is unavailable: the exercise is gone after a reload. Export now and then.',
  },
  notFound: 'This exercise does not exist (any more) on this device.',
  unreadable: 'This exercise could not be opened: {{problem}}',
};
