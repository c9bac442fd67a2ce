/**
 * When something happened, on both clocks. The debrief measures on the
 * exercise clock (what the scenario's times mean) and on the wall clock (how
 * long the room really took); a paused exercise clock makes the two differ.
 */
import { parseExerciseTime, type LogEntry } from '../../session';

export interface Moment {
  seq: number;
  /** Naive local ISO exercise time, "2026-12-31T22:07:00". */
  exercise: string;
  /** Wall-clock time, ISO 8601 UTC. */
  wall: string;
  exerciseMs: number;
  wallMs: number;
}

export function momentOf(entry: Pick<LogEntry, 'seq' | 'exercise' | 'wall'>): Moment {
  return {
    seq: entry.seq,
    exercise: entry.exercise,
    wall: entry.wall,
    exerciseMs: parseExerciseTime(entry.exercise),
    wallMs: Date.parse(entry.wall),
  };
}

/** The time between two moments on each clock; null where a time is unreadable. */
export interface Interval {
  exerciseMs: number | null;
  wallMs: number | null;
}

const difference = (from: number, to: number) => (Number.isFinite(from) && Number.isFinite(to) ? to - from : null);

export function intervalBetween(from: Moment, to: Moment): Interval {
  return { exerciseMs: difference(from.exerciseMs, to.exerciseMs), wallMs: difference(from.wallMs, to.wallMs) };
}
