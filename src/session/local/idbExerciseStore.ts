/**
 * Exercises in IndexedDB (issue #13): the same record as the localStorage
 * store (./localStorageStore.ts), with gigabytes of room instead of ≈5 MB.
 *
 * Database `paraat`, object stores `heads` (key: the exercise id) and
 * `entries` (key: [exercise id, seq]). An append reads the stored head, checks
 * its length, and writes the new entries and the new head in ONE readwrite
 * transaction: the head's `length` stays the commit point, and because
 * IndexedDB runs readwrite transactions on the same store one after another,
 * a second writer (another tab) that read an older length is refused with
 * ExerciseConflictError and none of its write lands. A promise resolves only
 * once its transaction has completed, with strict durability: an entry counts
 * once it is stored, not once it was handed over.
 *
 * Other tabs hear of each committed write on BroadcastChannel('paraat'); this
 * replaces the `storage` event the localStorage store gave for free.
 *
 * Entries are stored as structured values (the entry objects themselves),
 * not as the canonical texts the session also has (sealEntryWithText):
 * IndexedDB clones every value it stores, and a JSON value (strings, finite
 * numbers, booleans, null, arrays, plain objects: all an entry holds, or
 * canonicalize would have refused to seal it) comes back from the structured
 * clone as the same value, so the hash recomputed on reading matches the one
 * sealed (tests/session/local prove it with verifyChain). Objects also spare a
 * JSON.parse per entry each time an exercise is opened, and cannot disagree
 * with the entry the way a text handed in beside it could.
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { ExerciseConflictError, StorageWriteError, type ExerciseChange, type ExerciseRepository } from '../repository';
import type { ExerciseHead, LogEntry } from '../../core/log';
import type { ExerciseSummary } from '../types';
import { summariesOf } from '../summary';

export const DATABASE_NAME = 'paraat';
/** The schema's version: raise it and add a step to `upgrade` for every change of stores or indexes. */
export const DATABASE_VERSION = 1;
export const CHANNEL_NAME = 'paraat';

interface ParaatSchema extends DBSchema {
  heads: { key: string; value: ExerciseHead };
  entries: { key: [string, number]; value: LogEntry };
}

type Database = IDBPDatabase<ParaatSchema>;
type Transaction<Mode extends IDBTransactionMode> = IDBPTransaction<ParaatSchema, ('heads' | 'entries')[], Mode>;

export type { ExerciseChange };

export interface IdbExerciseStoreOptions {
  /** The IndexedDB to use: the browser's by default; tests pass a fresh fake-indexeddb factory each. */
  indexedDB?: IDBFactory;
  /** The database's name; `paraat` by default. */
  name?: string;
  /** The BroadcastChannel name other tabs listen on; null for none. `paraat` by default. */
  channel?: string | null;
}

/** Each version's step in turn, so a database at any older version gets every later step. */
function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore('heads', { keyPath: 'id' });
    // Out-of-line keys: the entry is stored exactly as it was sealed, with nothing added to it.
    db.createObjectStore('entries');
  }
}

const nameOf = (error: unknown): string => (error instanceof DOMException || error instanceof Error ? error.name : '');

/**
 * An IndexedDB failure in the terms the session shows (StorageStatus). A
 * request that failed because its transaction was aborted carries only
 * AbortError; the transaction's own error says why (a full disk is often
 * reported when the transaction commits).
 */
export function storageErrorOf(
  error: unknown,
  transactionError: DOMException | null = null,
): StorageWriteError | ExerciseConflictError {
  if (error instanceof StorageWriteError || error instanceof ExerciseConflictError) return error;
  const cause = nameOf(error) === 'AbortError' && transactionError ? transactionError : error;
  switch (nameOf(cause)) {
    case 'QuotaExceededError':
      return new StorageWriteError('quota', cause);
    // The browser keeps IndexedDB from this page (private mode, a sandbox, settings), the connection
    // was closed (a newer version of the app upgraded the database: VersionError), or the disk failed.
    case 'InvalidStateError':
    case 'SecurityError':
    case 'UnknownError':
    case 'VersionError':
    case 'NotFoundError':
      return new StorageWriteError('unavailable', cause);
    default:
      return new StorageWriteError('unknown', cause);
  }
}

/**
 * Open (and if need be create or upgrade) the database. Blocked: a tab still
 * holds an older version open and does not let go; the page is told the
 * storage is unavailable rather than wait without end, and should it open
 * later after all, that connection is closed again at once.
 */
function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, DATABASE_VERSION);
    } catch (error) {
      reject(storageErrorOf(error));
      return;
    }
    let abandoned = false;
    request.onupgradeneeded = (event) => {
      upgrade(request.result, event.oldVersion);
    };
    request.onblocked = () => {
      abandoned = true;
      reject(new StorageWriteError('unavailable', new Error(`Opening database ${name} is blocked by another tab`)));
    };
    request.onsuccess = () => {
      if (abandoned) request.result.close();
      else resolve(request.result);
    };
    request.onerror = () => {
      reject(request.error ?? new Error(`Opening database ${name} failed`));
    };
  });
}

/** The entries must be the next ones after `from`, in order, and the head must count them. */
function checkRun(head: ExerciseHead, from: number, entries: readonly LogEntry[]): void {
  entries.forEach((entry, index) => {
    if (entry.seq !== from + index + 1)
      throw new RangeError(`Entry ${String(entry.seq)} of exercise ${head.id} is not line ${String(from + index + 1)}`);
  });
  if (head.length !== from + entries.length)
    throw new RangeError(
      `The head of exercise ${head.id} counts ${String(head.length)} entries, not ${String(from + entries.length)}`,
    );
}

function isChange(data: unknown): data is ExerciseChange {
  if (typeof data !== 'object' || data === null) return false;
  const change = data as Partial<Record<keyof ExerciseChange | 'length', unknown>>;
  if (typeof change.id !== 'string') return false;
  return change.type === 'removed' || (change.type === 'appended' && typeof change.length === 'number');
}

const ignore = () => undefined;

export class IdbExerciseStore implements ExerciseRepository {
  private readonly factory: IDBFactory | undefined;
  private readonly name: string;
  private opening: Promise<Database> | null = null;
  private closed = false;
  private readonly channel: BroadcastChannel | null;
  private readonly listeners = new Set<(change: ExerciseChange) => void>();

  constructor({ indexedDB: factory, name = DATABASE_NAME, channel = CHANNEL_NAME }: IdbExerciseStoreOptions = {}) {
    this.factory = factory ?? browserIndexedDB();
    this.name = name;
    this.channel = channel !== null && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(channel) : null;
    if (this.channel)
      this.channel.onmessage = (event: MessageEvent) => {
        const data: unknown = event.data;
        // Another version of the app may say other things on this channel; only what we know is passed on.
        if (!isChange(data)) return;
        for (const listener of this.listeners) listener(data);
      };
  }

  private database(): Promise<Database> {
    if (this.closed) return Promise.reject(new StorageWriteError('unavailable', new Error('The store is closed')));
    const factory = this.factory;
    if (!factory)
      return Promise.reject(new StorageWriteError('unavailable', new Error('This browser offers no IndexedDB')));
    if (this.opening) return this.opening;
    const opening: Promise<Database> = openDatabase(factory, this.name).then(
      (db) => {
        const forget = () => {
          if (this.opening === opening) this.opening = null;
        };
        // A newer version of the app in another tab wants to upgrade: let go so it is not blocked. The
        // next call here opens again, and is refused (VersionError: 'unavailable') until this tab reloads.
        db.addEventListener('versionchange', () => {
          db.close();
          forget();
        });
        // The browser closed the connection (storage cleared, disk gone): open anew next time.
        db.addEventListener('close', forget);
        return wrap(db) as unknown as Database;
      },
      (error: unknown) => {
        if (this.opening === opening) this.opening = null;
        throw storageErrorOf(error);
      },
    );
    this.opening = opening;
    return opening;
  }

  /**
   * Run `body` in one transaction over both stores and resolve once the
   * transaction has completed. Every request `body` starts goes into
   * `pending`, so its failure is the one reported (and none is left
   * unhandled); when anything fails, the transaction is aborted and nothing
   * of it lands.
   */
  private async transact<T, Mode extends 'readonly' | 'readwrite'>(
    mode: Mode,
    body: (tx: Transaction<Mode>, pending: Promise<unknown>[]) => Promise<T>,
  ): Promise<T> {
    const db = await this.database();
    let tx: Transaction<Mode>;
    try {
      tx = db.transaction(['heads', 'entries'], mode, mode === 'readwrite' ? { durability: 'strict' } : {});
    } catch (error) {
      throw storageErrorOf(error);
    }
    const pending: Promise<unknown>[] = [tx.done];
    try {
      const result = await body(tx, pending);
      await Promise.all(pending);
      return result;
    } catch (error) {
      for (const request of pending) request.catch(ignore);
      try {
        tx.abort();
      } catch {
        // Already over: the failed request aborted it.
      }
      throw storageErrorOf(error, tx.error);
    }
  }

  private announce(change: ExerciseChange): void {
    try {
      this.channel?.postMessage(change);
    } catch {
      // The channel is closed (the store was): nobody is listening here any more.
    }
  }

  /** Hear what other tabs (other stores on this channel) commit; returns the way to stop listening. */
  subscribe(listener: (change: ExerciseChange) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async list(): Promise<ExerciseSummary[]> {
    const heads = await this.transact('readonly', (tx) => tx.objectStore('heads').getAll());
    return summariesOf(heads);
  }

  async head(id: string): Promise<ExerciseHead | null> {
    const head = await this.transact('readonly', (tx) => tx.objectStore('heads').get(id));
    return head ?? null;
  }

  /** The head's entries, 1 to `head.length`; entries past it were never committed and are not read. */
  async entries(head: ExerciseHead): Promise<LogEntry[]> {
    if (head.length === 0) return [];
    const entries = await this.transact('readonly', (tx) =>
      tx.objectStore('entries').getAll(IDBKeyRange.bound([head.id, 1], [head.id, head.length])),
    );
    for (let seq = 1; seq <= head.length; seq++)
      if (entries[seq - 1]?.seq !== seq)
        throw new Error(`Entry ${String(seq)} of exercise ${head.id} is missing from storage`);
    return entries;
  }

  /**
   * Store a new exercise with its first entries, all or nothing. An id that
   * is stored already is refused with ExerciseConflictError (another tab, or
   * an earlier migration, stored it first), and the stored one is kept.
   */
  async create(head: ExerciseHead, entries: readonly LogEntry[]): Promise<void> {
    checkRun(head, 0, entries);
    await this.transact('readwrite', async (tx, pending) => {
      const heads = tx.objectStore('heads');
      if ((await heads.getKey(head.id)) !== undefined) throw new ExerciseConflictError(head.id);
      const store = tx.objectStore('entries');
      for (const entry of entries) pending.push(store.put(entry, [head.id, entry.seq]));
      pending.push(heads.put(head));
    });
    this.announce({ type: 'appended', id: head.id, length: head.length });
  }

  /**
   * Append entries and commit the new head, provided the stored head still
   * counts `expectedLength` entries: otherwise another tab appended (or
   * removed the exercise) since, and ExerciseConflictError is thrown with
   * nothing written. Unlike the localStorage store, a head that is gone is a
   * conflict too: appending would bring back an exercise without its first
   * entries.
   *
   * No `texts` option (the entries' canonical JSON, which the localStorage
   * store writes as is): entries are stored as values (see the top of this
   * file). A port that passes one may still declare it; this method has fewer
   * parameters and so fits it.
   */
  async append(head: ExerciseHead, expectedLength: number, entries: readonly LogEntry[]): Promise<void> {
    checkRun(head, expectedLength, entries);
    await this.transact('readwrite', async (tx, pending) => {
      const heads = tx.objectStore('heads');
      const stored = await heads.get(head.id);
      if ((stored?.length ?? 0) !== expectedLength) throw new ExerciseConflictError(head.id);
      const store = tx.objectStore('entries');
      for (const entry of entries) pending.push(store.put(entry, [head.id, entry.seq]));
      pending.push(heads.put(head));
    });
    this.announce({ type: 'appended', id: head.id, length: head.length });
  }

  /** Remove an exercise: its head and every entry stored under it, in one transaction. */
  async remove(id: string): Promise<void> {
    await this.transact('readwrite', (tx, pending) => {
      pending.push(tx.objectStore('heads').delete(id));
      // [id] sorts before every [id, seq], and [id, []] after them all (arrays sort after numbers).
      pending.push(tx.objectStore('entries').delete(IDBKeyRange.bound([id], [id, []])));
      return Promise.resolve();
    });
    this.announce({ type: 'removed', id });
  }

  /** Stop listening and close the database; any later call is refused as 'unavailable'. */
  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.channel?.close();
    const opening = this.opening;
    this.opening = null;
    void opening?.then((db) => {
      db.close();
    }, ignore);
  }
}

/** The page's IndexedDB; reading it throws in some sandboxed frames, and old private modes have none. */
function browserIndexedDB(): IDBFactory | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : indexedDB;
  } catch {
    return undefined;
  }
}
