import { describe, expect, it } from 'vitest';
import { decisionPointTimings } from '../../../src/features/debrief/timings';
import { BY, play, SETUP } from '../../fixtures/exercise';
import { debriefOf, jaarwisselingStore, newStore, riotControlStore, runExercise } from './fixtures';

const MINUTE = 60_000;

// Read once, before the tests are collected: the debrief is read asynchronously, as the screen reads it.
const jaarwisseling = await jaarwisselingStore();
const debrief = await debriefOf(jaarwisseling.store, jaarwisseling.id);

describe('time from a decision-point inject to the decision', () => {
  it('measures each released decision point to the first answer on its subject', () => {
    const points = debrief.decisionPoints;
    expect(points.map((point) => point.inject.id)).toEqual([
      'vraag-me-inzet',
      'vraag-waterwerper',
      'vraag-traanverwekkende-stof',
    ]);
    const [phase, waterCannon, tearGas] = points;
    // "phase": answered by the escalation five exercise-minutes later.
    expect(phase).toMatchObject({ subject: 'phase', released: { exercise: '2026-12-31T22:00:00' } });
    expect(phase?.response).toMatchObject({ type: 'phase.escalate', at: { exercise: '2026-12-31T22:05:00' } });
    expect(phase?.interval).toEqual({ exerciseMs: 5 * MINUTE, wallMs: 5 * MINUTE });
    // "waterCannon": the mayor's grant three minutes after the release, not the escalations around it.
    expect(waterCannon?.response).toMatchObject({ type: 'mayor.decide', verdict: 'granted' });
    expect(waterCannon?.interval?.exerciseMs).toBe(3 * MINUTE);
    expect(waterCannon?.anticipated).toBeNull();
    // "tearGas": never decided; the refused attempt to add the agent is no answer.
    expect(tearGas?.response).toBeNull();
    expect(tearGas?.interval).toBeNull();
  });

  it('reads a log whose chain holds (the injects were sealed in like any entry)', () => {
    expect(debrief.integrity).toMatchObject({ chainBreak: null, matchesHead: true, entries: 14 });
  });

  it('leaves out injects that are no decision point, and held or skipped ones', () => {
    const ids = debrief.decisionPoints.map((point) => point.inject.id);
    expect(ids).not.toContain('oefenleider-tijdsdruk');
    // A decision point (subject "phase"), but held, not released: nothing to measure yet.
    expect(ids).not.toContain('groep-valt-uiteen');
    expect(debrief.entries.some((entry) => entry.kind === 'inject' && entry.injectId === 'groep-valt-uiteen')).toBe(
      true,
    );
  });

  it('says when the room had answered before the inject came (anticipation)', () => {
    // The same decision point released once more at the end: the escalations all came before it.
    const last = debrief.entries.at(-1);
    if (!last) throw new Error('empty log');
    const release = { ...last, kind: 'inject' as const, injectId: 'vraag-me-inzet', action: 'released' as const };
    const timings = decisionPointTimings(debrief.head.setup, [...debrief.entries, { ...release, seq: last.seq + 1 }]);
    const late = timings.at(-1);
    expect(late?.response).toBeNull();
    expect(late?.anticipated).toMatchObject({ type: 'phase.escalate', at: { exercise: '2026-12-31T22:07:00' } });
  });

  it('measures nothing without a scenario', async () => {
    const riot = await riotControlStore();
    expect((await debriefOf(riot.store, riot.id)).decisionPoints).toEqual([]);
  });
});

describe('time from a decision to the action it allowed', () => {
  it('measures grant to deployment and grant to tear agent; a refused verdict is not listed', async () => {
    const { store, id } = await riotControlStore();
    const rows = (await debriefOf(store, id)).decisionToAction;
    expect(rows.map((row) => [row.decision.subject, row.decision.used?.at.seq, row.interval?.exerciseMs])).toEqual([
      ['waterCannon', 11, 2 * MINUTE],
      ['tearGas', 14, 1 * MINUTE],
    ]);
  });

  it('measures the scenario run’s grant to its deployment', async () => {
    const { store, id } = await jaarwisselingStore();
    const rows = (await debriefOf(store, id)).decisionToAction;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.interval?.exerciseMs).toBe(2 * MINUTE);
  });

  it('has no interval when the means was never used while the decision held', async () => {
    const store = newStore();
    const id = await runExercise(store, SETUP, (session, clock) => {
      play(session, clock, [
        { type: 'mayor.decide', by: BY.mayor, subject: 'waterCannon', verdict: 'granted', grounds: 'Nodig' },
        { type: 'mayor.revoke', by: BY.mayor, subject: 'waterCannon', grounds: 'Niet meer nodig' },
      ]);
    });
    const rows = (await debriefOf(store, id)).decisionToAction;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.decision.used).toBeNull();
    expect(rows[0]?.interval).toBeNull();
  });
});
