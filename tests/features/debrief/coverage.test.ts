import { describe, expect, it } from 'vitest';
import { rulesApplied } from '../../../src/features/debrief/coverage';
import type { AttemptEntry } from '../../../src/session';
import { debriefOf, emptyStore, jaarwisselingStore, riotControlStore } from './fixtures';

const touched = (debrief: Awaited<ReturnType<typeof debriefOf>>) =>
  debrief.coverage.rules.filter((rule) => rule.touched).map((rule) => rule.rule.id);

describe('coverage of rules and phases', () => {
  it('lists all thirteen rules and all five phases, touched or not', async () => {
    const { store, id } = await emptyStore();
    const { coverage } = await debriefOf(store, id);
    expect(coverage.rules.map((rule) => rule.rule.id)).toEqual([
      'R1',
      'R2',
      'R3',
      'R4',
      'R5',
      'R6',
      'R7',
      'R8',
      'R9',
      'R10',
      'R11',
      'R12',
      'R13',
    ]);
    expect(coverage.rules.every((rule) => !rule.touched)).toBe(true);
    expect(coverage.phases.map((phase) => [phase.phase.number, phase.visited])).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
    ]);
  });

  it('counts the riot-control run: refused and applied per rule, phases visited with their time', async () => {
    const { store, id } = await riotControlStore();
    const debrief = await debriefOf(store, id);
    expect(touched(debrief)).toEqual(['R1', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R10', 'R11']);
    const rule = (id: string) => debrief.coverage.rules.find((item) => item.rule.id === id);
    expect(rule('R3')).toMatchObject({ refused: 1, applied: 2 }); // the grant and the deployment
    expect(rule('R4')).toMatchObject({ refused: 1, applied: 2 }); // the grant and the addition
    expect(rule('R5')).toMatchObject({ refused: 1, applied: 3 }); // two decisions and a revocation
    expect(rule('R11')).toMatchObject({ refused: 0, applied: 1 });
    expect(rule('R10')).toMatchObject({ applied: 3 }); // each logged refusal
    expect(rule('R2')?.touched).toBe(false);
    expect(
      debrief.coverage.phases.map((phase) => [phase.phase.number, phase.entered, phase.exerciseMs / 60_000]),
    ).toEqual([
      [1, 1, 1],
      [2, 1, 1],
      [3, 1, 1],
      [4, 2, 1],
      [5, 1, 12],
    ]);
  });

  it('puts R12 in play when the scenario has the local triangle set the tolerance limits', async () => {
    const { store, id } = await jaarwisselingStore();
    const r12 = (await debriefOf(store, id)).coverage.rules.find((rule) => rule.rule.id === 'R12');
    expect(r12).toMatchObject({ inScenario: true, touched: true, refused: 0, applied: 0 });
  });

  it('applies R9 when leaving riot control withdraws means, and nothing for a refused attempt', () => {
    const base = {
      kind: 'attempt' as const,
      seq: 2,
      wall: '',
      exercise: '',
      by: { role: 'commander' as const, name: 'C' },
      prevHash: '',
      hash: '',
    };
    const deescalate: AttemptEntry = {
      ...base,
      event: { type: 'phase.deescalate', by: base.by, reason: 'Rust' },
      outcome: 'accepted',
      before: { phase: 5, means: ['waterCannon'], warned: true, decisions: { waterCannon: 'granted', tearGas: null } },
      after: { phase: 4, means: [], warned: false, decisions: { waterCannon: 'granted', tearGas: null } },
    };
    expect(rulesApplied(deescalate)).toEqual(['R1', 'R9']);
    expect(rulesApplied({ ...deescalate, outcome: 'refused' })).toEqual([]);
    expect(rulesApplied({ ...deescalate, before: deescalate.after, after: { ...deescalate.after, phase: 3 } })).toEqual(
      ['R1'],
    );
  });
});
