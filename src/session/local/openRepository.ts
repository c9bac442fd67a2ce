/**
 * The repository this device keeps exercises in: IndexedDB when the browser
 * gives it (gigabytes of room), memory otherwise (some private windows,
 * blocked storage), and then the app says that nothing survives a reload.
 *
 * On every start, exercises still in localStorage (Paraat before issue #13)
 * are moved into IndexedDB first, chain verified and read back before the old
 * keys go (migrateFromLocalStorage); running it when nothing is left is one
 * read of one key. An exercise that cannot be moved stays in localStorage and
 * is reported, so the exercise list can say which and why.
 */
import type { ExerciseRepository } from '../repository';
import { IdbExerciseStore, type IdbExerciseStoreOptions } from './idbExerciseStore';
import { MemoryRepository } from './memoryRepository';
import { migrateFromLocalStorage, type MigrationReport } from './migrateFromLocalStorage';

export interface OpenedRepository {
  repository: ExerciseRepository;
  /** True when exercises live in memory only: a reload loses them. */
  volatile: boolean;
  /** Exercises left in localStorage, and why; empty when everything moved (or nothing was there). */
  kept: MigrationReport['kept'];
}

/** The page's localStorage, if it can be read at all (it throws in some sandboxed frames). */
function oldStorage(): Storage | null {
  try {
    return globalThis.localStorage;
  } catch {
    return null;
  }
}

export async function openRepository(options: IdbExerciseStoreOptions = {}): Promise<OpenedRepository> {
  const store = new IdbExerciseStore(options);
  try {
    // Opening the database is where a browser without usable IndexedDB says so.
    await store.list();
  } catch {
    store.close();
    return { repository: new MemoryRepository(), volatile: true, kept: [] };
  }
  const storage = oldStorage();
  let kept: MigrationReport['kept'] = [];
  if (storage)
    try {
      kept = (await migrateFromLocalStorage(storage, store)).kept;
    } catch {
      // localStorage could not be read: nothing was changed there, and IndexedDB holds what it holds.
    }
  return { repository: store, volatile: false, kept };
}
