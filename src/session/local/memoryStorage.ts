import type { KeyValueStorage } from './localStorageStore';

/** Web Storage in memory: for the migration's tests. It can be told to fail like a full disk. */
export class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  /** When set, every write throws a DOMException of this name (e.g. 'QuotaExceededError'). */
  failWith: string | null = null;

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWith) throw new DOMException('Storage write refused', this.failWith);
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}
