import type { Language } from '../../i18n';
import { parseExerciseTime } from '../../core/clock';

const locale = (language: Language) => (language === 'nl' ? 'nl-NL' : 'en-GB');

/**
 * "2026-12-31T22:00" → "31-12-2026 22:00". Exercise times are naive local
 * times on a UTC scale (src/core/clock.ts), so they are formatted in UTC.
 */
export function formatStartTime(text: string, language: Language): string {
  const ms = parseExerciseTime(text);
  if (Number.isNaN(ms)) return text;
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(ms)
    .replace(',', '');
}

/** A wall-clock moment (ISO, UTC) in the trainer's own time zone: "28-11-2026 13:05". */
export function formatChangedAt(iso: string, language: Language): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(locale(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(ms)
    .replace(',', '');
}

/** "2026-12-31T22:00" → "donderdag 31 december 2026 om 22:00"; empty when unreadable. */
export function formatStartTimeInWords(text: string, language: Language): string {
  const ms = parseExerciseTime(text);
  if (Number.isNaN(ms)) return '';
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
}
