/**
 * A device the trainer removed is closed on every process, not only on the
 * one the trainer's request reached: that process notifies `paraat_devices`
 * with `{exerciseId, deviceId, reason}` (and its own id, to skip its own
 * notice), and each other process closes that device's sockets. A notice
 * missed while a LISTEN connection was down is covered by the owner, which
 * reads a forwarded proposal's device again before judging it.
 */
import type pg from 'pg';

export const DEVICES_CHANNEL = 'paraat_devices';

export interface DeviceClosed {
  exerciseId: string;
  deviceId: string;
  reason: 'revoked' | 'forbidden';
  /** The process that closed it (Cluster's id). */
  from: string;
}

export function deviceClosedOf(payload: string): DeviceClosed | null {
  try {
    const parsed = JSON.parse(payload) as Partial<DeviceClosed>;
    return typeof parsed.exerciseId === 'string' &&
      typeof parsed.deviceId === 'string' &&
      (parsed.reason === 'revoked' || parsed.reason === 'forbidden') &&
      typeof parsed.from === 'string'
      ? { exerciseId: parsed.exerciseId, deviceId: parsed.deviceId, reason: parsed.reason, from: parsed.from }
      : null;
  } catch {
    return null;
  }
}

export async function publishDeviceClosed(pool: pg.Pool, closed: DeviceClosed): Promise<void> {
  await pool.query('SELECT pg_notify($1, $2)', [DEVICES_CHANNEL, JSON.stringify(closed)]);
}
