/**
 * The session's own types: what a list of stored exercises shows and how the
 * last write went. The exercise record and its log entries are the core's
 * (src/core/log.ts); they are re-exported here because src/session/local/
 * and bench/, which other engineers are changing, still import them from
 * this path. Remove the re-export once they import from src/core.
 */
export type * from '../core/log';
export { CLOCK_SPEEDS, EXERCISE_FORMAT } from '../core/log';

/** One stored exercise as the list of exercises shows it. */
export interface ExerciseSummary {
  id: string;
  title: string;
  municipality: string;
  startTime: string;
  createdAt: string;
  updatedAt: string;
  entries: number;
}

/** How the last write went: shown to the user, never silent. */
export type StorageStatus =
  | { state: 'saved' }
  | { state: 'failed'; reason: 'quota' | 'unavailable' | 'unknown'; unsaved: number }
  | { state: 'conflict' };
