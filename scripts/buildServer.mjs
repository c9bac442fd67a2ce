/**
 * Build the Paraat server (server/vite.config.ts, as `npm run server` does) into a new folder of its
 * own under node_modules/.cache: there the bundle's package imports resolve, and a parallel
 * `npm run server` emptying its own folder does not touch it. About a second. Used by the server
 * tests' global set-up and the live e2e.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** @param {string} prefix the folder's name before its random part */
export function buildServer(prefix) {
  const cache = path.join(ROOT, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(path.join(cache, prefix));
  const built = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'server/vite.config.ts', '--outDir', outDir],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`The server did not build:\n${built.stdout}\n${built.stderr}`);
  return {
    entry: path.join(outDir, 'main.js'),
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
