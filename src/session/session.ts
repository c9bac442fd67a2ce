/**
 * The one door. Nothing reaches the statechart except through a session,
 * so nothing happens unlogged: for every attempt the session has the core
 * judge it (`applyAttempt`, src/core: the model's `whyRefused`, the next
 * state, one hash-chained entry, refusals too, R10), stores the entry, and
 * only then tells the UI.
 *
 * The UI sees the `ExerciseSession` interface only, so a server connection can
 * take this local implementation's place later.
 */
import type { By, EscalationSnapshot, Text } from '../../machines';
import { applyAttempt, type Applied, type Attempt, type ExerciseState, type Proposal } from '../core/applyAttempt';
import { exerciseStateOf, newExercise } from '../core/exerciseState';
import { exerciseNow, formatExerciseTime } from '../core/clock';
import { type InjectAction } from '../core/injects';
import { ExerciseConflictError, StorageWriteError, newExerciseId, type ExerciseStore } from './store';
import type {
  AttemptEntry,
  ClockAction,
  ExerciseHead,
  ExerciseSetup,
  InjectEntry,
  LogEntry,
  SteeringRefusedEntry,
} from '../core/log';
import type { StorageStatus } from './types';

export type { Attempt };
export { summarize } from '../core/applyAttempt';

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

/** A new exercise: stored at once, with a first entry saying it was created. */
export function createExercise(store: ExerciseStore, setup: ExerciseSetup, now: WallClock = Date.now): ExerciseHead {
  const { head, entry } = newExercise(setup, { id: newExerciseId(), wall: now() });
  store.create(head, [entry]);
  return head;
}

/** Open a stored exercise where it left off: same state, log and clock. */
export function openSession(store: ExerciseStore, id: string, now: WallClock = Date.now): ExerciseSession {
  const storedHead = store.head(id);
  if (!storedHead) throw new Error(`No exercise ${id}`);
  const log: LogEntry[] = store.entries(storedHead);
  let core: ExerciseState = exerciseStateOf(storedHead, log);

  const listeners = new Set<() => void>();
  let state: SessionState = {
    head: storedHead,
    snapshot: core.snapshot,
    log,
    savedLength: storedHead.length,
    storage: { state: 'saved' },
    version: 0,
  };

  /** The stored form of each entry not stored yet (sealEntryWithText), so it is serialised once. */
  let unsavedTexts: string[] = [];
  /** The head as this session last wrote it; storage still holding it means no other tab wrote since. */
  let lastWritten: string | undefined;

  /** Judge the proposal in the core, then store its entry (with any earlier unsaved ones), then tell the UI. */
  function propose(proposal: Proposal): Applied {
    const applied = applyAttempt(core, proposal, { wall: now() });
    if (applied.outcome === 'ignored') return applied;
    core = applied.state;
    log.push(applied.entry);
    unsavedTexts.push(applied.text);
    const head = core.head;
    state = { ...state, head, snapshot: core.snapshot, version: state.version + 1, ...saved(head) };
    for (const listener of listeners) listener();
    return applied;
  }

  const entryOf = (applied: Applied): LogEntry => {
    if (applied.outcome === 'ignored') throw new Error('Only an inject step can be ignored');
    return applied.entry;
  };

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

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch: (attempt) => entryOf(propose({ kind: 'attempt', attempt })) as AttemptEntry,
    annotate: (by, text, refersTo) =>
      entryOf(propose({ kind: 'note', by, text, ...(refersTo === undefined ? {} : { refersTo }) })),
    correct: (by, text, corrects) => entryOf(propose({ kind: 'correction', by, text, corrects })),
    clock: (by, action) => entryOf(propose({ kind: 'clock', by, action })),
    inject(by, injectId, action) {
      const applied = propose({ kind: 'inject', by, injectId, action });
      if (applied.outcome === 'ignored') return { outcome: 'ignored', reason: applied.reason };
      return applied.entry.kind === 'inject'
        ? { outcome: 'accepted', entry: applied.entry }
        : { outcome: 'refused', entry: applied.entry as SteeringRefusedEntry };
    },
    exerciseTimeNow: () => formatExerciseTime(exerciseNow(state.head.clock, now())),
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
      listeners.clear();
    },
  };
}
