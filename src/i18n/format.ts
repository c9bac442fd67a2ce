/**
 * Dates and times in the nl-NL format (en-GB for English: day first, 24 h).
 * Exercise times are naive local times kept on a UTC scale, so they are
 * formatted in UTC and read the same everywhere.
 */
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

const exerciseFormat = cached({
  timeZone: 'UTC',
  day: '2-digit',
  month: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const wallTimeFormat = cached({ hour: '2-digit', minute: '2-digit', second: '2-digit' });
const wallDateTimeFormat = cached({ dateStyle: 'short', timeStyle: 'short' });

/** "31-12 22:07:00" */
export function formatExerciseClock(ms: number, language: Language): string {
  return exerciseFormat(language).format(ms).replace(',', '');
}

/** "2026-12-31T22:07:00" → "31-12 22:07:00"; unreadable text is shown as it is. */
export function formatExerciseTimeText(text: string, language: Language): string {
  const ms = Date.parse(`${text}Z`);
  return Number.isNaN(ms) ? text : formatExerciseClock(ms, language);
}

/** Wall-clock time of day in the user's own time zone: "21:07:12". */
export function formatWallTime(iso: string, language: Language): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return wallTimeFormat(language).format(ms);
}

/** Wall-clock date and time: "28-11-2026 13:05". */
export function formatWallDateTime(iso: string, language: Language): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return wallDateTimeFormat(language).format(ms);
}
