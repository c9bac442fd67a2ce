/**
 * Playing the log back at exercise-time speed: the wait before the next line
 * is the exercise time between the two lines, divided by the speed, capped so
 * a quiet half hour does not keep a room waiting (the cap and the floor are
 * said in the UI's help text: replay.playHelp).
 */
import { parseExerciseTime, type LogEntry } from '../../session';

export const PLAY_SPEEDS = [1, 2, 4, 8, 16] as const;
export type PlaySpeed = (typeof PLAY_SPEEDS)[number];

/** At most this long (real time, ms) per line. */
export const MAX_STEP_MS = 2000;
/** At least this long per line, so each line can be seen. */
export const MIN_STEP_MS = 150;

/** Real milliseconds to wait at `position` before showing line `position + 1`. */
export function stepDelay(entries: readonly LogEntry[], position: number, speed: PlaySpeed): number {
  const current = entries[position - 1];
  const next = entries[position];
  if (!current || !next) return MIN_STEP_MS;
  const gap = parseExerciseTime(next.exercise) - parseExerciseTime(current.exercise);
  if (!Number.isFinite(gap)) return MIN_STEP_MS;
  return Math.min(MAX_STEP_MS, Math.max(MIN_STEP_MS, gap / speed));
}
