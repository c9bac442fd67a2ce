/**
 * The one door. Nothing reaches the statechart except through a session,
 * so nothing happens unlogged: for every attempt the session asks the model
 * `whyRefused`, sends the event if it is accepted, appends a hash-chained log
 * entry (refusals too, R10), stores it, and only then tells the UI.
 *
 * The UI sees the `ExerciseSession` interface only, so a server connection can
 * take this local implementation's place later.
 */
import { createActor, type Actor } from 'xstate';
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
  type Text,
  type EscalationSnapshot,
  type SteeringAction,
} from '../../machines';
import { applyClockAction, exerciseNow, formatExerciseTime, startClock } from './clock';
import { genesisHash, sealEntry, sealEntryWithText, type Unhashed } from './hashChain';
import { injectActionProblem, injectStates, type InjectAction } from './injects';
import { ExerciseConflictError, StorageWriteError, newExerciseId, type ExerciseStore } from './store';
import {
  EXERCISE_FORMAT,
  type AttemptEntry,
  type ClockAction,
  type ClockState,
  type ExerciseHead,
  type ExerciseSetup,
  type InjectEntry,
  type LogEntry,
  type ModelSummary,
  type StorageStatus,
  type SteeringRefusedEntry,
} from './types';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type EntryDraft = DistributiveOmit<LogEntry, 'seq' | 'prevHash' | 'hash'>;

/** An operational event as a caller sends it: the session stamps the time. */
export type Attempt = DistributiveOmit<EscalationEvent, 'at'>;

export interface SessionState {
  head: ExerciseHead;
  snapshot: EscalationSnapshot;
  /** Append-only; the same array grows, `version` tells that it did. */
  log: readonly LogEntry[];
  /** Entries stored so far; later ones are kept in memory until storage works again. */
  savedLength: number;
  storage: StorageStatus;
  version: number;
}

/**
 * What became of an inject action: logged as done, logged as refused (R13:
 * only the trainer steers), or ignored because it names no inject of this
 * exercise or would change nothing — nothing to log, the reason says why.
 */
export type InjectResult =
  | { outcome: 'accepted'; entry: InjectEntry }
  | { outcome: 'refused'; entry: SteeringRefusedEntry }
  | { outcome: 'ignored'; reason: Text };

export interface ExerciseSession {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  dispatch(attempt: Attempt): AttemptEntry;
  annotate(by: By, text: string, refersTo?: number): LogEntry;
  correct(by: By, text: string, corrects: number): LogEntry;
  clock(by: By, action: ClockAction): LogEntry;
  /** Release, hold or skip one of the scenario's injects. Never throws. */
  inject(by: By, injectId: string, action: InjectAction): InjectResult;
  /** The exercise clock now, naive local ISO. */
  exerciseTimeNow(): string;
  /** Try again to store what could not be stored. */
  retrySave(): void;
  /** Another tab changed this exercise: stop writing, tell the user. */
  markConflict(): void;
  dispose(): void;
}

export type WallClock = () => number;

const SAVED: StorageStatus = { state: 'saved' };

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

const trainerOf = (setup: ExerciseSetup): By => {
  const trainer = setup.cast.find((member) => member.role === 'trainer');
  return { role: 'trainer', name: trainer?.name ?? '' };
};

/** A new exercise: stored at once, with a first entry saying it was created. */
export function createExercise(store: ExerciseStore, setup: ExerciseSetup, now: WallClock = Date.now): ExerciseHead {
  const wall = now();
  const id = newExerciseId();
  const createdAt = new Date(wall).toISOString();
  const actor = createActor(escalationMachine, {
    input: { municipality: setup.municipality, ...(setup.startPhase ? { startPhase: setup.startPhase } : {}) },
  }).start();
  const clock = startClock(setup.startTime, wall);
  const genesis = genesisHash(id, setup, createdAt);
  const created = sealEntry<LogEntry>({
    kind: 'exercise',
    action: 'created',
    seq: 1,
    wall: createdAt,
    exercise: formatExerciseTime(clock.exerciseAtAnchor),
    by: trainerOf(setup),
    prevHash: genesis,
  });
  const head: ExerciseHead = {
    format: EXERCISE_FORMAT,
    id,
    setup,
    createdAt,
    updatedAt: createdAt,
    snapshot: actor.getPersistedSnapshot(),
    clock,
    length: 1,
    headHash: created.hash,
  };
  actor.stop();
  store.create(head, [created]);
  return head;
}

/** Open a stored exercise where it left off: same state, log and clock. */
export function openSession(store: ExerciseStore, id: string, now: WallClock = Date.now): ExerciseSession {
  const storedHead = store.head(id);
  if (!storedHead) throw new Error(`No exercise ${id}`);
  const log: LogEntry[] = store.entries(storedHead);
  const input = {
    municipality: storedHead.setup.municipality,
    ...(storedHead.setup.startPhase ? { startPhase: storedHead.setup.startPhase } : {}),
  };
  const stored = storedHead.snapshot;
  // Without a snapshot XState would start afresh, out of step with the log: that is not this exercise.
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored))
    throw new Error(`The stored model state of exercise ${id} cannot be restored`);
  const actor: Actor<typeof escalationMachine> = createActor(escalationMachine, { input, snapshot: stored as never });
  // A stored snapshot XState cannot restore (storage edited by hand, a bug) is an actor error that XState
  // would throw later from a timer; listen for it and say so now, so the app shows "unreadable".
  const restoring = actor.subscribe({ error: () => undefined });
  actor.start();
  restoring.unsubscribe();
  if (actor.getSnapshot().status !== 'active') {
    actor.stop();
    throw new Error(`The stored model state of exercise ${id} cannot be restored`);
  }

  const listeners = new Set<() => void>();
  let state: SessionState = {
    head: storedHead,
    snapshot: actor.getSnapshot(),
    log,
    savedLength: storedHead.length,
    storage: { state: 'saved' },
    version: 0,
  };

  // A refused attempt leaves the snapshot as it was, so its summary is the one the last attempt ended with.
  let summarized: { snapshot: EscalationSnapshot; summary: ModelSummary } | null = null;
  const summaryOf = (snapshot: EscalationSnapshot): ModelSummary => {
    if (summarized?.snapshot !== snapshot) summarized = { snapshot, summary: summarize(snapshot) };
    return summarized.summary;
  };

  // Attempts in the same millisecond on the same clock share their time stamp (formatting dates is a
  // measurable part of an attempt's cost; issue #6).
  let stamped: { clock: ClockState; time: { wall: number; wallIso: string; exercise: string } } | null = null;
  const stamp = () => {
    const wall = now();
    if (stamped?.time.wall === wall && stamped.clock === state.head.clock) return stamped.time;
    const time = {
      wall,
      wallIso: new Date(wall).toISOString(),
      exercise: formatExerciseTime(exerciseNow(state.head.clock, wall)),
    };
    stamped = { clock: state.head.clock, time };
    return time;
  };

  /** The stored form of each entry not stored yet (sealEntryWithText), so it is serialised once. */
  let unsavedTexts: string[] = [];
  /** The head as this session last wrote it; storage still holding it means no other tab wrote since. */
  let lastWritten: string | undefined;

  /** Append one entry: seal it, store it (with any earlier unsaved ones), then tell the UI. */
  function append(entry: EntryDraft, headChanges: Partial<ExerciseHead> = {}): LogEntry {
    const previous = state.log[state.log.length - 1];
    const unsealed = {
      ...entry,
      seq: state.log.length + 1,
      prevHash: previous?.hash ?? state.head.headHash,
    } as Unhashed<LogEntry>;
    const { entry: sealed, text } = sealEntryWithText(unsealed);
    log.push(sealed);
    unsavedTexts.push(text);
    const head: ExerciseHead = {
      ...state.head,
      ...headChanges,
      updatedAt: sealed.wall,
      length: log.length,
      headHash: sealed.hash,
    };
    state = { ...state, head, snapshot: actor.getSnapshot(), version: state.version + 1, ...saved(head) };
    for (const listener of listeners) listener();
    return sealed;
  }

  /** Store what is not stored yet under `head`; what the state then says about storage. */
  function saved(head: ExerciseHead): Pick<SessionState, 'savedLength' | 'storage'> {
    if (state.storage.state === 'conflict') return { savedLength: state.savedLength, storage: state.storage };
    try {
      lastWritten = store.append(head, state.savedLength, log.slice(state.savedLength), {
        texts: unsavedTexts,
        lastWritten,
      });
      unsavedTexts = [];
      return { savedLength: log.length, storage: SAVED };
    } catch (error) {
      const storage: StorageStatus =
        error instanceof ExerciseConflictError
          ? { state: 'conflict' }
          : {
              state: 'failed',
              reason: error instanceof StorageWriteError ? error.reason : 'unknown',
              unsaved: log.length - state.savedLength,
            };
      return { savedLength: state.savedLength, storage };
    }
  }

  function steering(by: By, action: SteeringAction) {
    const refusal = steeringRefusal(by, action);
    if (!refusal) return null;
    const time = stamp();
    return append({
      kind: 'steeringRefused',
      action,
      refusal,
      by,
      wall: time.wallIso,
      exercise: time.exercise,
    });
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(attempt) {
      const time = stamp();
      const event = { ...attempt, at: { exercise: time.exercise, wall: time.wallIso } } as EscalationEvent;
      const before = actor.getSnapshot();
      const refusal = whyRefused(before, event);
      if (!refusal) actor.send(event);
      const after = actor.getSnapshot();
      return append(
        {
          kind: 'attempt',
          event,
          outcome: refusal ? 'refused' : 'accepted',
          ...(refusal ? { refusal } : {}),
          before: summaryOf(before),
          after: summaryOf(after),
          by: event.by,
          wall: time.wallIso,
          exercise: time.exercise,
        },
        refusal ? {} : { snapshot: actor.getPersistedSnapshot() },
      ) as AttemptEntry;
    },
    annotate(by, text, refersTo) {
      const refused = steering(by, 'exercise.note');
      if (refused) return refused;
      const time = stamp();
      return append({
        kind: 'note',
        text,
        ...(refersTo === undefined ? {} : { refersTo }),
        by,
        wall: time.wallIso,
        exercise: time.exercise,
      });
    },
    correct(by, text, corrects) {
      const refused = steering(by, 'exercise.correct');
      if (refused) return refused;
      const time = stamp();
      return append({ kind: 'correction', text, corrects, by, wall: time.wallIso, exercise: time.exercise });
    },
    clock(by, action) {
      const refused = steering(by, 'exercise.clock');
      if (refused) return refused;
      const time = stamp();
      const clock = applyClockAction(state.head.clock, action, time.wall);
      return append(
        { kind: 'clock', action, by, wall: time.wallIso, exercise: formatExerciseTime(clock.exerciseAtAnchor) },
        { clock },
      );
    },
    inject(by, injectId, action) {
      // R13 first: an attempt by someone who may not steer is logged whatever it names (R10).
      const refused = steering(by, 'inject.release');
      if (refused) return { outcome: 'refused', entry: refused as SteeringRefusedEntry };
      const { setup } = state.head;
      const current = injectStates(setup, state.log).find((inject) => inject.inject.id === injectId);
      const problem = injectActionProblem(setup, current?.status, injectId, action);
      if (problem) return { outcome: 'ignored', reason: problem };
      const time = stamp();
      const entry = append({ kind: 'inject', injectId, action, by, wall: time.wallIso, exercise: time.exercise });
      return { outcome: 'accepted', entry: entry as InjectEntry };
    },
    exerciseTimeNow: () => stamp().exercise,
    retrySave() {
      if (state.storage.state !== 'failed') return;
      state = { ...state, ...saved(state.head) };
      for (const listener of listeners) listener();
    },
    markConflict() {
      state = { ...state, storage: { state: 'conflict' }, version: state.version + 1 };
      for (const listener of listeners) listener();
    },
    dispose() {
      actor.stop();
      listeners.clear();
    },
  };
}
