import { MemoryStorage } from '../session/memoryStorage';
import { ExerciseStore, type KeyValueStorage } from '../session/store';

/**
 * The browser's localStorage when it works; otherwise memory, and the user is
 * told that nothing survives a reload (private windows, blocked storage).
 */
export function chooseStorage(): { storage: KeyValueStorage; volatile: boolean } {
  try {
    const probe = 'paraat/probe';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return { storage: localStorage, volatile: false };
  } catch {
    return { storage: new MemoryStorage(), volatile: true };
  }
}

export function openStore() {
  const { storage, volatile } = chooseStorage();
  return { store: new ExerciseStore(storage), volatile };
}
