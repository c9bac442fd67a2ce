/** English, the same shape as the Dutch in ./messages.ts; loaded only when English is chosen. */
import type { nl } from './messages';

export const en: typeof nl = {
  title: 'Exercises',
  new: 'New exercise',
  copySuffix: ' (copy)',
  list: {
    label: 'Exercises saved on this device',
    municipality: 'Municipality',
    startTime: 'Exercise start',
    log: 'Log',
    entries_one: '{{count}} entry',
    entries_other: '{{count}} entries',
    updated: 'Last changed',
    open: 'Open',
    duplicate: 'Duplicate',
    delete: 'Delete',
    emptyTitle: 'No exercises yet',
    emptyText:
      'No exercise is saved on this device yet. Start a new one: you choose the municipality, who plays which role and when the exercise begins.',
  },
  confirmDelete: {
    title: 'Delete exercise ‘{{title}}’?',
    text: 'This cannot be undone; the log will be lost.',
    confirm: 'Delete',
  },
  notice: {
    deleted: 'Exercise ‘{{title}}’ has been deleted.',
    duplicated: 'Copy ‘{{title}}’ has been made, with an empty log.',
    draftKept: 'Your unsaved exercise ‘{{title}}’ is still waiting under ‘New exercise’.',
  },
  problem: {
    create: 'The exercise was not saved: {{reason}}. Your input is still here.',
    duplicate: 'The copy was not made: {{reason}}.',
    delete: 'The exercise was not deleted: {{reason}}.',
    quota: 'this browser’s storage is full. Make room by exporting and deleting old exercises, then try again',
    unavailable: 'this browser’s storage is unavailable (in a private window, for example)',
    unknown: 'something went wrong while saving',
    gone: 'The exercise no longer exists on this device; the list has been updated.',
    unreadable:
      'The stored exercises could not be read. Reload the page; if that does not help, check that the browser allows storage for this site.',
  },
  form: {
    title: 'New exercise',
    intro: 'Fields marked ‘required’ must be filled in.',
    exerciseTitle: 'Exercise title',
    exerciseTitleHelp: 'For example: New Year’s Eve Utrecht city centre',
    municipality: 'Municipality',
    municipalityHelp:
      'The municipality where the disorder is. Only its mayor, or the acting mayor in the mayor’s place, decides on the water cannon and the tear agent (R5).',
    cast: 'Who plays which role',
    castHelp: 'Fill in a name for each role. The mayor and the acting mayor belong to the municipality above.',
    observers: 'Observers',
    observersHelp: 'Observers only take notes.',
    observer: 'Observer {{number}}',
    noObservers: 'No observers yet.',
    addObserver: 'Add observer',
    removeObserver: 'Remove',
    startTime: 'Exercise start time',
    startTimeHelp: 'Date and time in the exercise, for example 31/12/2026 22:00. The exercise clock starts here.',
    startTimeChosen: 'Chosen: {{time}}',
    startPhase: 'Start phase',
    startPhaseHelp:
      'An exercise usually starts in phase 1 (R1); a scenario may start later. Phases marked ‘assumption’ are Paraat’s assumption, not from the source.',
    phase: 'Phase {{number}}',
    assumption: 'assumption',
    submit: 'Create exercise',
    errors: {
      title: 'Fill in the exercise title.',
      municipality: 'Fill in the municipality where the disorder is.',
      mayor: 'Fill in the mayor’s name.',
      locoMayor: 'Fill in the acting mayor’s name.',
      commander: 'Fill in the commander’s name.',
      prosecutor: 'Fill in the public prosecutor’s name.',
      trainer: 'Fill in the exercise controller’s name.',
      startTime: 'Fill in a complete date and time, for example 31/12/2026 22:00.',
    },
  },
  /** On a Paraat server (issue #14 item 8): a local exercise moved there, or a new one made there. */
  live: {
    makeLive: 'Make live',
    uploading: 'Sending ‘{{title}}’ to the server…',
    refused: 'The server did not take ‘{{title}}’.',
    secret: 'The server’s admin secret',
    secretHelp:
      'The server shows the admin secret when it starts, in the admin link. Paraat keeps it in this tab only.',
    secretMissing: 'Fill in the admin secret.',
    where: 'Where the exercise runs',
    whereHelp:
      'A live session is held on this server: every device takes part from its own role, and you let devices in with a code.',
    whereLocal: 'Locally on this device',
    whereLive: 'Live session on the server',
    submitLive: 'Create live exercise',
    creating: 'The exercise is being made on the server…',
    createRefused: 'The server did not make the exercise: {{reason}} Your input is still here.',
  },
};
