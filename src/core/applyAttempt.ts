/**
 * What an attempt does to an exercise, decided once for every host: the
 * browser's session applies it to its local copy, a server applies it before
 * it stores and broadcasts. Pure: the time comes in `ctx`, nothing is stored,
 * nothing is sent; the caller stores the sealed entry and only then tells
 * anyone (ARCHITECTURE.md: an entry counts once the repository has it).
 *
 * Every attempt gives one sealed log entry, refused ones included (R10), except
 * an inject step that names nothing of this exercise or would change nothing:
 * that is `ignored`, with the reason, and logs nothing.
 */
import {
  decisionInForce,
  escalationMachine,
  isWarned,
  meansInUse,
  phaseOf,
  steeringRefusal,
  whyRefused,
  type By,
  type EscalationEvent,
  type EscalationSnapshot,
  type SteeringAction,
  type Text,
} from '../../machines';
import { applyClockAction, exerciseNow, formatExerciseTime } from './clock';
import { nextSnapshot } from './nextSnapshot';
import { sealEntryWithText, type Unhashed } from './hashChain';
import { injectActionProblem, type InjectAction, type InjectStatus } from './injects';
import type {
  AttemptEntry,
  ClockAction,
  ClockState,
  ExerciseHead,
  InjectEntry,
  LogEntry,
  ModelSummary,
  SteeringRefusedEntry,
} from './log';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type EntryDraft = DistributiveOmit<LogEntry, 'seq' | 'prevHash' | 'hash'>;

/** An operational event or decision as a caller sends it: the core stamps the time. */
export type Attempt = DistributiveOmit<EscalationEvent, 'at'>;

/** Everything that can be tried on an exercise. */
export type Proposal =
  | { kind: 'attempt'; attempt: Attempt }
  | { kind: 'note'; by: By; text: string; refersTo?: number }
  | { kind: 'correction'; by: By; text: string; corrects: number }
  | { kind: 'clock'; by: By; action: ClockAction }
  | { kind: 'inject'; by: By; injectId: string; action: InjectAction };

/** What the host knows and the core may not make up: the wall-clock time now (epoch ms). */
export interface ProposalContext {
  wall: number;
}

/**
 * An exercise as the core judges it: its head (set-up, clock, length, head
 * hash, the persisted model), the live model, and each inject's status. The
 * log itself is the repository's: nothing here needs it whole.
 */
export interface ExerciseState {
  head: ExerciseHead;
  snapshot: EscalationSnapshot;
  /** The summary of `snapshot`, kept with it: a refused attempt's before and after. */
  summary: ModelSummary;
  /** Every inject of the scenario by id: a Map, so an id like "constructor" is just an id. */
  injects: ReadonlyMap<string, InjectStatus>;
}

export type Applied =
  | {
      outcome: 'logged';
      entry: LogEntry;
      /** The entry as stored and hashed: serialised once. */ text: string;
      state: ExerciseState;
    }
  | { outcome: 'ignored'; reason: Text };

export function summarize(snapshot: EscalationSnapshot): ModelSummary {
  return {
    phase: phaseOf(snapshot),
    means: meansInUse(snapshot),
    warned: isWarned(snapshot),
    decisions: {
      waterCannon: decisionInForce(snapshot, 'waterCannon')?.verdict ?? null,
      tearGas: decisionInForce(snapshot, 'tearGas')?.verdict ?? null,
    },
  };
}

/**
 * Attempts in the same millisecond on the same clock share their time stamp:
 * formatting dates is a measurable part of an attempt's cost (issue #6). A
 * cache of one, keyed by its inputs, so the function stays pure.
 */
let stamped: { clock: ClockState; wall: number; time: { wallIso: string; exercise: string } } | null = null;
function stamp(clock: ClockState, wall: number) {
  if (stamped?.wall === wall && stamped.clock === clock) return stamped.time;
  const time = { wallIso: new Date(wall).toISOString(), exercise: formatExerciseTime(exerciseNow(clock, wall)) };
  stamped = { clock, wall, time };
  return time;
}

/** Seal `draft` as the next entry of the exercise and move the head on. */
function logged(
  state: ExerciseState,
  draft: EntryDraft,
  changes: Partial<Pick<ExerciseState, 'snapshot' | 'summary' | 'injects'>> & { head?: Partial<ExerciseHead> } = {},
): Applied {
  const unsealed = { ...draft, seq: state.head.length + 1, prevHash: state.head.headHash } as Unhashed<LogEntry>;
  const { entry, text } = sealEntryWithText(unsealed);
  const head: ExerciseHead = {
    ...state.head,
    ...changes.head,
    updatedAt: entry.wall,
    length: entry.seq,
    headHash: entry.hash,
  };
  return {
    outcome: 'logged',
    entry,
    text,
    state: {
      head,
      snapshot: changes.snapshot ?? state.snapshot,
      summary: changes.summary ?? state.summary,
      injects: changes.injects ?? state.injects,
    },
  };
}

/** R13 for steering (notes, corrections, the clock, injects): refused, and logged as such (R10). */
function steeringRefused(state: ExerciseState, by: By, action: SteeringAction, wall: number): Applied | null {
  const refusal = steeringRefusal(by, action);
  if (!refusal) return null;
  const time = stamp(state.head.clock, wall);
  const draft: Omit<SteeringRefusedEntry, 'seq' | 'prevHash' | 'hash'> = {
    kind: 'steeringRefused',
    action,
    refusal,
    by,
    wall: time.wallIso,
    exercise: time.exercise,
  };
  return logged(state, draft);
}

function applyModelAttempt(state: ExerciseState, attempt: Attempt, wall: number): Applied {
  const time = stamp(state.head.clock, wall);
  const event = { ...attempt, at: { exercise: time.exercise, wall: time.wallIso } } as EscalationEvent;
  const refusal = whyRefused(state.snapshot, event);
  const draft: Omit<AttemptEntry, 'seq' | 'prevHash' | 'hash' | 'after'> = {
    kind: 'attempt',
    event,
    outcome: refusal ? 'refused' : 'accepted',
    ...(refusal ? { refusal } : {}),
    before: state.summary,
    by: event.by,
    wall: time.wallIso,
    exercise: time.exercise,
  };
  if (refusal) return logged(state, { ...draft, after: state.summary });
  const snapshot = nextSnapshot(state.snapshot, event);
  const summary = summarize(snapshot);
  return logged(
    state,
    { ...draft, after: summary },
    {
      snapshot,
      summary,
      head: { snapshot: escalationMachine.getPersistedSnapshot(snapshot) },
    },
  );
}

/** Judge `proposal` against `state` at wall time `ctx.wall`: the entry it logs and the state after, or why it is ignored. */
export function applyAttempt(state: ExerciseState, proposal: Proposal, ctx: ProposalContext): Applied {
  const { wall } = ctx;
  switch (proposal.kind) {
    case 'attempt':
      return applyModelAttempt(state, proposal.attempt, wall);
    case 'note': {
      const { by, text, refersTo } = proposal;
      const refused = steeringRefused(state, by, 'exercise.note', wall);
      if (refused) return refused;
      const time = stamp(state.head.clock, wall);
      return logged(state, {
        kind: 'note',
        text,
        ...(refersTo === undefined ? {} : { refersTo }),
        by,
        wall: time.wallIso,
        exercise: time.exercise,
      });
    }
    case 'correction': {
      const { by, text, corrects } = proposal;
      const refused = steeringRefused(state, by, 'exercise.correct', wall);
      if (refused) return refused;
      const time = stamp(state.head.clock, wall);
      return logged(state, { kind: 'correction', text, corrects, by, wall: time.wallIso, exercise: time.exercise });
    }
    case 'clock': {
      const { by, action } = proposal;
      const refused = steeringRefused(state, by, 'exercise.clock', wall);
      if (refused) return refused;
      const clock = applyClockAction(state.head.clock, action, wall);
      return logged(
        state,
        {
          kind: 'clock',
          action,
          by,
          wall: new Date(wall).toISOString(),
          exercise: formatExerciseTime(clock.exerciseAtAnchor),
        },
        { head: { clock } },
      );
    }
    case 'inject': {
      const { by, injectId, action } = proposal;
      // R13 first: an attempt by someone who may not steer is logged whatever it names (R10).
      const refused = steeringRefused(state, by, 'inject.release', wall);
      if (refused) return refused;
      const problem = injectActionProblem(state.head.setup, state.injects.get(injectId), injectId, action);
      if (problem) return { outcome: 'ignored', reason: problem };
      const time = stamp(state.head.clock, wall);
      const draft: Omit<InjectEntry, 'seq' | 'prevHash' | 'hash'> = {
        kind: 'inject',
        injectId,
        action,
        by,
        wall: time.wallIso,
        exercise: time.exercise,
      };
      return logged(state, draft, { injects: new Map(state.injects).set(injectId, action) });
    }
  }
}
