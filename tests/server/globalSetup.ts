/**
 * The server project's set-up: build the server as `npm run server` runs it
 * (vite, server/vite.config.ts) into a temporary folder, so the crash test
 * can start it as a real child process and kill it. The folder is inside the
 * repository (node_modules/.cache), so the bundle's package imports resolve.
 */
import type { TestProject } from 'vitest/node';
import { buildServer } from '../../scripts/buildServer.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built server's entry (main.js). */
    serverEntry: string;
  }
}

export default function setup(project: TestProject) {
  const built = buildServer('paraat-server-');
  project.provide('serverEntry', built.entry);
  return built.remove;
}
