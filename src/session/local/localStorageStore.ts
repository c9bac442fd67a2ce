/**
 * Exercises in Web Storage (localStorage), as Paraat kept them before issue
 * #13: now read only by the migration to IndexedDB (./migrateFromLocalStorage.ts)
 * and its tests, which make fixtures of the old format with it. One key for the index, one for each
 * exercise's head, one for each log entry. An attempt writes its entry and
 * then the head; the head's `length` is the commit point, so a crash between
 * the two loses nothing that was shown as done, and two tabs cannot
 * interleave writes (the second finds a length it did not expect).
 */
import type { ExerciseHead, LogEntry } from '../../core/log';
import { ExerciseConflictError, StorageWriteError } from '../repository';
import type { ExerciseSummary } from '../types';
import { summariesOf } from '../summary';

/** The part of the Web Storage API the store needs; tests pass their own. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const INDEX_KEY = 'paraat/index';
const headKey = (id: string) => `paraat/exercise/${id}`;
const entryKey = (id: string, seq: number) => `paraat/exercise/${id}/${String(seq)}`;

function classify(error: unknown): StorageWriteError {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED')
    return new StorageWriteError('quota', error);
  if (name === 'SecurityError' || name === 'InvalidStateError') return new StorageWriteError('unavailable', error);
  return new StorageWriteError('unknown', error);
}

function write(storage: KeyValueStorage, key: string, value: unknown): void {
  writeText(storage, key, JSON.stringify(value));
}

function writeText(storage: KeyValueStorage, key: string, text: string): void {
  try {
    storage.setItem(key, text);
  } catch (error) {
    throw classify(error);
  }
}

/**
 * JSON of the set-up and the model snapshot, by identity: a head is written
 * on every attempt, and these two are its bulk but change rarely (the set-up
 * never, the snapshot only on an accepted attempt). The session replaces them,
 * never changes them in place.
 */
const jsonByIdentity = new WeakMap<object, string>();

function jsonOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  let json = jsonByIdentity.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    jsonByIdentity.set(value, json);
  }
  return json;
}

function headJson(head: ExerciseHead): string {
  const { setup, snapshot, ...rest } = head;
  const snapshotJson = jsonOf(snapshot);
  // `rest` always has members (format, id, …), so its JSON ends in '}' after at least one.
  return `${JSON.stringify(rest).slice(0, -1)},"setup":${jsonOf(setup) ?? 'null'}${
    snapshotJson === undefined ? '' : `,"snapshot":${snapshotJson}`
  }}`;
}

/** The parsed value at `key`; null when absent or not JSON. Callers name what they expect. */
function read(storage: KeyValueStorage, key: string): unknown {
  const text = storage.getItem(key);
  return text === null ? null : parsed(text);
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export class LocalStorageExerciseStore {
  constructor(private readonly storage: KeyValueStorage) {}

  private ids(): string[] {
    const ids = read(this.storage, INDEX_KEY);
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  }

  list(): ExerciseSummary[] {
    return summariesOf(
      this.ids()
        .map((id) => this.head(id))
        .filter((head): head is ExerciseHead => head !== null),
    );
  }

  head(id: string): ExerciseHead | null {
    return read(this.storage, headKey(id)) as ExerciseHead | null;
  }

  entries(head: ExerciseHead): LogEntry[] {
    const entries: LogEntry[] = [];
    for (let seq = 1; seq <= head.length; seq++) {
      const entry = read(this.storage, entryKey(head.id, seq)) as LogEntry | null;
      if (!entry) throw new Error(`Entry ${String(seq)} of exercise ${head.id} is missing from storage`);
      entries.push(entry);
    }
    return entries;
  }

  /**
   * Store a new exercise (an id not stored yet) with its first entries. When
   * storage refuses part way, what was written is taken away again: storage
   * is most likely full, and keys no list reaches would stay full for good.
   */
  create(head: ExerciseHead, entries: readonly LogEntry[]): void {
    const written: string[] = [];
    try {
      for (const entry of entries) {
        written.push(entryKey(head.id, entry.seq));
        write(this.storage, entryKey(head.id, entry.seq), entry);
      }
      written.push(headKey(head.id));
      write(this.storage, headKey(head.id), head);
      const ids = this.ids();
      if (!ids.includes(head.id)) write(this.storage, INDEX_KEY, [...ids, head.id]);
    } catch (error) {
      for (const key of written) {
        try {
          this.storage.removeItem(key);
        } catch {
          // Storage refuses even this; the index never listed the id, so no list shows the remains.
        }
      }
      throw error;
    }
  }

  /**
   * Append entries and commit the new head, provided nobody else appended
   * since `expectedLength`. Returns the head as written, for the writer's next
   * `lastWritten`: while storage still holds exactly that text, nobody else
   * wrote, and the head need not be read back (this runs on every attempt;
   * issue #6). `texts`, when given, holds each entry's JSON as the caller
   * already has it (sealEntryWithText), in the same order.
   */
  append(
    head: ExerciseHead,
    expectedLength: number,
    entries: readonly LogEntry[],
    { texts, lastWritten }: { texts?: readonly string[]; lastWritten?: string } = {},
  ): string {
    const key = headKey(head.id);
    const current = this.storage.getItem(key);
    if (current === null || current !== lastWritten) {
      const stored = current === null ? null : (parsed(current) as ExerciseHead | null);
      if (stored && stored.length !== expectedLength) throw new ExerciseConflictError(head.id);
    }
    entries.forEach((entry, index) => {
      writeText(this.storage, entryKey(head.id, entry.seq), texts?.[index] ?? JSON.stringify(entry));
    });
    const text = headJson(head);
    writeText(this.storage, key, text);
    return text;
  }

  remove(id: string): void {
    const head = this.head(id);
    write(
      this.storage,
      INDEX_KEY,
      this.ids().filter((other) => other !== id),
    );
    if (head) for (let seq = 1; seq <= head.length; seq++) this.storage.removeItem(entryKey(id, seq));
    this.storage.removeItem(headKey(id));
  }

  /** The key another tab's write to this exercise arrives under (the `storage` event). */
  static headKey = headKey;
}
