import { describe, expect, it } from 'vitest';
import { refusalCount, refusalsByRule } from '../../../src/features/debrief/refusals';
import { BY, play, SETUP } from '../../fixtures/exercise';
import { debriefOf, newStore, riotControlStore, runExercise } from './fixtures';

describe('refusals by rule', () => {
  it('groups the riot-control run’s refusals under R3, R4 and R5, in rule order, with each attempt', async () => {
    const { store, id } = await riotControlStore();
    const groups = (await debriefOf(store, id)).refusals;
    expect(groups.map((group) => [group.rule, group.attempts.length])).toEqual([
      ['R3', 1],
      ['R4', 1],
      ['R5', 1],
    ]);
    expect(groups[0]?.definition?.title.nl).toBe('Waterwerper alleen met besluit van de burgemeester');
    expect(groups[0]?.attempts[0]).toMatchObject({
      by: BY.commander,
      action: 'waterCannon.deploy',
      subject: null,
      at: { seq: 7, exercise: '2026-12-31T22:05:00' },
    });
    expect(groups[0]?.attempts[0]?.message.nl).toMatch(/burgemeester/);
    expect(groups[2]?.attempts[0]).toMatchObject({
      by: BY.neighbourMayor,
      action: 'mayor.decide',
      subject: 'waterCannon',
    });
    expect(refusalCount(groups)).toBe(3);
  });

  it('counts repeated refusals under one rule, sorts R13 after R2, and includes refused steering (R13)', async () => {
    const store = newStore();
    const id = await runExercise(store, SETUP, (session, clock) => {
      play(session, clock, [
        { type: 'waterCannon.deploy', by: BY.commander },
        { type: 'phase.escalate', by: BY.mayor, reason: 'Ik schaal op' },
        { type: 'waterCannon.deploy', by: BY.commander },
      ]);
      clock.advance(1);
      void session.annotate(BY.commander, 'Een aantekening van de commandant');
    });
    const groups = (await debriefOf(store, id)).refusals;
    expect(groups.map((group) => [group.rule, group.attempts.length])).toEqual([
      ['R2', 2],
      ['R13', 2],
    ]);
    expect(groups[1]?.attempts.map((attempt) => attempt.action)).toEqual(['phase.escalate', 'exercise.note']);
  });

  it('is empty for a log without refusals', () => {
    expect(refusalsByRule([])).toEqual([]);
  });
});
