/**
 * Which exercises this process owns (issue #16, several server processes on
 * one PostgreSQL). The owner of an exercise is the one process that judges and
 * stores its proposals and releases its injects; the others forward to it.
 *
 * Owning is holding a session-level advisory lock, `pg_try_advisory_lock(key)`,
 * on one connection of this process kept for that alone: the lock lives as
 * long as that session, so when the process dies (even by SIGKILL) PostgreSQL
 * ends the session and the lock is free for another process to take. Should
 * this connection break while the process lives, every lock is gone with it:
 * `onLost` tells the hosts at once, and they stop writing as owners. Between
 * the break and that moment the primary key (exercise_id, seq) still fences a
 * second writer.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../exerciseHost';

/**
 * The lock's key: the first 64 bits of SHA-256 of the exercise id, as a signed
 * bigint (the single-key form of the advisory locks). Two exercises sharing a
 * key is a 2^-64 chance; the store's migration lock is another number.
 */
export function ownershipKey(exerciseId: string): string {
  return createHash('sha256').update(`paraat exercise ${exerciseId}`).digest().readBigInt64BE(0).toString();
}

export class Ownership {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly owned = new Set<string>();
  private readonly lostHandlers = new Set<(exerciseId: string) => void>();
  private closed = false;
  /** One query at a time on the session (node-postgres queues them, but deprecates doing so). */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly log: Logger,
  ) {}

  owns(exerciseId: string): boolean {
    return this.owned.has(exerciseId);
  }

  /** Called for each exercise whose lock went with a broken connection. */
  onLost(handler: (exerciseId: string) => void) {
    this.lostHandlers.add(handler);
  }

  /** Take the exercise's lock if no other process holds it; true when this process owns it (now or already). */
  tryOwn(exerciseId: string): Promise<boolean> {
    const result = this.turn.then(() => this.tryOwnNow(exerciseId));
    this.turn = result.catch(() => undefined);
    return result;
  }

  private async tryOwnNow(exerciseId: string): Promise<boolean> {
    if (this.owned.has(exerciseId)) return true;
    if (this.closed) return false;
    const client = await this.session();
    const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [
      ownershipKey(exerciseId),
    ]);
    // The connection may have broken while the answer was on its way: then the lock is gone too.
    if (result.rows[0]?.locked !== true || this.client !== client) return false;
    this.owned.add(exerciseId);
    this.log.info({ exercise: exerciseId }, 'cluster: this process owns the exercise');
    return true;
  }

  private session(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'paraat-owner', keepAlive: true });
    client.on('error', (error) => {
      this.lost(client, error);
    });
    client.on('end', () => {
      this.lost(client);
    });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }

  private lost(client: pg.Client, error?: Error) {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    const lost = [...this.owned];
    this.owned.clear();
    if (!this.closed) this.log.warn({ err: error, exercises: lost.length }, 'cluster: ownership connection lost');
    for (const exerciseId of lost) for (const handler of this.lostHandlers) handler(exerciseId);
  }

  /** Let go of every lock: ending the session releases them. */
  async close() {
    this.closed = true;
    const client = this.client;
    this.client = null;
    this.owned.clear();
    await client?.end().catch(() => undefined);
  }
}
