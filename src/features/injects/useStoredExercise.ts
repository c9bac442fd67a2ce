import { useEffect, useState } from 'react';
import { ExerciseStore, type ExerciseHead, type LogEntry } from '../../session';

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

/**
 * An exercise read from storage, read-only: no session is opened, so the
 * trainer's console keeps the only write access. When the console (another
 * tab) commits an entry, the head is written last, and its `storage` event
 * brings the new state here.
 */
export function useStoredExercise(store: ExerciseStore, id: string): StoredExercise {
  const [exercise, setExercise] = useState(() => read(store, id));
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      // `key` is null when storage was cleared.
      if (event.key === null || event.key === ExerciseStore.headKey(id)) setExercise(read(store, id));
    };
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener('storage', onStorage);
    };
  }, [store, id]);
  return exercise;
}
