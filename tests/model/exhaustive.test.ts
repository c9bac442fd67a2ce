// @vitest-environment node
/**
 * Every reachable state of the model, from every start phase, under every
 * contract event from every kind of actor (good and blank reasons and
 * grounds, both verdicts, both subjects) and a set of hostile events.
 *
 * States are keyed by their state value plus the mayor's word in force per
 * subject — never the whole context, which carries names, grounds and times —
 * and the search throws past MAX_STATES instead of hanging (TOOLCHAIN.md).
 *
 * In every state, for every event, the statechart must agree with itself
 * (whyRefused ⇔ can ⇔ what the transition does) and with the reference model
 * of the contract in oracle.ts; and every reachable state keeps the
 * invariants of R3, R4, R7 and R11.
 */
import { describe, expect, test } from 'vitest';
import type { PhaseNumber } from '../../machines';
import { MUNICIPALITY } from './drivers';
import { EVENTS, explore } from './explore';
import type { WordInForce } from './oracle';

/**
 * The states the contract allows, derived by hand:
 * - phases 1–4: nothing in use, no warning; each subject's word is one of
 *   none, granted, refused, revoked: 4 × 4 × 4 = 64;
 * - phase 5 not warned: any words: 16;
 * - phase 5 warned: any words, since the warning does not depend on a
 *   decision (a refusal or revocation given *before* the warning does not
 *   end it): 16;
 * - water cannon in use: granted on the water cannon, any word on the agent: 4;
 * - tear agent in use: granted on both: 1.
 * 64 + 16 + 16 + 4 + 1 = 101.
 */
const WORDS: readonly WordInForce[] = ['none', 'granted', 'refused', 'revoked'];
function allowedStates(): Set<string> {
  const keys = new Set<string>();
  const stateIds = ['ggpGo', 'mePresence', 'meCrowdControl', 'meSpecialist'];
  const add = (value: unknown, water: readonly WordInForce[], tear: readonly WordInForce[]) => {
    for (const w of water) for (const t of tear) keys.add(`${JSON.stringify(value)}|${w}|${t}`);
  };
  for (const id of stateIds) add(id, WORDS, WORDS);
  add({ riotControl: 'notWarned' }, WORDS, WORDS);
  add({ riotControl: 'warned' }, WORDS, WORDS);
  add({ riotControl: { waterCannon: 'water' } }, ['granted'], WORDS);
  add({ riotControl: { waterCannon: 'tearAgent' } }, ['granted'], ['granted']);
  return keys;
}
const EXPECTED_STATES = 101;

describe('every reachable state, every event', () => {
  const totals = { states: 0, transitions: 0 };

  test.each([1, 2, 3, 4, 5] as const)('from start phase %i', (startPhase: PhaseNumber) => {
    const input = { municipality: MUNICIPALITY, startPhase };
    const { states, transitions, failures } = explore(input);
    totals.states += states.size;
    totals.transitions += transitions;
    console.log(`start phase ${startPhase}: ${states.size} states, ${transitions} transitions checked`);

    expect(failures).toEqual([]);
    expect(states.size).toBeGreaterThanOrEqual(EXPECTED_STATES);
    expect(new Set(states.keys())).toEqual(allowedStates());
    expect(transitions).toBeGreaterThanOrEqual(EXPECTED_STATES * EVENTS.length);
  });

  test('the search covered every start phase', () => {
    console.log(
      `total: ${totals.states} states, ${totals.transitions} transitions checked (${EVENTS.length} events per state)`,
    );
    expect(totals.states).toBe(5 * EXPECTED_STATES);
    expect(totals.transitions).toBe(5 * EXPECTED_STATES * EVENTS.length);
  });
});
