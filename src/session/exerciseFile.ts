/**
 * The exercise as one file, `paraat.exercise-file/1`: its head (set-up with
 * the cast and, when it ran from one, the whole scenario; the model's
 * snapshot; the clock), every log entry, and the final hash, the fingerprint
 * of the whole log. Exported for the debrief, to move an exercise to another
 * device, and whenever storage fails; read back by ./parseExerciseFile.ts.
 *
 * `exerciseFile()` is the only producer, so every export is the same format.
 */
import { newExerciseId, type ExerciseStore } from './store';
import type { ExerciseHead, LogEntry } from '../core/log';

export const EXERCISE_FILE_FORMAT = 'paraat.exercise-file/1';

export interface ExerciseFile {
  format: typeof EXERCISE_FILE_FORMAT;
  /** Wall-clock time of the export, ISO 8601 UTC. */
  exportedAt: string;
  /**
   * The hash of the last entry. Each entry seals its predecessor's hash, so
   * this one value stands for the whole log: note it in the debrief report,
   * and a copy that differs in anything shows a different final hash.
   */
  finalHash: string;
  head: ExerciseHead;
  entries: LogEntry[];
}

/** What an export needs of an exercise: a session's state has it, and so has storage. */
export interface ExerciseRecord {
  head: ExerciseHead;
  log: readonly LogEntry[];
}

export function exerciseFile({ head, log }: ExerciseRecord, exportedAt: string): ExerciseFile {
  return {
    format: EXERCISE_FILE_FORMAT,
    exportedAt,
    finalHash: log.at(-1)?.hash ?? head.headHash,
    head,
    entries: [...log],
  };
}

export function exerciseFileName({ head }: Pick<ExerciseRecord, 'head'>): string {
  const title = head.setup.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'oefening';
  return `paraat-${title}-${head.updatedAt.slice(0, 10)}.json`;
}

/** The file of an exercise stored on this device; null when it is not (any more). Throws when its log is unreadable. */
export function storedExerciseFile(store: ExerciseStore, id: string, exportedAt: string): ExerciseFile | null {
  const head = store.head(id);
  if (!head) return null;
  return exerciseFile({ head, log: store.entries(head) }, exportedAt);
}

export interface ImportedExercise {
  head: ExerciseHead;
  /** The file's id was taken on this device, so the exercise was stored under a new one. */
  renumbered: boolean;
}

/**
 * Store an exercise from a file that ./parseExerciseFile.ts accepted, as a
 * new exercise: nothing already stored is overwritten. When its id is taken
 * (the same exercise imported twice, or exported and imported on one device)
 * it gets a new id and keeps the one its hash chain was sealed under.
 * Throws `StorageWriteError` when storage refuses (the store then takes back
 * what it wrote of it).
 */
export function importExerciseFile(store: ExerciseStore, file: ExerciseFile): ImportedExercise {
  const renumbered = store.head(file.head.id) !== null;
  const head: ExerciseHead = renumbered
    ? { ...file.head, id: freeId(store), chainId: file.head.chainId ?? file.head.id }
    : file.head;
  store.create(head, file.entries);
  return { head, renumbered };
}

function freeId(store: ExerciseStore): string {
  for (;;) {
    const id = newExerciseId();
    if (store.head(id) === null) return id;
  }
}
