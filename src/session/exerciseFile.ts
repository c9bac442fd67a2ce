/**
 * The exercise as one file: its head (set-up, snapshot, clock) and every log
 * entry. Exported for the debrief and whenever storage fails.
 */
import type { SessionState } from './session';
import type { ExerciseHead, LogEntry } from './types';

export const EXERCISE_FILE_FORMAT = 'paraat.exercise-file/1';

export interface ExerciseFile {
  format: typeof EXERCISE_FILE_FORMAT;
  exportedAt: string;
  head: ExerciseHead;
  entries: LogEntry[];
}

export function exerciseFile(state: SessionState, exportedAt: string): ExerciseFile {
  return { format: EXERCISE_FILE_FORMAT, exportedAt, head: state.head, entries: [...state.log] };
}

export function exerciseFileName(state: SessionState): string {
  const title = state.head.setup.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'oefening';
  return `paraat-${title}-${state.head.updatedAt.slice(0, 10)}.json`;
}
