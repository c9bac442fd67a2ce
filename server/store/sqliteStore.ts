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
  type JoinCodeRecord,
  type ProposalOrigin,
  type ProposalRecord,
  type SealedEntry,
} from './eventStore';
import { KnownSetups, headOf, headText, setupText } from './headRow';
import { deviceOf, deviceRow, joinCodeOf, joinCodeRow, type DeviceRow, type JoinCodeRow } from './rows';

const SCHEMA_VERSION = 3;

const DEVICES_TABLE = `
CREATE TABLE IF NOT EXISTS devices (
  id                  TEXT PRIMARY KEY,
  exercise_id         TEXT NOT NULL REFERENCES exercises(id),
  token_hash          TEXT UNIQUE,   -- SHA-256 of the device token, once fetched
  pending_secret_hash TEXT UNIQUE,   -- SHA-256 of the secret given at joining, until the token is used
  join_code_id        TEXT,
  role                TEXT NOT NULL,
  cast_member_id      TEXT,
  label               TEXT NOT NULL,
  status              TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused', 'revoked')),
  created             TEXT NOT NULL,
  approved            TEXT,
  refused             TEXT,
  revoked             TEXT
);
CREATE INDEX IF NOT EXISTS devices_by_exercise ON devices(exercise_id);
`;

const JOIN_CODES_TABLE = `
-- Role-bound join codes, stored as the SHA-256 of the normalised code, with expiry and a use limit.
CREATE TABLE IF NOT EXISTS join_codes (
  id             TEXT PRIMARY KEY,
  code_hash      TEXT NOT NULL UNIQUE,
  exercise_id    TEXT NOT NULL REFERENCES exercises(id),
  role           TEXT NOT NULL,
  cast_member_id TEXT,
  expires        TEXT NOT NULL,
  max_uses       INTEGER NOT NULL,
  uses_left      INTEGER NOT NULL CHECK (uses_left >= 0),
  created        TEXT NOT NULL,
  revoked        TEXT
);
CREATE INDEX IF NOT EXISTS join_codes_by_exercise ON join_codes(exercise_id);
`;

const PROPOSALS_TABLE = `
-- Which entry a device's proposal made: written in the transaction that stores the entry,
-- so a proposal re-sent after a lost result is answered with it, not judged again.
CREATE TABLE IF NOT EXISTS proposals (
  exercise_id       TEXT NOT NULL REFERENCES exercises(id),
  device_id         TEXT NOT NULL,  -- a device's id, or 'admin' for the admin secret
  client_message_id TEXT NOT NULL,
  fingerprint       TEXT NOT NULL,  -- SHA-256 of the proposal as sent
  seq               INTEGER NOT NULL,
  PRIMARY KEY (exercise_id, device_id, client_message_id)
) WITHOUT ROWID;
`;

const SETUPS_TABLE = `
-- An exercise's set-up (with its scenario) as JSON, written once, at create: the genesis hash seals it.
-- A table of its own, not a column: SQLite rewrites a whole row on UPDATE, and the head's row is
-- rewritten by every append (./headRow.ts).
CREATE TABLE IF NOT EXISTS setups (
  exercise_id TEXT PRIMARY KEY REFERENCES exercises(id),
  setup       TEXT NOT NULL
);
`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS exercises (
  id        TEXT PRIMARY KEY,
  head      TEXT NOT NULL,   -- the exercise head as JSON (clock, model snapshot), its set-up null (./headRow.ts)
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
${SETUPS_TABLE}
${DEVICES_TABLE}
${JOIN_CODES_TABLE}
${PROPOSALS_TABLE}
`;

/**
 * From schema version 1 (slice 1 of #14): devices gain their joining columns
 * and the 'refused' status (a table with a CHECK is rebuilt in SQLite); join
 * codes, never written in version 1, are made anew with an id; proposals are
 * new. One transaction: a file is at one version or the other.
 */
const MIGRATE_FROM_1 = `
ALTER TABLE devices RENAME TO devices_v1;
DROP INDEX IF EXISTS devices_by_exercise;
${DEVICES_TABLE}
INSERT INTO devices (id, exercise_id, token_hash, role, cast_member_id, label, status, created, approved, revoked)
  SELECT id, exercise_id, token_hash, role, cast_member_id, label, status, created, approved, revoked FROM devices_v1;
DROP TABLE devices_v1;
DROP TABLE join_codes;
${JOIN_CODES_TABLE}
${PROPOSALS_TABLE}
PRAGMA user_version = 2;
`;

/**
 * From schema version 2: the set-up moves out of the head into a table of
 * its own, written once (./headRow.ts says why); the head keeps
 * `"setup": null` in its place. In the opening transaction, as MIGRATE_FROM_1.
 */
const MIGRATE_FROM_2 = `
${SETUPS_TABLE}
INSERT INTO setups (exercise_id, setup) SELECT id, json_extract(head, '$.setup') FROM exercises;
UPDATE exercises SET head = json_set(head, '$.setup', json('null'));
PRAGMA user_version = 3;
`;

/** `PRAGMA synchronous` reads back as a number: 2 is FULL. */
const SYNCHRONOUS_FULL = 2;

export class StoreOpenError extends Error {}

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
  private readonly redeemTx;
  private readonly setups = new KnownSetups();

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    try {
      // Another process writing the same file (a second server) waits its turn instead of failing at once.
      this.db.pragma('busy_timeout = 5000');
      ensureDurable(this.db, file);
      this.db.pragma('foreign_keys = ON');
      this.db
        .transaction(() => {
          // Read inside the write lock: two servers opening one old file migrate it once.
          const version = this.db.pragma('user_version', { simple: true });
          if (version === 1) this.db.exec(MIGRATE_FROM_1);
          if (version === 1 || version === 2) this.db.exec(MIGRATE_FROM_2);
          else if (version !== 0 && version !== SCHEMA_VERSION)
            throw new StoreOpenError(
              `${file}: schema version ${String(version)}, this server knows ${String(SCHEMA_VERSION)}`,
            );
          this.db.exec(SCHEMA);
          if (version === 0) this.db.pragma(`user_version = ${String(SCHEMA_VERSION)}`);
        })
        .immediate();
    } catch (error) {
      this.db.close();
      throw error;
    }
    const db = this.db;
    this.statements = {
      insertExercise: db.prepare(
        'INSERT INTO exercises (id, head, length, head_hash, created, updated) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertSetup: db.prepare('INSERT INTO setups (exercise_id, setup) VALUES (?, ?)'),
      updateHead: db.prepare(
        'UPDATE exercises SET head = ?, length = ?, head_hash = ?, updated = ? WHERE id = ? AND length = ?',
      ),
      insertEntry: db.prepare('INSERT INTO entries (exercise_id, seq, hash, json) VALUES (?, ?, ?, ?)'),
      head: db.prepare<[string], { head: string; setup: string }>(
        'SELECT head, setup FROM exercises JOIN setups ON exercise_id = id WHERE id = ?',
      ),
      setup: db.prepare<[string], { setup: string }>('SELECT setup FROM setups WHERE exercise_id = ?'),
      entries: db.prepare<[string, number, number], { json: string }>(
        'SELECT json FROM entries WHERE exercise_id = ? AND seq > ? AND seq <= ? ORDER BY seq',
      ),
      list: db.prepare<[], { head: string; title: string }>(
        "SELECT head, json_extract(setup, '$.title') AS title FROM exercises JOIN setups ON exercise_id = id ORDER BY created",
      ),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
      proposal: db.prepare<[string, string, string], { seq: number; fingerprint: string }>(
        'SELECT seq, fingerprint FROM proposals WHERE exercise_id = ? AND device_id = ? AND client_message_id = ?',
      ),
      insertProposal: db.prepare(
        'INSERT INTO proposals (exercise_id, device_id, client_message_id, fingerprint, seq) VALUES (?, ?, ?, ?, ?)',
      ),
      device: db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE id = ?'),
      deviceByToken: db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE token_hash = ?'),
      devices: db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE exercise_id = ? ORDER BY created, id'),
      saveDevice: db.prepare(
        `INSERT INTO devices (id, exercise_id, token_hash, pending_secret_hash, join_code_id, role, cast_member_id,
           label, status, created, approved, refused, revoked)
         VALUES (@id, @exercise_id, @token_hash, @pending_secret_hash, @join_code_id, @role, @cast_member_id,
           @label, @status, @created, @approved, @refused, @revoked)
         ON CONFLICT(id) DO UPDATE SET token_hash = excluded.token_hash,
           pending_secret_hash = excluded.pending_secret_hash, role = excluded.role,
           cast_member_id = excluded.cast_member_id, label = excluded.label, status = excluded.status,
           approved = excluded.approved, refused = excluded.refused, revoked = excluded.revoked`,
      ),
      insertJoinCode: db.prepare(
        `INSERT INTO join_codes (id, code_hash, exercise_id, role, cast_member_id, expires, max_uses, uses_left, created, revoked)
         VALUES (@id, @code_hash, @exercise_id, @role, @cast_member_id, @expires, @max_uses, @uses_left, @created, @revoked)`,
      ),
      updateJoinCode: db.prepare('UPDATE join_codes SET uses_left = ?, revoked = ? WHERE id = ?'),
      joinCode: db.prepare<[string], JoinCodeRow>('SELECT * FROM join_codes WHERE id = ?'),
      joinCodeByHash: db.prepare<[string], JoinCodeRow>('SELECT * FROM join_codes WHERE code_hash = ?'),
      joinCodes: db.prepare<[string], JoinCodeRow>(
        'SELECT * FROM join_codes WHERE exercise_id = ? ORDER BY created DESC, id',
      ),
    };
    const { insertEntry, updateHead, insertExercise, insertSetup } = this.statements;
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
    const { insertProposal, setup } = this.statements;
    this.appendTx = db.transaction((head: ExerciseHead, entries: readonly SealedEntry[], origin?: ProposalOrigin) => {
      const first = entries[0]?.entry.seq ?? head.length + 1;
      const expected = first - 1;
      if (first + entries.length - 1 !== head.length)
        throw new Error(
          `append: the head counts ${String(head.length)}, the entries end at ${String(first + entries.length - 1)}`,
        );
      entries.forEach(({ entry }, index) => {
        if (entry.seq !== first + index) throw new Error('append: entries must be consecutive');
      });
      if (!this.setups.has(head)) this.setups.check(head, setup.get(head.id)?.setup ?? null);
      // The primary key fences each seq; the length fences a gap or a head stored by another writer.
      insertEntries(head.id, entries);
      const changed = updateHead.run(headText(head), head.length, head.headHash, head.updatedAt, head.id, expected);
      if (changed.changes !== 1) throw new StoreConflictError(head.id, first);
      if (origin) {
        if (entries.length !== 1) throw new Error('append: a proposal makes one entry');
        try {
          insertProposal.run(head.id, origin.deviceId, origin.clientMessageId, origin.fingerprint, first);
        } catch (error) {
          // Another writer stored this proposal first.
          if (isPrimaryKeyConflict(error)) throw new StoreConflictError(head.id, first, error);
          throw error;
        }
      }
    });
    const { joinCodeByHash, updateJoinCode, saveDevice } = this.statements;
    this.redeemTx = db.transaction(
      (codeHash: string, now: number, device: (code: JoinCodeRecord) => DeviceRecord): JoinCodeRecord | null => {
        const row = joinCodeByHash.get(codeHash);
        if (!row || row.revoked !== null || row.uses_left < 1 || Date.parse(row.expires) <= now) return null;
        const code = joinCodeOf(row);
        updateJoinCode.run(row.uses_left - 1, row.revoked, row.id);
        saveDevice.run(deviceRow(device(code)));
        return code;
      },
    );
    this.createTx = db.transaction((head: ExerciseHead, entries: readonly SealedEntry[]) => {
      try {
        insertExercise.run(head.id, headText(head), head.length, head.headHash, head.createdAt, head.updatedAt);
      } catch (error) {
        if (isPrimaryKeyConflict(error)) throw new StoreConflictError(head.id, null, error);
        throw error;
      }
      insertSetup.run(head.id, setupText(head.setup));
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
      this.setups.remember(head.id, head.setup);
      resolve();
    });
  }

  append(head: ExerciseHead, entries: readonly SealedEntry[], origin?: ProposalOrigin): Promise<void> {
    return new Promise((resolve) => {
      this.write(() => {
        this.appendTx.immediate(head, entries, origin);
      });
      resolve();
    });
  }

  head(id: string): Promise<ExerciseHead | null> {
    return new Promise((resolve) => {
      const row = this.statements.head.get(id);
      if (!row) {
        resolve(null);
        return;
      }
      const head = headOf(row.head, row.setup);
      this.setups.remember(id, head.setup);
      resolve(head);
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
          const head = JSON.parse(row.head) as Omit<ExerciseHead, 'setup'>;
          return {
            id: head.id,
            title: row.title,
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

  proposal(exerciseId: string, deviceId: string, clientMessageId: string): Promise<ProposalRecord | null> {
    return new Promise((resolve) => {
      resolve(this.statements.proposal.get(exerciseId, deviceId, clientMessageId) ?? null);
    });
  }

  device(id: string): Promise<DeviceRecord | null> {
    return new Promise((resolve) => {
      const row = this.statements.device.get(id);
      resolve(row ? deviceOf(row) : null);
    });
  }

  deviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null> {
    return new Promise((resolve) => {
      const row = this.statements.deviceByToken.get(tokenHash);
      resolve(row ? deviceOf(row) : null);
    });
  }

  devices(exerciseId: string): Promise<DeviceRecord[]> {
    return new Promise((resolve) => {
      resolve(this.statements.devices.all(exerciseId).map(deviceOf));
    });
  }

  saveDevice(device: DeviceRecord): Promise<void> {
    return new Promise((resolve) => {
      this.write(() => this.statements.saveDevice.run(deviceRow(device)));
      resolve();
    });
  }

  saveJoinCode(code: JoinCodeRecord): Promise<void> {
    return new Promise((resolve) => {
      this.write(() => {
        const row = joinCodeRow(code);
        const existing = this.statements.joinCode.get(code.id);
        if (existing) {
          this.statements.updateJoinCode.run(row.uses_left, row.revoked, row.id);
          return;
        }
        try {
          this.statements.insertJoinCode.run(row);
        } catch (error) {
          if (isPrimaryKeyConflict(error)) throw new StoreConflictError(code.exerciseId, null, error);
          throw error;
        }
      });
      resolve();
    });
  }

  joinCode(id: string): Promise<JoinCodeRecord | null> {
    return new Promise((resolve) => {
      const row = this.statements.joinCode.get(id);
      resolve(row ? joinCodeOf(row) : null);
    });
  }

  joinCodes(exerciseId: string): Promise<JoinCodeRecord[]> {
    return new Promise((resolve) => {
      resolve(this.statements.joinCodes.all(exerciseId).map(joinCodeOf));
    });
  }

  redeemJoinCode(
    codeHash: string,
    now: number,
    device: (code: JoinCodeRecord) => DeviceRecord,
  ): Promise<JoinCodeRecord | null> {
    return new Promise((resolve) => {
      resolve(this.write(() => this.redeemTx.immediate(codeHash, now, device)));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.db.open) this.db.close();
      resolve();
    });
  }
}
