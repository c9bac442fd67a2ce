/**
 * Branching on this device: the core works out the branch (src/core/branch.ts);
 * the session gives it a new id and stores it. The original is only read.
 */
import { branchOf, type BranchOptions } from '../core/branch';
import type { ExerciseHead, LogEntry } from '../core/log';
import { newExerciseId, type ExerciseRepository } from './repository';

export type { BranchOptions } from '../core/branch';

/**
 * Store a new exercise that continues from line `seq` of `head`'s log and
 * return its head; rejects, storing nothing, when the log does not verify up
 * to there (see `branchOf`).
 */
export async function branchExercise(
  repository: ExerciseRepository,
  head: ExerciseHead,
  entries: readonly LogEntry[],
  seq: number,
  options: BranchOptions,
): Promise<ExerciseHead> {
  const branch = branchOf(head, entries, seq, { ...options, id: newExerciseId() });
  await repository.create(branch.head, branch.entries);
  return branch.head;
}
