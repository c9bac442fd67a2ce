/**
 * A live exercise read from the server for the read-only screens (the
 * debrief): the `ExerciseReader` port over the server's exercise file
 * (GET /api/exercises/:id/file), each file checked with the core's reader
 * before anything of it is shown. Nothing is kept on this device: every
 * opening reads the server's log anew.
 */
import type { ExerciseHead, LogEntry } from '../../core/log';
import type { ExerciseReader } from '../repository';
import type { ExerciseSummary } from '../types';
import { ServerApiError, UploadRefusedError, downloadExerciseFile, listLiveExercises } from './serverApi';

export function liveExerciseReader(secret: string, language: 'nl' | 'en' = 'nl'): ExerciseReader {
  /** The entries of the heads handed out, so `entries(head)` gives the log that head counts. */
  const logs = new WeakMap<ExerciseHead, LogEntry[]>();
  const problem = (error: unknown) =>
    error instanceof ServerApiError
      ? new Error(
          [error.text, ...(error instanceof UploadRefusedError ? error.problems.slice(0, 3) : [])]
            .map((text) => text[language])
            .join(' '),
          { cause: error },
        )
      : error;
  return {
    async list(): Promise<ExerciseSummary[]> {
      const listed = await listLiveExercises(secret);
      return listed.map((exercise) => ({
        id: exercise.id,
        title: exercise.title,
        municipality: '',
        startTime: '',
        createdAt: exercise.createdAt,
        updatedAt: exercise.updatedAt,
        entries: exercise.length,
      }));
    },
    async head(id) {
      try {
        const { file } = await downloadExerciseFile(secret, id);
        logs.set(file.head, file.entries);
        return file.head;
      } catch (error) {
        if (error instanceof ServerApiError && error.status === 404) return null;
        throw problem(error);
      }
    },
    async entries(head) {
      const known = logs.get(head);
      if (known) return known;
      try {
        return (await downloadExerciseFile(secret, head.id)).file.entries.slice(0, head.length);
      } catch (error) {
        throw problem(error);
      }
    },
    subscribe: () => () => undefined,
  };
}
