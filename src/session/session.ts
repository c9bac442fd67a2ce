/**
 * The one door. Nothing reaches the statechart except through a session, so
 * nothing happens unlogged: for every proposal the session has the core judge
 * it (`applyAttempt`, src/core: the model's `whyRefused`, the next state, one
 * hash-chained entry, refusals too, R10), hands the entry to the repository,
 * and reports the outcome once the repository says it is stored
 * (ARCHITECTURE.md: an entry counts once stored; a guarded decision is
 * "pending" until then, never optimistic).
 *
 * Writes go out one at a time, in the order judged (one writer per exercise,
 * a serial queue); each append names the length it expects stored, so a
 * second writer (another tab) is refused by the repository and this session
 * stops writing (`conflict`) instead of interleaving. What could not be stored
 * stays in memory, shown as not stored, and goes out with the next write or a
 * retry.
 *
 * The UI sees the `ExerciseSession` interface only, so a server connection can
 * take this local implementation's place.
 */
import type { By, EscalationSnapshot, Text } from '../../machines';
import { applyAttempt, type Attempt, type ExerciseState, type Proposal } from '../core/applyAttempt';
import { exerciseStateOf, newExercise } from '../core/exerciseState';
import { exerciseNow, formatExerciseTime } from '../core/clock';
import type { InjectAction } from '../core/injects';
import { dueForRelease } from '../core/releasePolicy';
import {
  ExerciseConflictError,
  StorageWriteError,
  newExerciseId,
  type ExerciseChange,
  type ExerciseRepository,
} from './repository';
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

export type { Attempt, Proposal };
export { summarize } from '../core/applyAttempt';

export interface SessionState {
  head: ExerciseHead;
  snapshot: EscalationSnapshot;
  /** Append-only; the same array grows, `version` tells that it did. Entries past `savedLength` are not stored yet. */
  log: readonly LogEntry[];
  /** Entries stored so far: the rest is judged and shown, and pending (or failed) storage. */
  savedLength: number;
  storage: StorageStatus;
  version: number;
}

/**
 * What became of a proposal. `stored`: judged (accepted or refused, the entry
 * says) and in the repository. `unsaved`: judged and in this session's log,
 * but the repository did not take it (full, unavailable, or another writer
 * came first: `storage` says which); it is kept and retried, and the UI says
 * so. `ignored`: an inject step that names nothing of this exercise or would
 * change nothing; nothing is logged and the reason says why.
 */
export type Proposed<E extends LogEntry = LogEntry> =
  | { outcome: 'stored'; entry: E }
  | { outcome: 'unsaved'; entry: E; storage: Exclude<StorageStatus, { state: 'saved' }> }
  | { outcome: 'ignored'; reason: Text };

/** What became of an inject action, as the inject queue words it (R13: only the trainer steers). */
export type InjectResult =
  | { outcome: 'accepted'; entry: InjectEntry }
  | { outcome: 'refused'; entry: SteeringRefusedEntry }
  | { outcome: 'ignored'; reason: Text };

export interface ExerciseSession {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  /** The one door: judge, log, store; resolves once stored (or once storing failed). Never rejects. */
  propose(proposal: Proposal): Promise<Proposed>;
  dispatch(attempt: Attempt): Promise<Proposed<AttemptEntry>>;
  annotate(by: By, text: string, refersTo?: number): Promise<Proposed>;
  correct(by: By, text: string, corrects: number): Promise<Proposed>;
  clock(by: By, action: ClockAction): Promise<Proposed>;
  /** Release, hold or skip one of the scenario's injects. */
  inject(by: By, injectId: string, action: InjectAction): Promise<InjectResult>;
  /**
   * Release every queued inject due at `exerciseTime` (ms, the exercise clock's scale), in the
   * trainer's name: which ones is the core's release policy, the same a server follows.
   */
  releaseDue(by: By, exerciseTime: number): Promise<InjectResult[]>;
  /** The exercise clock now, naive local ISO. */
  exerciseTimeNow(): string;
  /** Try again to store what could not be stored. */
  retrySave(): Promise<void>;
  /**
   * Ask the repository whether another writer changed this exercise (a tab
   * shown again may have missed the news); if so, stop writing.
   */
  recheck(): Promise<void>;
  dispose(): void;
}

export type WallClock = () => number;

const SAVED: StorageStatus = { state: 'saved' };
const CONFLICT: StorageStatus = { state: 'conflict' };

/** A new exercise: stored at once, with a first entry saying it was created. */
export async function createExercise(
  repository: ExerciseRepository,
  setup: ExerciseSetup,
  now: WallClock = Date.now,
): Promise<ExerciseHead> {
  const { head, entry } = newExercise(setup, { id: newExerciseId(), wall: now() });
  await repository.create(head, [entry]);
  return head;
}

/** The inject queue's reading of a proposal's outcome. */
export function injectResultOf(proposed: Proposed): InjectResult {
  if (proposed.outcome === 'ignored') return proposed;
  return proposed.entry.kind === 'inject'
    ? { outcome: 'accepted', entry: proposed.entry }
    : { outcome: 'refused', entry: proposed.entry as SteeringRefusedEntry };
}

const failureOf = (error: unknown, unsaved: number): Exclude<StorageStatus, { state: 'saved' }> =>
  error instanceof ExerciseConflictError
    ? CONFLICT
    : { state: 'failed', reason: error instanceof StorageWriteError ? error.reason : 'unknown', unsaved };

/**
 * Open a stored exercise where it left off: same state, log and clock. Null
 * when the repository has no exercise by that id.
 */
export async function openSession(
  repository: ExerciseRepository,
  id: string,
  now: WallClock = Date.now,
): Promise<ExerciseSession | null> {
  const head = await repository.head(id);
  if (!head) return null;
  return startSession(repository, head, await repository.entries(head), now);
}

/**
 * A session on an exercise already read from `repository` (its stored head
 * and entries): what `openSession` does once it has read them. Synchronous,
 * for fixtures and stories that build a session on a memory repository.
 */
export function startSession(
  repository: ExerciseRepository,
  storedHead: ExerciseHead,
  storedLog: readonly LogEntry[],
  now: WallClock = Date.now,
): ExerciseSession {
  const log: LogEntry[] = [...storedLog];
  let core: ExerciseState = exerciseStateOf(storedHead, log);

  const listeners = new Set<() => void>();
  let state: SessionState = {
    head: storedHead,
    snapshot: core.snapshot,
    log,
    savedLength: storedHead.length,
    storage: SAVED,
    version: 0,
  };
  const publish = (next: Partial<SessionState>) => {
    state = { ...state, ...next, version: state.version + 1 };
    for (const listener of listeners) listener();
  };

  /** Proposals judged and waiting to hear whether their entry was stored. */
  let waiting: { seq: number; settle: (storage: StorageStatus) => void }[] = [];
  const settleUpTo = (length: number, storage: StorageStatus) => {
    // Waiters are in seq order (judged in order): the due ones are at the front.
    const count = waiting.findIndex((waiter) => waiter.seq > length);
    const due = count === -1 ? waiting : waiting.slice(0, count);
    waiting = count === -1 ? [] : waiting.slice(count);
    for (const waiter of due) waiter.settle(storage);
  };

  let writing: Promise<void> | null = null;
  /** Store what is not stored yet, one append at a time, until nothing is left or storing fails. */
  function flush(): Promise<void> {
    if (writing) return writing;
    // `writing` is cleared in the step the loop ends, not a microtask later (as `.finally()` would):
    // a caller resumed by the last settle may propose again at once, and its entry needs a new flush.
    const pass = { done: false };
    const run = (async () => {
      try {
        while (state.storage.state !== 'conflict' && state.savedLength < log.length) {
          const from = state.savedLength;
          const to = log.length;
          // The head as judged now counts exactly `to` entries: judging is synchronous.
          const head = core.head;
          try {
            await repository.append(head, from, log.slice(from, to));
          } catch (error) {
            const storage = failureOf(error, log.length - from);
            publish({ storage });
            settleUpTo(Number.POSITIVE_INFINITY, storage);
            return;
          }
          publish({ savedLength: to, storage: SAVED });
          settleUpTo(to, SAVED);
        }
      } finally {
        pass.done = true;
        writing = null;
      }
    })();
    // With nothing to store the body ran to its end already: nothing is writing.
    if (!pass.done) writing = run;
    return run;
  }

  function propose(proposal: Proposal): Promise<Proposed> {
    const applied = applyAttempt(core, proposal, { wall: now() });
    if (applied.outcome === 'ignored') return Promise.resolve(applied);
    core = applied.state;
    log.push(applied.entry);
    publish({ head: core.head, snapshot: core.snapshot });
    const { entry } = applied;
    const outcome = new Promise<Proposed>((resolve) => {
      const settle = (storage: StorageStatus) => {
        resolve(storage.state === 'saved' ? { outcome: 'stored', entry } : { outcome: 'unsaved', entry, storage });
      };
      if (state.storage.state === 'conflict') settle(state.storage);
      else waiting.push({ seq: entry.seq, settle });
    });
    void flush();
    return outcome;
  }

  const onChange = (change: ExerciseChange) => {
    // The repository tells only of other writers' commits: any for this exercise means ours is out of date.
    if (change.id === storedHead.id && state.storage.state !== 'conflict') publish({ storage: CONFLICT });
  };
  const unsubscribe = repository.subscribe(onChange);

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    propose,
    dispatch: (attempt) => propose({ kind: 'attempt', attempt }) as Promise<Proposed<AttemptEntry>>,
    annotate: (by, text, refersTo) =>
      propose({ kind: 'note', by, text, ...(refersTo === undefined ? {} : { refersTo }) }),
    correct: (by, text, corrects) => propose({ kind: 'correction', by, text, corrects }),
    clock: (by, action) => propose({ kind: 'clock', by, action }),
    inject: async (by, injectId, action) => injectResultOf(await propose({ kind: 'inject', by, injectId, action })),
    releaseDue: (by, exerciseTime) =>
      Promise.all(
        dueForRelease(core.head.setup, core.injects, exerciseTime).map(async (inject) =>
          injectResultOf(await propose({ kind: 'inject', by, injectId: inject.id, action: 'released' })),
        ),
      ),
    exerciseTimeNow: () => formatExerciseTime(exerciseNow(state.head.clock, now())),
    async retrySave() {
      // The failure stays on show until a write succeeds (flush then says `saved`).
      if (state.storage.state === 'failed') await flush();
    },
    async recheck() {
      if (state.storage.state === 'conflict') return;
      // Our own writes may commit while the head is being read: any length from what was stored
      // when the read began to what is stored (or being stored) when it ends is ours. Only a length
      // outside that, or no head at all, is another writer's doing.
      const storedBefore = state.savedLength;
      let stored: ExerciseHead | null;
      try {
        stored = await repository.head(storedHead.id);
      } catch {
        return; // Unreadable now: the next write finds out, fenced on the stored length.
      }
      const ours = writing ? log.length : state.savedLength;
      if (!stored || stored.length < storedBefore || stored.length > ours) publish({ storage: CONFLICT });
    },
    dispose() {
      unsubscribe();
      listeners.clear();
    },
  };
}
