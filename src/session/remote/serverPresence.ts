/**
 * Whether this page was served by a Paraat server (issue #14): the server
 * answers GET /healthz with `{"ok":true,"protocolVersion":N}`; a static host
 * or the dev server answers with the app's page, a 404, or not at all. Kept
 * free of zod and the core: the first screen asks it, and loads nothing else
 * for it.
 *
 * Asked only with a reason to think so — the admin secret in this tab (the
 * admin link was opened), or an earlier answer on this device — because a
 * static host's 404 is reported by the browser as an error in the console on
 * every start of the offline app.
 */
import { useEffect, useState } from 'react';
import { readPreference, writePreference } from '../local/preferences';
import { readAdminSecret } from './adminSecret';

export type ServerPresence = 'checking' | 'server' | 'none';

const SEEN_KEY = 'paraat.servedByParaatServer';

const answersLikeParaat = (body: unknown): boolean =>
  typeof body === 'object' &&
  body !== null &&
  (body as { ok?: unknown }).ok === true &&
  Number.isInteger((body as { protocolVersion?: unknown }).protocolVersion);

/** One GET /healthz per page: the answer does not change while the page is open. */
let asked: Promise<boolean> | null = null;

export function servedByParaatServer(): Promise<boolean> {
  asked ??= fetch('/healthz', { headers: { accept: 'application/json' } })
    .then(
      async (response) => response.ok && answersLikeParaat(await response.json().catch(() => null)),
      () => false,
    )
    .then((server) => {
      // Remembered for the next visit without the admin link; forgotten once the answer is no.
      writePreference('device', SEEN_KEY, server ? 'yes' : 'no');
      return server;
    });
  return asked;
}

/** A reason to ask /healthz at all. */
export function mayBeServedByParaatServer(): boolean {
  return readAdminSecret() !== null || readPreference('device', SEEN_KEY) === 'yes';
}

/** 'checking' until /healthz answered; a screen shows live actions only on 'server'. Not asked when `ask` is false. */
export function useServerPresence(ask = true): ServerPresence {
  const [presence, setPresence] = useState<ServerPresence>(() =>
    ask && mayBeServedByParaatServer() ? 'checking' : 'none',
  );
  useEffect(() => {
    if (!ask || !mayBeServedByParaatServer()) return;
    let current = true;
    void servedByParaatServer().then((server) => {
      if (current) setPresence(server ? 'server' : 'none');
    });
    return () => {
      current = false;
    };
  }, [ask]);
  return presence;
}
