/**
 * Small drivers so a model test reads like a script: the situation, the act,
 * the expectation.
 */
import { inspect } from 'node:util';
import { expect } from 'vitest';
import { createActor, type Actor } from 'xstate';
import {
  decisionInForce,
  escalationMachine,
  isPilotCase,
  isTearGasInUse,
  isWarned,
  isWaterCannonInUse,
  phaseOf,
  whyRefused,
  type By,
  type EscalationEvent,
  type EscalationInput,
  type EscalationSnapshot,
  type RuleId,
  type Subject,
} from '../../machines';

export const MUNICIPALITY = 'Utrecht';

export const mayor: By = { role: 'mayor', name: 'De Boer', municipality: MUNICIPALITY };
export const locoMayor: By = { role: 'locoMayor', name: 'Eerenberg', municipality: MUNICIPALITY };
export const otherMayor: By = { role: 'mayor', name: 'Vermeulen', municipality: 'Amsterdam' };
export const commander: By = { role: 'commander', name: 'De Vries' };
export const prosecutor: By = { role: 'prosecutor', name: 'Bakker' };
export const trainer: By = { role: 'trainer', name: 'Jansen' };
export const observer: By = { role: 'observer', name: 'Visser' };

export type EscalationActor = Actor<typeof escalationMachine>;

export function startExercise(startPhase?: 1 | 2 | 3 | 4 | 5): EscalationActor {
  return createActor(escalationMachine, {
    input: { municipality: MUNICIPALITY, ...(startPhase ? { startPhase } : {}) },
  }).start();
}

export const escalate = (by: By = commander, reason = 'onrust neemt toe'): EscalationEvent => ({
  type: 'phase.escalate',
  by,
  reason,
});
export const deescalate = (by: By = commander, reason = 'rust keert terug'): EscalationEvent => ({
  type: 'phase.deescalate',
  by,
  reason,
});
export const warn = (by: By = commander): EscalationEvent => ({ type: 'crowd.warn', by });
export const grant = (subject: Subject, by: By = mayor, grounds = 'ernstige ongeregeldheden'): EscalationEvent => ({
  type: 'mayor.decide',
  by,
  subject,
  verdict: 'granted',
  grounds,
});
export const refuse = (subject: Subject, by: By = mayor, grounds = 'niet proportioneel'): EscalationEvent => ({
  type: 'mayor.decide',
  by,
  subject,
  verdict: 'refused',
  grounds,
});
export const revoke = (subject: Subject, by: By = mayor, grounds = 'situatie gekalmeerd'): EscalationEvent => ({
  type: 'mayor.revoke',
  by,
  subject,
  grounds,
});
export const deploy = (by: By = commander): EscalationEvent => ({ type: 'waterCannon.deploy', by });
export const withdraw = (by: By = commander): EscalationEvent => ({ type: 'waterCannon.withdraw', by });
export const addTearGas = (by: By = commander): EscalationEvent => ({ type: 'tearGas.add', by });
export const stopTearGas = (by: By = commander): EscalationEvent => ({ type: 'tearGas.stop', by });

/** An exercise standing in riot control (phase 5), nothing decided yet. */
export function inRiotControl(): EscalationActor {
  return startExercise(5);
}

/** Riot control with the water cannon in use: granted, warned, deployed. */
export function withWaterCannonInUse(): EscalationActor {
  const actor = inRiotControl();
  actor.send(grant('waterCannon'));
  actor.send(warn());
  actor.send(deploy());
  return actor;
}

/** Water cannon and tear agent both in use, each with its own grant. */
export function withTearAgentInUse(): EscalationActor {
  const actor = withWaterCannonInUse();
  actor.send(grant('tearGas'));
  actor.send(addTearGas());
  return actor;
}

// ---------------------------------------------------------------------------
// Looking at an exercise, and checking one act against the contract.

export const INPUT: EscalationInput = { municipality: MUNICIPALITY };

/** Any value, printed for a failure message (JSON cannot print every hostile value). */
export const show = (value: unknown) => inspect(value, { depth: 4, breakLength: Infinity });

/** What a trainee sees of an exercise: the phase, the means in use, the warning. */
export function situation(actor: EscalationActor | EscalationSnapshot) {
  const snapshot = 'getSnapshot' in actor ? actor.getSnapshot() : actor;
  return {
    phase: phaseOf(snapshot),
    warned: isWarned(snapshot),
    waterCannon: isWaterCannonInUse(snapshot),
    tearGas: isTearGasInUse(snapshot),
    pilot: isPilotCase(snapshot),
  };
}

/** The mayor's word in force on each subject, or 'none'. */
export function verdicts(actor: EscalationActor | EscalationSnapshot) {
  const snapshot = 'getSnapshot' in actor ? actor.getSnapshot() : actor;
  return {
    waterCannon: decisionInForce(snapshot, 'waterCannon')?.verdict ?? 'none',
    tearGas: decisionInForce(snapshot, 'tearGas')?.verdict ?? 'none',
  };
}

/** The parts of a snapshot that must not move when an event is refused. */
export function observable(snapshot: EscalationSnapshot) {
  return { status: snapshot.status, value: snapshot.value, context: snapshot.context };
}

/**
 * The act is accepted: `whyRefused` says null, `can` agrees, and sending it
 * moves the snapshot. Several events are sent in order, each checked.
 */
export function accepts(actor: EscalationActor, ...events: unknown[]): EscalationSnapshot {
  for (const event of events) {
    const before = actor.getSnapshot();
    expect(whyRefused(before, event), `whyRefused(${show(event)})`).toBeNull();
    expect(before.can(event as EscalationEvent)).toBe(true);
    actor.send(event as EscalationEvent);
    const after = actor.getSnapshot();
    expect(after.status).toBe('active');
    expect(after).not.toBe(before);
  }
  return actor.getSnapshot();
}

/**
 * The act is refused by `rule`: `whyRefused` names it with a sentence in
 * Dutch and English, `can` agrees, and sending it anyway changes nothing
 * (state value and context deep-equal) and does not throw.
 */
export function refuses(actor: EscalationActor, event: unknown, rule: RuleId): void {
  const before = actor.getSnapshot();
  const refusal = whyRefused(before, event);
  expect(refusal?.rule, `whyRefused(${show(event)})`).toBe(rule);
  expect(refusal?.message.nl.trim()).not.toBe('');
  expect(refusal?.message.en.trim()).not.toBe('');
  expect(before.can(event as EscalationEvent)).toBe(false);
  const expected = structuredClone(observable(before));
  expect(() => {
    actor.send(event as EscalationEvent);
  }).not.toThrow();
  expect(observable(actor.getSnapshot())).toEqual(expected);
}

/** Persist, pass through JSON, restore with the same input: what a saved exercise does. */
export function restored(actor: EscalationActor, input: EscalationInput = INPUT): EscalationActor {
  const saved: unknown = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
  return createActor(escalationMachine, { input, snapshot: saved as never }).start();
}

// ---------------------------------------------------------------------------
// Catalogues of acts for the exhaustive and property tests.

export const ACTORS = {
  mayor,
  locoMayor,
  otherMayor,
  otherLocoMayor: { role: 'locoMayor', name: 'Meerman', municipality: 'Arnhem' } as By,
  commander,
  prosecutor,
  trainer,
  observer,
} as const;

export const BLANKS = ['', '   ', ' \t\n '] as const;

/**
 * Every contract event for every actor, with a good and a blank reason or
 * grounds, both verdicts and both subjects.
 */
export function contractEvents(actors: readonly By[], blanks: readonly string[] = ['  ']): EscalationEvent[] {
  const events: EscalationEvent[] = [];
  for (const by of actors) {
    for (const reason of ['onrust neemt toe', ...blanks]) {
      events.push({ type: 'phase.escalate', by, reason }, { type: 'phase.deescalate', by, reason });
    }
    events.push({ type: 'crowd.warn', by });
    for (const subject of ['waterCannon', 'tearGas'] as const) {
      for (const grounds of ['ernstige ongeregeldheden', ...blanks]) {
        events.push(
          { type: 'mayor.decide', by, subject, verdict: 'granted', grounds },
          { type: 'mayor.decide', by, subject, verdict: 'refused', grounds },
          { type: 'mayor.revoke', by, subject, grounds },
        );
      }
    }
    events.push(
      { type: 'waterCannon.deploy', by },
      { type: 'waterCannon.withdraw', by },
      { type: 'tearGas.add', by },
      { type: 'tearGas.stop', by },
    );
  }
  return events;
}

/**
 * Hostile objects an outside driver (a log file, a form, a fuzzer) may send.
 * All of them are refused and none of them may throw or change anything.
 */
export const HOSTILE_OBJECTS: readonly unknown[] = [
  { type: 'phase.jump', by: commander, reason: 'x' },
  { type: 'PHASE.ESCALATE', by: commander, reason: 'x' },
  { type: 'phase.escalate', reason: 'x' },
  { type: 'phase.escalate', by: null, reason: 'x' },
  { type: 'phase.escalate', by: 'commander', reason: 'x' },
  { type: 'phase.escalate', by: ['commander'], reason: 'x' },
  { type: 'phase.escalate', by: { role: 'king', name: 'Willem-Alexander' }, reason: 'x' },
  { type: 'phase.escalate', by: { role: 'commander' }, reason: 'x' },
  { type: 'phase.escalate', by: { role: 'commander', name: 42 }, reason: 'x' },
  { type: 'crowd.warn', by: { role: 'commander', name: 'x', municipality: 7 } },
  { type: 'crowd.warn', by: { role: 'toString', name: 'x' } },
  { type: 'crowd.warn', by: { role: '__proto__', name: 'x' } },
  { type: 'mayor.decide', by: mayor, subject: 'both', verdict: 'granted', grounds: 'x' },
  { type: 'mayor.decide', by: mayor, verdict: 'granted', grounds: 'x' },
  { type: 'mayor.decide', by: mayor, subject: 'waterCannon', verdict: 'maybe', grounds: 'x' },
  { type: 'mayor.decide', by: mayor, subject: 'waterCannon', grounds: 'x' },
  { type: 'mayor.decide', by: mayor, subject: 'waterCannon', verdict: 'granted' },
  { type: 'mayor.decide', by: mayor, subject: 'waterCannon', verdict: 'granted', grounds: 42 },
  { type: 'mayor.decide', by: mayor, subject: 'waterCannon', verdict: 'granted', grounds: null },
  { type: 'mayor.revoke', by: mayor, subject: 'toString', grounds: 'x' },
  { type: 'mayor.revoke', by: { ...mayor, municipality: 42 }, subject: 'waterCannon', grounds: 'x' },
  {
    type: 'mayor.decide',
    by: { ...mayor, municipality: 'utrecht' },
    subject: 'tearGas',
    verdict: 'granted',
    grounds: 'x',
  },
  {
    type: 'mayor.decide',
    by: { role: 'mayor', name: 'De Boer' },
    subject: 'tearGas',
    verdict: 'granted',
    grounds: 'x',
  },
  JSON.parse('{"type":"crowd.warn","by":{"__proto__":{"role":"commander","name":"x"}}}'),
  JSON.parse('{"__proto__":{"type":"crowd.warn"},"by":{"role":"commander","name":"x"}}'),
  { type: 'toString', by: commander },
  { type: '__proto__', by: commander },
  { type: 'constructor', by: commander },
  { type: 'hasOwnProperty', by: commander },
  { type: 'xstate.init', by: commander },
  { type: 'xstate.error.actor.x', error: 'boom' },
  { type: 'xstate.done.actor.x', output: 1 },
  {},
  { by: commander },
  { type: 42, by: commander },
  { type: null, by: commander },
  { type: { toString: () => 'crowd.warn' }, by: commander },
  [],
  42,
  true,
];

/**
 * Values that are not objects. `whyRefused` and `can` judge them; XState's
 * `actor.send` itself rejects them before the machine sees them (strings
 * throw "Only event objects may be sent", null and undefined crash its
 * mailbox), so scripts never send them to an actor.
 */
export const NOT_EVENTS: readonly unknown[] = [null, undefined, 'crowd.warn', '', Symbol('x'), 10n];
