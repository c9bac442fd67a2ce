/**
 * Who a device is, from the token in its hello (never from its messages).
 *
 * The trainer's own devices use the admin secret and are the trainer. Other
 * devices use the token issued when the trainer approved them (./joining.ts);
 * their record (./store/eventStore.ts `DeviceRecord`) gives the role and cast
 * member. A revoked token is told so; an unknown one, another exercise's, or a
 * device not approved (pending, refused) is forbidden. The exercise's host
 * reads the record again in its queue before the welcome (./exerciseHost.ts).
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
