/**
 * The exercise record: who plays, where, from when, and the log of every
 * attempt. The log is append-only and hash-chained; nothing in it is ever
 * edited or deleted (a correction is a new entry pointing at the old one).
 */
import type {
  By,
  EscalationEvent,
  MeansId,
  PhaseNumber,
  Refusal,
  Role,
  Subject,
  DecisionInForce,
  Text,
} from '../../machines';
import type { Scenario } from '../scenarios/schema';

export const EXERCISE_FORMAT = 'paraat.exercise/1';

/** One person in the exercise: the role they play and their name. */
export interface CastMember {
  id: string;
  role: Role;
  /** The person: "Jeroen Visser". */
  name: string;
  /**
   * Their position from the scenario, in both languages ("Algemeen Commandant
   * SGBO" / "Commander, SGBO"); shown in the UI's language. Only present when
   * the scenario gave one, so set-ups from before it hash as they did.
   */
  position?: Text;
  /** Mayors only: their municipality (R5). Defaults to the exercise's. */
  municipality?: string;
}

export type ClockSpeed = 1 | 2 | 5 | 10;
export const CLOCK_SPEEDS: readonly ClockSpeed[] = [1, 2, 5, 10];

/**
 * The exercise clock. Exercise time is a naive local time (no time zone)
 * kept as milliseconds on a UTC scale, so 22:00 stays 22:00 everywhere.
 */
export interface ClockState {
  running: boolean;
  speed: ClockSpeed;
  /** Exercise time (naive ms) at the anchor. */
  exerciseAtAnchor: number;
  /** Wall-clock time (epoch ms) at the anchor. */
  wallAtAnchor: number;
}

export interface ExerciseSetup {
  title: string;
  municipality: string;
  /** Naive local ISO time, e.g. "2026-12-31T22:00". */
  startTime: string;
  cast: CastMember[];
  startPhase?: PhaseNumber;
  scenarioId?: string;
  /** The scenario the exercise runs from, kept whole: the exercise file holds it (injects, objectives, questions). */
  scenario?: Scenario;
}

/** What the model looked like around an attempt; enough for the log and the debrief. */
export interface ModelSummary {
  phase: PhaseNumber;
  means: MeansId[];
  warned: boolean;
  decisions: Record<Subject, DecisionInForce['verdict'] | null>;
}

interface EntryBase {
  seq: number;
  /** Wall-clock time, ISO 8601 UTC. */
  wall: string;
  /** Exercise time, naive local ISO ("2026-12-31T22:07:00"). */
  exercise: string;
  by: By;
  prevHash: string;
  hash: string;
}

/** An attempt on the model: accepted or refused, with the rule that refused it (R10). */
export interface AttemptEntry extends EntryBase {
  kind: 'attempt';
  event: EscalationEvent;
  outcome: 'accepted' | 'refused';
  refusal?: Refusal;
  before: ModelSummary;
  after: ModelSummary;
}

/** A note by the trainer or an observer, optionally about an earlier entry. */
export interface NoteEntry extends EntryBase {
  kind: 'note';
  text: string;
  refersTo?: number;
}

/** A correction: never an edit, always a new entry that points at the old one (JESIP). */
export interface CorrectionEntry extends EntryBase {
  kind: 'correction';
  text: string;
  corrects: number;
}

export type ClockAction =
  { type: 'start' } | { type: 'pause' } | { type: 'speed'; speed: ClockSpeed } | { type: 'jump'; minutes: number };

export interface ClockEntry extends EntryBase {
  kind: 'clock';
  action: ClockAction;
}

/** A steering action (note, clock) refused because of who tried it (R13). */
export interface SteeringRefusedEntry extends EntryBase {
  kind: 'steeringRefused';
  action: string;
  refusal: Refusal;
}

/** An inject of the scenario, released, held or skipped by the trainer (R13: only the trainer steers). */
export interface InjectEntry extends EntryBase {
  kind: 'inject';
  /** The inject's id in `setup.scenario.injects`. */
  injectId: string;
  action: 'released' | 'held' | 'skipped';
}

/** The exercise's first line: it was created. */
export interface ExerciseCreatedEntry extends EntryBase {
  kind: 'exercise';
  action: 'created';
}

/**
 * A branch's first own line (src/session/branch.ts): it goes on from line
 * `branchedFrom.seq` of another exercise. Its exercise time is that line's,
 * where the branch's clock stands paused; its wall time is the branching.
 */
export interface ExerciseBranchedEntry extends EntryBase {
  kind: 'exercise';
  action: 'branched';
  branchedFrom: BranchPoint;
}

export type ExerciseEntry = ExerciseCreatedEntry | ExerciseBranchedEntry;

export type LogEntry =
  AttemptEntry | NoteEntry | CorrectionEntry | ClockEntry | InjectEntry | SteeringRefusedEntry | ExerciseEntry;
export type LogEntryKind = LogEntry['kind'];

/** Everything stored about one exercise except its log entries. */
export interface ExerciseHead {
  format: typeof EXERCISE_FORMAT;
  id: string;
  /**
   * The id the log's hash chain was sealed under (its genesis), when it differs
   * from `id`: an imported exercise whose id was already taken on this device
   * gets a new one, and its log keeps proving what it proved.
   */
  chainId?: string;
  setup: ExerciseSetup;
  createdAt: string;
  updatedAt: string;
  /** The persisted statechart snapshot after the last accepted attempt. */
  snapshot: unknown;
  clock: ClockState;
  /** Entries stored so far: the commit point for two tabs (optimistic concurrency). */
  length: number;
  /** Hash of the last entry; the genesis hash before any. */
  headHash: string;
  /**
   * Set when this exercise was branched from another one at line `seq`
   * (src/session/branch.ts). Its first `seq` entries are that exercise's,
   * copied verbatim, so its chain starts at that exercise's genesis: `chainId`,
   * `createdAt` and `title` are the ones the chain was sealed under.
   */
  branchedFrom?: BranchedFrom;
}

/** A line of an exercise: the exercise, the line, that line's hash, and the exercise's title then. */
export interface BranchPoint {
  id: string;
  seq: number;
  hash: string;
  title: string;
}

/** Where a branch came from: the exercise, the line, and that line's hash. */
export interface BranchedFrom {
  id: string;
  seq: number;
  hash: string;
  /** The id the original's chain was sealed under (its `chainId`, or else its `id`). */
  chainId: string;
  createdAt: string;
  title: string;
}
