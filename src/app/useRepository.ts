import { useEffect, useState } from 'react';
import type { OpenedRepository } from '../session/local/openRepository';

/**
 * This device's repository: IndexedDB, with exercises still in the old browser storage moved over first, or
 * memory when the browser offers no IndexedDB. Loaded after the first screen is drawn: it brings
 * the hash chain the migration verifies with (initialJs, npm run bench:check).
 */
export function useRepository(): OpenedRepository | null {
  const [opened, setOpened] = useState<OpenedRepository | null>(null);
  useEffect(() => {
    let cancelled = false;
    void import('../session/local/openRepository')
      .then(({ openRepository }) => openRepository())
      .then((result) => {
        if (!cancelled) setOpened(result);
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return opened;
}
