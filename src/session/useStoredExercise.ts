import { useEffect, useState } from 'react';
import type { ExerciseHead, LogEntry } from '../core/log';
import type { ExerciseReader } from './repository';

/** An exercise as read from the repository, read-only. */
export type StoredExercise =
  | { state: 'found'; head: ExerciseHead; log: LogEntry[] }
  | { state: 'notFound' }
  | { state: 'unreadable'; problem: string };

/** Head and entries as stored; what cannot be read is said, not thrown. */
export async function readStoredExercise(reader: ExerciseReader, id: string): Promise<StoredExercise> {
  try {
    const head = await reader.head(id);
    if (!head) return { state: 'notFound' };
    return { state: 'found', head, log: await reader.entries(head) };
  } catch (error) {
    return { state: 'unreadable', problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * An exercise as stored, read-only: no session is opened, so the trainer's
 * console (perhaps in another tab) keeps the only write access. Read again
 * whenever the repository hears that this exercise changed (another tab
 * committed to it, or removed it). `null` until the first read is done.
 */
export function useStoredExercise(reader: ExerciseReader, id: string): StoredExercise | null {
  const [result, setResult] = useState<{ id: string; reader: ExerciseReader; value: StoredExercise } | null>(null);
  useEffect(() => {
    let current = true;
    let generation = 0;
    const load = () => {
      const mine = ++generation;
      void readStoredExercise(reader, id).then((value) => {
        // Only the newest read counts: an older one may finish last.
        if (current && mine === generation) setResult({ id, reader, value });
      });
    };
    load();
    const unsubscribe = reader.subscribe((change) => {
      if (change.id === id) load();
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [reader, id]);
  return result && result.id === id && result.reader === reader ? result.value : null;
}
