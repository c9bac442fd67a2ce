/**
 * One transaction on one pooled PostgreSQL connection: committed when `work`
 * resolves, rolled back when it throws. Shared by the store and the cluster
 * (server/cluster), which keep their own pools on the same database.
 */
import type pg from 'pg';

export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollback) {
      // The connection itself failed: the pool must not hand it out again.
      broken = rollback instanceof Error ? rollback : new Error(String(rollback));
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
