/**
 * Branching on this device: the core works out the branch (src/core/branch.ts);
 * the session gives it a new id and stores it. The original is only read.
 */
import { branchOf, type BranchOptions } from '../core/branch';
import type { ExerciseHead, LogEntry } from '../core/log';
import { newExerciseId, type ExerciseStore } from './store';

export type { BranchOptions } from '../core/branch';

/**
 * Store a new exercise that continues from line `seq` of `head`'s log and
 * return its head; throws, storing nothing, when the log does not verify up
 * to there (see `branchOf`).
 */
export function branchExercise(
  store: ExerciseStore,
  head: ExerciseHead,
  entries: readonly LogEntry[],
  seq: number,
  options: BranchOptions,
): ExerciseHead {
  const branch = branchOf(head, entries, seq, { ...options, id: newExerciseId() });
  store.create(branch.head, branch.entries);
  return branch.head;
}
