/**
 * Small choices the app remembers outside any exercise: the language and
 * projector mode for this device (localStorage), who acts in this tab
 * (sessionStorage). Exercises never go here; they go through the repository
 * (../repository.ts). Storage that refuses (a private window, blocked
 * storage) makes a choice hold for this visit only.
 */
export type PreferenceScope = 'device' | 'tab';

const storageOf = (scope: PreferenceScope): Storage =>
  scope === 'device' ? globalThis.localStorage : globalThis.sessionStorage;

export function readPreference(scope: PreferenceScope, key: string): string | null {
  try {
    return storageOf(scope).getItem(key);
  } catch {
    return null;
  }
}

export function writePreference(scope: PreferenceScope, key: string, value: string): void {
  try {
    storageOf(scope).setItem(key, value);
  } catch {
    // Storage unavailable: the choice holds for this visit only.
  }
}

export function forgetPreference(scope: PreferenceScope, key: string): void {
  try {
    storageOf(scope).removeItem(key);
  } catch {
    // Storage unavailable: nothing was kept.
  }
}
