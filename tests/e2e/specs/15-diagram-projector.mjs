/**
 * Issue #12, item 3: the diagram read from the back of a room. In projector
 * mode at 1920×1080 no label of the diagram renders below 18 px, on the model
 * screen and in the console's "Model tonen" panel, in Dutch and English. What
 * is measured is what is drawn: each text's computed font size times the
 * scale of its screen transform (the SVG's viewBox fitted to its box), so a
 * diagram shrunk to fit fails as surely as small type. Screenshots at
 * 1366×768 and 1920×1080, nl and en, normal and projector mode; axe clean;
 * a path in the larger diagram is still reached by Tab, and scrolled into view;
 * the current state is in view in its frame after every change of mode and size.
 */
import { assert, assertEqual, axeViolations, openPage, SCREENSHOTS, screenshot } from '../lib.mjs';
import { actAs, createFromScenario, escalateTo, openMore } from '../console.mjs';

const SIZES = [
  [1366, 768],
  [1920, 1080],
];
const LEAST = 18;

/** Every text of every diagram on the page as rendered: the smallest, and how many were measured. */
function renderedLabels(page) {
  return page.evaluate(() => {
    const sizes = [];
    for (const svg of document.querySelectorAll('svg.model-diagram'))
      for (const element of svg.querySelectorAll('text, tspan')) {
        // Only an element's own words: a <text> holding only tspans is measured through them.
        const own = [...element.childNodes].some((node) => node.nodeType === 3 /* text */ && node.data.trim());
        if (!own) continue;
        const matrix = element.getScreenCTM();
        if (!matrix) continue;
        const scale = Math.hypot(matrix.a, matrix.b);
        sizes.push({ px: parseFloat(getComputedStyle(element).fontSize) * scale, text: element.textContent.trim() });
      }
    sizes.sort((a, b) => a.px - b.px);
    return { count: sizes.length, least: sizes[0] ?? null };
  });
}

/** A measure once the page has settled on it (a new layout, or a scroll after a resize, takes a moment). */
async function settled(measure, done) {
  let measured = await measure();
  for (let attempt = 0; attempt < 50 && !done(measured); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    measured = await measure();
  }
  return measured;
}

/** Where the current state is drawn: wholly inside its scrolled frame, and inside the window. */
function currentInView(page) {
  return page.evaluate(() => {
    const state = document.querySelector('svg.model-diagram [data-state-id][aria-current="true"]');
    const frame = state?.closest('.model-live__figure')?.getBoundingClientRect();
    const box = state?.getBoundingClientRect();
    if (!frame || !box) return { inFrame: false, inWindow: false };
    return {
      inFrame: box.top >= frame.top && box.bottom <= frame.bottom && box.left >= frame.left && box.right <= frame.right,
      inWindow: box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth,
    };
  });
}

const format = ({ count, least }) => `${least.px.toFixed(1)} px ("${least.text.slice(0, 40)}", of ${count} texts)`;

async function setProjector(page, on) {
  const toggle = page.getByRole('button', { name: /^(Projectiemodus|Projector mode)$/ });
  const inMore = !(await toggle.isVisible());
  if (inMore) await openMore(page, (await page.locator('html').getAttribute('lang')) === 'en' ? 'More' : 'Meer');
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  if (inMore) {
    await page.keyboard.press('Escape');
    await page.locator('.console-header__popover:popover-open').waitFor({ state: 'detached' });
  }
  await page.locator(on ? 'html[data-projector]' : 'html:not([data-projector])').waitFor({ state: 'attached' });
}

async function setLanguage(page, language) {
  const button = page.getByRole('button', { name: language === 'en' ? 'English' : 'Nederlands' });
  const inMore = !(await button.isVisible());
  if (inMore) await openMore(page, (await page.locator('html').getAttribute('lang')) === 'en' ? 'More' : 'Meer');
  await button.click();
  if (inMore) await page.keyboard.press('Escape');
  await page.locator(`html[lang="${language}"]`).waitFor();
}

/** "Jaarwisseling" (starts in phase 2), escalated to riot control: the diagram's deepest part is current. */
async function midExercise(page, url) {
  await page.goto(url);
  const hash = await createFromScenario(page, 'Jaarwisseling');
  await actAs(page, 'Commandant');
  for (const phase of [3, 4, 5]) await escalateTo(page, phase);
  return hash;
}

/**
 * Each language, mode and size in turn: the least label logged, the current
 * state in view, a screenshot. Returns the least label of each projector view
 * at 1920×1080, for the test to hold against 18 px.
 */
async function everyView(page, shoot, where, seen) {
  const projected = [];
  for (const language of ['nl', 'en']) {
    await setLanguage(page, language);
    for (const projector of [false, true]) {
      await setProjector(page, projector);
      for (const [width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        const view = `${where}, ${width}×${height}, ${language}, ${projector ? 'projector' : 'normal'}`;
        const strict = projector && width === 1920;
        const labels = await settled(
          () => renderedLabels(page),
          ({ least }) => least !== null && (!strict || least.px >= LEAST),
        );
        assert(labels.count > 50, `the diagram's texts are measured, ${view}: ${labels.count}`);
        console.log(`    ${view}: least ${format(labels)}`);
        if (strict) projected.push({ view, labels });
        // The frame scrolls to where the exercise is, again after a new layout or a new window size.
        const place = await settled(
          () => currentInView(page),
          (now) => seen.every((part) => now[part]),
        );
        assertEqual(
          seen.map((part) => [part, place[part]]),
          seen.map((part) => [part, true]),
          `the current state is in view, ${view}`,
        );
        await shoot(`${width}x${height}-${language}-${projector ? 'projector' : 'normal'}`);
      }
    }
  }
  return projected;
}

/** In projector mode at 1920×1080, in both languages: no label of the diagram below 18 px. */
function assertLegible(projected) {
  assertEqual(projected.length, 2, 'measured in projector mode at 1920×1080, nl and en');
  for (const { view, labels } of projected)
    assert(labels.least.px >= LEAST, `no diagram label below ${LEAST} px, ${view}: ${format(labels)}`);
}

export const tests = [
  {
    name: 'the model screen in projector mode at 1920×1080: no diagram label below 18 px, nl and en; axe clean; Tab reaches a path',
    async run({ browser, url }) {
      const { context, page, consoleErrors, foreignRequests } = await openPage(browser, url, {
        viewport: { width: 1366, height: 768 },
      });
      const hash = await midExercise(page, url);
      await page.evaluate((route) => {
        window.location.hash = `${route}/model`;
      }, hash);
      await page.locator('svg.model-diagram [data-state-id][aria-current="true"]').waitFor();
      assertLegible(
        await everyView(page, (name) => screenshot(page, `diagram-${name}`, { fullPage: false }), 'model screen', [
          'inFrame',
          'inWindow',
        ]),
      );

      // Left in English projector mode at 1920×1080.
      assertEqual(await axeViolations(page), [], 'axe violations on the model screen in projector mode');
      // By keyboard: the scroll region, then the first path out of the current state, in view in its frame.
      await page.getByRole('region', { name: /^Diagram/ }).focus();
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement;
        const frame = element?.closest('.model-live__figure')?.getBoundingClientRect();
        const box = element?.getBoundingClientRect();
        return {
          isPath: Boolean(element?.matches('svg.model-diagram .transition--try')),
          inFrame: Boolean(
            frame &&
            box &&
            box.top >= frame.top &&
            box.bottom <= frame.bottom &&
            box.left >= frame.left &&
            box.right <= frame.right,
          ),
        };
      });
      assertEqual(focus, { isPath: true, inFrame: true }, 'Tab from the frame reaches a path, in view');

      // "Whole model in view" shrinks the model into its frame: not offered in projector mode, and
      // chosen before projector mode is turned on, it gives way to it.
      const fit = page.getByRole('button', { name: 'Whole model in view' });
      assertEqual(await fit.count(), 0, '"Whole model in view" is not offered in projector mode');
      await setProjector(page, false);
      await fit.click();
      await page.locator('.model-live__figure:not(.model-live__figure--actual)').waitFor();
      console.log(
        `    model screen, 1920×1080, en, normal, whole model in view: least ${format(await renderedLabels(page))}`,
      );
      await setProjector(page, true);
      const projected = await settled(
        () => renderedLabels(page),
        ({ least }) => least !== null && least.px >= LEAST,
      );
      assert(projected.least.px >= LEAST, `projector mode after fitting: ${format(projected)}`);
      assertEqual(await fit.count(), 0, 'still not offered');
      assertEqual(consoleErrors, [], 'console errors');
      assertEqual(foreignRequests, [], 'requests to other hosts');
      await context.close();
    },
  },
  {
    name: 'the console’s "Model tonen" in projector mode at 1920×1080: no diagram label below 18 px, nl and en; axe clean',
    async run({ browser, url }) {
      const { context, page, consoleErrors } = await openPage(browser, url, { viewport: { width: 1366, height: 768 } });
      await midExercise(page, url);
      await page.getByRole('button', { name: 'Model tonen' }).click();
      await page.locator('svg.model-diagram [data-state-id][aria-current="true"]').waitFor();
      assertLegible(
        await everyView(
          page,
          (name) => page.locator('.console__model').screenshot({ path: `${SCREENSHOTS}/diagram-console-${name}.png` }),
          'console',
          // The console's panel may start below the window's edge; in its frame it must be in view.
          ['inFrame'],
        ),
      );
      assertEqual(await axeViolations(page), [], 'axe violations in the console with the model, projector mode');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
];
