/**
 * Where a drill keeps what it does (issue #15): its exercises in a database of
 * their own through the console's repository adapter, and its runs in a small
 * store beside it (fake-indexeddb, a fresh factory per test). A run survives a
 * reload; a stored value that is not a run is left out, not shown half; no
 * IndexedDB means memory, and the drill says so.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { DRILL_RUNS_DATABASE, IdbDrillRunStore } from '../../../src/session/local/drillRunStores';
import { DRILL_EXERCISES_DATABASE, openDrillStorage } from '../../../src/session/local/openDrillStorage';
import { DATABASE_NAME } from '../../../src/session/local/idbExerciseStore';
import { StorageWriteError } from '../../../src/session/repository';
import { answerAt, drillRunner } from '../../fixtures/drill';

/** The names of the databases a factory holds. */
const databases = async (factory: IDBFactory) => (await factory.databases()).map((database) => database.name).sort();

describe('drill storage on IndexedDB', () => {
  test('a played point is stored in the drill databases, not in the console’s, and reads back after a reload', async () => {
    const factory = new IDBFactory();
    const storage = await openDrillStorage(factory);
    expect(storage.volatile).toBe(false);
    const run = drillRunner('jaarwisseling', { storage });
    await run.runner.begin();
    run.runner.decide();
    await run.runner.commit(answerAt(run.scenario, 0, { all: { verdict: 'granted' } }));
    await run.runner.touch(['eigen-besluit']);
    run.runner.dispose();

    expect(await databases(factory)).toEqual([DRILL_EXERCISES_DATABASE, DRILL_RUNS_DATABASE].sort());
    expect(await databases(factory)).not.toContain(DATABASE_NAME);

    const reopened = await openDrillStorage(factory);
    const [stored] = await reopened.runs.list();
    expect(stored?.points[0]?.touched).toEqual(['eigen-besluit']);
    expect(stored?.points[0]?.tries[0]?.judged[0]).toMatchObject({ type: 'mayor.decide', outcome: 'accepted' });
    const exerciseId = stored?.points[0]?.exerciseId ?? '';
    const head = await reopened.exercises.head(exerciseId);
    expect(head?.setup.scenarioId).toBe('jaarwisseling');
    // The user's decision is line 5 of its exercise: created, three escalations, then the decision.
    const log = head ? await reopened.exercises.entries(head) : [];
    expect(stored?.points[0]?.tries[0]?.judged[0]?.seq).toBe(5);
    expect(log.find((entry) => entry.seq === stored?.points[0]?.tries[0]?.judged[0]?.seq)).toMatchObject({
      kind: 'attempt',
      event: { type: 'mayor.decide', subject: 'waterCannon', verdict: 'granted' },
    });
  });

  test('a stored value that is not a run is left out of the list', async () => {
    const factory = new IDBFactory();
    const store = new IdbDrillRunStore(factory);
    const run = drillRunner('ggp-go-in-de-wijk');
    await run.runner.begin();
    await store.put(run.runner.getState().run);
    await store.put({ ...run.runner.getState().run, id: 'ffffffffffffffff', format: 'paraat.drillRun/9' } as never);
    const listed = await store.list();
    expect(listed.map((stored) => stored.id)).toEqual([run.runner.getState().run.id]);
    await store.remove(run.runner.getState().run.id);
    expect(await store.list()).toEqual([]);
    store.close();
  });

  test('a failed write is a StorageWriteError the drill can show', async () => {
    const factory = new IDBFactory();
    const store = new IdbDrillRunStore(factory);
    await expect(store.put({ id: 'x', notCloneable: () => 1 } as never)).rejects.toBeInstanceOf(StorageWriteError);
    store.close();
  });

  test('without IndexedDB the drill runs in memory and says a reload loses it', async () => {
    const storage = await openDrillStorage(null);
    expect(storage.volatile).toBe(true);
    expect(await storage.runs.list()).toEqual([]);
  });
});
