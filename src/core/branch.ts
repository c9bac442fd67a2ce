/**
 * Branching an exercise: "what if the mayor had decided otherwise at 22:14?"
 * A new exercise starts from line `seq` of another one. Its first `seq`
 * entries are the original's, copied verbatim (a prefix of a valid hash chain
 * is still valid, so the branch proves what the original proved up to there);
 * its next line says it was branched, and from where; its state is rebuilt by
 * replaying those entries, never copied from stored state; its clock stands
 * paused at that line's exercise time. The original is only read.
 *
 * Pure: the new exercise's id and the time of branching are arguments; the
 * host stores what `branchOf` returns (src/session/branch.ts).
 */
import { escalationMachine, type By } from '../../machines';
import { parseExerciseTime } from './clock';
import { genesisOf, sealEntry, verifyChain } from './hashChain';
import { replay } from './replay';
import {
  EXERCISE_FORMAT,
  type ClockSpeed,
  type ClockState,
  type ExerciseBranchedEntry,
  type ExerciseHead,
  type LogEntry,
} from './log';

/** The clock's speed as the trainer last set it at or before the branch point (1× when never set). */
function speedAt(entries: readonly LogEntry[]): ClockSpeed {
  let speed: ClockSpeed = 1;
  for (const entry of entries) if (entry.kind === 'clock' && entry.action.type === 'speed') speed = entry.action.speed;
  return speed;
}

/**
 * The clock from a branch's 'branched' line on: paused at the branch point's
 * exercise time (the line's own), anchored at the branching's wall time, at
 * the speed it had. The exercise file's check replays the clock with this too.
 */
export function clockAtBranch(clock: Pick<ClockState, 'speed'>, entry: ExerciseBranchedEntry): ClockState {
  return {
    running: false,
    speed: clock.speed,
    exerciseAtAnchor: parseExerciseTime(entry.exercise),
    wallAtAnchor: Date.parse(entry.wall),
  };
}

/** The trainer branches: steering the exercise is theirs (R13), as creating it is. */
function trainerOf(head: ExerciseHead): By {
  const trainer = head.setup.cast.find((member) => member.role === 'trainer');
  return { role: 'trainer', name: trainer?.name ?? '' };
}

export interface BranchOptions {
  /** Added to the title, from the catalogue: " (vertakking vanaf regel 12)". */
  titleSuffix: string;
  /** Wall-clock time (epoch ms) of the branching. */
  now: number;
}

/** A branch as the host is to store it: its head and its whole log (the copied lines, then the 'branched' line). */
export interface Branch {
  head: ExerciseHead;
  entries: LogEntry[];
}

/**
 * A new exercise under `id` that continues from line `seq` of `head`'s log.
 * `entries` is the original's full log (or at least its first `seq` lines),
 * and must verify: a branch of a broken chain would carry the break and could
 * not prove anything.
 */
export function branchOf(
  head: ExerciseHead,
  entries: readonly LogEntry[],
  seq: number,
  { titleSuffix, now, id }: BranchOptions & { id: string },
): Branch {
  const prefix = entries.slice(0, seq);
  const last = prefix.at(-1);
  if (!Number.isInteger(seq) || seq < 1 || !last || last.seq !== seq)
    throw new RangeError(`Cannot branch at line ${String(seq)} of a log of ${String(entries.length)} lines`);
  const broken = verifyChain(genesisOf(head), prefix);
  if (broken)
    throw new Error(`The log of exercise ${head.id} does not hold at line ${String(broken.seq)}: not branched`);
  const { snapshot } = replay(head.setup, prefix);
  const createdAt = new Date(now).toISOString();
  const branched = sealEntry<ExerciseBranchedEntry>({
    kind: 'exercise',
    action: 'branched',
    branchedFrom: { id: head.id, seq, hash: last.hash, title: head.setup.title },
    seq: seq + 1,
    wall: createdAt,
    // The branch goes on from the moment of line `seq`: its clock stands there, paused.
    exercise: last.exercise,
    by: trainerOf(head),
    prevHash: last.hash,
  });
  const branch: ExerciseHead = {
    format: EXERCISE_FORMAT,
    id,
    setup: { ...head.setup, title: head.setup.title + titleSuffix },
    createdAt,
    updatedAt: createdAt,
    snapshot: escalationMachine.getPersistedSnapshot(snapshot),
    clock: clockAtBranch({ speed: speedAt(prefix) }, branched),
    length: seq + 1,
    headHash: branched.hash,
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
  return { head: branch, entries: [...prefix, branched] };
}
