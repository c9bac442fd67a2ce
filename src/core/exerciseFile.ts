/**
 * The exercise as one file, `paraat.exercise-file/1`: its head (set-up with
 * the cast and, when it ran from one, the whole scenario; the model's
 * snapshot; the clock), every log entry, and the final hash, the fingerprint
 * of the whole log. Exported for the debrief, to move an exercise to another
 * device or between the two modes (a local exercise uploaded to a server, a
 * live one downloaded), and whenever storage fails; read back by
 * ./parseExerciseFile.ts, in the browser and on the server alike.
 *
 * `exerciseFile()` is the only producer, so every export is the same format.
 */
import type { ExerciseHead, LogEntry } from './log';

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

/** `paraat-<title>-<day of the last change>.json`. */
export function exerciseFileName({ head }: Pick<ExerciseRecord, 'head'>): string {
  const title = head.setup.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'oefening';
  return `paraat-${title}-${head.updatedAt.slice(0, 10)}.json`;
}
