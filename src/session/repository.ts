/**
 * The repository port (issue #13, ARCHITECTURE.md "The next shape"): where
 * the client's session keeps exercises, asynchronous and blind to how. The
 * local adapter is IndexedDB (src/session/local); a server connection
 * (src/session/remote, the server issue) fits the same shape: every call may
 * resolve later, be refused, or fail to reach the store.
 *
 * The head's `length` is the commit point everywhere: an entry counts once a
 * head that counts it is stored, and an append names the length it expects
 * stored (`expectedLength`), so a second writer (another tab, another device)
 * is refused instead of interleaving (ExerciseConflictError).
 */
import type { ExerciseHead, LogEntry } from '../core/log';
import type { ExerciseSummary } from './types';

/** Storing failed: the reason the storage banner shows (nl/en catalogues: `storage.failed.*`). */
export class StorageWriteError extends Error {
  constructor(
    readonly reason: 'quota' | 'unavailable' | 'unknown',
    cause: unknown,
  ) {
    super(`Storage write failed (${reason})`, { cause });
  }
}

/** Another writer changed this exercise since we last read it. */
export class ExerciseConflictError extends Error {
  constructor(readonly id: string) {
    super(`Exercise ${id} was changed in another tab`);
  }
}

/**
 * What another writer committed. `appended` also follows a create (length:
 * the new exercise's entries); `removed`, a removal. Listeners compare `id`
 * (and `length`) with the exercise they show.
 */
export type ExerciseChange = { type: 'appended'; id: string; length: number } | { type: 'removed'; id: string };

/** Reading only: what the debrief, the replay and the exercise list need. */
export interface ExerciseReader {
  list(): Promise<ExerciseSummary[]>;
  head(id: string): Promise<ExerciseHead | null>;
  /** The head's entries, 1 to `head.length`. */
  entries(head: ExerciseHead): Promise<LogEntry[]>;
  /** Hear what other writers commit; returns the way to stop listening. */
  subscribe(listener: (change: ExerciseChange) => void): () => void;
}

export interface ExerciseRepository extends ExerciseReader {
  /** Store a new exercise with its first entries, all or nothing; an id already stored is a conflict. */
  create(head: ExerciseHead, entries: readonly LogEntry[]): Promise<void>;
  /** Store entries and the head that counts them, provided `expectedLength` entries are stored now. */
  append(head: ExerciseHead, expectedLength: number, entries: readonly LogEntry[]): Promise<void>;
  remove(id: string): Promise<void>;
}

/** A random exercise id (128 bits, hex): made where an exercise is created, never inside the core. */
export function newExerciseId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
