/**
 * Every date and time Paraat shows, in one place: nl-NL (en-GB for English:
 * day first, 24 h). Exercise times are naive local times kept on a UTC scale
 * (src/core/clock.ts), so they are formatted in UTC and read the same
 * everywhere; wall-clock times are shown in the reader's own time zone.
 */
import { parseExerciseTime } from '../core/clock';
import type { Language } from './index';

const locale = (language: Language) => (language === 'nl' ? 'nl-NL' : 'en-GB');

/**
 * One formatter per language and style: building an Intl.DateTimeFormat is far
 * dearer than using one, and a 10,000-entry log formats two times per row.
 */
function cached(options: Intl.DateTimeFormatOptions) {
  const formats = new Map<Language, Intl.DateTimeFormat>();
  return (language: Language) => {
    let format = formats.get(language);
    if (!format) {
      format = new Intl.DateTimeFormat(locale(language), options);
      formats.set(language, format);
    }
    return format;
  };
}

const dayMonth = { day: '2-digit', month: '2-digit' } as const;
const hourMinute = { hour: '2-digit', minute: '2-digit' } as const;

const exerciseFormat = cached({ timeZone: 'UTC', ...dayMonth, ...hourMinute, second: '2-digit' });
const exerciseMinuteFormat = cached({ timeZone: 'UTC', ...dayMonth, ...hourMinute });
const exerciseTimeOfDayFormat = cached({ timeZone: 'UTC', ...hourMinute });
const exerciseDateTimeFormat = cached({ timeZone: 'UTC', ...dayMonth, year: 'numeric', ...hourMinute });
const exerciseInWordsFormat = cached({
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  ...hourMinute,
});
const wallTimeFormat = cached({ ...hourMinute, second: '2-digit' });
const wallDateTimeFormat = cached({ dateStyle: 'short', timeStyle: 'short' });
const changedAtFormat = cached({ ...dayMonth, year: 'numeric', ...hourMinute });

/** A logged exercise time ("2026-12-31T22:07:00", seconds optional) as ms; NaN when unreadable. */
const exerciseMs = (text: string) => Date.parse(`${text}Z`);

/** Unreadable text is shown as it is. */
const orText = (ms: number, text: string, format: (ms: number) => string) => (Number.isNaN(ms) ? text : format(ms));

// Exercise time: the exercise clock's scale.

/** "31-12 22:07:00" */
export function formatExerciseClock(ms: number, language: Language): string {
  return exerciseFormat(language).format(ms).replace(',', '');
}

/** "2026-12-31T22:07:00" → "31-12 22:07:00". */
export function formatExerciseTimeText(text: string, language: Language): string {
  return orText(exerciseMs(text), text, (ms) => formatExerciseClock(ms, language));
}

/** "2026-12-31T22:07:00" → "31-12 22:07": a decision's moment, to the minute. */
export function formatExerciseMinuteText(text: string, language: Language): string {
  return orText(exerciseMs(text), text, (ms) => exerciseMinuteFormat(language).format(ms).replace(',', ''));
}

/** Exercise time (naive ms) → "22:10"; empty when not a time. */
export function formatExerciseTimeOfDay(ms: number, language: Language): string {
  return Number.isFinite(ms) ? exerciseTimeOfDayFormat(language).format(ms) : '';
}

/** "2026-12-31T22:12:00" → "22:12". */
export function formatExerciseTimeOfDayText(text: string, language: Language): string {
  return orText(exerciseMs(text), text, (ms) => formatExerciseTimeOfDay(ms, language));
}

/** A set-up's start time, "2026-12-31T22:00" → "31-12-2026 22:00". */
export function formatStartTime(text: string, language: Language): string {
  return orText(parseExerciseTime(text), text, (ms) => exerciseDateTimeFormat(language).format(ms).replace(',', ''));
}

/** "2026-12-31T22:00" → "donderdag 31 december 2026 om 22:00"; empty when unreadable. */
export function formatStartTimeInWords(text: string, language: Language): string {
  return orText(parseExerciseTime(text), '', (ms) => exerciseInWordsFormat(language).format(ms));
}

/** "22:07" for an exercise time (ms), the same in either language: a chart's axis. */
export function formatClockMinute(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

/** "22:07", or "22:00:35" when the seconds matter: a short exercise may be over within a minute. */
export function formatClockSeconds(ms: number): string {
  const text = new Date(ms).toISOString().slice(11, 19);
  return text.endsWith(':00') ? text.slice(0, 5) : text;
}

/** For a <time> element's dateTime: exercise ms → "2026-12-31T22:10:00"; empty when not a time. */
export const exerciseDateTimeAttribute = (ms: number) =>
  Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 19) : '';

// Wall-clock time: when it happened, in the reader's own time zone.

/** Time of day: "21:07:12". */
export function formatWallTime(iso: string, language: Language): string {
  return orText(Date.parse(iso), iso, (ms) => wallTimeFormat(language).format(ms));
}

/** Date and time: "28-11-2026, 13:05". */
export function formatWallDateTime(iso: string, language: Language): string {
  return orText(Date.parse(iso), iso, (ms) => wallDateTimeFormat(language).format(ms));
}

/** When an exercise was last changed, in its list: "28-11-2026 13:05". */
export function formatChangedAt(iso: string, language: Language): string {
  return orText(Date.parse(iso), iso, (ms) => changedAtFormat(language).format(ms).replace(',', ''));
}

/**
 * A date and time as Excel in the Dutch locale reads it, whatever the UI's language:
 * "31-12-2026 22:07:00". `timeZone` 'UTC' for exercise times (naive local on a UTC scale);
 * the reader's own zone (undefined) for wall-clock times.
 */
export function formatSpreadsheetDateTime(ms: number, timeZone?: string): string {
  if (!Number.isFinite(ms)) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('nl-NL', {
      ...(timeZone ? { timeZone } : {}),
      ...dayMonth,
      year: 'numeric',
      ...hourMinute,
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(ms)
      .map((part) => [part.type, part.value]),
  ) as Partial<Record<Intl.DateTimeFormatPartTypes, string>>;
  const { day = '', month = '', year = '', hour = '', minute = '', second = '' } = parts;
  return `${day}-${month}-${year} ${hour}:${minute}:${second}`;
}
