// @vitest-environment node
/**
 * Long random exercises: valid acts mixed with hostile ones (wrong role,
 * another municipality, blank grounds, unknown types, a missing or malformed
 * `by`, null and numbers, `__proto__` keys, huge strings). Along the way:
 * the invariants hold, the statechart agrees with the contract's reference
 * model (oracle.ts), nothing throws, and every few steps the exercise is
 * saved through JSON, restored, and carried on by the restored actor while a
 * never-restored twin receives the same events: both must stay identical.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createActor } from 'xstate';
import { escalationMachine, whyRefused, type By, type EscalationEvent, type PhaseNumber } from '../../machines';
import { ACTORS, HOSTILE_OBJECTS, MUNICIPALITY, NOT_EVENTS, observable, restored, show } from './drivers';
import { abstractOf, brokenInvariants, expected } from './oracle';

const RUNS = 200;
/** Checks run 40 000 times: plain comparisons, with vitest's expect only for the failure. */
const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);
function check(ok: boolean, what: () => string, event: unknown): void {
  if (!ok) expect.fail(`${what()} — event ${show(event)}`);
}
const STEPS = 200;
const HUGE = 'x'.repeat(100_000);

// ---------------------------------------------------------------------------
// What may arrive.

const subject = fc.constantFrom('waterCannon', 'tearGas');
const text = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('onrust neemt toe', 'ernstige ongeregeldheden', 'rust keert terug') },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\t\n', HUGE, '__proto__', 'constructor') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 42, true, {}, ['x']) },
);

const goodActor = fc.constantFrom<By>(ACTORS.commander, ACTORS.mayor, ACTORS.locoMayor);
const anyActor = fc.constantFrom<By>(...Object.values(ACTORS));
const strangeBy: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    42,
    'commander',
    [ACTORS.commander],
    { role: 'king', name: 'Willem-Alexander' },
    { role: 'commander' },
    { role: 'commander', name: 42 },
    { role: 'mayor', name: 'x', municipality: 42 },
    { role: 'Mayor', name: 'x', municipality: MUNICIPALITY },
    { role: '__proto__', name: 'x' },
    { role: 'toString', name: 'x' },
    JSON.parse('{"__proto__":{"role":"commander","name":"x"}}') as unknown,
    JSON.parse(
      `{"role":"mayor","name":"x","municipality":"${MUNICIPALITY}","__proto__":{"role":"commander"}}`,
    ) as unknown,
    { role: 'commander', name: HUGE },
  ),
  fc.record({ role: fc.string({ maxLength: 12 }), name: fc.string(), municipality: fc.string({ maxLength: 12 }) }),
);

/** The contract's events, mostly from people allowed to send them. */
const contractEvent: fc.Arbitrary<unknown> = fc
  .record({
    type: fc.constantFrom(
      'phase.escalate',
      'phase.escalate',
      'phase.deescalate',
      'crowd.warn',
      'crowd.warn',
      'mayor.decide',
      'mayor.decide',
      'mayor.decide',
      'mayor.revoke',
      'waterCannon.deploy',
      'waterCannon.deploy',
      'waterCannon.withdraw',
      'tearGas.add',
      'tearGas.add',
      'tearGas.stop',
    ),
    by: fc.oneof(
      { weight: 6, arbitrary: goodActor },
      { weight: 2, arbitrary: anyActor },
      { weight: 1, arbitrary: strangeBy },
    ),
    subject: fc.oneof(
      { weight: 9, arbitrary: subject },
      { weight: 1, arbitrary: fc.constantFrom('both', '__proto__', 7) },
    ),
    verdict: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom('granted', 'granted', 'refused') },
      { weight: 1, arbitrary: fc.constantFrom('maybe', null) },
    ),
    text,
  })
  .map(({ type, by, subject: about, verdict, text: words }) => {
    const mayorsBy = type.startsWith('mayor.') && by === ACTORS.commander ? ACTORS.mayor : by;
    const commandersBy =
      !type.startsWith('mayor.') && (by === ACTORS.mayor || by === ACTORS.locoMayor) ? ACTORS.commander : by;
    const who = type.startsWith('mayor.') ? mayorsBy : commandersBy;
    switch (type) {
      case 'phase.escalate':
      case 'phase.deescalate':
        return { type, by: who, reason: words };
      case 'mayor.decide':
        return { type, by: who, subject: about, verdict, grounds: words };
      case 'mayor.revoke':
        return { type, by: who, subject: about, grounds: words };
      default:
        return { type, by: who };
    }
  });

/** Objects that are not contract events at all. */
const strangeObject: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_OBJECTS),
  fc.record({ type: fc.string({ maxLength: 20 }), by: anyActor }),
  fc.dictionary(fc.constantFrom('type', 'by', '__proto__', 'subject', 'grounds', 'constructor'), fc.anything(), {
    maxKeys: 4,
  }),
  fc.object({ maxDepth: 2 }),
);

type Step = { send: true; event: unknown } | { send: false; event: unknown };

/** Objects (and numbers) go to the actor; non-objects only to whyRefused and can (see NOT_EVENTS). */
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 16, arbitrary: contractEvent.map((event) => ({ send: true as const, event })) },
  { weight: 3, arbitrary: strangeObject.map((event) => ({ send: true as const, event })) },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean()).map((event) => ({ send: true as const, event })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...NOT_EVENTS).map((event) => ({ send: false as const, event })) },
);

const exercise = fc.record({
  startPhase: fc.constantFrom<PhaseNumber>(1, 2, 3, 4, 5),
  steps: fc.array(step, { minLength: STEPS, maxLength: STEPS }),
  saveEvery: fc.integer({ min: 5, max: 40 }),
});

// ---------------------------------------------------------------------------

describe('random exercises of 200 acts', { timeout: 30_000 }, () => {
  const reached = { runs: 0, runsWithPilot: 0, tearAgent: 0, waterCannon: 0, accepted: 0, refused: 0, restores: 0 };

  test('keep the invariants, agree with the contract, never throw, and survive save and restore', () => {
    fc.assert(
      fc.property(exercise, ({ startPhase, steps, saveEvery }) => {
        const input = { municipality: MUNICIPALITY, startPhase };
        const twin = createActor(escalationMachine, { input }).start();
        let actor = createActor(escalationMachine, { input }).start();
        const pilotsBefore = reached.tearAgent;
        reached.runs++;

        steps.forEach(({ send, event }, index) => {
          const before = actor.getSnapshot();
          const refusal = whyRefused(before, event);
          const can = before.can(event as EscalationEvent);
          check((refusal === null) === can, () => `whyRefused ${show(refusal)} but can() ${can}`, event);
          check(same(whyRefused(twin.getSnapshot(), event), refusal), () => 'the twin judges it differently', event);

          const contract = expected(abstractOf(before), event, MUNICIPALITY);
          if (refusal) {
            check(!contract.accepted, () => `refused by ${refusal.rule}; the contract accepts it`, event);
            if (!contract.accepted && contract.rules !== 'any')
              check(
                contract.rules.includes(refusal.rule),
                () => `refused by ${refusal.rule}, not ${show(contract.rules)}`,
                event,
              );
          } else {
            check(contract.accepted, () => 'accepted; the contract refuses it', event);
          }
          if (!send) return;

          const frozen = structuredClone(observable(before));
          actor.send(event as EscalationEvent);
          twin.send(event as EscalationEvent);
          const after = actor.getSnapshot();
          const seen = abstractOf(after);
          if (refusal) {
            reached.refused++;
            check(same(observable(after), frozen), () => 'refused, yet the snapshot changed', event);
          } else {
            reached.accepted++;
            if (contract.accepted)
              check(same(seen, contract.next), () => `went to ${show(seen)}, not ${show(contract.next)}`, event);
          }
          const broken = brokenInvariants(after, input);
          check(broken.length === 0, () => `broke ${broken.join('; ')}`, event);
          check(
            same(observable(after), observable(twin.getSnapshot())),
            () => 'the restored actor and its twin differ',
            event,
          );
          if (seen.tearGas) reached.tearAgent++;
          if (seen.waterCannon) reached.waterCannon++;

          if ((index + 1) % saveEvery === 0) {
            const copy = restored(actor, input);
            check(
              same(observable(copy.getSnapshot()), observable(after)),
              () => 'the restored snapshot differs',
              event,
            );
            actor.stop();
            actor = copy;
            reached.restores++;
          }
        });
        actor.stop();
        twin.stop();
        if (reached.tearAgent > pilotsBefore) reached.runsWithPilot++;
      }),
      { numRuns: RUNS },
    );

    console.log(`random exercises: ${show(reached)}`);
    // The runs went deep: the pilot was reached and everything was exercised.
    expect(reached.runs).toBeGreaterThanOrEqual(RUNS);
    expect(reached.runsWithPilot).toBeGreaterThanOrEqual(RUNS / 20);
    expect(reached.waterCannon).toBeGreaterThan(0);
    expect(reached.accepted).toBeGreaterThan(RUNS * 10);
    expect(reached.refused).toBeGreaterThan(RUNS * 10);
    expect(reached.restores).toBeGreaterThanOrEqual(RUNS * Math.floor(STEPS / 40));
  });

  test('whyRefused never throws, whatever arrives', () => {
    const snapshots = [1, 5].map((startPhase) =>
      createActor(escalationMachine, { input: { municipality: MUNICIPALITY, startPhase: startPhase as PhaseNumber } })
        .start()
        .getSnapshot(),
    );
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true }),
        (value) => {
          for (const snapshot of snapshots) {
            const refusal = whyRefused(snapshot, value);
            expect(refusal === null).toBe(snapshot.can(value as EscalationEvent));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
