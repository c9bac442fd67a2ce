/**
 * Builds for the bench, all into bench/.out/ (ignored by git): the app with its
 * own vite.config.ts, and the floor and log-view pages with the same options
 * that shape the JavaScript (the React plugin, target es2022, Vite's default
 * minifier). The floor has no service worker and no CSP meta: neither is
 * JavaScript the floor would need; the app's registerSW.js is counted as ours.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** BENCH_OUT moves the builds elsewhere (e.g. to keep two runs on one tree apart). */
export const OUT = process.env.BENCH_OUT ?? fileURLToPath(new URL('../.out', import.meta.url));

export const outDirOf = (name) => `${OUT}/${name}`;

/** The app as `npm run build` makes it (vite.config.ts), into bench/.out/app. */
export async function buildApp() {
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: outDirOf('app'), emptyOutDir: true } });
  return outDirOf('app');
}

/** A bench page (bench/floor, bench/logview) with the app's JavaScript options. */
export async function buildPage(name) {
  await build({
    configFile: false,
    root: fileURLToPath(new URL(`../${name}`, import.meta.url)),
    base: '/',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      target: 'es2022',
      sourcemap: true,
      outDir: outDirOf(name),
      emptyOutDir: true,
      // The log-view page is one chunk with the session and fixtures in it; it is never shipped.
      chunkSizeWarningLimit: 4000,
    },
  });
  return outDirOf(name);
}
