import { useEffect } from 'react';
import type { ExerciseSession } from './session';

/**
 * A tab restored from the back/forward cache, or hidden a while (its timers
 * throttled, perhaps frozen), may have missed another tab's news of a write:
 * on coming back it asks the repository (`recheck`), so a conflict is said at
 * once rather than at this tab's next write, which the repository would refuse
 * anyway (fenced on the stored length). The console and the model screen use it.
 */
export function useRecheckWhenShown(session: ExerciseSession): void {
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) void session.recheck();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void session.recheck();
    };
    window.addEventListener('pageshow', onPageShow);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pageshow', onPageShow);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [session]);
}
