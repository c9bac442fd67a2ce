/**
 * Whether this page was served by a Paraat server (issue #14): the server
 * answers GET /healthz with `{"ok":true,"protocolVersion":N}`; a static host
 * or the dev server answers with the app's page or not at all. Kept free of
 * zod and the core: the first screen asks it, and loads nothing else for it.
 */
import { useEffect, useState } from 'react';

export type ServerPresence = 'checking' | 'server' | 'none';

const answersLikeParaat = (body: unknown): boolean =>
  typeof body === 'object' &&
  body !== null &&
  (body as { ok?: unknown }).ok === true &&
  Number.isInteger((body as { protocolVersion?: unknown }).protocolVersion);

/** One GET /healthz per page: the answer does not change while the page is open. */
let asked: Promise<boolean> | null = null;

export function servedByParaatServer(): Promise<boolean> {
  asked ??= fetch('/healthz', { headers: { accept: 'application/json' } }).then(
    async (response) => response.ok && answersLikeParaat(await response.json().catch(() => null)),
    () => false,
  );
  return asked;
}

/** 'checking' until /healthz answered; a screen shows live actions only on 'server'. Not asked when `ask` is false. */
export function useServerPresence(ask = true): ServerPresence {
  const [presence, setPresence] = useState<ServerPresence>('checking');
  useEffect(() => {
    if (!ask) return;
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
