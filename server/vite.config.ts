/**
 * The server's build: server/main.ts and what it imports of machines/ and
 * src/core/ (TypeScript, extensionless imports) bundled into one ES module
 * that plain Node 20 runs. Packages stay external (vite's SSR default):
 * better-sqlite3 is native, the rest load from node_modules as they are.
 * `npm run build:server`; `npm run server` builds (about a second) and runs it.
 *
 * The bundle is a build cache, made anew on every `npm run server`, so it
 * lives in node_modules/.cache (outside git and lint, inside the package so
 * its imports resolve).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  ssr: { target: 'node' },
  build: {
    ssr: 'server/main.ts',
    outDir: 'node_modules/.cache/paraat-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    copyPublicDir: false,
    rolldownOptions: { output: { entryFileNames: 'main.js' } },
  },
});
