/**
 * Where drill runs are kept (./../drillRuns.ts): IndexedDB, database
 * `paraat-drill-runs`, object store `runs` (key: the run's id); or memory for
 * stories, tests and a browser without IndexedDB. A run is put whole each
 * time it changes; it is small (a few kB), and one tab writes it.
 */
import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import { byStart, readDrillRun, type DrillRun, type DrillRunStore } from '../drillRuns';
import { StorageWriteError } from '../repository';
import { storageErrorOf } from './idbExerciseStore';

export const DRILL_RUNS_DATABASE = 'paraat-drill-runs';

interface RunsSchema extends DBSchema {
  runs: { key: string; value: DrillRun };
}

/** Open (creating on first use) the runs database on `factory`; refused, not waited on, when another tab blocks it. */
function openRuns(factory: IDBFactory): Promise<IDBPDatabase<RunsSchema>> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DRILL_RUNS_DATABASE, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('runs', { keyPath: 'id' });
    };
    request.onblocked = () => {
      reject(new StorageWriteError('unavailable', new Error(`${DRILL_RUNS_DATABASE} is blocked by another tab`)));
    };
    request.onsuccess = () => {
      resolve(wrap(request.result) as unknown as IDBPDatabase<RunsSchema>);
    };
    request.onerror = () => {
      reject(storageErrorOf(request.error));
    };
  });
}

export class IdbDrillRunStore implements DrillRunStore {
  private opening: Promise<IDBPDatabase<RunsSchema>> | null = null;

  constructor(private readonly factory: IDBFactory) {}

  private database() {
    this.opening ??= openRuns(this.factory).catch((error: unknown) => {
      this.opening = null;
      throw storageErrorOf(error);
    });
    return this.opening;
  }

  async list(): Promise<DrillRun[]> {
    const stored: unknown[] = await (await this.database()).getAll('runs');
    return stored.map(readDrillRun).filter((run): run is DrillRun => run !== null).sort(byStart);
  }

  async put(run: DrillRun): Promise<void> {
    try {
      const db = await this.database();
      const tx = db.transaction('runs', 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.put(run), tx.done]);
    } catch (error) {
      throw storageErrorOf(error);
    }
  }

  async remove(id: string): Promise<void> {
    try {
      await (await this.database()).delete('runs', id);
    } catch (error) {
      throw storageErrorOf(error);
    }
  }

  close(): void {
    void this.opening?.then(
      (db) => {
        db.close();
      },
      () => undefined,
    );
    this.opening = null;
  }
}

/** Runs in memory: cloned in and out, as IndexedDB would. */
export class MemoryDrillRunStore implements DrillRunStore {
  private readonly runs = new Map<string, DrillRun>();
  /** Refuse every write for this reason; stories and tests set it. */
  failWith: StorageWriteError['reason'] | null = null;

  constructor(runs: readonly DrillRun[] = []) {
    for (const run of runs) this.runs.set(run.id, structuredClone(run));
  }

  list(): Promise<DrillRun[]> {
    return Promise.resolve(structuredClone([...this.runs.values()]).sort(byStart));
  }

  put(run: DrillRun): Promise<void> {
    if (this.failWith) return Promise.reject(new StorageWriteError(this.failWith, new Error('failWith')));
    this.runs.set(run.id, structuredClone(run));
    return Promise.resolve();
  }

  remove(id: string): Promise<void> {
    this.runs.delete(id);
    return Promise.resolve();
  }
}
