import { useCallback, useSyncExternalStore } from 'react';

/**
 * The wall clock in whole seconds, re-read every second while the exercise clock runs: the clock's
 * face, injects falling due and a debrief opened mid-exercise follow it. Whole seconds keep
 * consecutive reads equal between ticks; while the clock stands still nothing depends on the wall
 * clock, and this stays 0 without a timer.
 */
export function useWallClock(running: boolean, now: () => number = Date.now): number {
  const subscribe = useCallback(
    (onTick: () => void) => {
      if (!running) return () => undefined;
      const timer = setInterval(onTick, 1000);
      return () => {
        clearInterval(timer);
      };
    },
    [running],
  );
  const read = () => (running ? Math.floor(now() / 1000) * 1000 : 0);
  return useSyncExternalStore(subscribe, read, read);
}
