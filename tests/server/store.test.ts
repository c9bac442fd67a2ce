/**
 * Issue #14: the SQLite event store on a real file. The event store's
 * contract (./storeContract.ts: fences, all-or-nothing appends, proposals,
 * join codes) runs here on SQLite as it does on PostgreSQL; the checks below
 * it are SQLite's own: durability pragmas set and read back on every open,
 * the file's folder made, the set-up written once, and files of schema
 * versions 1 and 2 migrated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newExercise } from '../../src/core';
import { SqliteStore } from '../../server/store/sqliteStore';
import { T0, describeStoreContract, noted, setup } from './storeContract';

describeStoreContract('SQLite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'paraat-store-test-'));
  const file = path.join(dir, 'data', 'paraat.sqlite');
  return Promise.resolve({
    open: () => Promise.resolve(new SqliteStore(file)),
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  });
});

describe('the SQLite store', () => {
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

  it('makes its folder, and reads WAL and synchronous=FULL back on every open', async () => {
    const first = store();
    expect(first.info()).toEqual({ journalMode: 'wal', synchronous: 2, schemaVersion: 3 });
    await first.close();
    // Another connection to the file: WAL persisted in it, synchronous did not (it is per connection).
    const raw = new Database(file);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.pragma('synchronous = NORMAL');
    expect(raw.pragma('synchronous', { simple: true })).toBe(1);
    raw.close();
    expect(store().info()).toEqual({ journalMode: 'wal', synchronous: 2, schemaVersion: 3 });
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
    expect(old.info().schemaVersion).toBe(3);
    expect(await old.entries(created.head.id)).toEqual([created.entry]);
    expect(await old.head(created.head.id)).toEqual(created.head);
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

  it('writes the set-up once, at create: each append rewrites a head without it', async () => {
    const one = store();
    const created = newExercise(setup, { id: 'aaaaaaaa0000000c', wall: T0 });
    await one.create(created.head, [{ entry: created.entry, text: created.text }]);
    const a = noted(created.state, 'Een', T0 + 1000);
    await one.append(a.state.head, [{ entry: a.entry, text: a.text }]);
    await one.close();
    const raw = new Database(file, { readonly: true });
    const row = raw.prepare('SELECT head, setup FROM exercises JOIN setups ON exercise_id = id').get() as {
      head: string;
      setup: string;
    };
    raw.close();
    expect(JSON.parse(row.setup)).toEqual(setup);
    const { setup: placeholder, ...rest } = JSON.parse(row.head) as Record<string, unknown>;
    expect(placeholder).toBeNull();
    expect(rest).toEqual({ ...a.state.head, setup: undefined });
    // The built-in scenario is most of a head: what an append writes is a small part of it.
    expect(row.head.length).toBeLessThan(row.setup.length / 4);
  });

  it('migrates a file of schema version 2: the set-up moves out of the head', async () => {
    const old = file.replace('data/paraat.sqlite', 'v2.sqlite');
    const raw = new Database(old);
    raw.exec(`
      CREATE TABLE exercises (id TEXT PRIMARY KEY, head TEXT NOT NULL, length INTEGER NOT NULL,
        head_hash TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL);
      CREATE TABLE entries (exercise_id TEXT NOT NULL REFERENCES exercises(id), seq INTEGER NOT NULL,
        hash TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (exercise_id, seq)) WITHOUT ROWID;
      PRAGMA user_version = 2;
    `);
    const created = newExercise(setup, { id: 'aaaaaaaa0000000d', wall: T0 });
    const insert = raw.prepare('INSERT INTO exercises VALUES (?, ?, ?, ?, ?, ?)');
    insert.run(created.head.id, JSON.stringify(created.head), 1, created.head.headHash, 'x', 'x');
    raw.prepare('INSERT INTO entries VALUES (?, 1, ?, ?)').run(created.head.id, created.entry.hash, created.text);
    raw.close();
    const migrated = new SqliteStore(old);
    open.push(migrated);
    expect(migrated.info().schemaVersion).toBe(3);
    const head = await migrated.head(created.head.id);
    expect(head).toEqual(created.head);
    // Its keys in their order: an exercise file downloaded after the migration reads as before.
    expect(Object.keys(head ?? {})).toEqual(Object.keys(created.head));
    expect((await migrated.list()).map((listing) => listing.title)).toEqual([setup.title]);
    // A head built from the original set-up object: compared with the migrated text, found the same.
    const a = noted(created.state, 'Na de migratie', T0 + 1000);
    await migrated.append(a.state.head, [{ entry: a.entry, text: a.text }]);
    expect(await migrated.entries(created.head.id)).toEqual([created.entry, a.entry]);
  });
});
