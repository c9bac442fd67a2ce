/**
 * The server project's set-up:
 * - build the server as `npm run server` runs it (vite, server/vite.config.ts)
 *   into a temporary folder, so the crash test can start it as a real child
 *   process and kill it. The folder is inside the repository
 *   (node_modules/.cache), so the bundle's package imports resolve.
 * - start a throwaway PostgreSQL cluster (scripts/start-pg.sh: 127.0.0.1 only,
 *   trust auth, fsync on) for the PostgreSQL store's tests, and stop it after.
 *   Each test makes its own database in it (tests/server/postgres.ts). Its
 *   port is a free one and its folder new, so two test runs on one machine
 *   (a shared checkout) do not meet; PARAAT_TEST_DATABASE_URL uses a server
 *   of your own instead (its user must be allowed to create databases).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildServer } from '../../scripts/buildServer.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built server's entry (main.js). */
    serverEntry: string;
    /** A PostgreSQL server's URL whose user may create databases. */
    pgUrl: string;
  }
}

const scripts = fileURLToPath(new URL('../../scripts/', import.meta.url));

/** A port nothing listens on now: 54329 if free, else one the system picks. */
function freePort(preferred = 54329): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const probe = createServer();
      probe.once('error', () => {
        resolve(null);
      });
      probe.listen(port, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => {
          resolve(typeof address === 'object' && address !== null ? address.port : null);
        });
      });
    });
  return tryPort(preferred).then(
    async (port) => port ?? (await tryPort(0)) ?? Promise.reject(new Error('no free port')),
  );
}

function startPostgres(port: number): { url: string; stop: () => void } {
  // Not made here: start-pg.sh makes it, owned by the cluster's user.
  const dir = path.join(tmpdir(), `paraat-test-pg-${String(process.pid)}-${randomBytes(4).toString('hex')}`);
  const url = execFileSync('bash', [path.join(scripts, 'start-pg.sh'), dir, String(port)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  return {
    url,
    stop: () => {
      execFileSync('bash', [path.join(scripts, 'stop-pg.sh'), dir], { stdio: 'inherit' });
    },
  };
}

export default async function setup(project: TestProject) {
  const built = buildServer('paraat-server-');
  project.provide('serverEntry', built.entry);
  const external = process.env.PARAAT_TEST_DATABASE_URL;
  let postgres: { url: string; stop: () => void };
  try {
    postgres =
      external !== undefined && external !== ''
        ? { url: external, stop: () => undefined }
        : startPostgres(await freePort());
  } catch (error) {
    built.remove();
    throw error;
  }
  project.provide('pgUrl', postgres.url);
  return () => {
    built.remove();
    postgres.stop();
  };
}
