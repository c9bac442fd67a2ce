import { describe, expect, it } from 'vitest';
import { integrityOf } from '../../../src/features/debrief/integrity';
import { otherRuns, refusalComparison, isSameExercise } from '../../../src/features/debrief/comparison';
import { SETUP } from '../../fixtures/exercise';
import { comparisonStore, debriefOf, jaarwisselingSetup, riotControlStore } from './fixtures';

describe('the seal of the log', () => {
  it('gives the last entry’s hash, equal to the head’s, with the chain intact', async () => {
    const { store, id } = await riotControlStore();
    const head = await store.head(id);
    if (!head) throw new Error('no head');
    const entries = await store.entries(head);
    const integrity = integrityOf(head, entries);
    expect(integrity).toEqual({
      finalHash: entries.at(-1)?.hash,
      entries: 18,
      matchesHead: true,
      chainBreak: null,
    });
    expect(integrity.finalHash).toBe(head.headHash);
  });

  it('names where the chain breaks when an entry was changed afterwards', async () => {
    const { store, id } = await riotControlStore();
    const head = await store.head(id);
    if (!head) throw new Error('no head');
    const entries = (await store.entries(head)).map((entry) =>
      entry.seq === 9 && entry.kind === 'attempt' && entry.event.type === 'mayor.decide'
        ? { ...entry, event: { ...entry.event, grounds: 'Achteraf anders opgeschreven' } }
        : entry,
    );
    expect(integrityOf(head, entries).chainBreak).toEqual({ position: 9, seq: 9, problem: 'hash' });
    expect(integrityOf(head, entries.slice(0, -1)).matchesHead).toBe(false);
  });
});

describe('two runs side by side', () => {
  it('pairs runs by scenario id, or by title when there is no scenario', () => {
    const withScenario = jaarwisselingSetup();
    expect(isSameExercise(withScenario, { ...withScenario, title: 'Andere titel' })).toBe(true);
    expect(isSameExercise(withScenario, SETUP)).toBe(false);
    expect(isSameExercise(SETUP, { ...SETUP, title: ' jaarwisseling utrecht-centrum ' })).toBe(true);
    expect(isSameExercise(SETUP, { ...SETUP, title: 'Demonstratie' })).toBe(false);
  });

  it('finds the other stored run of the same exercise, not itself and not an unrelated one', async () => {
    const { store, id, otherId } = await comparisonStore();
    const head = await store.head(id);
    if (!head) throw new Error('no head');
    expect((await otherRuns(store, head)).map((run) => run.id)).toEqual([otherId]);
  });

  it('counts refusals rule by rule for both runs', async () => {
    const { store, id, otherId } = await comparisonStore();
    const rows = refusalComparison((await debriefOf(store, id)).refusals, (await debriefOf(store, otherId)).refusals);
    expect(rows.map((row) => [row.rule, ...row.counts])).toEqual([
      ['R3', 1, 0],
      ['R4', 1, 1],
      ['R5', 1, 0],
    ]);
  });
});
