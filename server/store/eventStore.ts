/**
 * The server's event store: where exercises and their hash-chained logs are
 * kept durably. Asynchronous, so that a PostgreSQL store (#16) can implement
 * it as well as the SQLite one (./sqliteStore.ts).
 *
 * An entry counts once `append` has resolved: the server acknowledges a
 * proposal only then. `append` is fenced twice: on the head's stored length
 * (the entries must continue it) and on the primary key (exercise, seq), so a
 * second writer that judged the same seq is refused with a
 * `StoreConflictError` instead of interleaving.
 */
import type { Role } from '../../machines';
import type { ExerciseHead, LogEntry } from '../../src/core';

/** A sealed entry and its stored form: the canonical JSON that was hashed (the core's `sealEntryWithText`). */
export interface SealedEntry {
  entry: LogEntry;
  text: string;
}

/** Another writer stored this seq (or changed the exercise) first; or an id already exists. */
export class StoreConflictError extends Error {
  constructor(
    readonly exerciseId: string,
    readonly seq: number | null,
    cause?: unknown,
  ) {
    super(
      seq === null
        ? `Exercise ${exerciseId} already exists`
        : `Exercise ${exerciseId}: seq ${String(seq)} was stored by another writer`,
      { cause },
    );
  }
}

/** The store did not take a write (disk full, I/O error): nothing of it is stored. */
export class StoreWriteError extends Error {}

export interface ExerciseListing {
  id: string;
  title: string;
  length: number;
  headHash: string;
  createdAt: string;
  updatedAt: string;
  clockRunning: boolean;
}

/** What a device's proposal is recorded under, so a re-sent one is answered, not judged again. */
export interface ProposalOrigin {
  /** The device: its id, or `admin` for the admin secret (the trainer's own devices). */
  deviceId: string;
  clientMessageId: string;
  /** SHA-256 of the proposal as sent (JCS of `{proposal, actingAs}`): the same id with another proposal is refused. */
  fingerprint: string;
}

/** A proposal recorded with the entry it made. */
export interface ProposalRecord {
  seq: number;
  fingerprint: string;
}

export type DeviceStatus = 'pending' | 'approved' | 'refused' | 'revoked';

/**
 * A device of a live session, from the moment it joined with a code. Its
 * secrets are stored hashed (SHA-256 of 128 random bits); the role and the
 * cast member come from here, never from the device's messages.
 */
export interface DeviceRecord {
  id: string;
  exerciseId: string;
  /** SHA-256 (hex) of the device token; null until the approved device has fetched one. */
  tokenHash: string | null;
  /** SHA-256 (hex) of the secret the device got when it joined; null once its token has been used. */
  pendingSecretHash: string | null;
  /** The join code it came in with (its id), when it did. */
  joinCodeId: string | null;
  role: Role;
  /** The cast member the device acts as, when it is one. */
  castMemberId: string | null;
  /** The name the device gave itself, for the trainer: "laptop burgemeester". */
  label: string;
  status: DeviceStatus;
  created: string;
  approved: string | null;
  refused: string | null;
  revoked: string | null;
}

/** A join code, stored as the SHA-256 of its normalised text; the text itself is shown once. */
export interface JoinCodeRecord {
  id: string;
  codeHash: string;
  exerciseId: string;
  role: Role;
  castMemberId: string | null;
  expires: string;
  maxUses: number;
  usesLeft: number;
  created: string;
  revoked: string | null;
}

export interface EventStore {
  /**
   * Store a new exercise with its first entries, all or nothing; an id already stored is a `StoreConflictError`.
   * Its set-up is written here only: the genesis hash seals it (./headRow.ts).
   */
  create(head: ExerciseHead, entries: readonly SealedEntry[]): Promise<void>;
  /**
   * Store `entries` (consecutive, continuing the stored log) and `head`, which
   * counts them, in one transaction; with `origin`, the proposal that made
   * the (one) entry is recorded in the same transaction. Resolves once durable.
   * The head's set-up is not written again: one other than the stored one is
   * refused (`SetupChangedError`, ./headRow.ts), nothing stored.
   */
  append(head: ExerciseHead, entries: readonly SealedEntry[], origin?: ProposalOrigin): Promise<void>;
  head(id: string): Promise<ExerciseHead | null>;
  /** Entries with `afterSeq < seq <= upTo`, in order (all stored ones by default). */
  entries(id: string, afterSeq?: number, upTo?: number): Promise<LogEntry[]>;
  list(): Promise<ExerciseListing[]>;
  /** The entry a device's proposal made, when it was stored. */
  proposal(exerciseId: string, deviceId: string, clientMessageId: string): Promise<ProposalRecord | null>;

  /** SHA-256 (hex) of the admin secret, or null before the first start. */
  adminSecretHash(): Promise<string | null>;
  setAdminSecretHash(hash: string): Promise<void>;

  device(id: string): Promise<DeviceRecord | null>;
  deviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null>;
  /** An exercise's devices, in the order they joined. */
  devices(exerciseId: string): Promise<DeviceRecord[]>;
  saveDevice(device: DeviceRecord): Promise<void>;

  /** Store a new join code; a code hash already stored is a `StoreConflictError`. */
  saveJoinCode(code: JoinCodeRecord): Promise<void>;
  joinCode(id: string): Promise<JoinCodeRecord | null>;
  /** An exercise's join codes, newest first. */
  joinCodes(exerciseId: string): Promise<JoinCodeRecord[]>;
  /**
   * Use the code with this hash for `device` (pending, in its exercise, with
   * its role and cast member) in one transaction: only when the code is known,
   * not revoked, not expired at `now` (epoch ms) and has a use left. The code
   * as it was, or null (and nothing stored).
   */
  redeemJoinCode(
    codeHash: string,
    now: number,
    device: (code: JoinCodeRecord) => DeviceRecord,
  ): Promise<JoinCodeRecord | null>;

  close(): Promise<void>;
}
