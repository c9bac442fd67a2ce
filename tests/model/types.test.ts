// @vitest-environment node
/**
 * The contract's types keep malformed events out at compile time. Every
 * `@ts-expect-error` below is proven by `tsc --noEmit` (an unused one is an
 * error), and at run time the same malformed event is refused by the model,
 * so this file is also a test with real assertions.
 */
import { describe, expect, expectTypeOf, test } from 'vitest';
import { createActor } from 'xstate';
import {
  escalationMachine,
  isPilotCase,
  isTearGasInUse,
  isWaterCannonInUse,
  phaseOf,
  whyRefused,
  type By,
  type EscalationEvent,
  type EscalationInput,
  type EscalationSnapshot,
  type PhaseNumber,
  type Refusal,
  type Role,
  type Subject,
} from '../../machines';
import { commander, INPUT, mayor, startExercise, withTearAgentInUse } from './drivers';

/** Only a well-formed contract event compiles here. */
const event = (e: EscalationEvent): unknown => e;

describe('malformed events do not compile, and the model refuses them anyway', () => {
  // Each @ts-expect-error must stay on the line just above its malformed event, so:
  // prettier-ignore
  test.each([
    // @ts-expect-error an unknown event type
    ['unknown type', event({ type: 'phase.jump', by: commander }), 'R10'],
    // @ts-expect-error the contract's types are case-sensitive
    ['type in the wrong case', event({ type: 'Crowd.Warn', by: commander }), 'R10'],
    // @ts-expect-error every event names who acts
    ['missing by', event({ type: 'crowd.warn' }), 'R13'],
    // @ts-expect-error by is an object, not a role name
    ['by as a string', event({ type: 'crowd.warn', by: 'commander' }), 'R13'],
    // @ts-expect-error by is not nullable
    ['by null', event({ type: 'crowd.warn', by: null }), 'R13'],
    // @ts-expect-error there is no role 'king'
    ['role king', event({ type: 'crowd.warn', by: { role: 'king', name: 'Willem-Alexander' } }), 'R13'],
    // @ts-expect-error who acts has a name
    ['by without a name', event({ type: 'crowd.warn', by: { role: 'commander' } }), 'R13'],
    // @ts-expect-error a name is text
    ['name as a number', event({ type: 'crowd.warn', by: { role: 'commander', name: 7 } }), 'R13'],
    // @ts-expect-error a municipality is text
    ['municipality as a number', event({ type: 'crowd.warn', by: { role: 'mayor', name: 'x', municipality: 3 } }), 'R13'],
    // @ts-expect-error no single action records both decisions (R4)
    ['subject both', event({ type: 'mayor.decide', by: mayor, subject: 'both', verdict: 'granted', grounds: 'x' }), 'R6'],
    // @ts-expect-error a decision is about a subject
    ['missing subject', event({ type: 'mayor.decide', by: mayor, verdict: 'granted', grounds: 'x' }), 'R6'],
    // @ts-expect-error a verdict is granted or refused
    ['verdict maybe', event({ type: 'mayor.decide', by: mayor, subject: 'waterCannon', verdict: 'maybe', grounds: 'x' }), 'R6'],
    // @ts-expect-error a decision has a verdict
    ['missing verdict', event({ type: 'mayor.decide', by: mayor, subject: 'waterCannon', grounds: 'x' }), 'R6'],
    // @ts-expect-error a decision has grounds (R6)
    ['missing grounds', event({ type: 'mayor.decide', by: mayor, subject: 'waterCannon', verdict: 'granted' }), 'R6'],
    // @ts-expect-error grounds are text
    ['grounds as a number', event({ type: 'mayor.decide', by: mayor, subject: 'tearGas', verdict: 'granted', grounds: 1 }), 'R6'],
    // @ts-expect-error a revocation has grounds too
    ['revoke without grounds', event({ type: 'mayor.revoke', by: mayor, subject: 'tearGas' }), 'R6'],
    // @ts-expect-error escalating needs a reason (R1)
    ['escalate without a reason', event({ type: 'phase.escalate', by: commander }), 'R1'],
    // @ts-expect-error de-escalating needs a reason (R1)
    ['de-escalate with a numeric reason', event({ type: 'phase.deescalate', by: commander, reason: 5 }), 'R1'],
  ] as const)('%s', (_name, malformed, rule) => {
    const snapshot = startExercise(3).getSnapshot();
    expect(whyRefused(snapshot, malformed)?.rule).toBe(rule);
    expect(snapshot.can(malformed as EscalationEvent)).toBe(false);
  });

  test("the actor's send accepts only contract events", () => {
    const actor = withTearAgentInUse();
    const before = actor.getSnapshot();
    // prettier-ignore
    const attempts = [
      // @ts-expect-error an unknown event type
      () => { actor.send({ type: 'noodbevel.issue', by: mayor }); },
      // @ts-expect-error missing by
      () => { actor.send({ type: 'tearGas.stop' }); },
      // @ts-expect-error a revocation has no verdict
      () => { actor.send({ type: 'mayor.revoke', by: mayor, subject: 'tearGas', grounds: 'x', verdict: 'refused' }); },
      // @ts-expect-error subject both
      () => { actor.send({ type: 'mayor.revoke', by: mayor, subject: 'both', grounds: 'x' }); },
    ];
    for (const attempt of attempts) expect(attempt).not.toThrow();
    // The revocation with a stray verdict is still a revocation (of the agent); nothing else moved.
    expect(isWaterCannonInUse(actor.getSnapshot())).toBe(true);
    expect(isTearGasInUse(actor.getSnapshot())).toBe(false);
    expect(actor.getSnapshot().context.decisions.waterCannon).toEqual(before.context.decisions.waterCannon);
  });

  test('input: a municipality is required, the start phase is 1–5', () => {
    // @ts-expect-error the machine needs its input
    const withoutInput = () => createActor(escalationMachine);
    // @ts-expect-error the municipality decides who the competent mayor is (R5)
    const withoutMunicipality: EscalationInput = { startPhase: 2 };
    // @ts-expect-error there is no phase 6
    const phaseSix: EscalationInput = { municipality: 'Utrecht', startPhase: 6 };
    // @ts-expect-error phases are numbers, not names
    const phaseByName: EscalationInput = { municipality: 'Utrecht', startPhase: 'riotControl' };
    expect(withoutInput).toBeTypeOf('function');
    expect([withoutMunicipality, phaseSix, phaseByName]).toHaveLength(3);
    // Unsafe input at run time still starts in phase 1.
    expect(phaseOf(createActor(escalationMachine, { input: phaseSix }).start().getSnapshot())).toBe(1);
  });
});

describe('the contract surface has the contract types', () => {
  test('well-formed events compile and are accepted', () => {
    const acts: EscalationEvent[] = [
      { type: 'mayor.decide', by: mayor, subject: 'waterCannon', verdict: 'granted', grounds: 'ernstig' },
      { type: 'phase.escalate', by: commander, reason: 'onrust' },
      { type: 'crowd.warn', by: commander, at: { exercise: '2026-12-31T23:50:00', wall: '2026-11-28T10:00:00Z' } },
      { type: 'waterCannon.deploy', by: commander },
    ];
    const actor = createActor(escalationMachine, { input: { ...INPUT, startPhase: 4 } }).start();
    for (const act of acts) {
      expect(whyRefused(actor.getSnapshot(), act)).toBeNull();
      actor.send(act);
    }
    expect(isWaterCannonInUse(actor.getSnapshot())).toBe(true);
  });

  test('queries and types', () => {
    expectTypeOf(phaseOf).parameter(0).toEqualTypeOf<EscalationSnapshot>();
    expectTypeOf(phaseOf).returns.toEqualTypeOf<PhaseNumber>();
    expectTypeOf<PhaseNumber>().toEqualTypeOf<1 | 2 | 3 | 4 | 5>();
    expectTypeOf(isWaterCannonInUse).returns.toEqualTypeOf<boolean>();
    expectTypeOf(isTearGasInUse).returns.toEqualTypeOf<boolean>();
    expectTypeOf(isPilotCase).returns.toEqualTypeOf<boolean>();
    expectTypeOf(whyRefused).parameter(1).toEqualTypeOf<unknown>();
    expectTypeOf(whyRefused).returns.toEqualTypeOf<Refusal | null>();
    expectTypeOf<Refusal>().toEqualTypeOf<{ rule: `R${number}`; message: { nl: string; en: string } }>();
    expectTypeOf<Role>().toEqualTypeOf<'mayor' | 'locoMayor' | 'commander' | 'prosecutor' | 'trainer' | 'observer'>();
    expectTypeOf<Subject>().toEqualTypeOf<'waterCannon' | 'tearGas'>();
    expectTypeOf<By>().toEqualTypeOf<{ role: Role; name: string; municipality?: string }>();
    expectTypeOf<EscalationEvent['type']>().toEqualTypeOf<
      | 'phase.escalate'
      | 'phase.deescalate'
      | 'crowd.warn'
      | 'mayor.decide'
      | 'mayor.revoke'
      | 'waterCannon.deploy'
      | 'waterCannon.withdraw'
      | 'tearGas.add'
      | 'tearGas.stop'
    >();
    expectTypeOf<EscalationInput>().toEqualTypeOf<{ municipality: string; startPhase?: PhaseNumber }>();

    const refusal = whyRefused(startExercise().getSnapshot(), { type: 'phase.deescalate', by: commander, reason: 'x' });
    expect(refusal?.rule).toBe('R1');
  });
});
