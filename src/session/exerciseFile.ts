/**
 * The exercise as one file, `paraat.exercise-file/1`: its head (set-up with
 * the cast and, when it ran from one, the whole scenario; the model's
 * snapshot; the clock), every log entry, and the final hash, the fingerprint
 * of the whole log. Exported for the debrief, to move an exercise to another
 * device, and whenever storage fails; read back by ./parseExerciseFile.ts.
 *
 * `exerciseFile()` is the only producer, so every export is the same format.
 */
import { newExerciseId, type ExerciseReader, type ExerciseRepository } from './repository';
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

/** The file of an exercise stored on this device; null when it is not (any more). Rejects when its log is unreadable. */
export async function storedExerciseFile(
  reader: ExerciseReader,
  id: string,
  exportedAt: string,
): Promise<ExerciseFile | null> {
  const head = await reader.head(id);
  if (!head) return null;
  return exerciseFile({ head, log: await reader.entries(head) }, exportedAt);
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
 * Rejects with `StorageWriteError` when storage refuses; nothing of it is stored then.
 */
export async function importExerciseFile(
  repository: ExerciseRepository,
  file: ExerciseFile,
): Promise<ImportedExercise> {
  const renumbered = (await repository.head(file.head.id)) !== null;
  const head: ExerciseHead = renumbered
    ? { ...file.head, id: await freeId(repository), chainId: file.head.chainId ?? file.head.id }
    : file.head;
  // All or nothing: the repository stores the head and every entry in one go, or none of it.
  await repository.create(head, file.entries);
  return { head, renumbered };
}

async function freeId(repository: ExerciseReader): Promise<string> {
  for (;;) {
    const id = newExerciseId();
    if ((await repository.head(id)) === null) return id;
  }
}
