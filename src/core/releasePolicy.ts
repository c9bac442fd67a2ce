/**
 * When injects go out by themselves: the policy a console tab and a server
 * both follow, so an exercise releases the same injects at the same exercise
 * time whichever host runs it. Held injects wait for the trainer; released and
 * skipped ones are done. Pure: the exercise time is an argument.
 */
import type { Inject } from '../scenarios/schema';
import { injectDueAt, type InjectStatus } from './injects';
import type { ExerciseSetup } from './log';

/** The injects queued and due at `exerciseTime` (naive ms), in scenario order: what to release now. */
export function dueForRelease(
  setup: ExerciseSetup,
  injects: ReadonlyMap<string, InjectStatus>,
  exerciseTime: number,
): Inject[] {
  return (setup.scenario?.injects ?? []).filter(
    (inject) => injects.get(inject.id) === 'queued' && exerciseTime >= injectDueAt(setup, inject),
  );
}

/**
 * The exercise time at which the next queued inject falls due, or `null` when
 * none is waiting: a host sets one timer for it instead of polling.
 */
export function nextReleaseAt(setup: ExerciseSetup, injects: ReadonlyMap<string, InjectStatus>): number | null {
  let next: number | null = null;
  for (const inject of setup.scenario?.injects ?? []) {
    if (injects.get(inject.id) !== 'queued') continue;
    const due = injectDueAt(setup, inject);
    if (next === null || due < next) next = due;
  }
  return next;
}
