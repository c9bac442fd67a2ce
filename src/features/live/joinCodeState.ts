import type { JoinCodeView } from '../../core';

/** Whether a join code can still bring a device in, and if not, why not. */
export type JoinCodeState = 'usable' | 'usedUp' | 'expired' | 'revoked';

/**
 * The server's `usable` was true when it last sent the view; time has passed since, so the expiry is
 * read again against this device's clock. Revoked and used up are the server's word and say more
 * than "expired", so they come first.
 */
export function joinCodeState(code: JoinCodeView, now: number): JoinCodeState {
  if (code.revokedAt !== undefined) return 'revoked';
  if (code.usesLeft <= 0) return 'usedUp';
  if (!code.usable || !(Date.parse(code.expiresAt) > now)) return 'expired';
  return 'usable';
}
