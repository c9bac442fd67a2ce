/**
 * One log entry as a line of a table (the CSV export): what was done and the
 * text that came with it. The debrief keeps its own words rather than borrow
 * the log feature's (features never import each other).
 */
import type { ExerciseSetup, LogEntry } from '../../session';
import type { Language } from '../../i18n';
import { actionName, type Translate } from './words';

/** What the entry did, in a few words: "Opschalen", "Inject vrijgegeven: Vuurwerk naar de brandweer". */
export function entryAction(entry: LogEntry, setup: ExerciseSetup, t: Translate, language: Language): string {
  switch (entry.kind) {
    case 'exercise':
      return entry.action === 'branched'
        ? t('debrief.entry.branched', { title: entry.branchedFrom.title, seq: entry.branchedFrom.seq })
        : t('debrief.entry.created');
    case 'attempt':
      return actionName(entry.event.type, 'subject' in entry.event ? entry.event.subject : null, t);
    case 'steeringRefused':
      return actionName(entry.action, null, t);
    case 'note':
      return t('debrief.entry.note');
    case 'correction':
      return t('debrief.entry.correction');
    case 'clock': {
      const { action } = entry;
      if (action.type === 'speed') return t('debrief.entry.clock.speed', { speed: action.speed });
      if (action.type === 'jump') return t('debrief.entry.clock.jump', { minutes: action.minutes });
      return t(`debrief.entry.clock.${action.type}`);
    }
    case 'inject': {
      const inject = setup.scenario?.injects.find((candidate) => candidate.id === entry.injectId);
      return t(`debrief.entry.inject.${entry.action}`, { title: inject?.title[language] ?? entry.injectId });
    }
  }
}

/** The text that came with the entry: a reason, grounds, a note's text. Empty when there is none. */
export function entryText(entry: LogEntry): string {
  if (entry.kind === 'note' || entry.kind === 'correction') return entry.text;
  if (entry.kind !== 'attempt') return '';
  const { event } = entry;
  if ('reason' in event) return event.reason;
  if ('grounds' in event) return event.grounds;
  return '';
}

/** The entry a note or correction is about. */
export function entryRefersTo(entry: LogEntry): number | null {
  if (entry.kind === 'note') return entry.refersTo ?? null;
  if (entry.kind === 'correction') return entry.corrects;
  return null;
}
