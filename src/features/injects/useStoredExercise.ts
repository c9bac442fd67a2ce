import type { ExerciseHead, ExerciseStore, LogEntry } from '../../session';
import { useStoredExercise } from '../../session/useStoredExercise';

export type StoredExercise =
  | { state: 'found'; head: ExerciseHead; log: LogEntry[] }
  | { state: 'notFound' }
  | { state: 'unreadable'; problem: string };

function read(store: ExerciseStore, id: string): StoredExercise {
  try {
    const head = store.head(id);
    if (!head) return { state: 'notFound' };
    return { state: 'found', head, log: store.entries(head) };
  } catch (error) {
    return { state: 'unreadable', problem: error instanceof Error ? error.message : String(error) };
  }
}

/** The exercise as the audience's screen needs it, read-only and following the console (another tab). */
export function useAudienceExercise(store: ExerciseStore, id: string): StoredExercise {
  return useStoredExercise(store, id, read);
}
