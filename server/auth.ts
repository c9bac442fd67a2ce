/**
 * Who a device is, from the token in its hello (never from its messages).
 *
 * Slice 1: the trainer's own device uses the admin secret and is the
 * trainer. Slice 2 adds device tokens issued on approval of a join code; their
 * records (./store/eventStore.ts `DeviceRecord`) are read here already, so a
 * revoked or pending device is refused.
 */
import type { DeviceRecord, EventStore } from './store/eventStore';
import { matchesHash, sha256Hex } from './secrets';

export type Identity =
  { kind: 'admin' } | { kind: 'device'; device: DeviceRecord } | { kind: 'refused'; reason: 'forbidden' | 'revoked' };

export type Identify = (token: string, exerciseId: string) => Promise<Identity>;

export function identifier(store: EventStore, adminSecretHash: () => string): Identify {
  return async (token, exerciseId) => {
    if (matchesHash(token, adminSecretHash())) return { kind: 'admin' };
    const device = await store.deviceByTokenHash(sha256Hex(token));
    if (!device || device.exerciseId !== exerciseId) return { kind: 'refused', reason: 'forbidden' };
    if (device.status === 'revoked') return { kind: 'refused', reason: 'revoked' };
    // Nothing of the exercise goes to a device the trainer has not approved.
    if (device.status !== 'approved') return { kind: 'refused', reason: 'forbidden' };
    return { kind: 'device', device };
  };
}

/** The admin secret from an `Authorization: Bearer …` header, or null. */
export function bearerOf(header: string | undefined): string | null {
  const match = header === undefined ? null : /^Bearer ([\x21-\x7e]{1,200})$/.exec(header);
  return match?.[1] ?? null;
}
