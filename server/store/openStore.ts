/**
 * The event store the configuration names (server/config.ts): a SQLite file,
 * or a PostgreSQL database for academy mode (#16). Either refuses to open
 * when its commits would not be durable.
 */
import type { DatabaseLocation } from '../config';
import type { EventStore } from './eventStore';
import { PostgresStore, maskedUrl } from './postgresStore';
import { SqliteStore } from './sqliteStore';

export async function openStore(location: DatabaseLocation): Promise<EventStore> {
  if (location.kind === 'postgres') return PostgresStore.open(location.url);
  return Promise.resolve(new SqliteStore(location.file));
}

/** Where the data lives, to print: the file, or the URL with its password masked. */
export function describeDatabase(location: DatabaseLocation): string {
  return location.kind === 'postgres' ? `PostgreSQL ${maskedUrl(location.url)}` : location.file;
}
