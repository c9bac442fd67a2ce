/**
 * The measures that need a browser: `load` (the built app against the floor)
 * and `logView`. Debian's Chromium through playwright-core with the e2e
 * harness's launch arguments; each built page is served by Vite's preview
 * server in this process, on the bench's own ports.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM, launchBrowser } from '../../tests/e2e/lib.mjs';
import { median } from './stats.mjs';

/** BENCH_PORTS=app,floor moves the preview servers (e.g. when another run holds these). */
const [appPort, floorPort] = (process.env.BENCH_PORTS ?? '4516,4517').split(',').map(Number);
export const PORTS = { app: appPort ?? 4516, floor: floorPort ?? 4517 };

export async function serve(outDir, port) {
  const server = await preview({
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1' },
  });
  return { url: `http://127.0.0.1:${String(port)}/`, close: () => server.close() };
}

export { launchBrowser };

/**
 * Runs in the page before its own scripts: "interactive" is the first moment
 * an enabled <button> is in the DOM AND the main thread has finished the task
 * that put it there (a task posted at that point has run), so a click then
 * would be handled at once. React listens at the root before its first
 * commit, so a button in the DOM responds. The time is the page's own clock
 * (performance.now(), zero at navigation start); it lands in
 * `window.__interactiveAt`.
 */
function watchForInteractive() {
  const ready = () => {
    const button = document.querySelector('button');
    return button !== null && !button.disabled;
  };
  const observer = new window.MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    const channel = new window.MessageChannel();
    channel.port1.onmessage = () => {
      window.__interactiveAt = performance.now();
    };
    channel.port2.postMessage(null);
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
}

/**
 * One cold load: a new context (empty cache, no service worker yet), the
 * cache disabled over CDP, the CPU slowed four times; navigation start to
 * interactive (see watchForInteractive), in ms.
 */
async function coldLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    await context.addInitScript(watchForInteractive);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => window.__interactiveAt ?? false, undefined, { timeout: 60_000 });
    return await handle.jsonValue();
  } finally {
    await context.close();
  }
}

/**
 * `load`: `runs` cold loads of each after one warm-up of each, in pairs whose
 * order alternates (app then floor, floor then app), so a burst of load from
 * another process hits both. The ratio is of the medians; the median of the
 * pairs' own ratios is given beside it as a check on the noise.
 */
export async function measureLoad(browser, appUrl, floorUrl, runs = 9) {
  await coldLoad(browser, appUrl);
  await coldLoad(browser, floorUrl);
  const app = [];
  const floor = [];
  for (let run = 0; run < runs; run++) {
    if (run % 2) {
      floor.push(await coldLoad(browser, floorUrl));
      app.push(await coldLoad(browser, appUrl));
    } else {
      app.push(await coldLoad(browser, appUrl));
      floor.push(await coldLoad(browser, floorUrl));
    }
  }
  const pairedRatio = median(app.map((time, run) => time / (floor[run] ?? time)));
  return { value: median(app), baseline: median(floor), pairedRatio, samples: { app, floor } };
}

/** Rows in the DOM after a scroll, once two frames have passed (the virtualiser renders on scroll). */
async function rowsAfterScroll(page, where) {
  return page.evaluate(async (to) => {
    const scroller = document.querySelector('.log__scroller');
    if (!scroller) throw new Error('no .log__scroller');
    for (let settle = 0; settle < 3; settle++) {
      // Again as rows are measured: the total height changes while they render.
      scroller.scrollTop = to === 'end' ? scroller.scrollHeight : scroller.scrollHeight / 2;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }
    return {
      rows: document.querySelectorAll('article').length,
      last: document.querySelector('article[data-seq="10000"]') !== null,
    };
  }, where);
}

/**
 * `logView`: median first render of 10,000 entries (one warm-up page first), the most rows in
 * the DOM at the start, the middle and the end, and whether the last entry could be reached.
 */
export async function measureLogView(browser, url, runs = 5) {
  const times = [];
  let maxRows = 0;
  let entries = 0;
  let reachedEnd = true;
  for (let run = 0; run < runs + 1; run++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => window.__renderLogView, undefined, { timeout: 60_000 });
      await page.evaluate(() => {
        window.__renderLogView();
      });
      const handle = await page.waitForFunction(() => window.__logViewBench, undefined, { timeout: 60_000 });
      const result = await handle.jsonValue();
      entries = result.entries;
      const atStart = await page.evaluate(() => document.querySelectorAll('article').length);
      const middle = await rowsAfterScroll(page, 'middle');
      const end = await rowsAfterScroll(page, 'end');
      // Virtualised and still scrollable: few rows at each place, and the last entry reachable.
      if (atStart === 0 || middle.rows === 0 || !end.last) reachedEnd = false;
      maxRows = Math.max(maxRows, atStart, middle.rows, end.rows);
      if (run > 0) times.push(result.renderMs);
    } finally {
      await context.close();
    }
  }
  return { value: median(times), entries, maxRows, reachedEnd, samples: times };
}

/**
 * The e2e harness's launch arguments (tests/e2e/lib.mjs keeps its own list
 * unexported), for the one browser the bench launches itself: `store` needs a
 * profile on disk.
 */
const PERSISTENT_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `store`: ms per stored entry through IdbExerciseStore.append over a bare
 * `idb` put of the same entry (bench/store/main.ts), `runs` pairs of rounds
 * after one warm-up round of each, the order alternating pair by pair (store
 * then bare, bare then store) as in `load`. The ratio is of the medians; the
 * median of the pairs' own ratios is given beside it.
 *
 * In a profile on disk (launchPersistentContext), not in browser.newContext():
 * those contexts are off the record, and Chromium keeps an off-the-record
 * profile's IndexedDB in memory, where strict durability flushes nothing. The
 * profile's IndexedDB folder is checked afterwards, so a figure from memory
 * cannot pass for one from disk.
 */
export async function measureStore(url, runs = 11) {
  const profile = mkdtempSync(join(tmpdir(), 'paraat-bench-store-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: PERSISTENT_ARGS,
    });
    let page;
    let shape;
    const store = [];
    const bare = [];
    try {
      page = context.pages()[0] ?? (await context.newPage());
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      const handle = await page
        .waitForFunction(() => window.__storeBench && { ...window.__storeBench, round: undefined }, undefined, {
          timeout: 60_000,
        })
        .catch((error) => {
          throw new Error(`the store bench page did not start: ${errors.join('; ') || error.message}`);
        });
      shape = await handle.jsonValue();
      const round = (kind) => page.evaluate((which) => window.__storeBench.round(which), kind);
      await round('store');
      await round('bare');
      for (let run = 0; run < runs; run++) {
        if (run % 2) {
          bare.push(await round('bare'));
          store.push(await round('store'));
        } else {
          store.push(await round('store'));
          bare.push(await round('bare'));
        }
      }
    } finally {
      await context.close();
    }
    const indexedDB = join(profile, 'Default', 'IndexedDB');
    const onDisk = existsSync(indexedDB) && readdirSync(indexedDB).some((name) => name.endsWith('.leveldb'));
    if (!onDisk)
      throw new Error(`no IndexedDB on disk in the profile (${indexedDB}): the figures would be from memory`);
    const pairedRatio = median(store.map((time, run) => time / (bare[run] ?? time)));
    return { value: median(store), baseline: median(bare), pairedRatio, ...shape, samples: { store, bare } };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
