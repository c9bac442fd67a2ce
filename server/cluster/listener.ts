/**
 * One LISTEN connection of this process to PostgreSQL, for the channels of the
 * cluster (fan-out, forwarding). A notification is only a hint: NOTIFY is not
 * replayed, so what a process missed while this connection was down it reads
 * from the tables; after a reconnect `onReconnect` says so, and every user
 * re-reads from where it was.
 */
import pg from 'pg';
import type { Logger } from '../exerciseHost';

/** After a lost connection, try again this much later. */
const RECONNECT_MS = 1_000;

export type NotificationHandler = (payload: string) => void;

export class Listener {
  private client: pg.Client | null = null;
  private readonly handlers = new Map<string, NotificationHandler>();
  private readonly reconnected = new Set<() => void>();
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    private readonly url: string,
    private readonly log: Logger,
    /** The session's application_name: the other processes see this process alive by it. */
    private readonly name: string,
  ) {}

  /** Listen on `channels` (each with its handler); resolves once listening, or throws when the database cannot be reached. */
  static async open(
    url: string,
    log: Logger,
    name: string,
    channels: Record<string, NotificationHandler>,
  ): Promise<Listener> {
    const listener = new Listener(url, log, name);
    for (const [channel, handler] of Object.entries(channels)) listener.handlers.set(channel, handler);
    await listener.connect();
    return listener;
  }

  /** Called after the connection was lost and is back: notifications meanwhile are gone. */
  onReconnect(handler: () => void) {
    this.reconnected.add(handler);
  }

  private async connect() {
    const client = new pg.Client({ connectionString: this.url, application_name: this.name, keepAlive: true });
    // Without an 'error' listener a broken connection would end the process.
    client.on('error', (error) => {
      this.lost(client, error);
    });
    client.on('end', () => {
      this.lost(client);
    });
    client.on('notification', (message) => {
      const handler = this.handlers.get(message.channel);
      if (handler && message.payload !== undefined) handler(message.payload);
    });
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
  }

  private lost(client: pg.Client, error?: Error) {
    if (this.client !== client || this.closed) return;
    this.client = null;
    this.log.warn({ err: error }, 'cluster: LISTEN connection lost; reconnecting');
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect().then(
        () => {
          this.log.info({}, 'cluster: LISTEN connection back');
          for (const handler of this.reconnected) handler();
        },
        (error: unknown) => {
          this.log.warn({ err: error }, 'cluster: LISTEN reconnect failed');
          this.scheduleReconnect();
        },
      );
    }, RECONNECT_MS);
    this.retry.unref();
  }

  async close() {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
