import { useEffect } from 'react';

/**
 * Offline use: register the service worker once the first screen is drawn and the main thread is
 * idle. Its install fetches and caches every chunk (~2.3 MB, the diagram's layout library among
 * them); started on `load`, that competed with the first render on a slow laptop. Only in the
 * build: dev and tests have no sw.js.
 */
export function useServiceWorker() {
  useEffect(() => {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    const register = () => {
      void navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
    };
    if (typeof window.requestIdleCallback === 'function') {
      const idle = window.requestIdleCallback(register, { timeout: 3000 });
      return () => {
        window.cancelIdleCallback(idle);
      };
    }
    const timer = window.setTimeout(register, 1000);
    return () => {
      window.clearTimeout(timer);
    };
  }, []);
}
