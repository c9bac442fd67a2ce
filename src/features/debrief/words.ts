/**
 * The debrief's data in words: who, what, when and how long, in the current
 * language. Pure (a `t` and a language in, text out), so the screen, the
 * Markdown and the CSV say the same thing about the same entry.
 */
import type { TFunction } from '../../i18n';
import type { By, EscalationEventType, Subject } from '../../../machines';
import type { Language } from '../../i18n';
import { formatExerciseTimeText, formatWallTime } from '../../i18n/format';
import type { Moment } from './moment';

export type Translate = TFunction;

const ACTION_KEYS = {
  'phase.escalate': 'escalate',
  'phase.deescalate': 'deescalate',
  'crowd.warn': 'warn',
  'mayor.decide': 'decide',
  'mayor.revoke': 'revoke',
  'waterCannon.deploy': 'deploy',
  'waterCannon.withdraw': 'withdraw',
  'tearGas.add': 'addTearGas',
  'tearGas.stop': 'stopTearGas',
  'exercise.note': 'note',
  'exercise.correct': 'correct',
  'exercise.clock': 'clock',
  'inject.release': 'injectRelease',
} as const satisfies Record<EscalationEventType | `${'exercise' | 'inject'}.${string}`, string>;

/** "Waterwerper inzetten", "Besluit over: Waterwerper"; an unknown action by its own name. */
export function actionName(action: string, subject: Subject | null, t: Translate): string {
  const key = (ACTION_KEYS as Record<string, (typeof ACTION_KEYS)[keyof typeof ACTION_KEYS] | undefined>)[action];
  if (!key) return t('debrief.action.other', { action });
  const name = t(`debrief.action.${key}`);
  return subject ? `${name}: ${t(`subject.${subject}`)}` : name;
}

/** "Burgemeester Marieke de Boer"; a mayor of another municipality with it, as that matters (R5). */
export function whoName(by: By, t: Translate, municipality?: string): string {
  const who = `${t(`role.${by.role}`)} ${by.name}`.trim();
  return by.municipality && by.municipality !== municipality ? `${who} (${by.municipality})` : who;
}

/** "31-12 22:07:00" */
export const exerciseTimeText = (moment: Moment, language: Language) =>
  formatExerciseTimeText(moment.exercise, language);

/** Time of day on the wall clock, in the reader's own zone: "21:07:12". */
export const wallTimeText = (moment: Moment, language: Language) => formatWallTime(moment.wall, language);

/** "31-12 22:07:00 (werkelijke tijd 21:07:12)" */
export const bothTimesText = (moment: Moment, language: Language, t: Translate) =>
  t('debrief.when', { exercise: exerciseTimeText(moment, language), wall: wallTimeText(moment, language) });

/** "1 u 05 min", "4 min 30 s", "45 s"; a negative or unreadable span as a dash. */
export function durationText(ms: number | null, t: Translate): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '–';
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return t('debrief.duration.hm', { h, m: String(m).padStart(2, '0') });
  if (m > 0) return s > 0 ? t('debrief.duration.ms', { m, s }) : t('debrief.duration.m', { m });
  return t('debrief.duration.s', { s });
}

/** "+1:05" / "+12 min" from the start of a run. */
export function elapsedText(ms: number, t: Translate): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t('debrief.elapsed.m', { m: minutes });
  return t('debrief.elapsed.hm', { h: Math.floor(minutes / 60), m: String(minutes % 60).padStart(2, '0') });
}
