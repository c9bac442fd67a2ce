/**
 * The server project's set-up: build the server as `npm run server` runs it
 * (vite, server/vite.config.ts) into a temporary folder, so the crash test
 * can start it as a real child process and kill it. The folder is inside the
 * repository (node_modules/.cache), so the bundle's package imports resolve.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built server's entry (main.js). */
    serverEntry: string;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export default function setup(project: TestProject) {
  const cache = path.join(ROOT, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(path.join(cache, 'paraat-server-'));
  const built = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'server/vite.config.ts',
      '--outDir',
      outDir,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`The server did not build:\n${built.stdout}\n${built.stderr}`);
  project.provide('serverEntry', path.join(outDir, 'main.js'));
  return () => {
    rmSync(outDir, { recursive: true, force: true });
  };
}
