import { useCallback, useSyncExternalStore } from 'react';

/** Where a tab's visibility is read: the document in the app; one stand-in per tab in tests (jsdom has one document). */
export type PageVisibility = Pick<Document, 'visibilityState'> &
  Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

const pageOfThisTab = typeof document === 'undefined' ? undefined : document;

/**
 * Whether the tab is shown, following `visibilitychange`. The change re-renders the caller, which
 * then re-reads the wall clock at once: a tab shown again does not wait for its next tick (a hidden
 * tab's timers are throttled, in Chrome to once a minute after a while). Without a document the
 * page counts as shown.
 */
export function usePageVisible(page: PageVisibility | undefined = pageOfThisTab): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!page) return () => undefined;
      page.addEventListener('visibilitychange', onChange);
      return () => {
        page.removeEventListener('visibilitychange', onChange);
      };
    },
    [page],
  );
  const read = () => page?.visibilityState !== 'hidden';
  return useSyncExternalStore(subscribe, read, read);
}
