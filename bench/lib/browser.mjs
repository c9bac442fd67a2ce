/**
 * The measures that need a browser: `load` (the built app against the floor)
 * and `logView`. Debian's Chromium through playwright-core with the e2e
 * harness's launch arguments; each built page is served by Vite's preview
 * server in this process, on the bench's own ports.
 */
import { preview } from 'vite';
import { launchBrowser } from '../../tests/e2e/lib.mjs';
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
