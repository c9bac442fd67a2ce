import { useCallback, useSyncExternalStore } from 'react';
import { exerciseNow, type ClockState } from '../../session';

/**
 * The exercise time now, re-read every second while the clock runs (as the
 * exercise clock itself does), so injects fall due on screen as the clock
 * passes them. Whole seconds keep consecutive reads equal between ticks; a
 * paused clock does not depend on the wall clock at all.
 */
export function useExerciseTime(clock: ClockState, now: () => number = Date.now): number {
  const { running } = clock;
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
  const wall = useSyncExternalStore(subscribe, read, read);
  return exerciseNow(clock, wall);
}
