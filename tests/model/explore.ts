/**
 * The breadth-first search behind the exhaustive test (and the `explore`
 * measure of `npm run bench`): every reachable state of the model from one
 * start, under every contract event from every kind of actor and a set of
 * hostile events, each transition checked against the statechart itself and
 * the reference model in oracle.ts. Failures are collected, not thrown, so
 * the caller decides; the search throws past MAX_STATES instead of hanging.
 */
import { isDeepStrictEqual } from 'node:util';
import { initialTransition, transition } from 'xstate';
import {
  escalationMachine,
  whyRefused,
  type EscalationEvent,
  type EscalationInput,
  type EscalationSnapshot,
} from '../../machines';
import { ACTORS, contractEvents, HOSTILE_OBJECTS, NOT_EVENTS, show } from './drivers';
import { abstractOf, brokenInvariants, expected, keyOf, type Abstract } from './oracle';

export const MAX_STATES = 500;

export const EVENTS: readonly unknown[] = [
  ...contractEvents(
    [ACTORS.mayor, ACTORS.locoMayor, ACTORS.otherMayor, ACTORS.commander, ACTORS.prosecutor, ACTORS.trainer],
    ['', ' \t '],
  ),
  ...HOSTILE_OBJECTS,
  ...NOT_EVENTS,
];

export interface Exploration {
  states: Map<string, EscalationSnapshot>;
  transitions: number;
  failures: string[];
}

export function explore(input: EscalationInput): Exploration {
  const [initial] = initialTransition(escalationMachine, input);
  const states = new Map<string, EscalationSnapshot>([[keyOf(initial), initial]]);
  const queue: EscalationSnapshot[] = [initial];
  const failures: string[] = [];
  let transitions = 0;
  const fail = (state: EscalationSnapshot, event: unknown, what: string) => {
    if (failures.length < 20) failures.push(`${keyOf(state)} + ${show(event)}: ${what}`);
  };

  for (let state = queue.shift(); state; state = queue.shift()) {
    for (const broken of brokenInvariants(state, input)) fail(state, '(none)', broken);
    const before: Abstract = abstractOf(state);
    const frozen = structuredClone({ value: state.value, context: state.context });

    for (const event of EVENTS) {
      transitions++;
      const refusal = whyRefused(state, event);
      const can = state.can(event as EscalationEvent);
      const next: EscalationSnapshot = transition(escalationMachine, state, event as EscalationEvent)[0];
      const contract = expected(before, event, input.municipality);

      if ((refusal === null) !== can) fail(state, event, `whyRefused ${show(refusal?.rule ?? null)} but can() ${can}`);
      if (next.status !== 'active') fail(state, event, `status became ${next.status}`);
      if (!isDeepStrictEqual({ value: state.value, context: state.context }, frozen))
        fail(state, event, 'the transition mutated the snapshot it started from');

      if (refusal) {
        if (!refusal.message.nl.trim() || !refusal.message.en.trim()) fail(state, event, 'refusal without a sentence');
        if (!isDeepStrictEqual(next.value, state.value) || !isDeepStrictEqual(next.context, state.context))
          fail(state, event, `refused (${refusal.rule}) but the snapshot changed`);
        if (contract.accepted) fail(state, event, `refused by ${refusal.rule}; the contract accepts it`);
        else if (contract.rules !== 'any' && !contract.rules.includes(refusal.rule))
          fail(state, event, `refused by ${refusal.rule}; the contract expects one of ${contract.rules.join(', ')}`);
        continue;
      }

      if (!contract.accepted) {
        fail(state, event, `accepted; the contract refuses it (${show(contract.rules)})`);
        continue;
      }
      if (next === state) fail(state, event, 'accepted but nothing happened');
      const after = abstractOf(next);
      if (!isDeepStrictEqual(after, contract.next))
        fail(state, event, `accepted into ${show(after)}; the contract expects ${show(contract.next)}`);

      const key = keyOf(next);
      if (!states.has(key)) {
        if (states.size >= MAX_STATES) throw new Error(`More than ${MAX_STATES} states: the key is not bounded`);
        states.set(key, next);
        queue.push(next);
      }
    }
  }
  return { states, transitions, failures };
}
