/**
 * Issue #13 item 5: the statechart reads as the model. Every guard is named by
 * the rule it stands for, all of them are declared in the machine's one
 * `setup()`, and the diagram reads the rule ids from those names.
 */
import { describe, expect, it } from 'vitest';
import { ATTEMPT_CHECKS, attemptChecksAt, CHECKS, ruleOfCheck } from '../../machines/checks';
import { graphOf } from '../../machines/diagram';
import { createActor } from 'xstate';
import { adjacentPhase, escalationMachine, whyRefused, whyRefusedStep, type By } from '../../machines';

const declared = new Set(Object.keys(escalationMachine.implementations.guards));

describe('the named guards', () => {
  const graph = graphOf();

  it('guards every transition with guards declared in setup(), each named by a rule', () => {
    const guarded = graph.transitions.filter((transition) => transition.guard);
    expect(guarded.length).toBe(graph.transitions.length);
    for (const transition of guarded)
      for (const name of transition.guard?.names ?? []) {
        expect(declared.has(name), `${transition.id}: ${name}`).toBe(true);
        expect(name, transition.id).toMatch(/^R\d+\.[a-zA-Z]+$/);
      }
  });

  it('declares one guard per check the table runs on the attempt, and R8 and R1 besides', () => {
    expect([...declared].sort()).toEqual(
      [...ATTEMPT_CHECKS.map((check) => check.name), 'R1.startsIn', 'R8.endsConsent'].sort(),
    );
  });

  it('guards the water cannon after the warning with the checks whyRefused asks, in its order', () => {
    const deploy = graph.transitions.find(
      (transition) => transition.id === 'escalation.riotControl.warned#waterCannon.deploy#0',
    );
    expect(deploy?.guard?.names).toEqual(['R13.namesWhoActs', 'R13.withinAuthority', 'R3.mayorConsents']);
    const order = CHECKS['waterCannon.deploy'].map((check) => check.name);
    expect(order.indexOf('R3.mayorConsents')).toBeLessThan(order.indexOf('R7.warnedFirst'));
  });

  it('marks a transition that ends consent with R8 after the rules of the decision', () => {
    const ending = graph.transitions.find(
      (transition) => transition.id === 'escalation.riotControl.warned#mayor.revoke#0',
    );
    expect(ending?.guard?.names).toEqual([
      'R13.namesWhoActs',
      'R5.competentMayor',
      'R6.oneSubject',
      'R6.hasGrounds',
      'R8.endsConsent',
    ]);
    expect(ending?.rules).toEqual(['R5', 'R6', 'R8']);
  });

  it('refuses to build a transition the standing rules forbid', () => {
    expect(() => attemptChecksAt(3, null, 'waterCannon.deploy')).toThrow(/R2\.meDeployedInPhase|R1\.meansOfPhase/);
    expect(() => attemptChecksAt(5, 'notWarned', 'waterCannon.deploy')).toThrow(/R7\.warnedFirst/);
    expect(() => attemptChecksAt(5, null, 'phase.escalate')).toThrow(/R1\.belowHighestPhase/);
  });

  it('reads a rule id from every check name', () => {
    for (const checks of Object.values(CHECKS))
      for (const check of checks) expect(ruleOfCheck(check.name)).toMatch(/^R\d+$/);
    expect(() => ruleOfCheck('mayorConsents')).toThrow(/not named by its rule/);
  });
});

describe('the model asked about a step before its words', () => {
  const commander: By = { role: 'commander', name: 'Cdt' };
  const mayor: By = { role: 'mayor', name: 'Bgm', municipality: 'Utrecht' };
  const start = (startPhase: 1 | 5 = 1) =>
    createActor(escalationMachine, { input: { municipality: 'Utrecht', startPhase } })
      .start()
      .getSnapshot();

  it('leaves the reason, verdict and grounds out, and nothing else', () => {
    const snapshot = start();
    // Blank words: the attempt itself is refused for them, the step is not.
    expect(whyRefused(snapshot, { type: 'phase.escalate', by: commander, reason: ' ' })?.rule).toBe('R1');
    expect(whyRefusedStep(snapshot, { type: 'phase.escalate', by: commander })).toBeNull();
    expect(
      whyRefused(snapshot, { type: 'mayor.decide', by: mayor, subject: 'waterCannon', verdict: 'granted', grounds: '' })
        ?.rule,
    ).toBe('R6');
    expect(whyRefusedStep(snapshot, { type: 'mayor.decide', by: mayor, subject: 'waterCannon' })).toBeNull();
    // Who, when and on what are still judged.
    expect(whyRefusedStep(snapshot, { type: 'phase.escalate', by: mayor })?.rule).toBe('R13');
    expect(whyRefusedStep(snapshot, { type: 'mayor.decide', by: commander, subject: 'waterCannon' })?.rule).toBe('R5');
    expect(whyRefusedStep(snapshot, { type: 'waterCannon.deploy', by: commander })?.rule).toBe('R2');
    expect(whyRefusedStep(start(5), { type: 'waterCannon.deploy', by: commander })?.rule).toBe('R3');
    expect(whyRefusedStep(start(5), { type: 'phase.escalate', by: commander })?.rule).toBe('R1');
  });

  it('names the phase one step up or down, and none beyond 1–5 (R1)', () => {
    expect(adjacentPhase(1, 'up')?.number).toBe(2);
    expect(adjacentPhase(1, 'down')).toBeNull();
    expect(adjacentPhase(5, 'up')).toBeNull();
    expect(adjacentPhase(5, 'down')?.number).toBe(4);
  });
});
