import { describe, expect, it } from 'vitest';
import { replay } from '../../src/session';
import { createReplayCursor } from '../../src/session/replayCursor';
import { longLogSession, riotControlSession, SETUP } from '../fixtures/exercise';

/** A repeatable pseudo-random sequence (mulberry32), so a failure can be reproduced. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a replay cursor over the log', () => {
  it('gives the same state as replay() at random positions, forward and backward', () => {
    const { session } = longLogSession(300);
    const log = session.getState().log;
    const cursor = createReplayCursor(SETUP, log, 16);
    const next = random(42);
    for (let step = 0; step < 60; step++) {
      const position = Math.floor(next() * (log.length + 1));
      const snapshot = cursor.seek(position);
      const expected = replay(SETUP, log, position).snapshot;
      expect(cursor.position).toBe(position);
      expect(snapshot.value, `at ${String(position)}`).toEqual(expected.value);
      expect(snapshot.context, `at ${String(position)}`).toEqual(expected.context);
    }
    cursor.dispose();
  });

  it('stands at the start before the first line and at the end after the last', () => {
    const { session } = riotControlSession();
    const log = session.getState().log;
    const cursor = createReplayCursor(SETUP, log, 4);
    expect(cursor.seek(log.length).value).toEqual(session.getState().snapshot.value);
    expect(cursor.seek(0).context).toEqual(replay(SETUP, [], 0).snapshot.context);
    // Out of range is clamped, not an error.
    expect(cursor.seek(log.length + 50).value).toEqual(session.getState().snapshot.value);
    expect(cursor.position).toBe(log.length);
    expect(cursor.seek(-3)).toBe(cursor.snapshot());
    expect(cursor.position).toBe(0);
    cursor.dispose();
  });

  it('steps one line at a time through the whole run like replay() does', () => {
    const { session } = riotControlSession();
    const log = session.getState().log;
    const cursor = createReplayCursor(SETUP, log, 3);
    for (let position = 0; position <= log.length; position++)
      expect(cursor.seek(position).context).toEqual(replay(SETUP, log, position).snapshot.context);
    for (let position = log.length; position >= 0; position--)
      expect(cursor.seek(position).value).toEqual(replay(SETUP, log, position).snapshot.value);
    cursor.dispose();
  });

  it('refuses a checkpoint interval that is not a whole number of at least 1', () => {
    expect(() => createReplayCursor(SETUP, [], 0)).toThrow(RangeError);
  });
});
