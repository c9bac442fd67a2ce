/**
 * Forwarding a device's proposal from a process that does not own its
 * exercise to the one that does, through the database: no network path
 * between the processes is needed (behind one address they need not know each
 * other's).
 *
 * The forwarding process writes the proposal into an inbox table and notifies
 * `paraat_forward` with the exercise id; the owner reads its exercise's open
 * rows in order, judges each in its serial queue as if the device were its
 * own, writes the outcome into the row and notifies `paraat_answered` with the
 * row's id; the forwarding process takes the answer (deleting the row) and
 * tells its device. Notifications are hints only: both sides also look at the
 * table every second, so a lost one delays, never loses, an answer.
 *
 * A row no owner answered is answered by the next one (a takeover judges the
 * open rows first). A proposal judged twice that way (stored by an owner that
 * died before it answered) meets the store's de-duplication by device and
 * client message id, and is answered with the entry it made.
 */
import type pg from 'pg';
import type { Role } from '../../machines';
import { proposeSchema, type Outcome, type Person, type Propose } from '../../src/core';
import { inTransaction } from '../store/pgTransaction';

export const FORWARD_CHANNEL = 'paraat_forward';
export const ANSWERED_CHANNEL = 'paraat_answered';

/** How often a forwarding process looks for its answer (and, when it is late, tries to own the exercise). */
const FORWARD_POLL_MS = 1_000;
/** After this long without an answer the device is told there was none. */
const FORWARD_GIVE_UP_MS = 30_000;

/** The advisory lock the inbox's migration holds: "paraatFw" in ASCII, not the store's own migration lock. */
const INBOX_MIGRATION_LOCK = 0x7061726161744677n;

/**
 * The inbox, made on start if missing (CREATE … IF NOT EXISTS under a lock of
 * its own, so two processes starting at once make it once). Kept out of the
 * store's schema versions: it holds nothing that must outlive the processes
 * answering it.
 */
const INBOX_SQL = `
CREATE TABLE IF NOT EXISTS paraat_forwarded (
  id          bigserial PRIMARY KEY,
  exercise_id text COLLATE "C" NOT NULL,
  sender      text NOT NULL, -- JSON: the device as its own process identified it (key, role, person)
  message     text NOT NULL, -- JSON: the propose message as the device sent it
  answer      text,          -- JSON: the outcome, once the owner judged it
  created     timestamptz NOT NULL DEFAULT now(),
  answered    timestamptz
);
CREATE INDEX IF NOT EXISTS paraat_forwarded_open ON paraat_forwarded (exercise_id, id) WHERE answer IS NULL;
`;

/** The device a forwarded proposal came from, as the process it is connected to identified it. */
export interface ForwardedSender {
  deviceKey: string;
  role: Role;
  person: Person;
  /** Its connection there, for the owner's log. */
  connection: string;
}

export interface ForwardedProposal {
  id: string;
  sender: ForwardedSender;
  message: Propose;
}

interface Waiter {
  exerciseId: string;
  resolve: (outcome: Outcome | null) => void;
}

export class Forwarding {
  private readonly waiters = new Map<string, Waiter>();
  private closed = false;

  constructor(private readonly pool: pg.Pool) {}

  static async migrate(pool: pg.Pool): Promise<void> {
    await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [INBOX_MIGRATION_LOCK.toString()]);
      await client.query(INBOX_SQL);
    });
  }

  /**
   * Hand the proposal to the exercise's owner and wait for its outcome; null
   * when none came in time. `late` is called at each look that found no
   * answer yet: the caller may then try to own the exercise itself.
   */
  async forward(
    exerciseId: string,
    sender: ForwardedSender,
    message: Propose,
    late: () => void,
  ): Promise<Outcome | null> {
    if (this.closed) return null;
    // The notification is sent at the insert's commit, so the owner always finds the row.
    const inserted = await this.pool.query<{ id: string }>(
      `WITH inserted AS (
         INSERT INTO paraat_forwarded (exercise_id, sender, message) VALUES ($1, $2, $3) RETURNING id
       )
       SELECT id, pg_notify($4, $1) FROM inserted`,
      [exerciseId, JSON.stringify(sender), JSON.stringify(message), FORWARD_CHANNEL],
    );
    const id = inserted.rows[0]?.id;
    if (id === undefined) throw new Error('forward: the inbox took no row');
    const answer = new Promise<Outcome | null>((resolve) => {
      this.waiters.set(id, { exerciseId, resolve });
    });
    const started = Date.now();
    const poll = setInterval(() => {
      if (Date.now() - started >= FORWARD_GIVE_UP_MS) {
        void this.giveUp(id);
        return;
      }
      void this.collect(id).then((found) => {
        if (!found) late();
      });
    }, FORWARD_POLL_MS);
    poll.unref();
    try {
      return await answer;
    } finally {
      clearInterval(poll);
    }
  }

  /** `paraat_answered` said this row has its answer. */
  answered(id: string) {
    if (this.waiters.has(id)) void this.collect(id);
  }

  /** Look at every waiting row now (after a lost LISTEN connection). */
  recheck() {
    for (const id of this.waiters.keys()) void this.collect(id);
  }

  /** Take the row's answer if it has one; true when it had. */
  private async collect(id: string): Promise<boolean> {
    const waiter = this.waiters.get(id);
    if (!waiter) return true;
    let answer: string | undefined;
    try {
      const result = await this.pool.query<{ answer: string }>(
        'DELETE FROM paraat_forwarded WHERE id = $1 AND answer IS NOT NULL RETURNING answer',
        [id],
      );
      answer = result.rows[0]?.answer;
    } catch {
      return false; // the database is away: the next look tries again
    }
    if (answer === undefined) return false;
    this.settle(id, JSON.parse(answer) as Outcome);
    return true;
  }

  /** No answer in time: the row goes, unless an answer came at the last moment. */
  private async giveUp(id: string) {
    if (!this.waiters.has(id)) return;
    try {
      const removed = await this.pool.query('DELETE FROM paraat_forwarded WHERE id = $1 AND answer IS NULL', [id]);
      if (removed.rowCount === 1) this.settle(id, null);
      else await this.collect(id);
    } catch {
      this.settle(id, null);
    }
  }

  private settle(id: string, outcome: Outcome | null) {
    const waiter = this.waiters.get(id);
    if (!waiter) return;
    this.waiters.delete(id);
    waiter.resolve(outcome);
  }

  /** The exercise's rows no owner has answered yet, in the order they came. */
  async open(exerciseId: string): Promise<ForwardedProposal[]> {
    const result = await this.pool.query<{ id: string; sender: string; message: string }>(
      'SELECT id, sender, message FROM paraat_forwarded WHERE exercise_id = $1 AND answer IS NULL ORDER BY id',
      [exerciseId],
    );
    return result.rows.flatMap((row) => {
      const message = proposeSchema.safeParse(JSON.parse(row.message));
      if (!message.success) return [];
      return [{ id: row.id, sender: JSON.parse(row.sender) as ForwardedSender, message: message.data }];
    });
  }

  /** The owner's outcome for a row; its forwarding process hears of it (at once when it is this one). */
  async answer(id: string, outcome: Outcome): Promise<void> {
    if (this.waiters.has(id)) {
      // Forwarded by this process to itself (it took the exercise over meanwhile): no round trip needed.
      await this.pool.query('DELETE FROM paraat_forwarded WHERE id = $1', [id]);
      this.settle(id, outcome);
      return;
    }
    await this.pool.query(
      `WITH answered AS (
         UPDATE paraat_forwarded SET answer = $2, answered = now() WHERE id = $1 AND answer IS NULL RETURNING id
       )
       SELECT pg_notify($3, id::text) FROM answered`,
      [id, JSON.stringify(outcome), ANSWERED_CHANNEL],
    );
  }

  /** Stop waiting: every forward still open ends without an answer. */
  close() {
    this.closed = true;
    for (const id of [...this.waiters.keys()]) this.settle(id, null);
  }
}
