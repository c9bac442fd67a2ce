/**
 * Fan-out across processes: the owner of an exercise, after each entry it
 * stored, notifies `paraat_entries` with `{exerciseId, seq}`, never the entry
 * (a NOTIFY is not replayed and carries at most 8000 bytes). Every process
 * with devices in that exercise then reads the rows after the last seq it
 * knows, in order, and sends them on (ExerciseHost `entriesStored`): a missed
 * or doubled notification costs a read, never a gap or a double.
 */
import type pg from 'pg';

export const ENTRIES_CHANNEL = 'paraat_entries';

export interface EntriesStored {
  exerciseId: string;
  seq: number;
}

/** A notification's payload, or null when it is not one of ours. */
export function entriesStoredOf(payload: string): EntriesStored | null {
  try {
    const parsed = JSON.parse(payload) as Partial<EntriesStored>;
    return typeof parsed.exerciseId === 'string' && typeof parsed.seq === 'number'
      ? { exerciseId: parsed.exerciseId, seq: parsed.seq }
      : null;
  } catch {
    return null;
  }
}

/** Tell the other processes that `seq` of the exercise is stored (after its commit). */
export async function publishEntriesStored(pool: pg.Pool, stored: EntriesStored): Promise<void> {
  await pool.query('SELECT pg_notify($1, $2)', [
    ENTRIES_CHANNEL,
    JSON.stringify({ exerciseId: stored.exerciseId, seq: stored.seq }),
  ]);
}
