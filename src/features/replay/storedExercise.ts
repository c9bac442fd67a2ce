/**
 * Reading a stored exercise for the replay: head and entries straight from
 * the store, nothing computed (the replay rebuilds each moment itself, and a
 * 10,000-line log should open at once). No session is opened, so the
 * exercise's write guard stays with the console.
 */
import type { ExerciseHead, LogEntry } from '../../session';

export interface ReplayStore {
  head(id: string): ExerciseHead | null;
  entries(head: ExerciseHead): LogEntry[];
}

export type LoadedExercise =
  | { state: 'ready'; head: ExerciseHead; entries: readonly LogEntry[] }
  | { state: 'notFound' }
  | { state: 'unreadable'; problem: string };

/** Module level, so `useStoredExercise` gets a stable function. */
export function loadExercise(store: ReplayStore, id: string): LoadedExercise {
  try {
    const head = store.head(id);
    if (!head) return { state: 'notFound' };
    return { state: 'ready', head, entries: store.entries(head) };
  } catch (error) {
    return { state: 'unreadable', problem: error instanceof Error ? error.message : String(error) };
  }
}
