/**
 * Branching an exercise: "what if the mayor had decided otherwise at 22:14?"
 * A new exercise starts from line `seq` of another one. Its first `seq`
 * entries are the original's, copied verbatim (a prefix of a valid hash chain
 * is still valid, so the branch proves what the original proved up to there);
 * its state is rebuilt by replaying those entries, never copied from stored
 * state; its clock stands paused at that line's exercise time. The original
 * is only read.
 */
import { escalationMachine } from '../../machines';
import { parseExerciseTime } from './clock';
import { genesisOf } from './hashChain';
import { replay } from './replay';
import { newExerciseId, type ExerciseStore } from './store';
import { EXERCISE_FORMAT, type ClockSpeed, type ExerciseHead, type LogEntry } from './types';

/** The clock's speed as the trainer last set it at or before the branch point (1× when never set). */
function speedAt(entries: readonly LogEntry[]): ClockSpeed {
  let speed: ClockSpeed = 1;
  for (const entry of entries) if (entry.kind === 'clock' && entry.action.type === 'speed') speed = entry.action.speed;
  return speed;
}

export interface BranchOptions {
  /** Added to the title, from the catalogue: " (vertakking vanaf regel 12)". */
  titleSuffix: string;
  /** Wall-clock time (epoch ms) of the branching. */
  now: number;
}

/**
 * Store a new exercise that continues from line `seq` of `head`'s log and
 * return its head. `entries` is the original's full log (or at least its
 * first `seq` lines).
 */
export function branchExercise(
  store: ExerciseStore,
  head: ExerciseHead,
  entries: readonly LogEntry[],
  seq: number,
  { titleSuffix, now }: BranchOptions,
): ExerciseHead {
  const prefix = entries.slice(0, seq);
  const last = prefix.at(-1);
  if (!Number.isInteger(seq) || seq < 1 || !last || last.seq !== seq)
    throw new RangeError(`Cannot branch at line ${String(seq)} of a log of ${String(entries.length)} lines`);
  const { snapshot } = replay(head.setup, prefix);
  const createdAt = new Date(now).toISOString();
  const branch: ExerciseHead = {
    format: EXERCISE_FORMAT,
    id: newExerciseId(),
    setup: { ...head.setup, title: head.setup.title + titleSuffix },
    createdAt,
    updatedAt: createdAt,
    snapshot: escalationMachine.getPersistedSnapshot(snapshot),
    clock: {
      running: false,
      speed: speedAt(prefix),
      exerciseAtAnchor: parseExerciseTime(last.exercise),
      wallAtAnchor: now,
    },
    length: seq,
    headHash: last.hash,
    // The chain of the copied lines starts at the original's genesis: keep what it was sealed under.
    branchedFrom: {
      id: head.id,
      seq,
      hash: last.hash,
      chainId: head.branchedFrom ? head.branchedFrom.chainId : (head.chainId ?? head.id),
      createdAt: head.branchedFrom ? head.branchedFrom.createdAt : head.createdAt,
      title: head.branchedFrom ? head.branchedFrom.title : head.setup.title,
    },
  };
  // The rule of genesisOf, checked rather than assumed: a branch whose chain would not verify is not stored.
  if (prefix[0]?.prevHash !== genesisOf(branch))
    throw new Error(`The log of exercise ${head.id} does not start at its genesis`);
  store.create(branch, prefix);
  return branch;
}
