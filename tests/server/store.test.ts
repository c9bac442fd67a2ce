/**
 * Issue #14: the SQLite event store on a real file. Durability pragmas are
 * set and read back on every open; the primary key (exercise, seq) and the
 * stored length fence a second writer; an append is all or nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { By } from '../../machines';
import { applyAttempt, newExercise, verifyChain, genesisOf, type ExerciseState } from '../../src/core';
import { scenarioToSetup } from '../../src/scenarios';
import { parseScenario } from '../../src/scenarios/parseScenario';
import { StoreConflictError } from '../../server/store/eventStore';
import { SqliteStore } from '../../server/store/sqliteStore';

const T0 = Date.UTC(2026, 11, 31, 21, 0);
const trainer: By = { role: 'trainer', name: 'Petra de Wit' };
const parsed = parseScenario(
  readFileSync(new URL('../../public/scenarios/jaarwisseling.json', import.meta.url), 'utf8'),
);
if (!parsed.ok) throw new Error('the built-in scenario does not parse');
const setup = { ...scenarioToSetup(parsed.scenario), scenario: parsed.scenario };

let dir: string;
let file: string;
const open: SqliteStore[] = [];
const store = () => {
  const opened = new SqliteStore(file);
  open.push(opened);
  return opened;
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'paraat-store-test-'));
  file = path.join(dir, 'data', 'paraat.sqlite');
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((opened) => opened.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** A new exercise and a note judged on it: the entry and the head after it. */
function noted(state: ExerciseState, text: string, wall: number) {
  const applied = applyAttempt(state, { kind: 'note', by: trainer, text }, { wall });
  if (applied.outcome !== 'logged') throw new Error('ignored');
  return applied;
}

describe('the SQLite store', () => {
  it('makes its folder, and reads WAL and synchronous=FULL back on every open', async () => {
    const first = store();
    expect(first.info()).toEqual({ journalMode: 'wal', synchronous: 2, schemaVersion: 1 });
    await first.close();
    // Another connection to the file: WAL persisted in it, synchronous did not (it is per connection).
    const raw = new Database(file);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.pragma('synchronous = NORMAL');
    expect(raw.pragma('synchronous', { simple: true })).toBe(1);
    raw.close();
    expect(store().info()).toEqual({ journalMode: 'wal', synchronous: 2, schemaVersion: 1 });
  });

  it('keeps an exercise and its log as written, across a reopen', async () => {
    const created = newExercise(setup, { id: 'aaaaaaaa00000001', wall: T0 });
    const one = store();
    await one.create(created.head, [{ entry: created.entry, text: created.text }]);
    const a = noted(created.state, 'Eerste', T0 + 1000);
    await one.append(a.state.head, [{ entry: a.entry, text: a.text }]);
    const b = noted(a.state, 'Tweede', T0 + 2000);
    await one.append(b.state.head, [{ entry: b.entry, text: b.text }]);
    await one.close();

    const two = store();
    const head = await two.head(created.head.id);
    expect(head).toEqual(b.state.head);
    const log = await two.entries(created.head.id);
    expect(log).toEqual([created.entry, a.entry, b.entry]);
    expect(verifyChain(genesisOf(created.head), log)).toBeNull();
    expect(await two.entries(created.head.id, 1, 2)).toEqual([a.entry]);
    expect((await two.list()).map((listing) => [listing.id, listing.length])).toEqual([[created.head.id, 3]]);
    expect(await two.head('ffffffff00000000')).toBeNull();
  });

  it('refuses a second exercise under a stored id', async () => {
    const created = newExercise(setup, { id: 'aaaaaaaa00000002', wall: T0 });
    const one = store();
    await one.create(created.head, [{ entry: created.entry, text: created.text }]);
    await expect(one.create(created.head, [{ entry: created.entry, text: created.text }])).rejects.toBeInstanceOf(
      StoreConflictError,
    );
  });

  it('fences a second writer on the primary key: the same seq twice is a conflict, the first one stays', async () => {
    const created = newExercise(setup, { id: 'aaaaaaaa00000003', wall: T0 });
    const writerA = store();
    const writerB = store(); // another connection to the same file: another server process
    await writerA.create(created.head, [{ entry: created.entry, text: created.text }]);
    // Both judged seq 2 from the same state.
    const mine = noted(created.state, 'Van A', T0 + 1000);
    const theirs = noted(created.state, 'Van B', T0 + 1000);
    expect(theirs.entry.seq).toBe(mine.entry.seq);
    await writerA.append(mine.state.head, [{ entry: mine.entry, text: mine.text }]);
    const conflict = writerB.append(theirs.state.head, [{ entry: theirs.entry, text: theirs.text }]);
    await expect(conflict).rejects.toBeInstanceOf(StoreConflictError);
    await expect(conflict).rejects.toMatchObject({ exerciseId: created.head.id, seq: 2 });
    expect(await writerB.entries(created.head.id)).toEqual([created.entry, mine.entry]);
    expect((await writerB.head(created.head.id))?.headHash).toBe(mine.entry.hash);
  });

  it('fences a gap on the stored length, and stores nothing of a refused append', async () => {
    const created = newExercise(setup, { id: 'aaaaaaaa00000004', wall: T0 });
    const one = store();
    await one.create(created.head, [{ entry: created.entry, text: created.text }]);
    const a = noted(created.state, 'Twee', T0 + 1000);
    const b = noted(a.state, 'Drie', T0 + 2000);
    // Seq 3 without seq 2: the primary key would take it, the length fence does not.
    await expect(one.append(b.state.head, [{ entry: b.entry, text: b.text }])).rejects.toBeInstanceOf(
      StoreConflictError,
    );
    expect(await one.entries(created.head.id)).toEqual([created.entry]);
    expect((await one.head(created.head.id))?.length).toBe(1);
    // Two at once, in one transaction.
    await one.append(b.state.head, [
      { entry: a.entry, text: a.text },
      { entry: b.entry, text: b.text },
    ]);
    expect((await one.entries(created.head.id)).map((entry) => entry.seq)).toEqual([1, 2, 3]);
  });

  it('keeps the admin secret’s hash and devices', async () => {
    const one = store();
    expect(await one.adminSecretHash()).toBeNull();
    await one.setAdminSecretHash('ab'.repeat(32));
    const created = newExercise(setup, { id: 'aaaaaaaa00000005', wall: T0 });
    await one.create(created.head, [{ entry: created.entry, text: created.text }]);
    const device = {
      id: 'd1',
      exerciseId: created.head.id,
      tokenHash: 'cd'.repeat(32),
      role: 'mayor' as const,
      castMemberId: 'burgemeester',
      label: 'laptop',
      status: 'approved' as const,
      created: new Date(T0).toISOString(),
      approved: new Date(T0).toISOString(),
      revoked: null,
    };
    await one.saveDevice(device);
    await one.saveDevice({ ...device, status: 'revoked', revoked: new Date(T0 + 1).toISOString() });
    await one.close();
    const two = store();
    expect(await two.adminSecretHash()).toBe('ab'.repeat(32));
    expect(await two.deviceByTokenHash('cd'.repeat(32))).toMatchObject({ id: 'd1', status: 'revoked' });
    expect(await two.deviceByTokenHash('ef'.repeat(32))).toBeNull();
  });
});
