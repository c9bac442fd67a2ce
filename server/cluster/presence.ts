/**
 * Who is connected, across processes: each process writes its open sockets
 * per device of an exercise into `paraat_presence` when they change, and the
 * trainer's view adds up the rows of the processes still alive. A process is
 * alive while its LISTEN session is (its application_name carries the
 * process's id), so a killed process's rows stop counting at once, without
 * anyone deleting them; they are deleted when a process starts.
 */
import type pg from 'pg';
import { inTransaction } from '../store/pgTransaction';

/** The advisory lock the presence table's making holds: "paraatPr" in ASCII. */
const PRESENCE_MIGRATION_LOCK = 0x7061726161745072n;

const PRESENCE_SQL = `
CREATE TABLE IF NOT EXISTS paraat_presence (
  process_id  text COLLATE "C" NOT NULL,
  exercise_id text COLLATE "C" NOT NULL,
  device_key  text COLLATE "C" NOT NULL, -- a device's id, or 'admin' for the trainer's own devices
  connections integer NOT NULL,
  PRIMARY KEY (process_id, exercise_id, device_key)
);
`;

/** The LISTEN session's name of a process: how the others tell it is alive. */
export const listenerName = (processId: string) => `paraat-listen:${processId}`;

const ALIVE = `EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.application_name = 'paraat-listen:' || p.process_id)`;

export class Presence {
  constructor(
    private readonly pool: pg.Pool,
    private readonly processId: string,
  ) {}

  /** Make the table if missing, and drop the rows of processes no longer alive. */
  static async migrate(pool: pg.Pool): Promise<void> {
    await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [PRESENCE_MIGRATION_LOCK.toString()]);
      await client.query(PRESENCE_SQL);
      await client.query(`DELETE FROM paraat_presence p WHERE NOT ${ALIVE}`);
    });
  }

  /** This process's open sockets per device key of the exercise, replacing what it wrote before. */
  async publish(exerciseId: string, connections: ReadonlyMap<string, number>): Promise<void> {
    const keys = [...connections.keys()];
    const counts = keys.map((key) => connections.get(key) ?? 0);
    await inTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM paraat_presence WHERE process_id = $1 AND exercise_id = $2', [
        this.processId,
        exerciseId,
      ]);
      if (keys.length > 0)
        await client.query(
          `INSERT INTO paraat_presence (process_id, exercise_id, device_key, connections)
           SELECT $1, $2, key, count FROM unnest($3::text[], $4::int[]) AS t(key, count)`,
          [this.processId, exerciseId, keys, counts],
        );
    });
  }

  /** The other live processes' open sockets per device key of the exercise. */
  async others(exerciseId: string): Promise<Map<string, number>> {
    const result = await this.pool.query<{ device_key: string; connections: number }>(
      `SELECT device_key, sum(connections)::int AS connections FROM paraat_presence p
        WHERE exercise_id = $1 AND process_id <> $2 AND ${ALIVE}
        GROUP BY device_key`,
      [exerciseId, this.processId],
    );
    return new Map(result.rows.map((row) => [row.device_key, row.connections]));
  }
}
