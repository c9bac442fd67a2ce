/**
 * End-to-end harness: the built app served by `vite preview` (or, for live
 * sessions, by the Paraat server run as a child process), driven by
 * playwright-core in Debian's Chromium (no browser download works here).
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { clearTimeout, setTimeout } from 'node:timers';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import { buildServer } from '../../scripts/buildServer.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = 'test-results/screenshots';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Start `vite preview` in its own process group, so killing the group kills the server too. */
export async function startPreview(port) {
  // E2E_DIST lets parallel runs serve their own build (`vite build --outDir …`).
  const outDir = process.env.E2E_DIST ?? 'dist';
  const args = ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'];
  const server = spawn('npx', args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk) => (output += String(chunk)));
  server.stderr.on('data', (chunk) => (output += String(chunk)));
  const url = `http://127.0.0.1:${port}/`;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(url);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (attempt === 99) throw new Error(`vite preview did not start:\n${output}`);
    await delay(150);
  }
  return {
    url,
    stop() {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * A fresh context and page that records every request to a host other than
 * the app's own, and every console error.
 */
export async function openPage(browser, baseUrl, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, ...options });
  const page = await context.newPage();
  const own = new URL(baseUrl).host;
  const foreignRequests = [];
  const consoleErrors = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (['data:', 'blob:'].includes(url.protocol)) return;
    if (url.host !== own) foreignRequests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return { context, page, foreignRequests, consoleErrors };
}

export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
}

/** A full-page screenshot; `fullPage: false` for what the viewport shows (modal dialogs). */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage });
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function assertEqual(actual, expected, message) {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/**
 * Everything the page's IndexedDB holds (database `paraat`, stores `heads`
 * and `entries`, src/session/local/idbExerciseStore.ts), read with the bare
 * IndexedDB API, as any tab would: every head, and every entry with its key
 * `[exercise id, seq]`, in key order.
 */
export function storedDatabase(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('paraat');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['heads', 'entries'], 'readonly');
          const heads = tx.objectStore('heads').getAll();
          const keys = tx.objectStore('entries').getAllKeys();
          const entries = tx.objectStore('entries').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({ heads: heads.result, entries: keys.result.map((key, index) => [key, entries.result[index]]) });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** What the page's IndexedDB holds of one exercise: its head, and its entries 1 to the head's length; `null` when no head is stored. */
export async function storedExercise(page, id) {
  const { heads, entries } = await storedDatabase(page);
  const head = heads.find((candidate) => candidate.id === id);
  if (!head) return null;
  return {
    head,
    entries: entries.filter(([[exercise, seq]]) => exercise === id && seq <= head.length).map(([, entry]) => entry),
  };
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The Paraat server built into a folder of its own (scripts/buildServer.mjs). */
export const buildLiveServer = () => buildServer('paraat-server-e2e-');

/**
 * Start the built server as a child process, as `npm run server` runs it: on `port` (0: a free one),
 * with the SQLite file `dbFile` and the built app (E2E_DIST, else dist/). Resolves once it prints
 * where it listens, with its address and, on a file's first start, the admin link it printed.
 * `kill(signal)` resolves when the process has gone.
 */
export function startLiveServer({ entry, dbFile, port = 0, timeoutMs = 30_000 }) {
  const dist = path.resolve(ROOT, process.env.E2E_DIST ?? 'dist');
  const child = spawn(process.execPath, [entry, '--port', String(port), '--db', dbFile, '--dist', dist], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PARAAT_LOG_LEVEL: 'error' },
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let out = '';
  child.stderr.on('data', (chunk) => (out += String(chunk)));
  const kill = async (signal = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const started = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
      const url = /listening at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
      // The admin link on a file's first start, else the line saying it was shown then (server/main.ts);
      // either ends what is printed before the QR code. A pipe may split it: wait for the whole line.
      const adminLink = /admin link: (http:\/\/\S+#\/live\?sleutel=[0-9a-f]+)\r?\n/.exec(out)?.[1] ?? null;
      if (!url || (adminLink === null && !/Admin secret: shown on the first start.*\n/.test(out))) return;
      clearTimeout(timer);
      const secret = adminLink === null ? null : (/sleutel=([0-9a-f]+)/.exec(adminLink)?.[1] ?? null);
      resolve({ url, port: Number(new URL(url).port), adminLink, secret });
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${String(code)}, ${String(signal)}) before it listened:\n${out}`));
    });
  });
  return { child, started, kill, output: () => out };
}
