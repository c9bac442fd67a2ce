/**
 * The event store on PostgreSQL (issue #16, academy mode): the same tables and
 * the same semantics as the SQLite store (./sqliteStore.ts), for a server an
 * academy or a safety region keeps, later with several server processes.
 *
 * Durability: an `append` resolves once PostgreSQL has committed, and a commit
 * returns only after its WAL is flushed, as long as `synchronous_commit` is not
 * off (and `fsync` is on). Both are read back on open, and the store refuses
 * to open without them: a database or role can turn them off
 * (`ALTER DATABASE … SET synchronous_commit = off`) without anyone noticing.
 *
 * Fences, as on SQLite: the primary key (exercise_id, seq) refuses a second
 * writer's seq (it waits for the first writer's transaction, then fails with a
 * unique violation), and the head's stored length refuses a gap or a head
 * another writer moved (the UPDATE … WHERE length = expected re-reads the row
 * once the other transaction commits, and changes nothing). Both are a
 * `StoreConflictError`; any other failed write is a `StoreWriteError`, and
 * nothing of it is stored.
 *
 * Migrations run on open, in one transaction under an advisory lock, so two
 * processes starting at once migrate the database once.
 */
import pg from 'pg';
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
import { inTransaction } from './pgTransaction';
import { deviceOf, joinCodeOf, type DeviceRow, type JoinCodeRow } from './rows';

/** The store refused to open: not durable, a schema it does not know, or no connection. */
export class PostgresOpenError extends Error {}

/**
 * The schema, one migration per version, applied in order and never edited
 * once released (add a version instead). Version N is the SQLite store's
 * schema version N + 1, table for table and column for column.
 *
 * Column types, and why:
 * - Ids, hashes and times are `text COLLATE "C"`: times are the ISO strings
 *   the core writes (they sort as text), and "C" makes ORDER BY compare bytes
 *   as SQLite does, whatever locale the database was made with.
 * - The head and the entries are `text`, not `jsonb`: an entry's text is the
 *   canonical JSON that was hashed, kept byte for byte (jsonb would reorder
 *   its keys and re-print its numbers).
 * - seq, length and use counts are `integer`: node-postgres reads int4 as a
 *   number (int8 would come back as a string), and 2^31 entries is plenty.
 */
export const MIGRATIONS: readonly { version: number; description: string; sql: string }[] = [
  {
    version: 1,
    description: 'exercises, entries, meta, devices, join codes, proposals (the SQLite schema version 2)',
    sql: `
-- Settings of the server: the admin secret's SHA-256.
CREATE TABLE meta (
  key   text COLLATE "C" PRIMARY KEY,
  value text NOT NULL
);

-- One row per exercise: its head (set-up, clock, model snapshot) as JSON, and how many entries it counts.
-- length is the second fence: an append moves it only from the length its entries continue.
CREATE TABLE exercises (
  id        text COLLATE "C" PRIMARY KEY,
  head      text NOT NULL,
  length    integer NOT NULL,
  head_hash text COLLATE "C" NOT NULL,
  created   text COLLATE "C" NOT NULL,
  updated   text COLLATE "C" NOT NULL
);

-- The hash-chained log. The primary key (exercise_id, seq) is the fence against a second writer:
-- two writers that judged the same seq cannot both store it.
CREATE TABLE entries (
  exercise_id text COLLATE "C" NOT NULL REFERENCES exercises(id),
  seq         integer NOT NULL,
  hash        text COLLATE "C" NOT NULL,
  json        text NOT NULL, -- the canonical JSON that was hashed, with the hash
  PRIMARY KEY (exercise_id, seq)
);

-- A live session's devices. Secrets are stored as their SHA-256 only.
CREATE TABLE devices (
  id                  text COLLATE "C" PRIMARY KEY,
  exercise_id         text COLLATE "C" NOT NULL REFERENCES exercises(id),
  token_hash          text COLLATE "C" UNIQUE, -- SHA-256 of the device token, once fetched
  pending_secret_hash text COLLATE "C" UNIQUE, -- SHA-256 of the secret given at joining, until the token is used
  join_code_id        text COLLATE "C",
  role                text NOT NULL,
  cast_member_id      text,
  label               text NOT NULL,
  status              text NOT NULL CHECK (status IN ('pending', 'approved', 'refused', 'revoked')),
  created             text COLLATE "C" NOT NULL,
  approved            text COLLATE "C",
  refused             text COLLATE "C",
  revoked             text COLLATE "C"
);
CREATE INDEX devices_by_exercise ON devices (exercise_id);

-- Role-bound join codes, stored as the SHA-256 of the normalised code, with expiry and a use limit.
CREATE TABLE join_codes (
  id             text COLLATE "C" PRIMARY KEY,
  code_hash      text COLLATE "C" NOT NULL UNIQUE,
  exercise_id    text COLLATE "C" NOT NULL REFERENCES exercises(id),
  role           text NOT NULL,
  cast_member_id text,
  expires        text COLLATE "C" NOT NULL,
  max_uses       integer NOT NULL,
  uses_left      integer NOT NULL CHECK (uses_left >= 0),
  created        text COLLATE "C" NOT NULL,
  revoked        text COLLATE "C"
);
CREATE INDEX join_codes_by_exercise ON join_codes (exercise_id);

-- Which entry a device's proposal made: written in the transaction that stores the entry,
-- so a proposal re-sent after a lost result is answered with it, not judged again.
CREATE TABLE proposals (
  exercise_id       text COLLATE "C" NOT NULL REFERENCES exercises(id),
  device_id         text COLLATE "C" NOT NULL, -- a device's id, or 'admin' for the admin secret
  client_message_id text COLLATE "C" NOT NULL,
  fingerprint       text NOT NULL,             -- SHA-256 of the proposal as sent
  seq               integer NOT NULL,
  PRIMARY KEY (exercise_id, device_id, client_message_id)
);
`,
  },
  {
    version: 2,
    description: 'the set-up in a table of its own, written once (the SQLite schema version 3)',
    // ./headRow.ts says why; a table as on SQLite (PostgreSQL alone would keep an unchanged TOASTed column).
    // json, not jsonb: `->` gives the set-up's text as it was written; jsonb_set (json has no json_set) only
    // re-prints the head, which is read by value. The head keeps "setup": null in the set-up's place.
    sql: `
-- An exercise's set-up (with its scenario) as JSON, written once, at create: the genesis hash seals it.
CREATE TABLE setups (
  exercise_id text COLLATE "C" PRIMARY KEY REFERENCES exercises(id),
  setup       text NOT NULL
);
INSERT INTO setups (exercise_id, setup) SELECT id, (head::json -> 'setup')::text FROM exercises;
UPDATE exercises SET head = jsonb_set(head::jsonb, '{setup}', 'null')::text;
`,
  },
];

export const POSTGRES_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));

/** Which versions are applied, one row each (written by the migration that made it). */
const SCHEMA_TABLE = `
CREATE TABLE IF NOT EXISTS paraat_schema (
  version     integer PRIMARY KEY,
  description text NOT NULL,
  applied     timestamptz NOT NULL DEFAULT now()
)`;

/**
 * The advisory lock the migration holds (for its transaction): any 64-bit
 * number other tools are unlikely to use; here "paraat" in ASCII.
 */
const MIGRATION_LOCK = 0x706172616174n;

/** PostgreSQL's SQLSTATEs the store tells apart. */
const UNIQUE_VIOLATION = '23505';
/** Another transaction got in the way: a writer racing this one, a conflict by nature. */
const CONFLICT_STATES = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

const stateOf = (error: unknown): string | undefined => (error instanceof pg.DatabaseError ? error.code : undefined);

const SAVE_DEVICE = `
INSERT INTO devices (id, exercise_id, token_hash, pending_secret_hash, join_code_id, role, cast_member_id,
  label, status, created, approved, refused, revoked)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash,
  pending_secret_hash = excluded.pending_secret_hash, role = excluded.role,
  cast_member_id = excluded.cast_member_id, label = excluded.label, status = excluded.status,
  approved = excluded.approved, refused = excluded.refused, revoked = excluded.revoked`;

const deviceValues = (device: DeviceRecord) => [
  device.id,
  device.exerciseId,
  device.tokenHash,
  device.pendingSecretHash,
  device.joinCodeId,
  device.role,
  device.castMemberId,
  device.label,
  device.status,
  device.created,
  device.approved,
  device.refused,
  device.revoked,
];

/** A connection URL with its password (in the user part or as `?password=`) masked, to print where data lives. */
export function maskedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(een ongeldige PostgreSQL-URL / an invalid PostgreSQL URL)';
  }
  if (parsed.password !== '') parsed.password = '***';
  if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
  return parsed.toString();
}

export interface PostgresStoreInfo {
  /** `SHOW synchronous_commit`: anything but `off` waits for the WAL flush. */
  synchronousCommit: string;
  /** `SHOW fsync`. */
  fsync: string;
  schemaVersion: number;
}

export interface PostgresStoreOptions {
  /** Connections in the pool (node-postgres' default is 10). */
  max?: number;
}

type Client = pg.PoolClient;

export class PostgresStore implements EventStore {
  private closed = false;
  private readonly setups = new KnownSetups();

  private constructor(
    private readonly pool: pg.Pool,
    /** The URL with its password masked: for messages and for printing where data lives. */
    readonly where: string,
  ) {}

  /** Connect, check durability, migrate; refuses (PostgresOpenError) when the database is not durable or is newer. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const where = maskedUrl(url);
    const pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 10,
      // A database that does not answer is an error on start, not a server hanging in silence.
      connectionTimeoutMillis: 15_000,
      application_name: 'paraat',
    });
    // An idle connection that breaks (the database restarted) is dropped from the pool; without a listener
    // its 'error' event would end the process. The next query takes a new connection.
    pool.on('error', () => undefined);
    const store = new PostgresStore(pool, where);
    try {
      await store.ensureDurable();
      await store.migrate();
    } catch (error) {
      await pool.end();
      if (error instanceof PostgresOpenError) throw error;
      throw new PostgresOpenError(`${where}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    return store;
  }

  /** Read back what durability depends on; throws when a commit would be acknowledged before it is on disk. */
  private async ensureDurable() {
    const info = await this.info();
    if (info.synchronousCommit === 'off')
      throw new PostgresOpenError(
        `${this.where}: synchronous_commit is off, so a commit can be acknowledged before it is durable. ` +
          'Turn it on (ALTER DATABASE … SET synchronous_commit = on, or in postgresql.conf).',
      );
    if (info.fsync !== 'on')
      throw new PostgresOpenError(`${this.where}: fsync is ${info.fsync}, so a commit is not durable.`);
  }

  /**
   * Apply the migrations this database lacks, in one transaction that holds
   * an advisory lock: a second process starting at once waits for it, then
   * finds the versions applied and does nothing.
   */
  private async migrate() {
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
      await client.query(SCHEMA_TABLE);
      const result = await client.query<{ version: number | null }>(
        'SELECT max(version) AS version FROM paraat_schema',
      );
      const version = result.rows[0]?.version ?? 0;
      if (version > POSTGRES_SCHEMA_VERSION)
        throw new PostgresOpenError(
          `${this.where}: schema version ${String(version)}, this server knows ${String(POSTGRES_SCHEMA_VERSION)}`,
        );
      for (const migration of MIGRATIONS) {
        if (migration.version <= version) continue;
        await client.query(migration.sql);
        await client.query('INSERT INTO paraat_schema (version, description) VALUES ($1, $2)', [
          migration.version,
          migration.description,
        ]);
      }
    });
  }

  /** What the database's durability settings and schema read now. */
  async info(): Promise<PostgresStoreInfo> {
    const client = await this.pool.connect();
    try {
      const synchronousCommit = await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
      const fsync = await client.query<{ fsync: string }>('SHOW fsync');
      const exists = await client.query<{ exists: boolean }>(
        "SELECT to_regclass('paraat_schema') IS NOT NULL AS exists",
      );
      const version = exists.rows[0]?.exists
        ? ((await client.query<{ version: number | null }>('SELECT max(version) AS version FROM paraat_schema')).rows[0]
            ?.version ?? 0)
        : 0;
      return {
        synchronousCommit: synchronousCommit.rows[0]?.synchronous_commit ?? '',
        fsync: fsync.rows[0]?.fsync ?? '',
        schemaVersion: version,
      };
    } finally {
      client.release();
    }
  }

  /** Run `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  private transaction<T>(work: (client: Client) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  /** A write in one transaction: a racing writer is a StoreConflictError, any other failure a StoreWriteError. */
  private async write<T>(work: (client: Client) => Promise<T>): Promise<T> {
    try {
      return await this.transaction(work);
    } catch (error) {
      if (error instanceof StoreConflictError) throw error;
      // A failed COMMIT whose outcome is unknown (the connection broke) is reported as not stored; should it have
      // been stored after all, the next append of that seq meets the primary key and the host reads the log again.
      throw new StoreWriteError(error instanceof Error ? error.message : String(error), { cause: error });
    }
  }

  private async insertEntries(client: Client, id: string, entries: readonly SealedEntry[]) {
    for (const { entry, text } of entries) {
      try {
        await client.query('INSERT INTO entries (exercise_id, seq, hash, json) VALUES ($1, $2, $3, $4)', [
          id,
          entry.seq,
          entry.hash,
          text,
        ]);
      } catch (error) {
        if (stateOf(error) === UNIQUE_VIOLATION) throw new StoreConflictError(id, entry.seq, error);
        throw error;
      }
    }
  }

  create(head: ExerciseHead, entries: readonly SealedEntry[]): Promise<void> {
    return this.write(async (client) => {
      try {
        await client.query(
          'INSERT INTO exercises (id, head, length, head_hash, created, updated) VALUES ($1, $2, $3, $4, $5, $6)',
          [head.id, headText(head), head.length, head.headHash, head.createdAt, head.updatedAt],
        );
      } catch (error) {
        if (stateOf(error) === UNIQUE_VIOLATION) throw new StoreConflictError(head.id, null, error);
        throw error;
      }
      await client.query('INSERT INTO setups (exercise_id, setup) VALUES ($1, $2)', [head.id, setupText(head.setup)]);
      await this.insertEntries(client, head.id, entries);
    });
    this.setups.remember(head.id, head.setup);
  }

  async append(head: ExerciseHead, entries: readonly SealedEntry[], origin?: ProposalOrigin): Promise<void> {
    const first = entries[0]?.entry.seq ?? head.length + 1;
    const expected = first - 1;
    if (first + entries.length - 1 !== head.length)
      throw new Error(
        `append: the head counts ${String(head.length)}, the entries end at ${String(first + entries.length - 1)}`,
      );
    entries.forEach(({ entry }, index) => {
      if (entry.seq !== first + index) throw new Error('append: entries must be consecutive');
    });
    if (origin && entries.length !== 1) throw new Error('append: a proposal makes one entry');
    if (!this.setups.has(head)) {
      // Outside the transaction: a stored set-up never changes.
      const stored = await this.pool.query<{ setup: string }>('SELECT setup FROM setups WHERE exercise_id = $1', [
        head.id,
      ]);
      this.setups.check(head, stored.rows[0]?.setup ?? null);
    }
    await this.write(async (client) => {
      try {
        // The primary key fences each seq; the length fences a gap or a head stored by another writer.
        await this.insertEntries(client, head.id, entries);
        const changed = await client.query(
          'UPDATE exercises SET head = $1, length = $2, head_hash = $3, updated = $4 WHERE id = $5 AND length = $6',
          [headText(head), head.length, head.headHash, head.updatedAt, head.id, expected],
        );
        if (changed.rowCount !== 1) throw new StoreConflictError(head.id, first);
        if (origin) {
          try {
            await client.query(
              'INSERT INTO proposals (exercise_id, device_id, client_message_id, fingerprint, seq) VALUES ($1, $2, $3, $4, $5)',
              [head.id, origin.deviceId, origin.clientMessageId, origin.fingerprint, first],
            );
          } catch (error) {
            // Another writer stored this proposal first.
            if (stateOf(error) === UNIQUE_VIOLATION) throw new StoreConflictError(head.id, first, error);
            throw error;
          }
        }
      } catch (error) {
        const state = stateOf(error);
        if (state !== undefined && CONFLICT_STATES.has(state)) throw new StoreConflictError(head.id, first, error);
        throw error;
      }
    });
  }

  async head(id: string): Promise<ExerciseHead | null> {
    const result = await this.pool.query<{ head: string; setup: string }>(
      'SELECT head, setup FROM exercises JOIN setups ON exercise_id = id WHERE id = $1',
      [id],
    );
    const row = result.rows[0];
    if (!row) return null;
    const head = headOf(row.head, row.setup);
    this.setups.remember(id, head.setup);
    return head;
  }

  async entries(id: string, afterSeq = 0, upTo: number = Number.MAX_SAFE_INTEGER): Promise<LogEntry[]> {
    // bigint parameters: the default upper bound is beyond an integer's range.
    const result = await this.pool.query<{ json: string }>(
      'SELECT json FROM entries WHERE exercise_id = $1 AND seq > $2::bigint AND seq <= $3::bigint ORDER BY seq',
      [id, afterSeq, upTo],
    );
    return result.rows.map((row) => JSON.parse(row.json) as LogEntry);
  }

  async list(): Promise<ExerciseListing[]> {
    const result = await this.pool.query<{ head: string; title: string }>(
      "SELECT head, setup::json ->> 'title' AS title FROM exercises JOIN setups ON exercise_id = id ORDER BY created, id",
    );
    return result.rows.map((row) => {
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
    });
  }

  async adminSecretHash(): Promise<string | null> {
    const result = await this.pool.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [
      'admin_secret_sha256',
    ]);
    return result.rows[0]?.value ?? null;
  }

  async setAdminSecretHash(hash: string): Promise<void> {
    await this.write((client) =>
      client.query(
        'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        ['admin_secret_sha256', hash],
      ),
    );
  }

  async proposal(exerciseId: string, deviceId: string, clientMessageId: string): Promise<ProposalRecord | null> {
    const result = await this.pool.query<ProposalRecord>(
      'SELECT seq, fingerprint FROM proposals WHERE exercise_id = $1 AND device_id = $2 AND client_message_id = $3',
      [exerciseId, deviceId, clientMessageId],
    );
    return result.rows[0] ?? null;
  }

  async device(id: string): Promise<DeviceRecord | null> {
    const result = await this.pool.query<DeviceRow>('SELECT * FROM devices WHERE id = $1', [id]);
    const row = result.rows[0];
    return row ? deviceOf(row) : null;
  }

  async deviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null> {
    const result = await this.pool.query<DeviceRow>('SELECT * FROM devices WHERE token_hash = $1', [tokenHash]);
    const row = result.rows[0];
    return row ? deviceOf(row) : null;
  }

  async devices(exerciseId: string): Promise<DeviceRecord[]> {
    const result = await this.pool.query<DeviceRow>(
      'SELECT * FROM devices WHERE exercise_id = $1 ORDER BY created, id',
      [exerciseId],
    );
    return result.rows.map(deviceOf);
  }

  async saveDevice(device: DeviceRecord): Promise<void> {
    await this.write((client) => client.query(SAVE_DEVICE, deviceValues(device)));
  }

  async saveJoinCode(code: JoinCodeRecord): Promise<void> {
    await this.write(async (client) => {
      try {
        // A code stored already changes only its uses and its revocation, as on SQLite.
        await client.query(
          `INSERT INTO join_codes (id, code_hash, exercise_id, role, cast_member_id, expires, max_uses, uses_left, created, revoked)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (id) DO UPDATE SET uses_left = excluded.uses_left, revoked = excluded.revoked`,
          [
            code.id,
            code.codeHash,
            code.exerciseId,
            code.role,
            code.castMemberId,
            code.expires,
            code.maxUses,
            code.usesLeft,
            code.created,
            code.revoked,
          ],
        );
      } catch (error) {
        // Another code with this hash.
        if (stateOf(error) === UNIQUE_VIOLATION) throw new StoreConflictError(code.exerciseId, null, error);
        throw error;
      }
    });
  }

  async joinCode(id: string): Promise<JoinCodeRecord | null> {
    const result = await this.pool.query<JoinCodeRow>('SELECT * FROM join_codes WHERE id = $1', [id]);
    const row = result.rows[0];
    return row ? joinCodeOf(row) : null;
  }

  async joinCodes(exerciseId: string): Promise<JoinCodeRecord[]> {
    const result = await this.pool.query<JoinCodeRow>(
      'SELECT * FROM join_codes WHERE exercise_id = $1 ORDER BY created DESC, id',
      [exerciseId],
    );
    return result.rows.map(joinCodeOf);
  }

  redeemJoinCode(
    codeHash: string,
    now: number,
    device: (code: JoinCodeRecord) => DeviceRecord,
  ): Promise<JoinCodeRecord | null> {
    return this.write(async (client) => {
      // FOR UPDATE: two devices redeeming the last use at once take turns; the second reads no use left.
      const result = await client.query<JoinCodeRow>('SELECT * FROM join_codes WHERE code_hash = $1 FOR UPDATE', [
        codeHash,
      ]);
      const row = result.rows[0];
      if (!row || row.revoked !== null || row.uses_left < 1 || Date.parse(row.expires) <= now) return null;
      const code = joinCodeOf(row);
      await client.query('UPDATE join_codes SET uses_left = $1 WHERE id = $2', [row.uses_left - 1, row.id]);
      await client.query(SAVE_DEVICE, deviceValues(device(code)));
      return code;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
