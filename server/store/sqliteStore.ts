/**
 * The event store on SQLite (better-sqlite3 12; v13 segfaults on Node 20).
 *
 * Durability: WAL with `synchronous=FULL`, so every commit is fsynced before
 * `append` resolves. `journal_mode=WAL` persists in the file, `synchronous`
 * does not (a reopened WAL database reports NORMAL): both are set and read
 * back on every open, and the store refuses to open without FULL.
 *
 * better-sqlite3 is synchronous; the methods are async for the interface
 * (PostgreSQL later) and run their statement before they resolve.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ExerciseHead, LogEntry } from '../../src/core';
import {
  StoreConflictError,
  StoreWriteError,
  type DeviceRecord,
  type EventStore,
  type ExerciseListing,
  type SealedEntry,
} from './eventStore';

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS exercises (
  id        TEXT PRIMARY KEY,
  head      TEXT NOT NULL,   -- the exercise head as JSON (set-up, clock, model snapshot)
  length    INTEGER NOT NULL,
  head_hash TEXT NOT NULL,
  created   TEXT NOT NULL,
  updated   TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entries (
  exercise_id TEXT NOT NULL REFERENCES exercises(id),
  seq         INTEGER NOT NULL,
  hash        TEXT NOT NULL,
  json        TEXT NOT NULL, -- the canonical JSON that was hashed, with the hash
  PRIMARY KEY (exercise_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS devices (
  id             TEXT PRIMARY KEY,
  exercise_id    TEXT NOT NULL REFERENCES exercises(id),
  token_hash     TEXT UNIQUE,
  role           TEXT NOT NULL,
  cast_member_id TEXT,
  label          TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'revoked')),
  created        TEXT NOT NULL,
  approved       TEXT,
  revoked        TEXT
);
CREATE INDEX IF NOT EXISTS devices_by_exercise ON devices(exercise_id);
-- Join codes (slice 2): role-bound, hashed, with expiry and a use limit.
CREATE TABLE IF NOT EXISTS join_codes (
  code_hash      TEXT PRIMARY KEY,
  exercise_id    TEXT NOT NULL REFERENCES exercises(id),
  role           TEXT NOT NULL,
  cast_member_id TEXT,
  expires        TEXT NOT NULL,
  uses_left      INTEGER NOT NULL,
  created        TEXT NOT NULL
);
`;

/** `PRAGMA synchronous` reads back as a number: 2 is FULL. */
const SYNCHRONOUS_FULL = 2;

export class StoreOpenError extends Error {}

interface DeviceRow {
  id: string;
  exercise_id: string;
  token_hash: string | null;
  role: DeviceRecord['role'];
  cast_member_id: string | null;
  label: string;
  status: DeviceRecord['status'];
  created: string;
  approved: string | null;
  revoked: string | null;
}

const isPrimaryKeyConflict = (error: unknown) =>
  error instanceof Database.SqliteError &&
  (error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || error.code === 'SQLITE_CONSTRAINT_UNIQUE');

/** Set the pragmas durability depends on and read them back; throws when the file will not have them. */
function ensureDurable(db: Database.Database, file: string) {
  const journal = db.pragma('journal_mode = WAL', { simple: true });
  if (typeof journal !== 'string' || journal.toLowerCase() !== 'wal')
    throw new StoreOpenError(`${file}: journal_mode is ${String(journal)}, not WAL`);
  db.pragma('synchronous = FULL');
  const synchronous = db.pragma('synchronous', { simple: true });
  if (synchronous !== SYNCHRONOUS_FULL)
    throw new StoreOpenError(`${file}: synchronous reads ${String(synchronous)} after setting FULL (2)`);
}

export interface SqliteStoreInfo {
  journalMode: string;
  synchronous: number;
  schemaVersion: number;
}

export class SqliteStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly appendTx;
  private readonly createTx;

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    try {
      // Another process writing the same file (a second server) waits its turn instead of failing at once.
      this.db.pragma('busy_timeout = 5000');
      ensureDurable(this.db, file);
      this.db.pragma('foreign_keys = ON');
      this.db.exec(SCHEMA);
      const version = this.db.pragma('user_version', { simple: true });
      if (version === 0) this.db.pragma(`user_version = ${String(SCHEMA_VERSION)}`);
      else if (version !== SCHEMA_VERSION)
        throw new StoreOpenError(
          `${file}: schema version ${String(version)}, this server knows ${String(SCHEMA_VERSION)}`,
        );
    } catch (error) {
      this.db.close();
      throw error;
    }
    const db = this.db;
    this.statements = {
      insertExercise: db.prepare(
        'INSERT INTO exercises (id, head, length, head_hash, created, updated) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      updateHead: db.prepare(
        'UPDATE exercises SET head = ?, length = ?, head_hash = ?, updated = ? WHERE id = ? AND length = ?',
      ),
      insertEntry: db.prepare('INSERT INTO entries (exercise_id, seq, hash, json) VALUES (?, ?, ?, ?)'),
      head: db.prepare<[string], { head: string }>('SELECT head FROM exercises WHERE id = ?'),
      entries: db.prepare<[string, number, number], { json: string }>(
        'SELECT json FROM entries WHERE exercise_id = ? AND seq > ? AND seq <= ? ORDER BY seq',
      ),
      list: db.prepare<[], { head: string }>('SELECT head FROM exercises ORDER BY created'),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
      deviceByToken: db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE token_hash = ?'),
      saveDevice: db.prepare(
        `INSERT INTO devices (id, exercise_id, token_hash, role, cast_member_id, label, status, created, approved, revoked)
         VALUES (@id, @exercise_id, @token_hash, @role, @cast_member_id, @label, @status, @created, @approved, @revoked)
         ON CONFLICT(id) DO UPDATE SET token_hash = excluded.token_hash, role = excluded.role,
           cast_member_id = excluded.cast_member_id, label = excluded.label, status = excluded.status,
           approved = excluded.approved, revoked = excluded.revoked`,
      ),
    };
    const { insertEntry, updateHead, insertExercise } = this.statements;
    const insertEntries = (id: string, entries: readonly SealedEntry[]) => {
      for (const { entry, text } of entries) {
        try {
          insertEntry.run(id, entry.seq, entry.hash, text);
        } catch (error) {
          if (isPrimaryKeyConflict(error)) throw new StoreConflictError(id, entry.seq, error);
          throw error;
        }
      }
    };
    this.appendTx = db.transaction((head: ExerciseHead, entries: readonly SealedEntry[]) => {
      const first = entries[0]?.entry.seq ?? head.length + 1;
      const expected = first - 1;
      if (first + entries.length - 1 !== head.length)
        throw new Error(
          `append: the head counts ${String(head.length)}, the entries end at ${String(first + entries.length - 1)}`,
        );
      entries.forEach(({ entry }, index) => {
        if (entry.seq !== first + index) throw new Error('append: entries must be consecutive');
      });
      // The primary key fences each seq; the length fences a gap or a head stored by another writer.
      insertEntries(head.id, entries);
      const changed = updateHead.run(
        JSON.stringify(head),
        head.length,
        head.headHash,
        head.updatedAt,
        head.id,
        expected,
      );
      if (changed.changes !== 1) throw new StoreConflictError(head.id, first);
    });
    this.createTx = db.transaction((head: ExerciseHead, entries: readonly SealedEntry[]) => {
      try {
        insertExercise.run(head.id, JSON.stringify(head), head.length, head.headHash, head.createdAt, head.updatedAt);
      } catch (error) {
        if (isPrimaryKeyConflict(error)) throw new StoreConflictError(head.id, null, error);
        throw error;
      }
      insertEntries(head.id, entries);
    });
  }

  /** What the file's durability pragmas read now. */
  info(): SqliteStoreInfo {
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
      schemaVersion: Number(this.db.pragma('user_version', { simple: true })),
    };
  }

  private write<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof StoreConflictError) throw error;
      if (error instanceof Database.SqliteError) throw new StoreWriteError(error.message, { cause: error });
      throw error;
    }
  }

  create(head: ExerciseHead, entries: readonly SealedEntry[]): Promise<void> {
    return new Promise((resolve) => {
      this.write(() => {
        this.createTx.immediate(head, entries);
      });
      resolve();
    });
  }

  append(head: ExerciseHead, entries: readonly SealedEntry[]): Promise<void> {
    return new Promise((resolve) => {
      this.write(() => {
        this.appendTx.immediate(head, entries);
      });
      resolve();
    });
  }

  head(id: string): Promise<ExerciseHead | null> {
    return new Promise((resolve) => {
      const row = this.statements.head.get(id);
      resolve(row ? (JSON.parse(row.head) as ExerciseHead) : null);
    });
  }

  entries(id: string, afterSeq = 0, upTo: number = Number.MAX_SAFE_INTEGER): Promise<LogEntry[]> {
    return new Promise((resolve) => {
      resolve(this.statements.entries.all(id, afterSeq, upTo).map((row) => JSON.parse(row.json) as LogEntry));
    });
  }

  list(): Promise<ExerciseListing[]> {
    return new Promise((resolve) => {
      resolve(
        this.statements.list.all().map((row) => {
          const head = JSON.parse(row.head) as ExerciseHead;
          return {
            id: head.id,
            title: head.setup.title,
            length: head.length,
            headHash: head.headHash,
            createdAt: head.createdAt,
            updatedAt: head.updatedAt,
            clockRunning: head.clock.running,
          };
        }),
      );
    });
  }

  adminSecretHash(): Promise<string | null> {
    return new Promise((resolve) => {
      resolve(this.statements.getMeta.get('admin_secret_sha256')?.value ?? null);
    });
  }

  setAdminSecretHash(hash: string): Promise<void> {
    return new Promise((resolve) => {
      this.write(() => this.statements.setMeta.run('admin_secret_sha256', hash));
      resolve();
    });
  }

  deviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null> {
    return new Promise((resolve) => {
      const row = this.statements.deviceByToken.get(tokenHash);
      resolve(
        row
          ? {
              id: row.id,
              exerciseId: row.exercise_id,
              tokenHash: row.token_hash,
              role: row.role,
              castMemberId: row.cast_member_id,
              label: row.label,
              status: row.status,
              created: row.created,
              approved: row.approved,
              revoked: row.revoked,
            }
          : null,
      );
    });
  }

  saveDevice(device: DeviceRecord): Promise<void> {
    return new Promise((resolve) => {
      this.write(() =>
        this.statements.saveDevice.run({
          id: device.id,
          exercise_id: device.exerciseId,
          token_hash: device.tokenHash,
          role: device.role,
          cast_member_id: device.castMemberId,
          label: device.label,
          status: device.status,
          created: device.created,
          approved: device.approved,
          revoked: device.revoked,
        }),
      );
      resolve();
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.db.open) this.db.close();
      resolve();
    });
  }
}
