/**
 * The drill's storage on this device (issue #15): the exercises its decision
 * points run in, through the same repository port and IndexedDB adapter as
 * the console's, but in a database of their own (`paraat-drills`), so a
 * drill's many small exercises never fill the trainer's list; and the runs
 * (./drillRunStores.ts). Memory when the browser offers no IndexedDB, and
 * then the drill says that nothing survives a reload.
 */
import type { DrillRunStore } from '../drillRuns';
import type { ExerciseRepository } from '../repository';
import { IdbDrillRunStore, MemoryDrillRunStore } from './drillRunStores';
import { IdbExerciseStore } from './idbExerciseStore';
import { MemoryRepository } from './memoryRepository';

export const DRILL_EXERCISES_DATABASE = 'paraat-drills';

export interface DrillStorage {
  exercises: ExerciseRepository;
  runs: DrillRunStore;
  /** True when both live in memory only: a reload loses them. */
  volatile: boolean;
}

export const memoryDrillStorage = (): DrillStorage => ({
  exercises: new MemoryRepository(),
  runs: new MemoryDrillRunStore(),
  volatile: true,
});

/** The page's IndexedDB; reading it throws in some sandboxed frames. */
function pageIndexedDB(): IDBFactory | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : indexedDB;
  } catch {
    return undefined;
  }
}

/** `factory`: the IndexedDB to use, the page's by default; null for none (memory). */
export async function openDrillStorage(factory: IDBFactory | null = pageIndexedDB() ?? null): Promise<DrillStorage> {
  if (!factory) return memoryDrillStorage();
  // No channel: each drill exercise has one writer, the tab that runs the drill.
  const exercises = new IdbExerciseStore({ indexedDB: factory, name: DRILL_EXERCISES_DATABASE, channel: null });
  const runs = new IdbDrillRunStore(factory);
  try {
    await Promise.all([exercises.list(), runs.list()]);
  } catch {
    exercises.close();
    runs.close();
    return memoryDrillStorage();
  }
  return { exercises, runs, volatile: false };
}
