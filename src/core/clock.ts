/**
 * The exercise clock as pure functions of its state and the wall clock. The
 * clock advances by the wall clock times its speed; pausing, speeding up and
 * jumping ahead move the anchor, and each is a logged entry.
 */
import type { ClockAction, ClockState } from './log';

const MINUTE = 60_000;

/** "2026-12-31T22:00" (naive local) → ms on a UTC scale; NaN when unreadable. */
export function parseExerciseTime(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return Number.NaN;
  return Date.parse(`${text.length === 16 ? `${text}:00` : text}Z`);
}

/** ms on a UTC scale → "2026-12-31T22:07:00". */
export function formatExerciseTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export function startClock(startTime: string, wallNow: number): ClockState {
  return { running: false, speed: 1, exerciseAtAnchor: parseExerciseTime(startTime), wallAtAnchor: wallNow };
}

export function exerciseNow(clock: ClockState, wallNow: number): number {
  if (!clock.running) return clock.exerciseAtAnchor;
  return clock.exerciseAtAnchor + Math.max(0, wallNow - clock.wallAtAnchor) * clock.speed;
}

/** The clock after a trainer's action, re-anchored at `wallNow`. */
export function applyClockAction(clock: ClockState, action: ClockAction, wallNow: number): ClockState {
  const anchored: ClockState = { ...clock, exerciseAtAnchor: exerciseNow(clock, wallNow), wallAtAnchor: wallNow };
  switch (action.type) {
    case 'start':
      return { ...anchored, running: true };
    case 'pause':
      return { ...anchored, running: false };
    case 'speed':
      return { ...anchored, speed: action.speed };
    case 'jump':
      return { ...anchored, exerciseAtAnchor: anchored.exerciseAtAnchor + action.minutes * MINUTE };
  }
}
