/**
 * The session, the one door, over the repository port: on the memory adapter
 * and on the IndexedDB adapter (fake-indexeddb, a fresh database per test),
 * with the same expectations. An entry counts once stored: `propose` resolves
 * `stored` only after the repository has it, and what could not be stored is
 * kept, said, and stored later.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { By } from '../../machines';
import { genesisHash, verifyChain, type ExerciseSetup, type LogEntry } from '../../src/core';
import { IdbExerciseStore } from '../../src/session/local/idbExerciseStore';
import { MemoryDatabase, MemoryRepository } from '../../src/session/local/memoryRepository';
import type { ExerciseRepository } from '../../src/session/repository';
import { createExercise, openSession, type ExerciseSession, type Proposed } from '../../src/session/session';

const setup: ExerciseSetup = {
  title: 'Jaarwisseling Utrecht',
  municipality: 'Utrecht',
  startTime: '2026-12-31T22:00',
  cast: [
    { id: 'm', role: 'mayor', name: 'De Boer', municipality: 'Utrecht' },
    { id: 'l', role: 'locoMayor', name: 'Eerenberg', municipality: 'Utrecht' },
    { id: 'c', role: 'commander', name: 'De Vries' },
    { id: 'o', role: 'prosecutor', name: 'Bakker' },
    { id: 't', role: 'trainer', name: 'Jansen' },
  ],
  startPhase: 5,
};
const commander: By = { role: 'commander', name: 'De Vries' };
const mayor: By = { role: 'mayor', name: 'De Boer', municipality: 'Utrecht' };
const trainer: By = { role: 'trainer', name: 'Jansen' };

/** The entry of a proposal that was judged (stored or not). */
function entryOf(proposed: Proposed): LogEntry {
  if (proposed.outcome === 'ignored') throw new Error(`ignored: ${proposed.reason.en}`);
  return proposed.entry;
}

let channels = 0;
const opened: { close(): void }[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

/** Two "tabs" on one device's storage, per adapter. */
const adapters: [string, () => { tab: () => ExerciseRepository }][] = [
  [
    'memory',
    () => {
      const first = new MemoryRepository();
      let used = false;
      return {
        tab: () => {
          if (used) return first.sibling();
          used = true;
          return first;
        },
      };
    },
  ],
  [
    'IndexedDB',
    () => {
      const factory = new IDBFactory();
      const channel = `session-test-${String(++channels)}`;
      return {
        tab: () => {
          const store = new IdbExerciseStore({ indexedDB: factory, channel });
          opened.push(store);
          return store;
        },
      };
    },
  ],
];

/** Until the listener has heard what another tab committed (a channel message, a microtask). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

describe.each(adapters)('the session on the %s repository: one door, everything logged and stored', (_name, device) => {
  let wall = Date.parse('2026-11-28T12:00:00Z');
  const now = () => wall;

  async function started() {
    wall = Date.parse('2026-11-28T12:00:00Z');
    const storage = device();
    const repository = storage.tab();
    const { id } = await createExercise(repository, setup, now);
    const session = await openSession(repository, id, now);
    if (!session) throw new Error('the new exercise is not stored');
    return { storage, repository, id, session };
  }

  const reopen = async (repository: ExerciseRepository, id: string): Promise<ExerciseSession> => {
    const session = await openSession(repository, id, now);
    if (!session) throw new Error(`exercise ${id} is gone`);
    return session;
  };

  it('logs a refused attempt with its rule and an accepted one with the state before and after, each once stored', async () => {
    const { repository, id, session } = await started();
    const refused = await session.dispatch({ type: 'waterCannon.deploy', by: commander });
    expect(refused.outcome).toBe('stored');
    expect(entryOf(refused)).toMatchObject({ outcome: 'refused', refusal: { rule: 'R3' } });
    await session.dispatch({ type: 'mayor.decide', by: mayor, subject: 'waterCannon', verdict: 'granted', grounds: 'rellen' });
    await session.dispatch({ type: 'crowd.warn', by: commander });
    const deployed = await session.dispatch({ type: 'waterCannon.deploy', by: commander });
    expect(entryOf(deployed)).toMatchObject({
      outcome: 'accepted',
      before: { means: [] },
      after: { means: ['waterCannon'] },
    });
    expect(session.getState().log.map((entry) => entry.kind)).toEqual(['exercise', 'attempt', 'attempt', 'attempt', 'attempt']);
    expect(session.getState().savedLength).toBe(5);
    const head = await repository.head(id);
    expect(head?.length).toBe(5);
  });

  it('shows a judged entry at once as not yet stored, and as stored once the repository has it', async () => {
    const { session } = await started();
    const pending = session.dispatch({ type: 'crowd.warn', by: commander });
    // Judged synchronously: in the log, past `savedLength` until the write completes.
    expect(session.getState().log).toHaveLength(2);
    expect(session.getState().savedLength).toBe(1);
    expect((await pending).outcome).toBe('stored');
    expect(session.getState().savedLength).toBe(2);
  });

  it('stores attempts in the order judged when they come faster than the writes', async () => {
    const { repository, id, session } = await started();
    const outcomes = await Promise.all([
      session.dispatch({ type: 'crowd.warn', by: commander }),
      session.annotate(trainer, 'eerste'),
      session.annotate(trainer, 'tweede'),
      session.dispatch({ type: 'crowd.warn', by: commander }),
    ]);
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['stored', 'stored', 'stored', 'stored']);
    const reopened = await reopen(repository, id);
    expect(reopened.getState().log).toEqual(session.getState().log);
    expect(verifyChain(genesisHash(id, setup, reopened.getState().head.createdAt), reopened.getState().log)).toBeNull();
  });

  it('survives a reload: same state, same log, same clock', async () => {
    const { repository, id, session: first } = await started();
    await first.clock(trainer, { type: 'start' });
    wall += 60_000;
    await first.dispatch({ type: 'mayor.decide', by: mayor, subject: 'waterCannon', verdict: 'granted', grounds: 'rellen' });
    await first.dispatch({ type: 'crowd.warn', by: commander });
    await first.dispatch({ type: 'waterCannon.deploy', by: commander });
    const before = first.getState();
    const after = (await reopen(repository, id)).getState();
    expect(after.snapshot.value).toEqual(before.snapshot.value);
    expect(after.snapshot.context).toEqual(before.snapshot.context);
    expect(after.log).toEqual(before.log);
    expect((await reopen(repository, id)).exerciseTimeNow()).toBe('2026-12-31T22:01:00');
  });

  it('stamps exercise and wall time on events, and the clock obeys speed and jumps', async () => {
    const { session } = await started();
    await session.clock(trainer, { type: 'start' });
    await session.clock(trainer, { type: 'speed', speed: 5 });
    wall += 60_000;
    expect(session.exerciseTimeNow()).toBe('2026-12-31T22:05:00');
    await session.clock(trainer, { type: 'jump', minutes: 5 });
    const entry = entryOf(await session.dispatch({ type: 'crowd.warn', by: commander }));
    expect(entry.exercise).toBe('2026-12-31T22:10:00');
    expect(entry.kind === 'attempt' && entry.event.at).toEqual({
      exercise: '2026-12-31T22:10:00',
      wall: '2026-11-28T12:01:00.000Z',
    });
  });

  it('refuses and logs a clock change or a note by someone not steering the exercise (R13)', async () => {
    const { session } = await started();
    expect(entryOf(await session.clock(commander, { type: 'start' })).kind).toBe('steeringRefused');
    expect(session.getState().head.clock.running).toBe(false);
    expect(entryOf(await session.annotate(commander, 'hallo')).kind).toBe('steeringRefused');
    expect(entryOf(await session.annotate(trainer, 'goed besluit', 2)).kind).toBe('note');
  });

  it('reports an inject step that names nothing of this exercise as ignored, and logs nothing', async () => {
    const { session } = await started();
    const result = await session.inject(trainer, 'no-such-inject', 'released');
    expect(result.outcome).toBe('ignored');
    expect(session.getState().log).toHaveLength(1);
  });

  it('does not interleave writes from two tabs on one exercise: the later writer stops, and says so', async () => {
    const { storage, repository, id, session: tabA } = await started();
    const tabB = await reopen(storage.tab(), id);
    expect((await tabA.dispatch({ type: 'crowd.warn', by: commander })).outcome).toBe('stored');
    const late = await tabB.dispatch({ type: 'crowd.warn', by: commander });
    expect(late).toMatchObject({ outcome: 'unsaved', storage: { state: 'conflict' } });
    expect(tabB.getState().storage).toEqual({ state: 'conflict' });
    expect((await reopen(repository, id)).getState().log).toHaveLength(2);

    // The tab in conflict goes on in memory (its head follows its own log) and still writes nothing.
    const warned = entryOf(await tabB.dispatch({ type: 'crowd.warn', by: commander }));
    const state = tabB.getState();
    expect(state.storage).toEqual({ state: 'conflict' });
    expect(state.head.length).toBe(state.log.length);
    expect(state.head.headHash).toBe(warned.hash);
    expect((await reopen(repository, id)).getState().log).toHaveLength(2);
  });

  it('hears that another tab wrote before it tries to write itself', async () => {
    const { storage, id, session: tabA } = await started();
    const tabB = await reopen(storage.tab(), id);
    await tabA.dispatch({ type: 'crowd.warn', by: commander });
    await settled();
    expect(tabB.getState().storage).toEqual({ state: 'conflict' });
    expect(tabA.getState().storage).toEqual({ state: 'saved' });
  });

  it('finds on a recheck that another tab wrote while this one heard nothing', async () => {
    const { storage, id, session: tabA } = await started();
    const other = storage.tab();
    const tabB = await reopen(other, id);
    tabB.dispose(); // no longer listening, as a tab frozen in the background
    await tabA.dispatch({ type: 'crowd.warn', by: commander });
    const frozen = await reopen(other, id);
    await (await reopen(storage.tab(), id)).dispatch({ type: 'crowd.warn', by: commander });
    frozen.dispose();
    await frozen.recheck();
    expect(frozen.getState().storage).toEqual({ state: 'conflict' });
    await tabA.recheck();
    expect(tabA.getState().storage).toEqual({ state: 'conflict' });
  });

  it('takes its own write, stored while a recheck read the head, for its own and not another tab’s', async () => {
    const { repository, session } = await started();
    const read = repository.head.bind(repository);
    let headRead: (() => void) | undefined;
    // The head is read before this tab's next write lands, and handed over after it landed.
    repository.head = async (id) => {
      const head = await read(id);
      await new Promise<void>((resolve) => (headRead = resolve));
      return head;
    };
    const rechecked = session.recheck();
    expect((await session.dispatch({ type: 'crowd.warn', by: commander })).outcome).toBe('stored');
    await waitFor(() => headRead !== undefined);
    headRead?.();
    await rechecked;
    expect(session.getState().storage).toEqual({ state: 'saved' });
  });
});

/** Until `condition` holds, a macrotask at a time (at most a second). */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 100 && !condition(); turn++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('the condition never held');
}

describe('the session when storage fails', () => {
  const now = () => Date.parse('2026-11-28T12:00:00Z');

  it('keeps entries in memory and says so when storage is full, then stores them on a retry', async () => {
    const repository = new MemoryRepository();
    const { id } = await createExercise(repository, setup, now);
    const session = await openSession(repository, id, now);
    if (!session) throw new Error('not stored');
    repository.failWith = 'quota';
    const outcome = await session.dispatch({ type: 'crowd.warn', by: commander });
    expect(outcome).toMatchObject({ outcome: 'unsaved', storage: { state: 'failed', reason: 'quota', unsaved: 1 } });
    expect(session.getState().storage).toEqual({ state: 'failed', reason: 'quota', unsaved: 1 });
    expect(session.getState().log).toHaveLength(2);
    await session.retrySave();
    expect(session.getState().storage).toMatchObject({ state: 'failed' });
    repository.failWith = null;
    await session.retrySave();
    expect(session.getState().storage).toEqual({ state: 'saved' });
    expect(session.getState().savedLength).toBe(2);
    expect((await openSession(repository, id, now))?.getState().log).toHaveLength(2);
  });

  it('stores what failed with the next attempt once there is room again', async () => {
    const repository = new MemoryRepository();
    const { id } = await createExercise(repository, setup, now);
    const session = await openSession(repository, id, now);
    if (!session) throw new Error('not stored');
    repository.failWith = 'unavailable';
    await session.annotate(trainer, 'eerste');
    await session.annotate(trainer, 'tweede');
    expect(session.getState().storage).toEqual({ state: 'failed', reason: 'unavailable', unsaved: 2 });
    repository.failWith = null;
    expect((await session.annotate(trainer, 'derde')).outcome).toBe('stored');
    expect((await repository.head(id))?.length).toBe(4);
  });

  it('opens nothing for an exercise the repository does not have', async () => {
    expect(await openSession(new MemoryRepository(), 'nergens', now)).toBeNull();
  });
});

describe('opening an exercise whose stored model state is broken', () => {
  it.each([
    ['null', null],
    ['a list', []],
    ['nonsense', { value: 42, context: null, status: 'active' }],
  ])('says it cannot be restored when the snapshot is %s, and throws nothing later', async (_label, snapshot) => {
    const db = new MemoryDatabase();
    const repository = new MemoryRepository(db);
    const head = await createExercise(repository, setup);
    db.heads.set(head.id, { ...head, snapshot });
    await expect(openSession(repository, head.id)).rejects.toThrow(/cannot be restored/);
    // Any timer XState might have set fires inside this test: an unhandled error fails the run.
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
});
