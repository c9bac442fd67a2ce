// @vitest-environment node
/**
 * The core's `nextSnapshot` reuses one inert scope where xstate's
 * `transition()` builds an actor per call (bench `dispatch`): it must give
 * exactly what `transition()` gives, event after event, accepted and refused.
 */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { escalationMachine } from '../../machines';
import { nextSnapshot } from '../../src/core/nextSnapshot';
import { eventSequence } from '../../bench/node/measures';
import { inputOf } from '../../src/core/replay';
import { SETUP } from '../fixtures/exercise';

const AT = { exercise: '2026-12-31T22:00', wall: '2026-12-31T21:00:00.000Z' };

describe('nextSnapshot', () => {
  it('gives the snapshot xstate’s transition() gives, over 2,000 mixed events from every start phase', () => {
    const events = eventSequence(400, 7).map((attempt) => ({ ...attempt, at: AT }));
    for (const startPhase of [1, 2, 3, 4, 5] as const) {
      let [ours] = initialTransition(escalationMachine, { ...inputOf(SETUP), startPhase });
      let theirs = ours;
      const visited = new Set<string>();
      for (const event of events) {
        ours = nextSnapshot(ours, event);
        [theirs] = transition(escalationMachine, theirs, event);
        const persisted = escalationMachine.getPersistedSnapshot(ours);
        expect(persisted).toEqual(escalationMachine.getPersistedSnapshot(theirs));
        visited.add(JSON.stringify(persisted));
      }
      // The sequence moves through the model: agreement on a model that stood still would prove little.
      expect(visited.size).toBeGreaterThan(20);
    }
  });
});
