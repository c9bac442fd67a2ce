import { describe, expect, it } from 'vitest';
import { replay } from '../../src/session';
import { riotControlSession, SETUP } from '../fixtures/exercise';

describe('replaying a log', () => {
  it('rebuilds the same state the session reached, with no divergence', () => {
    const { session } = riotControlSession();
    const state = session.getState();
    const replayed = replay(SETUP, state.log);
    expect(replayed.divergences).toEqual([]);
    expect(replayed.snapshot.value).toEqual(state.snapshot.value);
    expect(replayed.snapshot.context).toEqual(state.snapshot.context);
  });

  it('stops at any entry, showing the state as it was then', () => {
    const { session } = riotControlSession();
    const log = session.getState().log;
    const firstDeploy = log.find((entry) => entry.kind === 'attempt' && entry.event.type === 'waterCannon.deploy');
    if (!firstDeploy || firstDeploy.kind !== 'attempt') throw new Error('fixture has a deploy attempt');
    const atThatPoint = replay(SETUP, log, firstDeploy.seq);
    expect(atThatPoint.snapshot.value).toEqual({ riotControl: 'notWarned' });
  });

  it('names an entry whose logged outcome the replay does not reproduce', () => {
    const { session } = riotControlSession();
    const log = session
      .getState()
      .log.map((entry) =>
        entry.kind === 'attempt' && entry.outcome === 'refused' ? { ...entry, outcome: 'accepted' as const } : entry,
      );
    const refusedSeqs = session
      .getState()
      .log.filter((entry) => entry.kind === 'attempt' && entry.outcome === 'refused')
      .map((entry) => entry.seq);
    expect(replay(SETUP, log).divergences).toEqual(refusedSeqs);
  });
});
