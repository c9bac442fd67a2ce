/**
 * Secrets: the admin secret and (slice 2) device tokens. Each is 128 random
 * bits, shown once, and stored only as its SHA-256: with that much entropy a
 * fast hash is enough (nothing to brute-force), and comparing hashes in
 * constant time leaks nothing of the secret.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EventStore } from './store/eventStore';

/** 128 random bits, as 32 hex characters. */
export const newSecret = (): string => randomBytes(16).toString('hex');

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Whether `secret` hashes to `hash` (hex), in constant time. */
export function matchesHash(secret: string, hash: string): boolean {
  const given = Buffer.from(sha256Hex(secret), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export interface AdminSecret {
  /** The secret itself, when it can be shown now: made on this start, or given by the caller. */
  secret: string | null;
  /** Made on this start (first start, or asked for a new one). */
  created: boolean;
  hash: string;
}

/**
 * The admin secret: the one given (stored hashed, replacing any other), the
 * one stored (not shown again), or a new one on the first start (or when
 * `renew` asks for it).
 */
export async function ensureAdminSecret(
  store: EventStore,
  { given, renew = false }: { given?: string | undefined; renew?: boolean } = {},
): Promise<AdminSecret> {
  if (given !== undefined) {
    if (given.length < 16) throw new Error('The admin secret must be at least 16 characters');
    const hash = sha256Hex(given);
    await store.setAdminSecretHash(hash);
    return { secret: given, created: false, hash };
  }
  const stored = renew ? null : await store.adminSecretHash();
  if (stored) return { secret: null, created: false, hash: stored };
  const secret = newSecret();
  const hash = sha256Hex(secret);
  await store.setAdminSecretHash(hash);
  return { secret, created: true, hash };
}
