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
import { StoreConflictError, type DeviceRecord, type JoinCodeRecord } from '../../server/store/eventStore';
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
    expect(first.info()).toEqual({ journalMode: 'wal', synchronous: 2, schemaVersion: 2 });
    await first.close();
    // Another connection to the file: WAL persisted in it, synchronous did not (it is per connection).
    const raw = new Database(file);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.pragma('synchronous = NORMAL');
    expect(raw.pragma('synchronous', { simple: true })).toBe(1);
    raw.close();
    expect(store().info()).toEqual({ journalMode: 'wal', synchronous: 2, schemaVersion: 2 });
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
    const device: DeviceRecord = {
      id: 'd1',
      exerciseId: created.head.id,
      tokenHash: 'cd'.repeat(32),
      pendingSecretHash: null,
      joinCodeId: null,
      role: 'mayor',
      castMemberId: 'burgemeester',
      label: 'laptop',
      status: 'approved',
      created: new Date(T0).toISOString(),
      approved: new Date(T0).toISOString(),
      refused: null,
      revoked: null,
    };
    await one.saveDevice(device);
    await one.saveDevice({ ...device, status: 'revoked', revoked: new Date(T0 + 1).toISOString() });
    await one.close();
    const two = store();
    expect(await two.adminSecretHash()).toBe('ab'.repeat(32));
    expect(await two.deviceByTokenHash('cd'.repeat(32))).toMatchObject({ id: 'd1', status: 'revoked' });
    expect(await two.deviceByTokenHash('ef'.repeat(32))).toBeNull();
    expect(await two.devices(created.head.id)).toEqual([
      { ...device, status: 'revoked', revoked: new Date(T0 + 1).toISOString() },
    ]);
  });

  it('records the proposal that made an entry in the same transaction, and only with it', async () => {
    const created = newExercise(setup, { id: 'aaaaaaaa00000006', wall: T0 });
    const one = store();
    await one.create(created.head, [{ entry: created.entry, text: created.text }]);
    const a = noted(created.state, 'Een', T0 + 1000);
    const origin = { deviceId: 'admin', clientMessageId: 'c-1', fingerprint: 'ab'.repeat(32) };
    await one.append(a.state.head, [{ entry: a.entry, text: a.text }], origin);
    expect(await one.proposal(created.head.id, 'admin', 'c-1')).toEqual({ seq: 2, fingerprint: 'ab'.repeat(32) });
    expect(await one.proposal(created.head.id, 'other-device', 'c-1')).toBeNull();
    // Refused append (a gap): neither the entry nor the record is stored.
    const b = noted(a.state, 'Twee', T0 + 2000);
    const c = noted(b.state, 'Drie', T0 + 3000);
    await expect(
      one.append(c.state.head, [{ entry: c.entry, text: c.text }], { ...origin, clientMessageId: 'c-3' }),
    ).rejects.toBeInstanceOf(StoreConflictError);
    expect(await one.proposal(created.head.id, 'admin', 'c-3')).toBeNull();
    // The same proposal recorded twice (a second writer): a conflict, and the entry it came with is not stored.
    await expect(one.append(b.state.head, [{ entry: b.entry, text: b.text }], origin)).rejects.toBeInstanceOf(
      StoreConflictError,
    );
    expect((await one.head(created.head.id))?.length).toBe(2);
    await one.close();
    expect(await store().proposal(created.head.id, 'admin', 'c-1')).toEqual({ seq: 2, fingerprint: 'ab'.repeat(32) });
  });

  it('uses a join code once per use, in one transaction with the pending device, and never past its expiry', async () => {
    const created = newExercise(setup, { id: 'aaaaaaaa00000007', wall: T0 });
    const one = store();
    await one.create(created.head, [{ entry: created.entry, text: created.text }]);
    const code: JoinCodeRecord = {
      id: 'code-1',
      codeHash: '12'.repeat(32),
      exerciseId: created.head.id,
      role: 'mayor',
      castMemberId: 'burgemeester',
      expires: new Date(T0 + 60_000).toISOString(),
      maxUses: 2,
      usesLeft: 2,
      created: new Date(T0).toISOString(),
      revoked: null,
    };
    await one.saveJoinCode(code);
    await expect(one.saveJoinCode({ ...code, id: 'code-2' })).rejects.toBeInstanceOf(StoreConflictError);
    const pending = (n: number) => (used: JoinCodeRecord) => ({
      id: `pending-${String(n)}`,
      exerciseId: used.exerciseId,
      tokenHash: null,
      pendingSecretHash: String(n).repeat(64),
      joinCodeId: used.id,
      role: used.role,
      castMemberId: used.castMemberId,
      label: `apparaat ${String(n)}`,
      status: 'pending' as const,
      created: new Date(T0).toISOString(),
      approved: null,
      refused: null,
      revoked: null,
    });
    expect(await one.redeemJoinCode('ff'.repeat(32), T0, pending(0))).toBeNull();
    expect(await one.redeemJoinCode(code.codeHash, T0 + 60_000, pending(1))).toBeNull(); // expired
    expect(await one.redeemJoinCode(code.codeHash, T0, pending(2))).toMatchObject({ id: 'code-1', usesLeft: 2 });
    expect(await one.redeemJoinCode(code.codeHash, T0, pending(3))).toMatchObject({ usesLeft: 1 });
    expect(await one.redeemJoinCode(code.codeHash, T0, pending(4))).toBeNull(); // used up
    expect((await one.devices(created.head.id)).map((device) => device.id)).toEqual(['pending-2', 'pending-3']);
    expect(await one.joinCode('code-1')).toMatchObject({ usesLeft: 0 });
    await one.saveJoinCode({ ...code, id: 'code-3', codeHash: '34'.repeat(32) });
    await one.saveJoinCode({ ...code, id: 'code-3', codeHash: '34'.repeat(32), revoked: new Date(T0).toISOString() });
    expect(await one.redeemJoinCode('34'.repeat(32), T0, pending(5))).toBeNull(); // revoked
    expect((await one.joinCodes(created.head.id)).map((listed) => listed.id).sort()).toEqual(['code-1', 'code-3']);
  });

  it('migrates a file of schema version 1 (slice 1) and keeps its devices', async () => {
    const raw = new Database(file.replace('data/paraat.sqlite', 'old.sqlite'));
    raw.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE exercises (id TEXT PRIMARY KEY, head TEXT NOT NULL, length INTEGER NOT NULL,
        head_hash TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL);
      CREATE TABLE entries (exercise_id TEXT NOT NULL REFERENCES exercises(id), seq INTEGER NOT NULL,
        hash TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (exercise_id, seq)) WITHOUT ROWID;
      CREATE TABLE devices (id TEXT PRIMARY KEY, exercise_id TEXT NOT NULL REFERENCES exercises(id),
        token_hash TEXT UNIQUE, role TEXT NOT NULL, cast_member_id TEXT, label TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'revoked')),
        created TEXT NOT NULL, approved TEXT, revoked TEXT);
      CREATE INDEX devices_by_exercise ON devices(exercise_id);
      CREATE TABLE join_codes (code_hash TEXT PRIMARY KEY, exercise_id TEXT NOT NULL REFERENCES exercises(id),
        role TEXT NOT NULL, cast_member_id TEXT, expires TEXT NOT NULL, uses_left INTEGER NOT NULL, created TEXT NOT NULL);
      PRAGMA user_version = 1;
    `);
    const created = newExercise(setup, { id: 'aaaaaaaa00000008', wall: T0 });
    raw
      .prepare('INSERT INTO exercises VALUES (?, ?, ?, ?, ?, ?)')
      .run(created.head.id, JSON.stringify(created.head), 1, created.head.headHash, 'x', 'x');
    raw.prepare('INSERT INTO entries VALUES (?, 1, ?, ?)').run(created.head.id, created.entry.hash, created.text);
    raw
      .prepare("INSERT INTO devices VALUES ('d1', ?, ?, 'mayor', 'burgemeester', 'laptop', 'approved', 'x', 'x', NULL)")
      .run(created.head.id, 'cd'.repeat(32));
    raw.close();
    const old = new SqliteStore(file.replace('data/paraat.sqlite', 'old.sqlite'));
    open.push(old);
    expect(old.info().schemaVersion).toBe(2);
    expect(await old.entries(created.head.id)).toEqual([created.entry]);
    expect(await old.deviceByTokenHash('cd'.repeat(32))).toMatchObject({
      id: 'd1',
      status: 'approved',
      pendingSecretHash: null,
      refused: null,
    });
    const device = await old.device('d1');
    if (!device) throw new Error('no device');
    await old.saveDevice({ ...device, status: 'refused', refused: 'y' }); // the new status fits
    expect(await old.proposal(created.head.id, 'admin', 'x')).toBeNull();
  });
});
