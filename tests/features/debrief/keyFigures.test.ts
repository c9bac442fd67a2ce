import { describe, expect, it } from 'vitest';
import { keyFigures } from '../../../src/features/debrief/summary';
import { SETUP } from '../../fixtures/exercise';
import { debriefOf, newStore, riotControlStore, runExercise } from './fixtures';

const TRAINER = { role: 'trainer', name: 'Oefenleider' } as const;
const at = (iso: string) => Date.parse(iso);
const exerciseAt = (text: string) => Date.parse(`${text}Z`);

describe('the debrief’s exercise time', () => {
  it('counts the time the clock ran after the last line, up to its reading now', async () => {
    // Started at 21:00 wall, 22:00 exercise; nothing logged after the start, as in a walk-through
    // whose clock ran to 22:00:35 before anyone acted.
    const store = newStore();
    const id = await runExercise(store, SETUP, () => undefined);
    const debrief = await debriefOf(store, id);
    expect(debrief.head.clock.running).toBe(true);

    const figures = keyFigures(debrief, at('2026-12-31T21:00:35Z'));
    expect(figures.duration).toEqual({ exerciseMs: 35_000, wallMs: 35_000 });
    expect(figures.from).toBe(exerciseAt('2026-12-31T22:00:00'));
    expect(figures.to).toBe(exerciseAt('2026-12-31T22:00:35'));
    expect(figures.clockRunning).toBe(true);
    // Read as the clock shows it, in whole seconds, so the tile and its caption agree.
    expect(keyFigures(debrief, at('2026-12-31T21:00:35.600Z')).duration?.exerciseMs).toBe(35_000);
    // A moment later, a running clock has covered more.
    expect(keyFigures(debrief, at('2026-12-31T21:10:00Z')).duration?.exerciseMs).toBe(10 * 60_000);
  });

  it('stops where a paused clock stands, whatever the wall clock says', async () => {
    const store = newStore();
    const id = await runExercise(store, SETUP, (session, clock) => {
      clock.advance(3);
      void session.clock(TRAINER, { type: 'pause' });
      clock.advance(20);
      void session.clock(TRAINER, { type: 'jump', minutes: 5 });
    });
    const debrief = await debriefOf(store, id);
    // Paused after 3 minutes, then moved on 5 by hand: 8 minutes of exercise time, none of the 20 paused.
    for (const wallNow of [at('2026-12-31T21:23:00Z'), at('2027-01-01T09:00:00Z')]) {
      const figures = keyFigures(debrief, wallNow);
      expect(figures.duration?.exerciseMs).toBe(8 * 60_000);
      expect(figures.clockRunning).toBe(false);
      expect(figures.to).toBe(exerciseAt('2026-12-31T22:08:00'));
    }
  });

  it('never ends before the last line, and keeps the coverage apart from the time', async () => {
    const { store, id } = await riotControlStore();
    const debrief = await debriefOf(store, id);
    const last = debrief.entries.at(-1);
    // Asked with a wall clock before the last line (a tab whose clock is behind): the log still counts.
    const figures = keyFigures(debrief, at('2026-12-31T20:00:00Z'));
    expect(figures.to).toBe(last && exerciseAt(last.exercise));
    expect(figures.rulesTouched).toBeGreaterThan(0);
    expect(figures.ruleCount).toBe(debrief.coverage.rules.length);
    expect(figures.phaseCount).toBe(5);
  });
});
