/**
 * Rebuild the model's state from a log by replaying its events, never from
 * stored pictures of the state: the same events give the same state
 * everywhere (times travel in the events). Where the replayed outcome differs
 * from the logged one, the entry is named.
 */
import { createActor } from 'xstate';
import { escalationMachine, type EscalationInput, type EscalationSnapshot } from '../../machines';
import { injectStates, type InjectState } from './injects';
import type { ExerciseSetup, LogEntry } from './log';

export interface Replayed {
  snapshot: EscalationSnapshot;
  /**
   * Sequence numbers of entries the session would not have logged as they stand:
   * attempts whose logged outcome the replay does not reproduce, and inject
   * entries by someone who may not steer (R13), for an inject the scenario does
   * not have, or for a step that changes nothing.
   */
  divergences: number[];
  /** The scenario's injects as they stood at `upTo`: released, held, skipped or still queued. */
  injects: InjectState[];
}

export function inputOf(setup: ExerciseSetup): EscalationInput {
  return { municipality: setup.municipality, ...(setup.startPhase ? { startPhase: setup.startPhase } : {}) };
}

/** Replay the attempts and injects among `entries` up to and including sequence number `upTo` (all when omitted). */
export function replay(setup: ExerciseSetup, entries: readonly LogEntry[], upTo = Number.POSITIVE_INFINITY): Replayed {
  const actor = createActor(escalationMachine, { input: inputOf(setup) }).start();
  const divergences: number[] = [];
  let count = 0;
  for (const entry of entries) {
    if (entry.seq > upTo) break;
    count++;
    if (entry.kind !== 'attempt') continue;
    const before = actor.getSnapshot();
    actor.send(entry.event);
    const accepted = actor.getSnapshot() !== before;
    if (accepted !== (entry.outcome === 'accepted')) divergences.push(entry.seq);
  }
  const snapshot = actor.getSnapshot();
  actor.stop();
  const injects = injectStates(setup, entries, count, (entry) => divergences.push(entry.seq));
  return { snapshot, divergences: divergences.sort((a, b) => a - b), injects };
}
