import { useEffect, useState } from 'react';

/**
 * Whether this tab holds the named Web Lock, asked for while `wanted`: of
 * several tabs asking, one holds it at a time, and the next in line gets it
 * when that one lets go (stops wanting it, closes). Where the browser has no
 * Web Locks (jsdom, a page not served securely) every tab counts as holding it.
 */
export function useReleaseLock(name: string, wanted: boolean): boolean {
  const locks = typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
  const [held, setHeld] = useState<string | null>(null);
  useEffect(() => {
    if (!wanted || !locks) return;
    const asking = new AbortController();
    let done = false;
    let letGo: (() => void) | null = null;
    locks
      .request(name, { signal: asking.signal }, () => {
        // Granted after this effect was cleaned up (a race with the abort): let go at once.
        if (done) return undefined;
        setHeld(name);
        return new Promise<void>((resolve) => {
          letGo = resolve;
        });
      })
      .catch(() => undefined); // AbortError: stopped asking while another tab held it.
    return () => {
      done = true;
      asking.abort();
      letGo?.();
      setHeld(null);
    };
  }, [locks, name, wanted]);
  return wanted && (!locks || held === name);
}
