/**
 * The built server (`inject('serverEntry')`) as a child process on a free
 * port, as `npm run server` runs it, for tests that kill it or run several.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { inject } from 'vitest';

export interface ServerChild {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  /** The admin secret, when this start made one. */
  secret: string | null;
  /** Everything it printed on stdout so far (the banner, then its log lines at `logLevel`). */
  output: () => string;
}

/** Start it on `db` (a file or a postgres:// URL); resolves once it listens. */
export function startServerChild(db: string, { logLevel = 'error' } = {}): Promise<ServerChild> {
  const child = spawn(process.execPath, [inject('serverEntry'), '--port', '0', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PARAAT_LOG_LEVEL: logLevel },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    const check = () => {
      const url = /listening at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
      // Everything up to the QR code is printed at once, after the secret.
      if (
        !url ||
        !out.includes('Database:') ||
        !(/admin secret: [0-9a-f]{32}/.test(out) || out.includes('first start'))
      )
        return;
      child.stdout.off('data', check);
      child.off('exit', early);
      resolve({
        child,
        url,
        wsUrl: `${url.replace(/^http/, 'ws')}/ws`,
        secret: /admin secret: ([0-9a-f]{32})/.exec(out)?.[1] ?? null,
        output: () => out,
      });
    };
    const early = (code: number | null, signal: NodeJS.Signals | null) => {
      reject(new Error(`server exited (${String(code)}, ${String(signal)}) before listening:\n${out}\n${err}`));
    };
    child.stdout.on('data', check);
    child.once('exit', early);
  });
}

/** Resolves with the signal that ended it (null for an exit of its own). */
export const exited = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode);
    else
      child.once('exit', (_code, signal) => {
        resolve(signal);
      });
  });
