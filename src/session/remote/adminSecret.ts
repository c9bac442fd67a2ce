/**
 * The trainer's admin secret on this device: kept for this tab only (a
 * 'tab' preference, ../local/preferences.ts), from the admin link the server prints or as typed. The
 * server keeps only its hash; a secret it refuses is forgotten here, so the
 * next attempt asks for it again.
 */
import { forgetPreference, readPreference, writePreference } from '../local/preferences';

const SECRET_KEY = 'paraat.adminSecret';

export function readAdminSecret(): string | null {
  const secret = readPreference('tab', SECRET_KEY);
  return secret === '' ? null : secret;
}

export function rememberAdminSecret(secret: string): void {
  writePreference('tab', SECRET_KEY, secret);
}

export function forgetAdminSecret(): void {
  forgetPreference('tab', SECRET_KEY);
}
