/**
 * Issue #16: the PostgreSQL event store on a real cluster (started by the
 * global set-up, a database of its own per test). The event store's contract
 * (./storeContract.ts) runs here as it does on SQLite; below it are
 * PostgreSQL's own checks: durability read back on open (and refused when
 * off), migrations run once when two processes start at once, a database of
 * version 1 migrated (the set-up out of the head), a schema newer
 * than the server refused, and the password never shown.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { newExercise } from '../../src/core';
import {
  MIGRATIONS,
  POSTGRES_SCHEMA_VERSION,
  PostgresOpenError,
  PostgresStore,
  maskedUrl,
} from '../../server/store/postgresStore';
import { freshDatabase, onCluster, rowsOf, type TestDatabase } from './postgres';
import { T0, describeStoreContract, noted, setup } from './storeContract';

describeStoreContract('PostgreSQL', async () => {
  const database = await freshDatabase();
  return { open: () => PostgresStore.open(database.url), remove: database.drop };
});

describe('the PostgreSQL store', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const database = async (settings: Record<string, string> = {}): Promise<TestDatabase> => {
    const made = await freshDatabase(settings);
    cleanups.push(made.drop);
    return made;
  };
  const open = async (url: string) => {
    const store = await PostgresStore.open(url);
    cleanups.push(() => store.close());
    return store;
  };

  it('reads synchronous_commit and fsync back on open', async () => {
    const store = await open((await database()).url);
    expect(await store.info()).toEqual({
      synchronousCommit: 'on',
      fsync: 'on',
      schemaVersion: POSTGRES_SCHEMA_VERSION,
    });
  });

  it('refuses to open a database where synchronous_commit is off, and creates nothing in it', async () => {
    const lax = await database({ synchronous_commit: 'off' });
    const opening = PostgresStore.open(lax.url);
    await expect(opening).rejects.toBeInstanceOf(PostgresOpenError);
    await expect(opening).rejects.toThrow(/synchronous_commit is off/);
    expect(await rowsOf(lax.url, "SELECT to_regclass('paraat_schema') AS schema")).toEqual([{ schema: null }]);
    // Turned on again, the same database opens and is migrated then.
    await onCluster(`ALTER DATABASE ${lax.name} SET synchronous_commit = on`);
    const store = await open(lax.url);
    expect((await store.info()).schemaVersion).toBe(POSTGRES_SCHEMA_VERSION);
  });

  it('migrates once when several processes open a new database at once, and again is a no-op', async () => {
    const { url } = await database();
    const stores = await Promise.all(Array.from({ length: 4 }, () => open(url)));
    const [first] = stores;
    if (!first) throw new Error('no store');
    for (const store of stores) expect((await store.info()).schemaVersion).toBe(POSTGRES_SCHEMA_VERSION);
    const created = newExercise(setup, { id: 'bbbbbbbb00000001', wall: T0 });
    await first.create(created.head, [{ entry: created.entry, text: created.text }]);
    // Opened again (a restart): nothing migrated twice, nothing lost.
    const again = await open(url);
    expect(await again.entries(created.head.id)).toEqual([created.entry]);
    const rows = await rowsOf(url, 'SELECT version FROM paraat_schema ORDER BY version');
    expect(rows).toEqual(Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, index) => ({ version: index + 1 })));
  });

  it('migrates a database of schema version 1: the set-up moves out of the head, written once', async () => {
    const { url } = await database();
    const [first] = MIGRATIONS;
    if (!first) throw new Error('no migration');
    const created = newExercise(setup, { id: 'bbbbbbbb00000002', wall: T0 });
    const pool = new pg.Pool({ connectionString: url });
    try {
      await pool.query(`CREATE TABLE paraat_schema (version integer PRIMARY KEY, description text NOT NULL,
        applied timestamptz NOT NULL DEFAULT now())`);
      await pool.query(first.sql);
      await pool.query("INSERT INTO paraat_schema (version, description) VALUES (1, 'v1')");
      await pool.query('INSERT INTO exercises VALUES ($1, $2, 1, $3, $4, $4)', [
        created.head.id,
        JSON.stringify(created.head),
        created.head.headHash,
        created.head.createdAt,
      ]);
      await pool.query('INSERT INTO entries VALUES ($1, 1, $2, $3)', [
        created.head.id,
        created.entry.hash,
        created.text,
      ]);
    } finally {
      await pool.end();
    }
    const store = await open(url);
    expect((await store.info()).schemaVersion).toBe(POSTGRES_SCHEMA_VERSION);
    expect(await store.head(created.head.id)).toEqual(created.head);
    expect((await store.list()).map((listing) => listing.title)).toEqual([setup.title]);
    const a = noted(created.state, 'Na de migratie', T0 + 1000);
    await store.append(a.state.head, [{ entry: a.entry, text: a.text }]);
    const [row] = await rowsOf(url, 'SELECT head, setup FROM exercises JOIN setups ON exercise_id = id');
    const head = JSON.parse(String(row?.head)) as Record<string, unknown>;
    expect(head.setup).toBeNull();
    expect(head.length).toBe(2);
    expect(JSON.parse(String(row?.setup))).toEqual(setup);
  });

  it('refuses a database of a newer schema than it knows', async () => {
    const { url } = await database();
    await (await open(url)).close();
    await rowsOf(
      url,
      `INSERT INTO paraat_schema (version, description) VALUES (${String(POSTGRES_SCHEMA_VERSION + 1)}, 'later')`,
    );
    await expect(PostgresStore.open(url)).rejects.toThrow(
      `schema version ${String(POSTGRES_SCHEMA_VERSION + 1)}, this server knows ${String(POSTGRES_SCHEMA_VERSION)}`,
    );
  });

  it('masks the password of a URL, and never shows it when it cannot connect', async () => {
    expect(maskedUrl('postgres://paraat:geheim%40123@db.example:5432/paraat?sslmode=require')).toBe(
      'postgres://paraat:***@db.example:5432/paraat?sslmode=require',
    );
    expect(maskedUrl('postgresql://paraat@db.example/paraat?password=geheim')).toBe(
      'postgresql://paraat@db.example/paraat?password=***',
    );
    expect(maskedUrl('postgres://db.example/paraat')).toBe('postgres://db.example/paraat');
    const missing = new URL(inject('pgUrl'));
    missing.password = 'geheim-wachtwoord';
    missing.pathname = '/paraat_test_does_not_exist';
    const error: unknown = await PostgresStore.open(missing.toString()).then(
      (store) => store.close().then(() => new Error('it opened')),
      (caught: unknown) => caught,
    );
    if (!(error instanceof PostgresOpenError)) throw new Error(`not refused as expected: ${String(error)}`);
    expect(error.message).toContain('paraat_test_does_not_exist');
    expect(error.message).toContain(':***@');
    expect(error.message).not.toContain('geheim-wachtwoord');
  });
});
