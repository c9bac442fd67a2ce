import { exerciseNow, type ClockState } from '../../session';
import { useWallClock } from '../../session/useWallClock';

/**
 * The exercise time now, re-read every second while the clock runs (as the
 * exercise clock itself does), so injects fall due on screen as the clock
 * passes them. Whole seconds keep consecutive reads equal between ticks; a
 * paused clock does not depend on the wall clock at all.
 */
export function useExerciseTime(clock: ClockState, now: () => number = Date.now): number {
  const wall = useWallClock(clock.running, now);
  return exerciseNow(clock, wall);
}
