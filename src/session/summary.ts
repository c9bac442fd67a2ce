import type { ExerciseHead } from '../core/log';
import type { ExerciseSummary } from './types';

/** One stored exercise as the list of exercises shows it: read from its head alone. */
export function summaryOf(head: ExerciseHead): ExerciseSummary {
  return {
    id: head.id,
    title: head.setup.title,
    municipality: head.setup.municipality,
    startTime: head.setup.startTime,
    createdAt: head.createdAt,
    updatedAt: head.updatedAt,
    entries: head.length,
  };
}

/** The list's order, every adapter alike: the most recently changed first. */
export const summariesOf = (heads: readonly ExerciseHead[]): ExerciseSummary[] =>
  heads.map(summaryOf).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
