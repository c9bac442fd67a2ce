/**
 * Exercises in memory: the repository when the browser offers no IndexedDB
 * (some private windows, blocked storage), where the app says that nothing
 * survives a reload; and the fast adapter for stories and tests.
 *
 * It keeps the IndexedDB adapter's promises: an append is fenced on the stored
 * length, what is stored cannot change afterwards, and a change is heard by
 * the OTHER repositories on the same `MemoryDatabase`, as BroadcastChannel
 * reaches the other tabs and not the writer.
 *
 * What is stored is a frozen copy: IndexedDB copies too (structured clone),
 * but Node's `structuredClone` of a head (set-up and persisted model, ~1.5 KB)
 * took ~30 µs, a third of an attempt's cost through the door (bench
 * `dispatch`). A plain copy of the data, frozen, costs a fraction; the set-up
 * and the model snapshot are copied once each, not with every entry; and what is frozen
 * already (what this repository handed out) is kept as it is. The caller's
 * objects are never frozen: a fixture or a form's state stays its own.
 */
import { ExerciseConflictError, StorageWriteError, type ExerciseChange, type ExerciseRepository } from '../repository';
import type { ExerciseHead, LogEntry } from '../../core/log';
import type { ExerciseSummary } from '../types';
import { summariesOf } from '../summary';

/** A frozen copy of `value`, sharing what is frozen already (what this repository handed out). */
function frozenCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  // for…in over plain data (no inherited keys): no array of keys per object.
  for (const key in value) (copy as Record<string, unknown>)[key] = frozenCopy((value as Record<string, unknown>)[key]);
  return Object.freeze(copy) as T;
}

/** What several memory repositories (several "tabs") share. */
export class MemoryDatabase {
  readonly heads = new Map<string, ExerciseHead>();
  /**
   * The stored copy of each set-up and model snapshot handed over, so a head's are copied once and
   * not with every entry (bench `dispatch`): neither changes once made. The set-up is sealed into
   * the chain's genesis hash (src/core/hashChain.ts), so a changed one is another exercise; the
   * snapshot is the model's state after one accepted attempt, a new one after the next.
   */
  readonly unchanging = new WeakMap<object, object>();
  readonly entries = new Map<string, LogEntry[]>();
  readonly repositories = new Set<MemoryRepository>();
}

export class MemoryRepository implements ExerciseRepository {
  private readonly listeners = new Set<(change: ExerciseChange) => void>();
  /**
   * Refuse every write for this reason, as a full or blocked IndexedDB does;
   * null writes. Stories and tests set it to show what the user sees then.
   */
  failWith: StorageWriteError['reason'] | null = null;

  constructor(private readonly db: MemoryDatabase = new MemoryDatabase()) {
    db.repositories.add(this);
  }

  /** Another repository on the same database, as a second tab would have. */
  sibling(): MemoryRepository {
    return new MemoryRepository(this.db);
  }

  subscribe(listener: (change: ExerciseChange) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private announce(change: ExerciseChange): void {
    // Later, not inside the write, as a channel message arrives after the commit.
    queueMicrotask(() => {
      for (const repository of this.db.repositories)
        if (repository !== this) for (const listener of repository.listeners) listener(change);
    });
  }

  /** A frozen copy of `value`, made once per object (`MemoryDatabase.unchanging`). */
  private once<T extends object>(value: T): T {
    let copy = this.db.unchanging.get(value) as T | undefined;
    if (!copy) {
      copy = frozenCopy(value);
      this.db.unchanging.set(value, copy);
    }
    return copy;
  }

  /** The head as stored: a frozen copy, its set-up and snapshot copied once. */
  private stored(head: ExerciseHead): ExerciseHead {
    return frozenCopy({ ...head, setup: this.once(head.setup), snapshot: this.once(head.snapshot as object) });
  }

  list(): Promise<ExerciseSummary[]> {
    return Promise.resolve(summariesOf([...this.db.heads.values()]));
  }

  head(id: string): Promise<ExerciseHead | null> {
    const head = this.db.heads.get(id);
    return Promise.resolve(head ?? null);
  }

  entries(head: ExerciseHead): Promise<LogEntry[]> {
    const stored = this.db.entries.get(head.id) ?? [];
    if (stored.length < head.length)
      return Promise.reject(new Error(`Entry ${String(stored.length + 1)} of exercise ${head.id} is missing`));
    return Promise.resolve(stored.slice(0, head.length));
  }

  private refused(): Promise<never> | null {
    return this.failWith
      ? Promise.reject(new StorageWriteError(this.failWith, new Error('MemoryRepository.failWith')))
      : null;
  }

  create(head: ExerciseHead, entries: readonly LogEntry[]): Promise<void> {
    const refused = this.refused();
    if (refused) return refused;
    if (this.db.heads.has(head.id)) return Promise.reject(new ExerciseConflictError(head.id));
    this.db.entries.set(head.id, entries.map((entry) => frozenCopy(entry)));
    this.db.heads.set(head.id, this.stored(head));
    this.announce({ type: 'appended', id: head.id, length: head.length });
    return Promise.resolve();
  }

  append(head: ExerciseHead, expectedLength: number, entries: readonly LogEntry[]): Promise<void> {
    const refused = this.refused();
    if (refused) return refused;
    const stored = this.db.heads.get(head.id);
    if ((stored?.length ?? 0) !== expectedLength || !stored) return Promise.reject(new ExerciseConflictError(head.id));
    const log = this.db.entries.get(head.id) ?? [];
    if (log.length > expectedLength) log.length = expectedLength;
    for (const entry of entries) log.push(frozenCopy(entry));
    this.db.entries.set(head.id, log);
    this.db.heads.set(head.id, this.stored(head));
    this.announce({ type: 'appended', id: head.id, length: head.length });
    return Promise.resolve();
  }

  remove(id: string): Promise<void> {
    const refused = this.refused();
    if (refused) return refused;
    this.db.heads.delete(id);
    this.db.entries.delete(id);
    this.announce({ type: 'removed', id });
    return Promise.resolve();
  }
}
