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

/**
 * A device of a live session (slice 2 of #14: join codes, approval). Its
 * token is stored hashed (SHA-256 of a random 128-bit token); the role and the
 * cast member come from here, never from the device's messages.
 */
export interface DeviceRecord {
  id: string;
  exerciseId: string;
  /** SHA-256 (hex) of the device token; null while the device waits for approval. */
  tokenHash: string | null;
  role: Role;
  /** The cast member the device acts as, when it is one. */
  castMemberId: string | null;
  /** What the trainer sees: "laptop burgemeester". */
  label: string;
  status: 'pending' | 'approved' | 'revoked';
  created: string;
  approved: string | null;
  revoked: string | null;
}

export interface EventStore {
  /** Store a new exercise with its first entries, all or nothing; an id already stored is a `StoreConflictError`. */
  create(head: ExerciseHead, entries: readonly SealedEntry[]): Promise<void>;
  /**
   * Store `entries` (consecutive, continuing the stored log) and `head`, which
   * counts them, in one transaction. Resolves once durable.
   */
  append(head: ExerciseHead, entries: readonly SealedEntry[]): Promise<void>;
  head(id: string): Promise<ExerciseHead | null>;
  /** Entries with `afterSeq < seq <= upTo`, in order (all stored ones by default). */
  entries(id: string, afterSeq?: number, upTo?: number): Promise<LogEntry[]>;
  list(): Promise<ExerciseListing[]>;

  /** SHA-256 (hex) of the admin secret, or null before the first start. */
  adminSecretHash(): Promise<string | null>;
  setAdminSecretHash(hash: string): Promise<void>;

  /** Devices (slice 2). */
  deviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null>;
  saveDevice(device: DeviceRecord): Promise<void>;

  close(): Promise<void>;
}
