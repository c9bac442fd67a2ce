import { describe, expect, it } from 'vitest';
import { replay, type LogEntry } from '../../src/session';
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

describe('a replay cursor is incremental', () => {
  /** The log behind a proxy that counts how often an entry is read. */
  function counted(entries: readonly LogEntry[]) {
    const reads = { count: 0 };
    const proxy = new Proxy(entries, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads.count++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    return { proxy, reads };
  }

  it('reads each line once when played forward from the start to the end', () => {
    const log = longLogSession(1000).session.getState().log;
    const { proxy, reads } = counted(log);
    const cursor = createReplayCursor(SETUP, proxy, 100);
    for (let position = 0; position <= log.length; position++) cursor.seek(position);
    // Replaying from 0 at every step would read about n²/2 = 500,000 lines.
    expect(reads.count).toBe(log.length);
    cursor.dispose();
  });

  it('steps back from the nearest checkpoint, not from the start', () => {
    const log = longLogSession(1000).session.getState().log;
    const { proxy, reads } = counted(log);
    const interval = 100;
    const cursor = createReplayCursor(SETUP, proxy, interval);
    cursor.seek(log.length);
    reads.count = 0;
    for (let position = log.length - 1; position >= log.length - 50; position--) cursor.seek(position);
    // Each step back replays at most one interval's worth of lines.
    expect(reads.count).toBeLessThanOrEqual(50 * interval);
    expect(reads.count).toBeGreaterThan(0);
    expect(cursor.snapshot().context).toEqual(replay(SETUP, log, log.length - 50).snapshot.context);
    cursor.dispose();
  });
});
