/**
 * Checking what a server sends before it is shown (issue #14 item 6): every
 * entry links to the one before it, its seq is the next, and an entry the
 * device may read is sealed as it stands. An entry hidden from this role
 * comes as its seq and hashes only (src/core/projections.ts), so its link is
 * checked but its content cannot be. A device that sees everything also
 * checks the first entry against the exercise itself (the genesis).
 */
import { genesisOf, hashOf, VISIBILITY, type ExerciseHead, type ProjectedEntry } from '../../core';
import type { Role } from '../../../machines';

export type ProjectedChainProblem =
  | { problem: 'sequence'; seq: number; expected: number }
  | { problem: 'link'; seq: number }
  | { problem: 'hash'; seq: number }
  | { problem: 'genesis'; seq: number };

const sealedAsItStands = (projected: ProjectedEntry): boolean => {
  const { entry } = projected;
  if (entry.kind === 'redacted') return true;
  try {
    const { hash, ...rest } = entry;
    return hashOf(rest) === hash;
  } catch {
    return false;
  }
};

/**
 * The first problem in `next`, appended after `held` (the entries already
 * checked), or null when the chain holds.
 */
export function checkProjectedChain(
  head: ExerciseHead,
  role: Role,
  held: readonly ProjectedEntry[],
  next: readonly ProjectedEntry[],
): ProjectedChainProblem | null {
  let previous = held.at(-1)?.entry ?? null;
  for (const projected of next) {
    const { entry } = projected;
    const expected = (previous?.seq ?? 0) + 1;
    if (entry.seq !== expected) return { problem: 'sequence', seq: entry.seq, expected };
    if (previous) {
      if (entry.prevHash !== previous.hash) return { problem: 'link', seq: entry.seq };
    } else if (VISIBILITY[role].everything && entry.prevHash !== genesisOf(head)) {
      return { problem: 'genesis', seq: entry.seq };
    }
    if (!sealedAsItStands(projected)) return { problem: 'hash', seq: entry.seq };
    previous = entry;
  }
  return null;
}
