// @vitest-environment node
/**
 * The rules R1–R13 (BRIEF.md) and every sentence of CONTRACT.md's
 * "Behaviour in the default phase data", as scripts: the situation, the act,
 * the expectation. `accepts` and `refuses` (drivers.ts) check each act three
 * ways: whyRefused, snapshot.can, and what sending it does — a refused act
 * names its rule and leaves the snapshot deep-equal.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createActor, StateMachine } from 'xstate';
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
  type PhaseNumber,
} from '../../machines';
import {
  accepts,
  ACTORS,
  addTearGas,
  BLANKS,
  commander,
  deescalate,
  deploy,
  escalate,
  grant,
  HOSTILE_OBJECTS,
  inRiotControl,
  locoMayor,
  mayor,
  MUNICIPALITY,
  NOT_EVENTS,
  observable,
  observer,
  otherMayor,
  prosecutor,
  refuse,
  refuses,
  restored,
  revoke,
  show,
  situation,
  startExercise,
  stopTearGas,
  trainer,
  verdicts,
  warn,
  withdraw,
  withTearAgentInUse,
  withWaterCannonInUse,
  type EscalationActor,
} from './drivers';

const PHASES = [1, 2, 3, 4, 5] as const;
const SUBJECTS = ['waterCannon', 'tearGas'] as const;
const NOT_COMMANDERS: readonly By[] = [mayor, locoMayor, otherMayor, prosecutor, trainer, observer];
const NOT_COMPETENT: readonly [string, By][] = [
  ['the mayor of another municipality', otherMayor],
  ['the acting mayor of another municipality', ACTORS.otherLocoMayor],
  ['a mayor who names no municipality', { role: 'mayor', name: 'De Boer' }],
  ['a mayor whose municipality differs in case', { ...mayor, municipality: MUNICIPALITY.toLowerCase() }],
  ['the commander', commander],
  ['the prosecutor', prosecutor],
  ['the trainer', trainer],
  ['the observer', observer],
];

/** An exercise in `phase` whatever it started in: escalated there step by step. */
function inPhase(phase: PhaseNumber): EscalationActor {
  const actor = startExercise();
  for (let p = 1; p < phase; p++) accepts(actor, escalate());
  expect(phaseOf(actor.getSnapshot())).toBe(phase);
  return actor;
}

/** Riot control, crowd warned, both decisions granted, water cannon not yet used. */
function warnedWithBothGrants(): EscalationActor {
  const actor = inRiotControl();
  accepts(actor, grant('waterCannon'), grant('tearGas'), warn());
  return actor;
}

describe('R1 phase order: one phase at a time, within 1–5, by the commander with a reason', () => {
  test('the exercise starts in phase 1 (GGP-GO) unless the scenario says otherwise', () => {
    const actor = startExercise();
    expect(situation(actor)).toEqual({ phase: 1, warned: false, waterCannon: false, tearGas: false, pilot: false });
    expect(verdicts(actor)).toEqual({ waterCannon: 'none', tearGas: 'none' });
  });

  test.each(PHASES)('startPhase %i starts there, nothing in use, nothing decided', (phase) => {
    const actor = createActor(escalationMachine, { input: { municipality: MUNICIPALITY, startPhase: phase } }).start();
    expect(situation(actor)).toEqual({ phase, warned: false, waterCannon: false, tearGas: false, pilot: false });
    expect(verdicts(actor)).toEqual({ waterCannon: 'none', tearGas: 'none' });
  });

  test('escalate moves exactly one phase, 1 → 2 → 3 → 4 → 5', () => {
    const actor = startExercise();
    for (const phase of [2, 3, 4, 5]) {
      accepts(actor, escalate());
      expect(phaseOf(actor.getSnapshot())).toBe(phase);
    }
  });

  test('de-escalate moves exactly one phase, 5 → 4 → 3 → 2 → 1', () => {
    const actor = startExercise(5);
    for (const phase of [4, 3, 2, 1]) {
      accepts(actor, deescalate());
      expect(phaseOf(actor.getSnapshot())).toBe(phase);
    }
  });

  test('escalating beyond phase 5 is refused (R1)', () => {
    refuses(startExercise(5), escalate(), 'R1');
    refuses(withTearAgentInUse(), escalate(), 'R1');
  });

  test('de-escalating below phase 1 is refused (R1)', () => {
    refuses(startExercise(), deescalate(), 'R1');
    refuses(startExercise(1), deescalate(), 'R1');
  });

  test.each(BLANKS)('a blank reason %j is refused (R1), up and down', (reason) => {
    refuses(startExercise(3), escalate(commander, reason), 'R1');
    refuses(startExercise(3), deescalate(commander, reason), 'R1');
  });

  test('a missing or non-text reason is refused (R1)', () => {
    refuses(startExercise(3), { type: 'phase.escalate', by: commander }, 'R1');
    refuses(startExercise(3), { type: 'phase.deescalate', by: commander, reason: 42 }, 'R1');
  });

  test.each(NOT_COMMANDERS.map((by) => [by.role, by] as const))('the %s does not move phases (R13)', (_role, by) => {
    refuses(startExercise(3), escalate(by), 'R13');
    refuses(startExercise(3), deescalate(by), 'R13');
  });
});

describe('R2 and the phase data: the water cannon and the agent only in phase 5', () => {
  test('in phase 1 (GGP-GO) no ME means: deploying the water cannon is refused by R2, even with a grant', () => {
    const actor = startExercise(1);
    accepts(actor, grant('waterCannon'), grant('tearGas'));
    refuses(actor, deploy(), 'R2');
    refuses(actor, addTearGas(), 'R2');
  });

  test.each([2, 3, 4] as const)('in phase %i the phase data refuses the water cannon and the agent (R1)', (phase) => {
    const actor = startExercise(phase);
    accepts(actor, grant('waterCannon'), grant('tearGas'));
    refuses(actor, deploy(), 'R1');
    refuses(actor, addTearGas(), 'R1');
  });

  test('in phase 5, with a grant and a warning, the water cannon is used', () => {
    const actor = inRiotControl();
    accepts(actor, grant('waterCannon'), warn(), deploy());
    expect(situation(actor)).toEqual({ phase: 5, warned: true, waterCannon: true, tearGas: false, pilot: false });
  });
});

describe('R3 the water cannon needs the latest decision of the competent mayor to be a grant', () => {
  test('no decision: refused (R3)', () => {
    const actor = inRiotControl();
    accepts(actor, warn());
    refuses(actor, deploy(), 'R3');
  });

  test('a grant on tearGas never counts for the water cannon (R3)', () => {
    const actor = inRiotControl();
    accepts(actor, grant('tearGas'), warn());
    refuses(actor, deploy(), 'R3');
    expect(verdicts(actor)).toEqual({ waterCannon: 'none', tearGas: 'granted' });
  });

  test('a refused decision: refused (R3)', () => {
    const actor = inRiotControl();
    accepts(actor, refuse('waterCannon'), warn());
    refuses(actor, deploy(), 'R3');
  });

  test('a revoked grant: refused (R3)', () => {
    const actor = inRiotControl();
    accepts(actor, grant('waterCannon'), revoke('waterCannon'), warn());
    refuses(actor, deploy(), 'R3');
  });

  test('the latest decision is the one in force: grant after refusal allows, refusal after grant forbids', () => {
    const allowed = inRiotControl();
    accepts(allowed, refuse('waterCannon'), grant('waterCannon'), warn(), deploy());
    expect(isWaterCannonInUse(allowed.getSnapshot())).toBe(true);

    const forbidden = inRiotControl();
    accepts(forbidden, grant('waterCannon'), refuse('waterCannon'), warn());
    refuses(forbidden, deploy(), 'R3');

    const regranted = inRiotControl();
    accepts(regranted, grant('waterCannon'), revoke('waterCannon'), grant('waterCannon', locoMayor), warn(), deploy());
    expect(decisionInForce(regranted.getSnapshot(), 'waterCannon')?.by).toEqual(locoMayor);
  });

  test('a water cannon in use cannot be deployed again', () => {
    refuses(withWaterCannonInUse(), deploy(), 'R3');
  });

  test('withdrawing with no water cannon in use is refused', () => {
    const actor = inRiotControl();
    accepts(actor, grant('waterCannon'), warn());
    refuses(actor, withdraw(), 'R3');
  });
});

describe('R4 the tear agent needs the water cannon in use, phase 5 and its own decision', () => {
  test('not while the water cannon is not in use, even with both grants and a warning (R4)', () => {
    refuses(warnedWithBothGrants(), addTearGas(), 'R4');
  });

  test('the water-cannon grant never implies the agent (R4)', () => {
    const actor = withWaterCannonInUse();
    expect(verdicts(actor)).toEqual({ waterCannon: 'granted', tearGas: 'none' });
    refuses(actor, addTearGas(), 'R4');
  });

  test('a refused or revoked tearGas decision does not allow the agent (R4)', () => {
    const refused = withWaterCannonInUse();
    accepts(refused, refuse('tearGas'));
    refuses(refused, addTearGas(), 'R4');

    const revoked = withWaterCannonInUse();
    accepts(revoked, grant('tearGas'), revoke('tearGas'));
    refuses(revoked, addTearGas(), 'R4');
  });

  test('with its own grant the agent is added, and stopped again', () => {
    const actor = withWaterCannonInUse();
    accepts(actor, grant('tearGas'), addTearGas());
    expect(situation(actor)).toEqual({ phase: 5, warned: true, waterCannon: true, tearGas: true, pilot: true });
    refuses(actor, addTearGas(), 'R4');
    accepts(actor, stopTearGas());
    expect(situation(actor)).toEqual({ phase: 5, warned: true, waterCannon: true, tearGas: false, pilot: false });
    refuses(actor, stopTearGas(), 'R4');
  });

  test('a grant given before the water cannon was used counts once it is in use', () => {
    const actor = warnedWithBothGrants();
    accepts(actor, deploy(), addTearGas());
    expect(isTearGasInUse(actor.getSnapshot())).toBe(true);
  });

  test('no single action records both decisions: a decision names one subject (R6)', () => {
    const actor = inRiotControl();
    refuses(actor, { type: 'mayor.decide', by: mayor, subject: 'both', verdict: 'granted', grounds: 'x' }, 'R6');
    refuses(actor, { type: 'mayor.decide', by: mayor, verdict: 'granted', grounds: 'x' }, 'R6');
    accepts(actor, grant('waterCannon'));
    expect(verdicts(actor)).toEqual({ waterCannon: 'granted', tearGas: 'none' });
  });
});

describe('R5 only the competent mayor decides and revokes', () => {
  test.each([
    ['the mayor of the municipality', mayor],
    ['the acting mayor (locoburgemeester) of the municipality', locoMayor],
  ] as const)('%s decides and revokes, on either subject', (_who, by) => {
    const actor = inRiotControl();
    for (const subject of SUBJECTS) {
      accepts(actor, grant(subject, by));
      expect(decisionInForce(actor.getSnapshot(), subject)).toMatchObject({ verdict: 'granted', by });
      accepts(actor, refuse(subject, by));
      expect(decisionInForce(actor.getSnapshot(), subject)).toMatchObject({ verdict: 'refused', by });
      accepts(actor, revoke(subject, by));
      expect(decisionInForce(actor.getSnapshot(), subject)).toMatchObject({ verdict: 'revoked', by });
    }
  });

  test.each(NOT_COMPETENT)('%s cannot decide or revoke (R5)', (_who, by) => {
    const actor = withTearAgentInUse();
    for (const subject of SUBJECTS) {
      refuses(actor, grant(subject, by), 'R5');
      refuses(actor, refuse(subject, by), 'R5');
      refuses(actor, revoke(subject, by), 'R5');
    }
    const fresh = inRiotControl();
    refuses(fresh, grant('waterCannon', by), 'R5');
    accepts(fresh, warn());
    refuses(fresh, deploy(), 'R3');
  });

  test('competence is judged against the input municipality of this exercise', () => {
    const amsterdam = createActor(escalationMachine, { input: { municipality: 'Amsterdam', startPhase: 5 } }).start();
    accepts(amsterdam, grant('waterCannon', otherMayor));
    refuses(amsterdam, grant('waterCannon', mayor), 'R5');
  });
});

describe('R6 decisions are reasoned and recorded', () => {
  test.each(BLANKS)('grounds %j are refused (R6) for a grant, a refusal and a revocation', (grounds) => {
    const actor = withTearAgentInUse();
    for (const subject of SUBJECTS) {
      refuses(actor, grant(subject, mayor, grounds), 'R6');
      refuses(actor, refuse(subject, mayor, grounds), 'R6');
      refuses(actor, revoke(subject, mayor, grounds), 'R6');
    }
    expect(situation(actor).tearGas).toBe(true);
  });

  test('missing or non-text grounds and an unknown verdict are refused (R6)', () => {
    const actor = inRiotControl();
    refuses(actor, { type: 'mayor.decide', by: mayor, subject: 'waterCannon', verdict: 'granted' }, 'R6');
    refuses(actor, { type: 'mayor.decide', by: mayor, subject: 'waterCannon', verdict: 'granted', grounds: 42 }, 'R6');
    refuses(actor, { type: 'mayor.revoke', by: mayor, subject: 'waterCannon' }, 'R6');
    refuses(actor, { type: 'mayor.decide', by: mayor, subject: 'waterCannon', verdict: 'maybe', grounds: 'x' }, 'R6');
    refuses(actor, { type: 'mayor.decide', by: mayor, subject: 'waterCannon', grounds: 'x' }, 'R6');
  });

  test('a decision is recorded with verdict, grounds, who decided and both times; a refusal is a decision too', () => {
    const actor = startExercise(2);
    const at = { exercise: '2026-12-31T22:07:00', wall: '2026-11-28T10:00:00Z' };
    accepts(actor, { ...refuse('waterCannon', locoMayor, 'nog geen geweld'), at });
    expect(decisionInForce(actor.getSnapshot(), 'waterCannon')).toEqual({
      verdict: 'refused',
      grounds: 'nog geen geweld',
      by: locoMayor,
      at,
    });
    expect(decisionInForce(actor.getSnapshot(), 'tearGas')).toBeNull();
  });
});

describe('R7 warning before force: given in phase 5, it lapses and must be given again', () => {
  test('the water cannon is not used before a warning (R7), and is after one', () => {
    const actor = inRiotControl();
    accepts(actor, grant('waterCannon'));
    refuses(actor, deploy(), 'R7');
    accepts(actor, warn());
    expect(isWarned(actor.getSnapshot())).toBe(true);
    accepts(actor, deploy());
  });

  test.each([1, 2, 3, 4] as const)('a warning is given in phase 5, not in phase %i (R7)', (phase) => {
    refuses(startExercise(phase), warn(), 'R7');
  });

  test('a warning may be repeated while warned and while the means are in use', () => {
    const actor = inRiotControl();
    accepts(actor, warn(), warn(), grant('waterCannon'), deploy(), warn(), grant('tearGas'), addTearGas(), warn());
    expect(situation(actor)).toMatchObject({ warned: true, waterCannon: true, tearGas: true });
  });

  test.each(NOT_COMMANDERS.map((by) => [by.role, by] as const))('the %s does not warn (R13)', (_role, by) => {
    refuses(inRiotControl(), warn(by), 'R13');
  });

  test('withdrawing the water cannon ends the warning; the next use needs a new one', () => {
    const actor = withWaterCannonInUse();
    accepts(actor, withdraw());
    expect(isWarned(actor.getSnapshot())).toBe(false);
    refuses(actor, deploy(), 'R7');
    accepts(actor, warn(), deploy());
  });

  test.each([
    ['revoked', revoke('waterCannon')],
    ['refused', refuse('waterCannon')],
  ] as const)('the water-cannon decision %s while the water cannon is in use ends the warning', (_how, ending) => {
    const actor = withWaterCannonInUse();
    accepts(actor, ending);
    expect(situation(actor)).toMatchObject({ warned: false, waterCannon: false });
    accepts(actor, grant('waterCannon'));
    refuses(actor, deploy(), 'R7');
    accepts(actor, warn(), deploy());
  });

  test.each([
    ['revoked', revoke('waterCannon')],
    ['refused', refuse('waterCannon')],
  ] as const)('the water-cannon decision %s while it is not in use also ends the warning', (_how, ending) => {
    const actor = inRiotControl();
    accepts(actor, grant('waterCannon'), warn(), ending);
    expect(isWarned(actor.getSnapshot())).toBe(false);
    accepts(actor, grant('waterCannon'));
    refuses(actor, deploy(), 'R7');
    accepts(actor, warn(), deploy());
  });

  test('a decision on the agent does not touch the warning; a new grant on the water cannon does not either', () => {
    const actor = inRiotControl();
    accepts(actor, warn(), revoke('tearGas'), refuse('tearGas'), grant('waterCannon'), grant('waterCannon'));
    expect(isWarned(actor.getSnapshot())).toBe(true);
    accepts(actor, deploy());
  });

  test('leaving phase 5 ends the warning; back in phase 5 the water cannon needs a new one', () => {
    const actor = inRiotControl();
    accepts(actor, grant('waterCannon'), warn(), deescalate());
    expect(isWarned(actor.getSnapshot())).toBe(false);
    accepts(actor, escalate());
    expect(isWarned(actor.getSnapshot())).toBe(false);
    refuses(actor, deploy(), 'R7');
    accepts(actor, warn(), deploy());
  });
});

describe('R8 revocation at any time', () => {
  test.each(PHASES)('in phase %i the mayor and the acting mayor decide and revoke (in anticipation)', (phase) => {
    const actor = inPhase(phase);
    for (const subject of SUBJECTS) {
      accepts(
        actor,
        grant(subject, mayor),
        refuse(subject, locoMayor),
        revoke(subject, mayor),
        grant(subject, locoMayor),
      );
    }
    expect(verdicts(actor)).toEqual({ waterCannon: 'granted', tearGas: 'granted' });
    expect(situation(actor)).toMatchObject({ phase, waterCannon: false, tearGas: false });
  });

  test('a grant taken in anticipation takes effect only where the phase allows the means', () => {
    const actor = startExercise(1);
    accepts(actor, grant('waterCannon'), grant('tearGas'));
    refuses(actor, deploy(), 'R2');
    accepts(actor, escalate(), escalate(), escalate());
    refuses(actor, deploy(), 'R1');
    accepts(actor, escalate(), warn(), deploy(), addTearGas());
    expect(situation(actor)).toEqual({ phase: 5, warned: true, waterCannon: true, tearGas: true, pilot: true });
  });

  test('a revocation taken outside phase 5 holds when phase 5 comes', () => {
    const actor = inRiotControl();
    accepts(actor, grant('waterCannon'), grant('tearGas'), deescalate(), revoke('waterCannon'), escalate(), warn());
    refuses(actor, deploy(), 'R3');
  });

  test.each([
    ['revoking', revoke('waterCannon')],
    ['refusing', refuse('waterCannon')],
  ] as const)('%s the water cannon stops the water cannon and the agent', (_how, ending) => {
    const actor = withTearAgentInUse();
    accepts(actor, ending);
    expect(situation(actor)).toEqual({ phase: 5, warned: false, waterCannon: false, tearGas: false, pilot: false });
    expect(verdicts(actor)).toEqual({
      waterCannon: ending.type === 'mayor.revoke' ? 'revoked' : 'refused',
      tearGas: 'granted',
    });
  });

  test.each([
    ['revoking', revoke('tearGas')],
    ['refusing', refuse('tearGas')],
  ] as const)('%s the agent stops only the agent', (_how, ending) => {
    const actor = withTearAgentInUse();
    accepts(actor, ending);
    expect(situation(actor)).toEqual({ phase: 5, warned: true, waterCannon: true, tearGas: false, pilot: false });
    refuses(actor, addTearGas(), 'R4');
  });

  test('revoking a subject that was never decided is recorded and ends nothing else', () => {
    const actor = withWaterCannonInUse();
    accepts(actor, revoke('tearGas'));
    expect(verdicts(actor)).toEqual({ waterCannon: 'granted', tearGas: 'revoked' });
    expect(isWaterCannonInUse(actor.getSnapshot())).toBe(true);
  });
});

describe('R9 withdrawing means', () => {
  test('withdrawing the water cannon also stops the agent; the decisions stay', () => {
    const actor = withTearAgentInUse();
    accepts(actor, withdraw());
    expect(situation(actor)).toEqual({ phase: 5, warned: false, waterCannon: false, tearGas: false, pilot: false });
    expect(verdicts(actor)).toEqual({ waterCannon: 'granted', tearGas: 'granted' });
  });

  test('leaving phase 5 withdraws the water cannon and the agent', () => {
    const actor = withTearAgentInUse();
    accepts(actor, deescalate());
    expect(situation(actor)).toEqual({ phase: 4, warned: false, waterCannon: false, tearGas: false, pilot: false });
    refuses(actor, withdraw(), 'R3');
    refuses(actor, stopTearGas(), 'R4');
  });

  test('decisions stay in force across de-escalation and re-escalation until revoked or superseded', () => {
    const actor = withTearAgentInUse();
    accepts(actor, deescalate(), deescalate(), deescalate(), deescalate());
    expect(phaseOf(actor.getSnapshot())).toBe(1);
    expect(verdicts(actor)).toEqual({ waterCannon: 'granted', tearGas: 'granted' });
    accepts(actor, escalate(), escalate(), escalate(), escalate(), warn(), deploy(), addTearGas());
    expect(situation(actor)).toEqual({ phase: 5, warned: true, waterCannon: true, tearGas: true, pilot: true });
    accepts(actor, deescalate(), refuse('tearGas'), escalate(), warn(), deploy());
    refuses(actor, addTearGas(), 'R4');
  });
});

describe('R10 an event the machine does not know, or one without a valid by, changes nothing and does not throw', () => {
  test.each(HOSTILE_OBJECTS.map((event) => [show(event), event] as const))('%s', (_shown, event) => {
    const actor = withTearAgentInUse();
    const refusal = whyRefused(actor.getSnapshot(), event);
    expect(refusal).not.toBeNull();
    expect(['R4', 'R5', 'R6', 'R10', 'R13']).toContain(refusal?.rule);
    refuses(actor, event, refusal?.rule ?? 'R10');
    accepts(actor, stopTearGas());
  });

  test('unknown types are R10, missing or invalid by is R13 (names who acts)', () => {
    const actor = inRiotControl();
    refuses(actor, { type: 'noodbevel.issue', by: mayor }, 'R10');
    refuses(actor, {}, 'R10');
    refuses(actor, { type: 42, by: commander }, 'R10');
    refuses(actor, { type: 'crowd.warn' }, 'R13');
    refuses(actor, { type: 'crowd.warn', by: null }, 'R13');
    refuses(actor, { type: 'crowd.warn', by: { role: 'king', name: 'x' } }, 'R13');
    refuses(actor, { type: 'crowd.warn', by: { role: 'commander', name: 7 } }, 'R13');
    accepts(actor, warn());
  });

  test.each(NOT_EVENTS.map((value) => [show(value), value] as const))(
    'whyRefused and can judge %s without throwing',
    (_shown, value) => {
      const snapshot = withTearAgentInUse().getSnapshot();
      expect(whyRefused(snapshot, value)?.rule).toBe('R10');
      expect(snapshot.can(value as EscalationEvent)).toBe(false);
    },
  );

  test('whyRefused does not throw even when reading the event throws', () => {
    const snapshot = withTearAgentInUse().getSnapshot();
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('hostile getter');
        },
      },
    );
    const getter = Object.defineProperty({ by: commander }, 'type', {
      get() {
        throw new Error('hostile getter');
      },
    });
    for (const event of [trap, getter]) expect(whyRefused(snapshot, event)?.rule).toBe('R10');
  });

  test('a refused attempt leaves the actor usable', () => {
    const actor = startExercise();
    for (const event of HOSTILE_OBJECTS) actor.send(event as EscalationEvent);
    expect(observable(actor.getSnapshot())).toEqual(observable(startExercise().getSnapshot()));
    accepts(actor, escalate());
  });

  test('a machine made from it with provide() keeps the same door', () => {
    // The filter is the machine's class, not methods replaced on one instance.
    expect(escalationMachine).toBeInstanceOf(StateMachine);
    const provided = escalationMachine.provide({});
    for (const event of [{}, { type: 42 }, { type: 'xstate.error.actor.0.x' }]) {
      const actor = createActor(provided, { input: { municipality: 'Utrecht' } }).start();
      actor.send(event as EscalationEvent);
      expect(actor.getSnapshot().status).toBe('active');
      actor.stop();
    }
  });
});

describe('R11 pilot cases are marked', () => {
  test('the tear agent in use, and only then, is a pilot case', () => {
    const actor = withWaterCannonInUse();
    expect(isPilotCase(actor.getSnapshot())).toBe(false);
    accepts(actor, grant('tearGas'), addTearGas());
    expect(isPilotCase(actor.getSnapshot())).toBe(true);
    accepts(actor, stopTearGas());
    expect(isPilotCase(actor.getSnapshot())).toBe(false);
  });
});

describe('R13 each role acts within its authority', () => {
  /** A situation in which the commander's act is accepted. */
  const commanderActs: readonly [string, () => EscalationActor, (by: By) => EscalationEvent][] = [
    ['phase.escalate', () => startExercise(2), (by) => escalate(by)],
    ['phase.deescalate', () => startExercise(2), (by) => deescalate(by)],
    ['crowd.warn', inRiotControl, (by) => warn(by)],
    [
      'waterCannon.deploy',
      () => {
        const actor = inRiotControl();
        accepts(actor, grant('waterCannon'), warn());
        return actor;
      },
      (by) => deploy(by),
    ],
    ['waterCannon.withdraw', withWaterCannonInUse, (by) => withdraw(by)],
    [
      'tearGas.add',
      () => {
        const actor = withWaterCannonInUse();
        accepts(actor, grant('tearGas'));
        return actor;
      },
      (by) => addTearGas(by),
    ],
    ['tearGas.stop', withTearAgentInUse, (by) => stopTearGas(by)],
  ];

  test.each(commanderActs)('%s: only the commander', (_type, situationFor, act) => {
    for (const by of NOT_COMMANDERS) refuses(situationFor(), act(by), 'R13');
    accepts(situationFor(), act(commander));
    accepts(situationFor(), act({ role: 'commander', name: 'Ter Haar', municipality: 'Amsterdam' }));
  });

  test('the trainer and the observer take no operational action at all', () => {
    for (const by of [trainer, observer]) {
      const actor = withTearAgentInUse();
      refuses(actor, grant('waterCannon', by), 'R5');
      refuses(actor, revoke('tearGas', by), 'R5');
      for (const act of [escalate, deescalate, warn, deploy, withdraw, addTearGas, stopTearGas])
        refuses(actor, act(by), 'R13');
      expect(situation(actor)).toEqual({ phase: 5, warned: true, waterCannon: true, tearGas: true, pilot: true });
    }
  });
});

describe('the machine is headless, pure and persistable', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const script: EscalationEvent[] = [
    escalate(),
    grant('waterCannon', mayor),
    escalate(),
    escalate(),
    escalate(),
    warn(),
    deploy(),
    grant('tearGas', locoMayor),
    addTearGas(),
  ];

  test('no clock and no randomness inside: a script replays to the same snapshot', () => {
    const now = vi.spyOn(Date, 'now');
    const random = vi.spyOn(Math, 'random');
    const first = startExercise();
    const second = startExercise();
    for (const event of script) {
      first.send(event);
      second.send(event);
    }
    expect(observable(first.getSnapshot())).toEqual(observable(second.getSnapshot()));
    expect(now).not.toHaveBeenCalled();
    expect(random).not.toHaveBeenCalled();
  });

  test.each([0, 3, 6, script.length])(
    'after %i events the persisted snapshot, through JSON, restores and continues exactly',
    (cut) => {
      const original = startExercise();
      for (const event of script.slice(0, cut)) accepts(original, event);
      const copy = restored(original);
      expect(observable(copy.getSnapshot())).toEqual(observable(original.getSnapshot()));
      expect(situation(copy)).toEqual(situation(original));

      const rest: unknown[] = [
        ...script.slice(cut),
        revoke('tearGas'),
        { type: 'noodbevel.issue', by: mayor },
        withdraw(),
        deploy(),
        warn(),
        deploy(),
        deescalate(),
        deescalate(),
        escalate(),
      ];
      for (const event of rest) {
        expect(whyRefused(copy.getSnapshot(), event)).toEqual(whyRefused(original.getSnapshot(), event));
        original.send(event as EscalationEvent);
        copy.send(event as EscalationEvent);
        expect(observable(copy.getSnapshot())).toEqual(observable(original.getSnapshot()));
      }
    },
  );

  test('a restored exercise keeps its start phase and municipality from the snapshot', () => {
    const original = createActor(escalationMachine, { input: { municipality: 'Arnhem', startPhase: 4 } }).start();
    accepts(original, grant('waterCannon', { ...mayor, municipality: 'Arnhem' }));
    const copy = restored(original, { municipality: 'Arnhem', startPhase: 4 });
    expect(phaseOf(copy.getSnapshot())).toBe(4);
    refuses(copy, grant('waterCannon', mayor), 'R5');
    accepts(copy, escalate(), warn(), deploy());
  });
});
