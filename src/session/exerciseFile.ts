/**
 * Exercise files on this device: an exercise from storage as a file, and a
 * file (accepted by src/core/parseExerciseFile.ts) stored as a new exercise.
 * The format itself is the core's (src/core/exerciseFile.ts), so the server
 * reads and writes the same files.
 */
import { newExerciseId, type ExerciseReader, type ExerciseRepository } from './repository';
import { exerciseFile, type ExerciseFile } from '../core/exerciseFile';
import type { ExerciseHead } from '../core/log';

export {
  EXERCISE_FILE_FORMAT,
  exerciseFile,
  exerciseFileName,
  type ExerciseFile,
  type ExerciseRecord,
} from '../core/exerciseFile';

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
