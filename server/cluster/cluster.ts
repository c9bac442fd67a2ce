/**
 * Several server processes on one PostgreSQL database (issue #16): what the
 * exercise hosts of this process need to share exercises with the others.
 *
 * - ownership (./ownership.ts): one process at a time owns an exercise and is
 *   its one writer, by a session advisory lock;
 * - fan-out (./fanout.ts): the owner says `{exerciseId, seq}` after each
 *   entry, the others read the rows;
 * - forwarding (./forwarding.ts): a process that does not own an exercise
 *   hands its devices' proposals to the owner through an inbox table.
 *
 * Its own pool and connections, on the store's URL: the store (server/store)
 * stays what it is for a single process. SQLite has no cluster.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../exerciseHost';
import { ENTRIES_CHANNEL, entriesStoredOf, publishEntriesStored } from './fanout';
import { ANSWERED_CHANNEL, FORWARD_CHANNEL, Forwarding } from './forwarding';
import { Listener } from './listener';
import { Ownership } from './ownership';
import { Presence, listenerName } from './presence';
import { DEVICES_CHANNEL, deviceClosedOf, publishDeviceClosed } from './revocations';

/** What the hosts of this process hear from the others. */
export interface ClusterEvents {
  /** Another process stored entries of this exercise (up to `seq` at least). */
  entriesStored(exerciseId: string, seq: number): void;
  /** A proposal for this exercise waits in the inbox. */
  forwarded(exerciseId: string): void;
  /** This process no longer owns the exercise (its lock's connection broke). */
  ownershipLost(exerciseId: string): void;
  /** Notifications may have been missed: read everything again from where you are. */
  resync(): void;
  /** Another process closed this device (the trainer revoked it): close its sockets here too. */
  deviceClosed(exerciseId: string, deviceId: string, reason: 'revoked' | 'forbidden'): void;
}

export class Cluster {
  private events: ClusterEvents | null = null;

  private constructor(
    /** This process: in the notices it sends (so it can skip its own), and in its LISTEN session's name. */
    readonly processId: string,
    private readonly pool: pg.Pool,
    private readonly listener: Listener,
    readonly ownership: Ownership,
    readonly forwarding: Forwarding,
    readonly presence: Presence,
    private readonly log: Logger,
  ) {
    ownership.onLost((exerciseId) => this.events?.ownershipLost(exerciseId));
    listener.onReconnect(() => {
      forwarding.recheck();
      this.events?.resync();
    });
  }

  static async open(url: string, log: Logger): Promise<Cluster> {
    const pool = new pg.Pool({
      connectionString: url,
      max: 4,
      application_name: 'paraat-cluster',
      // The inbox and the notifications are not the record: an entry is durable in the store's own commit
      // (synchronous, checked on open) before any device hears of it. An inbox row lost with a crash of the
      // database is a proposal the forwarding process gives up on (the device is told to send it again,
      // and a stored one is answered once); waiting for three more WAL flushes per forwarded proposal would
      // buy nothing.
      options: '-c synchronous_commit=off',
    });
    pool.on('error', () => undefined); // a broken idle connection is dropped; the next query takes a new one
    let cluster: Cluster | null = null;
    const processId = randomBytes(8).toString('hex');
    try {
      await Forwarding.migrate(pool);
      await Presence.migrate(pool);
      const forwarding = new Forwarding(pool);
      const listener = await Listener.open(url, log, listenerName(processId), {
        [ENTRIES_CHANNEL]: (payload) => {
          const stored = entriesStoredOf(payload);
          if (stored) cluster?.events?.entriesStored(stored.exerciseId, stored.seq);
        },
        [FORWARD_CHANNEL]: (exerciseId) => cluster?.events?.forwarded(exerciseId),
        [ANSWERED_CHANNEL]: (id) => {
          forwarding.answered(id);
        },
        [DEVICES_CHANNEL]: (payload) => {
          const closed = deviceClosedOf(payload);
          if (closed && cluster && closed.from !== cluster.processId)
            cluster.events?.deviceClosed(closed.exerciseId, closed.deviceId, closed.reason);
        },
      });
      cluster = new Cluster(
        processId,
        pool,
        listener,
        new Ownership(url, log),
        forwarding,
        new Presence(pool, processId),
        log,
      );
      return cluster;
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  /** The hosts of this process, told what the others did. */
  connect(events: ClusterEvents) {
    this.events = events;
  }

  /** Tell the other processes that this entry is stored (its commit is done). */
  entriesStored(exerciseId: string, seq: number) {
    publishEntriesStored(this.pool, { exerciseId, seq }).catch((error: unknown) => {
      // The others read it on their next look (every second) or the next notification.
      this.log.warn({ exercise: exerciseId, seq, err: error }, 'cluster: entries not announced');
    });
  }

  /** Tell the other processes to close this device's sockets. */
  deviceClosed(exerciseId: string, deviceId: string, reason: 'revoked' | 'forbidden') {
    publishDeviceClosed(this.pool, { exerciseId, deviceId, reason, from: this.processId }).catch((error: unknown) => {
      this.log.error({ exercise: exerciseId, device: deviceId, err: error }, 'cluster: device closed here only');
    });
  }

  async close() {
    this.events = null;
    this.forwarding.close();
    await this.ownership.close();
    await this.listener.close();
    await this.pool.end();
  }
}
