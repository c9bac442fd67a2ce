/**
 * `npm run bench`: every speed measure, each as ours over a baseline built
 * and run in this same invocation (lower is better; 1 is the floor), printed
 * as a table and written to bench/results.json. Nothing here is asserted:
 * the shared machine is noisy. `npm run bench:check` asserts the one
 * deterministic measure (initialJs).
 *
 *   npm run bench                  all measures
 *   npm run bench -- --only=load   some of them (comma-separated ids; `store` and `ack` also)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { BUDGETS } from './lib/budgets.mjs';
import { buildApp, buildPage, OUT, ROOT } from './lib/build.mjs';
import { launchBrowser, measureLoad, measureLogView, measureStore, PORTS, serve } from './lib/browser.mjs';
import { initialJsBytes, initialScripts } from './lib/initialJs.mjs';

/** Rows the log view may keep in the DOM and still count as virtualised (a screenful and its overscan). */
const MAX_ROWS = 40;

const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (id) => !only || only.includes(id);
const measures = [];

function record(id, value, baseline, unit, extra = {}) {
  const budget = BUDGETS[id];
  const ratio = baseline === null ? null : value / baseline;
  const judged = ratio ?? value;
  const ok = (budget === null || judged <= budget) && extra.ok !== false;
  measures.push({ id, value, baseline, ratio, budget, unit, ok, ...extra, ...{ ok } });
  const figure = ratio === null ? `${value.toFixed(1)} ${unit}` : `${ratio.toFixed(2)}×`;
  console.log(`  ${id}: ${figure}${ok ? '' : '  (over budget)'}`);
}

const needsBuild = ['initialJs', 'load', 'logView'].some(wanted);
let appDir;
let floorDir;
let logViewDir;
if (needsBuild) {
  console.log(`Building the app, the floor and the log-view page into ${OUT} …`);
  appDir = await buildApp();
  floorDir = await buildPage('floor');
  if (wanted('logView')) logViewDir = await buildPage('logview');
}

if (wanted('initialJs')) {
  const ours = initialJsBytes(appDir);
  const floor = initialJsBytes(floorDir);
  record('initialJs', ours, floor, 'bytes gzip', {
    note: `${String(initialScripts(appDir).length)} files before first interaction (entry, modulepreloads, any registerSW.js)`,
  });
}

const nodeIds = ['dispatch', 'replay', 'explore'].filter(wanted);
if (nodeIds.length > 0) {
  // The TypeScript measures run through Vite's module runner: the sources as they are.
  const { module } = await runnerImport(fileURLToPath(new URL('./node/measures.ts', import.meta.url)), {
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
  });
  if (wanted('dispatch')) {
    const result = await module.measureDispatch();
    record('dispatch', result.value, result.baseline, 'ms/event', { note: result.note });
    record('dispatchVsSend', result.vsSend.value, result.vsSend.baseline, 'ms/event', { note: result.vsSend.note });
  }
  if (wanted('replay')) {
    const result = await module.measureReplay();
    record('replay', result.value, result.baseline, 'ms', { note: result.note });
  }
  if (wanted('explore')) {
    const result = module.measureExplore();
    record('explore', result.value, null, 'ms', { note: result.note });
  }
}

if (wanted('ack')) {
  // The set-up (a built-in scenario, TypeScript) through Vite's module runner; the servers run as built.
  const { module: live } = await runnerImport(fileURLToPath(new URL('./live/setup.ts', import.meta.url)), {
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
  });
  const { measureAck } = await import('./live/ack.mjs');
  const result = await measureAck({ setup: live.liveSetup() });
  record('ack', result.value, result.baseline, 'ms p99', {
    note: result.note,
    p50: result.p50,
    rowBytes: result.rowBytes,
  });
}

if (wanted('load') || wanted('logView')) {
  const browser = await launchBrowser();
  try {
    if (wanted('load')) {
      const app = await serve(appDir, PORTS.app);
      const floor = await serve(floorDir, PORTS.floor);
      try {
        const result = await measureLoad(browser, app.url, floor.url);
        record('load', result.value, result.baseline, 'ms', {
          note: `navigation start → first enabled <button> in the DOM with the main thread free again (a task posted then has run); 4× CPU throttling, cache disabled, new context per run; medians of ${String(result.samples.app.length)} alternating pairs (median of the pairs' own ratios: ${result.pairedRatio.toFixed(2)})`,
          pairedRatio: result.pairedRatio,
          samples: result.samples,
        });
      } finally {
        await app.close();
        await floor.close();
      }
    }
    if (wanted('logView')) {
      const page = await serve(logViewDir, PORTS.floor);
      try {
        const result = await measureLogView(browser, page.url);
        const virtualised = result.maxRows <= MAX_ROWS && result.reachedEnd;
        record('logView', result.value, null, 'ms', {
          note: `${String(result.entries)} entries: render → first frame after commit; at most ${String(result.maxRows)} rows in the DOM at start, middle and end${result.reachedEnd ? '' : '; the last entry was NOT reached'}`,
          virtualised,
          maxRows: result.maxRows,
          ok: virtualised,
          samples: result.samples,
        });
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
}

if (wanted('store')) {
  console.log(`Building the store page into ${OUT} …`);
  const page = await serve(await buildPage('store'), PORTS.floor);
  try {
    const result = await measureStore(page.url);
    record('store', result.value, result.baseline, 'ms/entry', {
      note: `IdbExerciseStore.append of one sealed entry (${String(result.entryChars)} JSON chars on average) with its head (${String(result.headChars)} chars: set-up with the whole Jaarwisseling scenario, persisted model) — read the head, fence on its length, put entry and head — vs a bare idb put of the same entry; each in its own readwrite transaction with durability 'strict', awaited until complete; ${String(result.entries)} entries per round, Chromium profile on disk; medians of ${String(result.samples.store.length)} alternating pairs (median of the pairs' own ratios: ${result.pairedRatio.toFixed(2)})`,
      pairedRatio: result.pairedRatio,
      samples: result.samples,
    });
  } finally {
    await page.close();
  }
}

const pad = (text, width) => String(text).padEnd(width);
const show = (number) => (number === null ? '—' : Number.isInteger(number) ? String(number) : number.toFixed(3));
console.log(
  `\n${pad('id', 16)}${pad('value', 12)}${pad('baseline', 12)}${pad('ratio', 8)}${pad('budget', 8)}${pad('unit', 12)}ok`,
);
for (const m of measures)
  console.log(
    `${pad(m.id, 16)}${pad(show(m.value), 12)}${pad(show(m.baseline), 12)}${pad(m.ratio === null ? '—' : m.ratio.toFixed(2), 8)}${pad(m.budget ?? '—', 8)}${pad(m.unit, 12)}${m.ok ? 'yes' : 'NO'}`,
  );
console.log('\nRatios are ours over the baseline measured in this run: lower is better, 1 is the floor.');

writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify({ measures }, null, 2)}\n`);
console.log('Written: bench/results.json');
