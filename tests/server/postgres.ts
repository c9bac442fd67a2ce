/**
 * A database of its own for each PostgreSQL test, in the cluster the global
 * set-up started (`inject('pgUrl')`), so tests never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseLocation } from '../../server/config';

export interface TestDatabase {
  name: string;
  url: string;
  /** Drop it (and end whatever is still connected to it). */
  drop: () => Promise<void>;
}

/** Run one statement on the cluster's own database (CREATE/DROP DATABASE cannot run in a pool's transaction). */
export async function onCluster<T extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: inject('pgUrl') });
  await client.connect();
  try {
    return await client.query<T>(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty database; `settings` are `ALTER DATABASE … SET` pairs (e.g. synchronous_commit: 'off'). */
export async function freshDatabase(settings: Record<string, string> = {}): Promise<TestDatabase> {
  const name = `paraat_test_${randomBytes(6).toString('hex')}`;
  await onCluster(`CREATE DATABASE ${name}`);
  for (const [key, value] of Object.entries(settings)) await onCluster(`ALTER DATABASE ${name} SET ${key} = ${value}`);
  const url = new URL(inject('pgUrl'));
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await onCluster(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** The rows of one statement on the database at `url`. */
export async function rowsOf(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** The stores a whole-server test runs on. */
export const STORES = ['SQLite', 'PostgreSQL'] as const;

/** A new place for a server's data on `store`: a file in `dir`, or a database of its own. */
export async function databaseFor(
  store: (typeof STORES)[number],
  dir: string,
): Promise<{ location: DatabaseLocation; drop: () => Promise<void> }> {
  if (store === 'SQLite')
    return { location: { kind: 'sqlite', file: path.join(dir, 'paraat.sqlite') }, drop: () => Promise.resolve() };
  const database = await freshDatabase();
  return { location: { kind: 'postgres', url: database.url }, drop: database.drop };
}
