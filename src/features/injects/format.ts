/**
 * Exercise times for the injects: the time of day on the exercise clock
 * ("22:10"). Exercise times are naive local times on a UTC scale
 * (src/core/clock.ts), so they are formatted in UTC.
 */
import type { Language } from '../../i18n';

const timeOfDay = (language: Language) =>
  new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'UTC',
    hour: '2-digit',
    minute: '2-digit',
  });

/** Exercise time (naive ms) → "22:10". */
export function formatInjectTime(ms: number, language: Language): string {
  return Number.isFinite(ms) ? timeOfDay(language).format(ms) : '';
}

/** A logged exercise time ("2026-12-31T22:12:00") → "22:12"; unreadable text as it is. */
export function formatInjectTimeText(text: string, language: Language): string {
  const ms = Date.parse(`${text}Z`);
  return Number.isNaN(ms) ? text : formatInjectTime(ms, language);
}

/** For a <time> element: "2026-12-31T22:10:00". */
export const isoOf = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 19) : '');
