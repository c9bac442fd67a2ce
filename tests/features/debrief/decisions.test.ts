import { describe, expect, it } from 'vitest';
import { decisions, revocations } from '../../../src/features/debrief/decisions';
import { BY, play, SETUP } from '../../fixtures/exercise';
import { debriefOf, newStore, riotControlStore, runExercise } from './fixtures';

async function riotControl() {
  const { store, id } = await riotControlStore();
  return debriefOf(store, id);
}

describe('decisions', () => {
  it('lists every accepted decision with who, when, verdict, grounds, BOB notes and conditions (R6)', async () => {
    const { decisions: records } = await riotControl();
    expect(records.map((record) => [record.at.seq, record.subject, record.verdict])).toEqual([
      [9, 'waterCannon', 'granted'],
      [13, 'tearGas', 'granted'],
    ]);
    const [waterCannon] = records;
    expect(waterCannon).toMatchObject({
      by: BY.mayor,
      grounds: 'Groot gevaar voor agenten en omstanders; andere middelen onvoldoende',
      bob: { beeld: 'Circa 300 relschoppers, brandende barricades', oordeel: 'Waterwerper proportioneel' },
      conditions: 'Niet richten op hoofden',
      phase: 5,
      at: { exercise: '2026-12-31T22:07:00', wall: '2026-12-31T21:07:00.000Z' },
    });
    expect(records[1]?.bob).toBeNull();
    expect(records[1]?.conditions).toBeNull();
  });

  it('says what each decision allowed: one subject only, never both (R3, R4)', async () => {
    const [waterCannon, tearGas] = (await riotControl()).decisions;
    expect(waterCannon?.allows).toBe('waterCannon');
    expect(tearGas?.allows).toBe('tearAgent');
  });

  it('finds when the allowed means was first used, and how the decision ended (R8)', async () => {
    const [waterCannon, tearGas] = (await riotControl()).decisions;
    expect(waterCannon?.used?.at.seq).toBe(11);
    expect(tearGas?.used?.at.seq).toBe(14);
    expect(waterCannon?.ended).toMatchObject({
      kind: 'revoked',
      revocation: { subject: 'waterCannon', grounds: 'De groep is uiteengedreven.', revokes: 9, at: { seq: 17 } },
    });
    expect(tearGas?.ended).toBeNull();
  });

  it('leaves out refused attempts to decide: they are refusals (R5)', async () => {
    const { store, id } = await riotControlStore();
    const debrief = await debriefOf(store, id);
    expect(debrief.decisions.some((record) => record.by.municipality === 'Amsterdam')).toBe(false);
    expect(debrief.refusals.find((group) => group.rule === 'R5')?.attempts).toHaveLength(1);
  });
});

/** Decisions over a hand-written sequence: grant, refuse (supersedes), revoke with nothing in force. */
describe('decisions over a sequence', () => {
  it('marks supersession, allows nothing for a refusal, and a revocation of nothing revokes nothing', async () => {
    const store = newStore();
    const id = await runExercise(store, SETUP, (session, clock) => {
      play(session, clock, [
        { type: 'mayor.decide', by: BY.mayor, subject: 'waterCannon', verdict: 'granted', grounds: 'Nodig' },
        { type: 'mayor.decide', by: BY.locoMayor, subject: 'waterCannon', verdict: 'refused', grounds: 'Toch niet' },
        { type: 'mayor.revoke', by: BY.mayor, subject: 'tearGas', grounds: 'Voor de zekerheid' },
      ]);
    });
    const head = await store.head(id);
    if (!head) throw new Error('no head');
    const entries = await store.entries(head);
    const records = decisions(entries);
    expect(records).toHaveLength(2);
    expect(records[0]?.ended).toMatchObject({ kind: 'superseded', verdict: 'refused', at: { seq: 4 } });
    expect(records[0]?.used).toBeNull();
    expect(records[1]).toMatchObject({ verdict: 'refused', allows: null, by: BY.locoMayor, ended: null });
    expect(revocations(entries)).toEqual([expect.objectContaining({ subject: 'tearGas', revokes: null })]);
  });
});
