/** The session's own types: what a list of stored exercises shows and how the last write went. */
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
