/**
 * Exercises in memory: the repository when the browser offers no IndexedDB
 * (some private windows, blocked storage), where the app says that nothing
 * survives a reload; and the fast adapter for stories and tests.
 *
 * It keeps the IndexedDB adapter's promises: an append is fenced on the stored
 * length, values are cloned in and out (a caller changing an entry later
 * changes nothing stored), and a change is heard by the OTHER repositories on
 * the same `MemoryDatabase`, as BroadcastChannel reaches the other tabs and
 * not the writer.
 */
import { ExerciseConflictError, StorageWriteError, type ExerciseChange, type ExerciseRepository } from '../repository';
import type { ExerciseHead, LogEntry } from '../../core/log';
import type { ExerciseSummary } from '../types';
import { summariesOf } from '../summary';

/** What several memory repositories (several "tabs") share. */
export class MemoryDatabase {
  readonly heads = new Map<string, ExerciseHead>();
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

  list(): Promise<ExerciseSummary[]> {
    return Promise.resolve(summariesOf([...this.db.heads.values()]));
  }

  head(id: string): Promise<ExerciseHead | null> {
    const head = this.db.heads.get(id);
    return Promise.resolve(head ? structuredClone(head) : null);
  }

  entries(head: ExerciseHead): Promise<LogEntry[]> {
    const stored = this.db.entries.get(head.id) ?? [];
    if (stored.length < head.length)
      return Promise.reject(new Error(`Entry ${String(stored.length + 1)} of exercise ${head.id} is missing`));
    return Promise.resolve(structuredClone(stored.slice(0, head.length)));
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
    this.db.entries.set(head.id, structuredClone([...entries]));
    this.db.heads.set(head.id, structuredClone(head));
    this.announce({ type: 'appended', id: head.id, length: head.length });
    return Promise.resolve();
  }

  append(head: ExerciseHead, expectedLength: number, entries: readonly LogEntry[]): Promise<void> {
    const refused = this.refused();
    if (refused) return refused;
    const stored = this.db.heads.get(head.id);
    if ((stored?.length ?? 0) !== expectedLength || !stored) return Promise.reject(new ExerciseConflictError(head.id));
    const log = this.db.entries.get(head.id) ?? [];
    log.length = expectedLength;
    log.push(...structuredClone([...entries]));
    this.db.entries.set(head.id, log);
    this.db.heads.set(head.id, structuredClone(head));
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
