import { describe, expect, it } from 'vitest';
import {
  injectStates,
  isDue,
  openSession,
  releasedFor,
  replay,
  verifyChain,
  genesisHash,
  type ExerciseSession,
  type LogEntry,
} from '../../src/session';
import { BY, newSession, SETUP } from '../fixtures/exercise';
import { COMMANDER, scenarioSession, scenarioSetup, TRAINER } from '../fixtures/scenario';

const statusOf = (session: ExerciseSession, id: string) =>
  injectStates(session.getState().head.setup, session.getState().log).find((state) => state.inject.id === id)?.status;

describe('injects through the one door', () => {
  it('logs a release, a hold and a skip by the trainer as inject entries, stored and hash-chained', async () => {
    const { session, repository, id } = scenarioSession();
    const released = await session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    const held = await session.inject(TRAINER, 'vuurwerk-naar-brandweer', 'held');
    const skipped = await session.inject(TRAINER, 'oefenleider-tolerantiegrenzen', 'skipped');
    expect(released).toMatchObject({ outcome: 'accepted', entry: { kind: 'inject', action: 'released' } });
    expect(held).toMatchObject({ outcome: 'accepted', entry: { injectId: 'vuurwerk-naar-brandweer', action: 'held' } });
    expect(skipped).toMatchObject({ outcome: 'accepted', entry: { action: 'skipped', by: TRAINER } });

    const state = session.getState();
    expect(state.log.map((entry) => entry.kind)).toEqual(['exercise', 'inject', 'inject', 'inject']);
    expect(state.savedLength).toBe(4);
    const stored = await repository.entries((await repository.head(id)) ?? state.head);
    expect(stored).toEqual(state.log);
    expect(verifyChain(genesisHash(id, state.head.setup, state.head.createdAt), stored)).toBeNull();

    expect(statusOf(session, 'start-oudejaarsavond')).toBe('released');
    expect(statusOf(session, 'vuurwerk-naar-brandweer')).toBe('held');
    expect(statusOf(session, 'oefenleider-tolerantiegrenzen')).toBe('skipped');
    expect(statusOf(session, 'barricades')).toBe('queued');
  });

  it('stamps the inject with the exercise time it was released at', async () => {
    const { session, clock } = scenarioSession();
    await session.clock(TRAINER, { type: 'jump', minutes: 12 });
    clock.advance(3);
    const result = await session.inject(TRAINER, 'vuurwerk-naar-brandweer', 'released');
    if (result.outcome !== 'accepted') throw new Error('expected the release to be accepted');
    expect(result.entry.exercise).toBe('2026-12-31T22:12:00');
  });

  it('refuses anyone but the trainer with R13, and logs the refused attempt (R10)', async () => {
    const { session } = scenarioSession();
    const result = await session.inject(COMMANDER, 'start-oudejaarsavond', 'released');
    expect(result.outcome).toBe('refused');
    if (result.outcome !== 'refused') return;
    expect(result.entry).toMatchObject({
      kind: 'steeringRefused',
      action: 'inject.release',
      refusal: { rule: 'R13' },
      by: COMMANDER,
    });
    expect(result.entry.refusal.message.nl).toMatch(/Alleen de oefenleider/);
    expect(session.getState().log.at(-1)).toBe(result.entry);
    expect(statusOf(session, 'start-oudejaarsavond')).toBe('queued');
  });

  it('refuses an observer holding or skipping too: steering injects is the trainer’s alone', async () => {
    const { session } = scenarioSession();
    const observer = { role: 'observer' as const, name: 'Martijn Kok (evaluator)' };
    expect((await session.inject(observer, 'barricades', 'held')).outcome).toBe('refused');
    expect((await session.inject(observer, 'barricades', 'skipped')).outcome).toBe('refused');
    expect(statusOf(session, 'barricades')).toBe('queued');
  });

  it('logs an attempt without a valid by as refused, never throwing', async () => {
    const { session } = scenarioSession();
    const result = await session.inject({ role: 'nobody', name: '' } as never, 'barricades', 'released');
    expect(result).toMatchObject({ outcome: 'refused', entry: { refusal: { rule: 'R13' } } });
  });

  it('ignores an unknown inject with a clear reason, logging nothing', async () => {
    const { session } = scenarioSession();
    const before = session.getState().log.length;
    const result = await session.inject(TRAINER, 'bestaat-niet', 'released');
    expect(result).toEqual({
      outcome: 'ignored',
      reason: {
        nl: 'Het scenario van deze oefening heeft geen inject "bestaat-niet".',
        en: 'This exercise\'s scenario has no inject "bestaat-niet".',
      },
    });
    expect(session.getState().log).toHaveLength(before);
  });

  it('ignores injects in an exercise without a scenario, and odd input, without throwing', async () => {
    const { session } = newSession(SETUP);
    expect(await session.inject(BY.trainer, 'start-oudejaarsavond', 'released')).toMatchObject({
      outcome: 'ignored',
      reason: { en: 'This exercise has no scenario, and so no injects.' },
    });
    const scenario = scenarioSession().session;
    expect(await scenario.inject(TRAINER, 'barricades', 'deleted' as never)).toMatchObject({ outcome: 'ignored' });
    expect(await scenario.inject(TRAINER, undefined as never, 'released')).toMatchObject({ outcome: 'ignored' });
    expect(await scenario.inject(TRAINER, { toString: () => 'x' } as never, 'held')).toMatchObject({ outcome: 'ignored' });
    expect(scenario.getState().log).toHaveLength(1);
  });

  it('releases a held or skipped inject later, but never takes a release back', async () => {
    const { session } = scenarioSession();
    expect((await session.inject(TRAINER, 'barricades', 'held')).outcome).toBe('accepted');
    expect(await session.inject(TRAINER, 'barricades', 'held')).toMatchObject({
      outcome: 'ignored',
      reason: { nl: 'Deze inject wordt al aangehouden.' },
    });
    expect((await session.inject(TRAINER, 'barricades', 'skipped')).outcome).toBe('accepted');
    expect(await session.inject(TRAINER, 'barricades', 'skipped')).toMatchObject({ outcome: 'ignored' });
    expect((await session.inject(TRAINER, 'barricades', 'released')).outcome).toBe('accepted');
    for (const action of ['released', 'held', 'skipped'] as const) {
      const again = await session.inject(TRAINER, 'barricades', action);
      if (again.outcome !== 'ignored') throw new Error(`expected ${action} after the release to be ignored`);
      expect(again.reason.en).toMatch(/already been released/);
    }
    expect(session.getState().log.filter((entry) => entry.kind === 'inject')).toHaveLength(3);
  });

  it('keeps inject statuses across a reload', async () => {
    const { session, repository, id, clock } = scenarioSession();
    await session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    await session.inject(TRAINER, 'vuurwerk-naar-brandweer', 'skipped');
    session.dispose();
    const reopened = await openSession(repository, id, clock.now);
    if (!reopened) throw new Error('the exercise is stored');
    expect(statusOf(reopened, 'start-oudejaarsavond')).toBe('released');
    expect(statusOf(reopened, 'vuurwerk-naar-brandweer')).toBe('skipped');
    expect((await reopened.inject(TRAINER, 'start-oudejaarsavond', 'released')).outcome).toBe('ignored');
  });
});

describe('injects on the exercise clock', () => {
  it('is due from the exercise’s start plus the offset, and counts from a start the trainer moved', () => {
    const setup = scenarioSetup();
    const moved = { ...setup, startTime: '2026-12-31T21:30' };
    const [first, second] = injectStates(moved, []);
    expect(first?.dueAt).toBe(Date.parse('2026-12-31T21:30:00Z'));
    expect(second?.inject.offsetMinutes).toBe(10);
    expect(second?.dueAt).toBe(Date.parse('2026-12-31T21:40:00Z'));
    if (!second) return;
    expect(isDue(second, Date.parse('2026-12-31T21:39:59Z'))).toBe(false);
    expect(isDue(second, Date.parse('2026-12-31T21:40:00Z'))).toBe(true);
    expect(isDue({ ...second, status: 'held' }, Date.parse('2026-12-31T23:00:00Z'))).toBe(false);
  });
});

describe('what each audience sees', () => {
  it('shows released injects for the audience and for everyone, in the order released; nothing held or skipped', async () => {
    const { session } = scenarioSession();
    await session.inject(TRAINER, 'vraag-me-inzet', 'released'); // commander
    await session.inject(TRAINER, 'start-oudejaarsavond', 'released'); // everyone
    await session.inject(TRAINER, 'staf-bereidt-voor', 'released'); // mayorStaff
    await session.inject(TRAINER, 'oefenleider-tolerantiegrenzen', 'held'); // trainer
    await session.inject(TRAINER, 'barricades', 'skipped'); // everyone
    const { head, log } = session.getState();
    const ids = (audience: Parameters<typeof releasedFor>[2]) =>
      releasedFor(head.setup, log, audience).map((state) => state.inject.id);
    expect(ids('everyone')).toEqual(['start-oudejaarsavond']);
    expect(ids('commander')).toEqual(['vraag-me-inzet', 'start-oudejaarsavond']);
    expect(ids('mayorStaff')).toEqual(['start-oudejaarsavond', 'staf-bereidt-voor']);
    expect(ids('trainer')).toEqual(['start-oudejaarsavond']);
  });
});

describe('replaying injects', () => {
  it('rebuilds the inject statuses at any entry, with no divergence', async () => {
    const { session } = scenarioSession();
    await session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    await session.inject(TRAINER, 'vuurwerk-naar-brandweer', 'held');
    await session.inject(COMMANDER, 'vuurwerk-naar-brandweer', 'released');
    await session.inject(TRAINER, 'vuurwerk-naar-brandweer', 'released');
    const { head, log } = session.getState();
    const all = replay(head.setup, log);
    expect(all.divergences).toEqual([]);
    expect(all.injects.find((state) => state.inject.id === 'vuurwerk-naar-brandweer')?.status).toBe('released');
    const atHold = replay(head.setup, log, 3);
    expect(atHold.injects.find((state) => state.inject.id === 'vuurwerk-naar-brandweer')?.status).toBe('held');
    expect(atHold.injects.find((state) => state.inject.id === 'start-oudejaarsavond')?.status).toBe('released');
  });

  it('names inject entries the session would never have logged', async () => {
    const { session } = scenarioSession();
    await session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    const { head, log } = session.getState();
    const released = log[1];
    if (released?.kind !== 'inject') throw new Error('expected an inject entry');
    const tampered: LogEntry[] = [
      ...log,
      { ...released, seq: 3, action: 'skipped' }, // a release taken back
      { ...released, seq: 4, injectId: 'bestaat-niet' }, // not in the scenario
      { ...released, seq: 5, injectId: 'barricades', by: COMMANDER }, // R13
    ];
    const replayed = replay(head.setup, tampered);
    expect(replayed.divergences).toEqual([3, 4, 5]);
    expect(replayed.injects.find((state) => state.inject.id === 'start-oudejaarsavond')?.status).toBe('released');
    expect(replayed.injects.find((state) => state.inject.id === 'barricades')?.status).toBe('queued');
  });
});
