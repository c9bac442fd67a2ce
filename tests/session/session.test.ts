import { beforeEach, describe, expect, it } from 'vitest';
import type { By } from '../../machines';
import {
  createExercise,
  ExerciseStore,
  genesisHash,
  openSession,
  verifyChain,
  type ExerciseSetup,
  MemoryStorage,
} from '../../src/session';

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

describe('the session: one door, everything logged and stored', () => {
  let storage: MemoryStorage;
  let store: ExerciseStore;
  let wall: number;
  const now = () => wall;

  beforeEach(() => {
    storage = new MemoryStorage();
    store = new ExerciseStore(storage);
    wall = Date.parse('2026-11-28T12:00:00Z');
  });

  it('logs a refused attempt with its rule and an accepted one with the state before and after', () => {
    const { id } = createExercise(store, setup, now);
    const session = openSession(store, id, now);
    const refused = session.dispatch({ type: 'waterCannon.deploy', by: commander });
    expect(refused.outcome).toBe('refused');
    expect(refused.refusal?.rule).toBe('R3');
    session.dispatch({
      type: 'mayor.decide',
      by: mayor,
      subject: 'waterCannon',
      verdict: 'granted',
      grounds: 'rellen',
    });
    session.dispatch({ type: 'crowd.warn', by: commander });
    const deployed = session.dispatch({ type: 'waterCannon.deploy', by: commander });
    expect(deployed.outcome).toBe('accepted');
    expect(deployed.before.means).toEqual([]);
    expect(deployed.after.means).toEqual(['waterCannon']);
    expect(session.getState().log.map((entry) => entry.kind)).toEqual([
      'exercise',
      'attempt',
      'attempt',
      'attempt',
      'attempt',
    ]);
  });

  it('survives a reload: same state, same log, same clock', () => {
    const { id } = createExercise(store, setup, now);
    const first = openSession(store, id, now);
    first.clock(trainer, { type: 'start' });
    wall += 60_000;
    first.dispatch({ type: 'mayor.decide', by: mayor, subject: 'waterCannon', verdict: 'granted', grounds: 'rellen' });
    first.dispatch({ type: 'crowd.warn', by: commander });
    first.dispatch({ type: 'waterCannon.deploy', by: commander });
    const before = first.getState();
    const reopened = openSession(store, id, now);
    const after = reopened.getState();
    expect(after.snapshot.value).toEqual(before.snapshot.value);
    expect(after.snapshot.context).toEqual(before.snapshot.context);
    expect(after.log).toEqual(before.log);
    expect(reopened.exerciseTimeNow()).toBe('2026-12-31T22:01:00');
  });

  it('stamps exercise and wall time on events, and the clock obeys speed and jumps', () => {
    const { id } = createExercise(store, setup, now);
    const session = openSession(store, id, now);
    session.clock(trainer, { type: 'start' });
    session.clock(trainer, { type: 'speed', speed: 5 });
    wall += 60_000;
    expect(session.exerciseTimeNow()).toBe('2026-12-31T22:05:00');
    session.clock(trainer, { type: 'jump', minutes: 5 });
    const entry = session.dispatch({ type: 'crowd.warn', by: commander });
    expect(entry.exercise).toBe('2026-12-31T22:10:00');
    expect(entry.event.at).toEqual({ exercise: '2026-12-31T22:10:00', wall: '2026-11-28T12:01:00.000Z' });
  });

  it('refuses and logs a clock change or a note by someone not steering the exercise (R13)', () => {
    const { id } = createExercise(store, setup, now);
    const session = openSession(store, id, now);
    const entry = session.clock(commander, { type: 'start' });
    expect(entry.kind).toBe('steeringRefused');
    expect(session.getState().head.clock.running).toBe(false);
    expect(session.annotate(commander, 'hallo').kind).toBe('steeringRefused');
    expect(session.annotate(trainer, 'goed besluit', 2).kind).toBe('note');
  });

  it('keeps a hash chain that detects a changed entry', () => {
    const head = createExercise(store, setup, now);
    const session = openSession(store, head.id, now);
    session.dispatch({ type: 'crowd.warn', by: commander });
    session.annotate(trainer, 'waarschuwing gegeven');
    const log = session.getState().log;
    const genesis = genesisHash(head.id, head.setup, head.createdAt);
    expect(verifyChain(genesis, log)).toBeNull();
    const tampered = log.map((entry) => (entry.seq === 2 ? { ...entry, wall: '2026-11-28T11:00:00.000Z' } : entry));
    expect(verifyChain(genesis, tampered)).toEqual({ position: 2, seq: 2, problem: 'hash' });
  });

  it('keeps entries in memory and says so when storage is full, then saves them when it can', () => {
    const { id } = createExercise(store, setup, now);
    const session = openSession(store, id, now);
    storage.failWith = 'QuotaExceededError';
    session.dispatch({ type: 'crowd.warn', by: commander });
    expect(session.getState().storage).toEqual({ state: 'failed', reason: 'quota', unsaved: 1 });
    expect(session.getState().log).toHaveLength(2);
    storage.failWith = null;
    session.retrySave();
    expect(session.getState().storage).toEqual({ state: 'saved' });
    expect(openSession(store, id, now).getState().log).toHaveLength(2);
  });

  it('does not interleave writes from two tabs on one exercise', () => {
    const { id } = createExercise(store, setup, now);
    const tabA = openSession(store, id, now);
    const tabB = openSession(store, id, now);
    tabA.dispatch({ type: 'crowd.warn', by: commander });
    tabB.dispatch({ type: 'crowd.warn', by: commander });
    expect(tabB.getState().storage).toEqual({ state: 'conflict' });
    expect(openSession(store, id, now).getState().log).toHaveLength(2);

    // The tab in conflict goes on in memory (its head follows its own log) and still writes nothing.
    const warned = tabB.dispatch({ type: 'crowd.warn', by: commander });
    const state = tabB.getState();
    expect(state.storage).toEqual({ state: 'conflict' });
    expect(state.head.length).toBe(state.log.length);
    expect(state.head.headHash).toBe(warned.hash);
    expect(openSession(store, id, now).getState().log).toHaveLength(2);
  });
});

describe('opening an exercise whose stored model state is broken', () => {
  it.each([
    ['null', null],
    ['a list', []],
    ['nonsense', { value: 42, context: null, status: 'active' }],
  ])('says it cannot be restored when the snapshot is %s, and throws nothing later', async (_label, snapshot) => {
    const storage = new MemoryStorage();
    const store = new ExerciseStore(storage);
    const head = createExercise(store, setup);
    const key = ExerciseStore.headKey(head.id);
    storage.setItem(key, JSON.stringify({ ...head, snapshot }));
    expect(() => openSession(store, head.id)).toThrow(/cannot be restored/);
    // Any timer XState might have set fires inside this test: an unhandled error fails the run.
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
});
