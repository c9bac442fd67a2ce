/**
 * Issue #13 item 2: the IndexedDB exercise store (fake-indexeddb in jsdom; a
 * fresh database per test). Exercises are played through the real core
 * (applyAttempt), the way the session will, so what is stored is what the
 * app stores: live entries and the persisted model snapshot.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyAttempt, type ExerciseState, type Proposal } from '../../../src/core/applyAttempt';
import { newExercise } from '../../../src/core/exerciseState';
import { genesisOf, verifyChain } from '../../../src/core/hashChain';
import { DATABASE_NAME, IdbExerciseStore, type ExerciseChange } from '../../../src/session/local/idbExerciseStore';
import { ExerciseConflictError, StorageWriteError } from '../../../src/session/repository';
import type { ExerciseHead, LogEntry } from '../../../src/core/log';
import { BY, SETUP } from '../../fixtures/exercise';

const T0 = Date.parse('2026-12-31T21:00:00Z');
let channelCount = 0;

const escalate = (reason: string): Proposal => ({
  kind: 'attempt',
  attempt: { type: 'phase.escalate', by: BY.commander, reason },
});
const RUN: Proposal[] = [
  escalate('Groepen jongeren op het Vredenburgplein'),
  { kind: 'attempt', attempt: { type: 'waterCannon.deploy', by: BY.commander } },
  { kind: 'note', by: BY.trainer, text: 'Let op de R3-weigering' },
  { kind: 'clock', by: BY.trainer, action: { type: 'start' } },
];

/** One exercise as the core plays it: its state, its log, and the next entry to propose. */
function exercise(id = 'oefening-1') {
  const created = newExercise(SETUP, { id, wall: T0 });
  let state: ExerciseState = created.state;
  const log: LogEntry[] = [created.entry];
  let wall = T0;
  return {
    get head() {
      return state.head;
    },
    log,
    /** Apply one proposal in the core; the entry and the head after it, not stored. */
    next(proposal: Proposal): { head: ExerciseHead; entry: LogEntry } {
      wall += 60_000;
      const applied = applyAttempt(state, proposal, { wall });
      if (applied.outcome !== 'logged') throw new Error('the run logs every proposal');
      state = applied.state;
      log.push(applied.entry);
      return { head: state.head, entry: applied.entry };
    },
  };
}

/** A prototype's own method as it is, to call from a spy that takes its place. */
function original<T extends object, K extends keyof T>(prototype: T, key: K): T[K] {
  return Object.getOwnPropertyDescriptor(prototype, key)?.value as T[K];
}

describe('the IndexedDB exercise store', () => {
  let factory: IDBFactory;
  let channel: string;
  const stores: IdbExerciseStore[] = [];
  const open = () => {
    const store = new IdbExerciseStore({ indexedDB: factory, channel });
    stores.push(store);
    return store;
  };

  beforeEach(() => {
    factory = new IDBFactory();
    channelCount += 1;
    channel = `paraat-test-${String(channelCount)}`;
  });

  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
    vi.restoreAllMocks();
  });

  it('stores an exercise and its appended entries, and reads back exactly what was sealed', async () => {
    const store = open();
    const played = exercise();
    await store.create(played.head, played.log);
    for (const proposal of RUN) {
      const before = played.head.length;
      const { head, entry } = played.next(proposal);
      await store.append(head, before, [entry]);
    }

    // A second connection, as a reload would open: nothing is served from memory.
    const reopened = open();
    const head = await reopened.head('oefening-1');
    expect(head).toEqual(played.head);
    if (!head) throw new Error('the head is stored');
    const entries = await reopened.entries(head);
    expect(entries).toEqual(played.log);
    expect(entries).toHaveLength(RUN.length + 1);
    expect(verifyChain(genesisOf(head), entries)).toBeNull();
    expect(await reopened.list()).toEqual([
      {
        id: 'oefening-1',
        title: SETUP.title,
        municipality: SETUP.municipality,
        startTime: SETUP.startTime,
        createdAt: played.head.createdAt,
        updatedAt: played.head.updatedAt,
        entries: RUN.length + 1,
      },
    ]);
    expect(await reopened.head('elders')).toBeNull();
  });

  it('lists the most recently changed exercise first, and removes one with all its entries', async () => {
    const store = open();
    const first = exercise('eerste');
    const second = exercise('tweede');
    await store.create(first.head, first.log);
    await store.create(second.head, second.log);
    const { head, entry } = first.next(RUN[0] as Proposal);
    await store.append(head, 1, [entry]);
    expect((await store.list()).map((summary) => summary.id)).toEqual(['eerste', 'tweede']);

    await store.remove('eerste');
    expect((await store.list()).map((summary) => summary.id)).toEqual(['tweede']);
    expect(await store.head('eerste')).toBeNull();
    // Its entries are gone too: a head claiming them finds none.
    await expect(store.entries(first.head)).rejects.toThrow('Entry 1 of exercise eerste is missing');
    expect(await store.entries(second.head)).toEqual(second.log);
  });

  it('refuses a second writer that read an older length, and nothing of its write lands', async () => {
    const tabA = open();
    const tabB = open();
    const played = exercise();
    await tabA.create(played.head, played.log);
    // Both tabs read length 1. Tab A appends first.
    const a = played.next(RUN[0] as Proposal);
    await tabA.append(a.head, 1, [a.entry]);

    // Tab B's own next entry at line 2, made from the state it had read.
    const stale = exercise();
    const b = stale.next(RUN[2] as Proposal);
    expect(b.entry.seq).toBe(2);
    await expect(tabB.append(b.head, 1, [b.entry])).rejects.toBeInstanceOf(ExerciseConflictError);

    const head = await tabB.head('oefening-1');
    expect(head).toEqual(a.head);
    expect(await tabB.entries(a.head)).toEqual([played.log[0], a.entry]);
  });

  it('lets exactly one of two writers at the same moment through', async () => {
    const tabA = open();
    const tabB = open();
    const played = exercise();
    await tabA.create(played.head, played.log);
    const a = played.next(RUN[0] as Proposal);
    const b = exercise().next(RUN[2] as Proposal);

    const results = await Promise.allSettled([tabA.append(a.head, 1, [a.entry]), tabB.append(b.head, 1, [b.entry])]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ExerciseConflictError);
    expect(await tabB.entries(a.head)).toEqual([played.log[0], a.entry]);
  });

  it('refuses to append to an exercise another tab removed, rather than bring back part of it', async () => {
    const tabA = open();
    const tabB = open();
    const played = exercise();
    await tabA.create(played.head, played.log);
    await tabB.remove('oefening-1');
    const a = played.next(RUN[0] as Proposal);
    await expect(tabA.append(a.head, 1, [a.entry])).rejects.toBeInstanceOf(ExerciseConflictError);
    expect(await tabA.head('oefening-1')).toBeNull();
  });

  it('refuses to create an exercise under an id that is stored already, and keeps the stored one', async () => {
    const store = open();
    const played = exercise();
    await store.create(played.head, played.log);
    const other = newExercise({ ...SETUP, title: 'Een andere oefening' }, { id: 'oefening-1', wall: T0 + 1 });
    await expect(store.create(other.head, [other.entry])).rejects.toBeInstanceOf(ExerciseConflictError);
    expect(await store.head('oefening-1')).toEqual(played.head);
  });

  it('refuses entries that do not follow on, or a head that does not count them', async () => {
    const store = open();
    const played = exercise();
    await store.create(played.head, played.log);
    const { head, entry } = played.next(RUN[0] as Proposal);
    await expect(store.append(head, 0, [entry])).rejects.toThrow(RangeError);
    await expect(store.append({ ...head, length: 3 }, 1, [entry])).rejects.toThrow(RangeError);
    expect(await store.head('oefening-1')).toEqual(exercise().head);
  });

  describe('crash safety: a write lands whole or not at all, and counts once stored', () => {
    async function storedAtLengthOne() {
      const store = open();
      const played = exercise();
      await store.create(played.head, played.log);
      const first = played.next(RUN[0] as Proposal);
      const second = played.next(RUN[1] as Proposal);
      return { store, played, first, second };
    }

    async function expectUntouched(store: IdbExerciseStore, played: ReturnType<typeof exercise>) {
      const head = await store.head('oefening-1');
      expect(head?.length).toBe(1);
      expect(head?.headHash).toBe(played.log[0]?.hash);
      // No entry 2 or 3 was left behind for a later head to count.
      await expect(store.entries({ ...played.head, length: 2 })).rejects.toThrow('Entry 2 of exercise oefening-1');
    }

    it('an entry that cannot be stored (not cloneable) takes the whole append with it', async () => {
      const { store, played, first, second } = await storedAtLengthOne();
      const broken = { ...second.entry, by: { ...second.entry.by, toString: () => 'not data' } } as LogEntry;
      const error = await store.append(second.head, 1, [first.entry, broken]).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StorageWriteError);
      expect((error as Error).cause).toMatchObject({ name: 'DataCloneError' });
      await expectUntouched(store, played);
    });

    it('a transaction aborted after the entries were written leaves the old head and no new entries', async () => {
      const { store, played, first, second } = await storedAtLengthOne();
      const put = original(IDBObjectStore.prototype, 'put');
      // The page dies (or the browser aborts) just as the head is written: after both entries.
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
        const request = put.apply(this, args);
        if (this.name === 'heads') this.transaction.abort();
        return request;
      });
      await expect(store.append(second.head, 1, [first.entry, second.entry])).rejects.toBeInstanceOf(StorageWriteError);
      vi.restoreAllMocks();
      await expectUntouched(store, played);
    });

    it('resolves only once the transaction has completed', async () => {
      const { store, first } = await storedAtLengthOne();
      const events: string[] = [];
      const transaction = original(IDBDatabase.prototype, 'transaction');
      vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args) {
        const tx = transaction.apply(this, args);
        tx.addEventListener('complete', () => events.push(`complete ${tx.mode}`));
        return tx;
      });
      await store.append(first.head, 1, [first.entry]).then(() => events.push('resolved'));
      expect(events).toEqual(['complete readwrite', 'resolved']);
    });

    it('asks for strict durability on every write', async () => {
      const { store, first } = await storedAtLengthOne();
      const durabilities: string[] = [];
      const transaction = original(IDBDatabase.prototype, 'transaction');
      vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args) {
        const tx = transaction.apply(this, args);
        if (tx.mode === 'readwrite') durabilities.push(tx.durability);
        return tx;
      });
      await store.append(first.head, 1, [first.entry]);
      await store.remove('oefening-1');
      expect(durabilities).toEqual(['strict', 'strict']);
    });
  });

  describe("failures in the session's terms", () => {
    it('a full disk when writing is a quota failure, and nothing lands', async () => {
      const store = open();
      const played = exercise();
      await store.create(played.head, played.log);
      const { head, entry } = played.next(RUN[0] as Proposal);
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      const error = await store.append(head, 1, [entry]).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StorageWriteError);
      expect((error as StorageWriteError).reason).toBe('quota');
      vi.restoreAllMocks();
      expect((await store.head('oefening-1'))?.length).toBe(1);
    });

    it('a full disk when the transaction commits is a quota failure too', async () => {
      const store = open();
      const played = exercise();
      await store.create(played.head, played.log);
      const { head, entry } = played.next(RUN[0] as Proposal);
      const put = original(IDBObjectStore.prototype, 'put');
      // Browsers often find the disk full only on committing: every request succeeded, the transaction aborts.
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
        const request = put.apply(this, args);
        const tx = this.transaction;
        if (this.name === 'heads')
          request.addEventListener('success', () => {
            tx.abort();
            Object.assign(tx, { error: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
          });
        return request;
      });
      const error = await store.append(head, 1, [entry]).catch((caught: unknown) => caught);
      expect((error as StorageWriteError).reason).toBe('quota');
      vi.restoreAllMocks();
      expect((await store.head('oefening-1'))?.length).toBe(1);
    });

    it('a browser that keeps IndexedDB from the page makes the storage unavailable', async () => {
      const refusing = {
        open: () => {
          throw new DOMException('Access denied', 'SecurityError');
        },
      } as unknown as IDBFactory;
      const store = new IdbExerciseStore({ indexedDB: refusing, channel: null });
      const error = await store.list().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StorageWriteError);
      expect((error as StorageWriteError).reason).toBe('unavailable');
    });

    it('a database that fails to open makes the storage unavailable, and the next call tries again', async () => {
      const real = new IDBFactory();
      let fail = true;
      const flaky = {
        open: (name: string, version?: number) => {
          const request = real.open(name, version);
          if (fail) request.addEventListener('upgradeneeded', () => request.transaction?.abort());
          return request;
        },
      } as unknown as IDBFactory;
      const store = new IdbExerciseStore({ indexedDB: flaky, channel: null });
      stores.push(store);
      const error = await store.list().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StorageWriteError);
      fail = false;
      expect(await store.list()).toEqual([]);
    });

    it('a closed store refuses as unavailable', async () => {
      const store = open();
      store.close();
      const error = await store.list().catch((caught: unknown) => caught);
      expect((error as StorageWriteError).reason).toBe('unavailable');
    });

    it('lets a newer version of the app upgrade, and then refuses as unavailable until reloaded', async () => {
      const store = open();
      const played = exercise();
      await store.create(played.head, played.log);
      // Another tab, on a newer version, opens the database at version 2: it must not be blocked.
      const newer = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = factory.open(DATABASE_NAME, 2);
        request.onblocked = () => {
          reject(new Error('blocked by the older tab'));
        };
        request.onsuccess = () => {
          resolve(request.result);
        };
      });
      newer.close();
      const { head, entry } = played.next(RUN[0] as Proposal);
      const error = await store.append(head, 1, [entry]).catch((caught: unknown) => caught);
      expect((error as StorageWriteError).reason).toBe('unavailable');
      expect((error as Error).cause).toMatchObject({ name: 'VersionError' });
    });
  });

  describe('telling other tabs', () => {
    function heard(store: IdbExerciseStore, count: number): Promise<ExerciseChange[]> {
      const changes: ExerciseChange[] = [];
      return new Promise((resolve) => {
        const stop = store.subscribe((change) => {
          changes.push(change);
          if (changes.length === count) {
            stop();
            resolve(changes);
          }
        });
      });
    }

    it('announces every committed create, append and removal to the other tabs, and no refused one', async () => {
      const tabA = open();
      const tabB = open();
      const listener = open();
      // Three messages, the last one after the refused append: what A said in between has arrived by then.
      const changes = heard(listener, 3);
      const played = exercise();
      await tabA.create(played.head, played.log);
      const a = played.next(RUN[0] as Proposal);
      await tabB.append(a.head, 1, [a.entry]);
      const stale = exercise().next(RUN[2] as Proposal);
      await expect(tabA.append(stale.head, 1, [stale.entry])).rejects.toBeInstanceOf(ExerciseConflictError);
      await tabA.remove('oefening-1');
      expect(await changes).toEqual([
        { type: 'appended', id: 'oefening-1', length: 1 },
        { type: 'appended', id: 'oefening-1', length: 2 },
        { type: 'removed', id: 'oefening-1' },
      ]);
    });

    it('passes on only the messages it knows, and stops when unsubscribed', async () => {
      const tabA = open();
      const listener = open();
      const stranger = new BroadcastChannel(channel);
      const received: ExerciseChange[] = [];
      const stop = listener.subscribe((change) => received.push(change));
      const changes = heard(listener, 1);
      stranger.postMessage({ type: 'hello', id: 3 });
      stranger.postMessage('appended');
      const played = exercise();
      await tabA.create(played.head, played.log);
      expect(await changes).toEqual([{ type: 'appended', id: 'oefening-1', length: 1 }]);
      expect(received).toEqual([{ type: 'appended', id: 'oefening-1', length: 1 }]);

      stop();
      const after = heard(listener, 1);
      await tabA.remove('oefening-1');
      expect(await after).toEqual([{ type: 'removed', id: 'oefening-1' }]);
      expect(received).toHaveLength(1);
      stranger.close();
    });
  });
});
