/**
 * Issue #12: the console in a real room. At 1366×768 (a typical projector)
 * and 1920×1080, in Dutch and English, normal and projector mode, mid-
 * exercise: the header stays within a fifth of the height, and the phase
 * ladder, "Handelt als" and the first action are on the first screen without
 * scrolling. By keyboard: skip links lead to each panel, and the long inject
 * queue is one Tab stop with arrow keys inside. The model screen loads the
 * stored exercise inside the app, not by reloading the page.
 */
import { assert, assertEqual, axeViolations, openPage, screenshot } from '../lib.mjs';
import { act, actAs, createFromScenario, currentPhaseIs, escalateTo, openMore } from '../console.mjs';

const SIZES = [
  [1366, 768],
  [1920, 1080],
];

/** "Jaarwisseling" from the picker (start phase 2), escalated to 3 with the clock 5 minutes on: mid-exercise. */
async function midExercise(page, url) {
  await page.goto(url);
  const hash = await createFromScenario(page, 'Jaarwisseling');
  await actAs(page, 'Commandant');
  await escalateTo(page, 3);
  await page.getByRole('button', { name: '5 minuten vooruit' }).click();
  await page.locator('.inject--due').first().waitFor();
  return hash;
}

/** Where the parts a trainer needs first stand on the screen, without scrolling. */
function firstScreen(page) {
  return page.evaluate(() => {
    const box = (selector) => {
      const element = document.querySelector(selector);
      if (!element) return null;
      const { top, bottom } = element.getBoundingClientRect();
      return { top, bottom };
    };
    return {
      height: window.innerHeight,
      scrollY: window.scrollY,
      header: box('.console-header'),
      actingAs: box('.acting-as__group'),
      ladder: box('.console__ladder li[aria-current="step"]'),
      firstAction: box('.console__actions section.actions button'),
    };
  });
}

function assertFirstScreen(measured, where) {
  assertEqual(measured.scrollY, 0, `not scrolled, ${where}`);
  const headerShare = (measured.header.bottom - measured.header.top) / measured.height;
  assert(headerShare <= 0.2, `the header takes ${(headerShare * 100).toFixed(1)} % of the height, ${where}`);
  for (const part of ['actingAs', 'ladder', 'firstAction']) {
    const { top, bottom } = measured[part];
    assert(top >= 0 && top < measured.height, `${part} starts on the first screen, ${where}: top ${top}`);
    if (part !== 'ladder')
      assert(bottom <= measured.height, `${part} is wholly on the first screen, ${where}: bottom ${bottom}`);
  }
}

async function setProjector(page, on) {
  const toggle = page.getByRole('button', { name: /^(Projectiemodus|Projector mode)$/ });
  if (!(await toggle.isVisible()))
    await openMore(page, (await page.locator('html').getAttribute('lang')) === 'en' ? 'More' : 'Meer');
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  await page.keyboard.press('Escape');
  await page
    .locator('.console-header__popover:popover-open')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

async function setLanguage(page, language) {
  await openMore(page, (await page.locator('html').getAttribute('lang')) === 'en' ? 'More' : 'Meer');
  await page.getByRole('button', { name: language === 'en' ? 'English' : 'Nederlands' }).click();
  await page.keyboard.press('Escape');
  await page.locator(`html[lang="${language}"]`).waitFor();
}

/** Tab from the top of the page until the first action button has focus; how many presses. */
async function tabsToFirstAction(page) {
  const stops = [];
  for (let press = 1; press <= 150; press++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const element = document.activeElement;
      return {
        inActions: Boolean(element?.closest('.console__actions section.actions')) && element?.tagName === 'BUTTON',
        inInjects: Boolean(element?.closest('.injects-panel')),
        role: element?.getAttribute('role') ?? element?.tagName.toLowerCase(),
      };
    });
    stops.push(stop);
    if (stop.inActions) return stops;
  }
  throw new Error('Tab never reached the first action');
}

const focused = (page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName.toLowerCase(),
      role: element?.getAttribute('role'),
      text: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').trim(),
      inject: element?.closest('[data-inject]')?.getAttribute('data-inject') ?? null,
    };
  });

export const tests = [
  {
    name: 'mid-exercise at 1366×768 and 1920×1080, nl and en, normal and projector: header ≤ 20 %, ladder, cast and first action in view',
    async run({ browser, url }) {
      const { context, page, consoleErrors, foreignRequests } = await openPage(browser, url, {
        viewport: { width: 1366, height: 768 },
      });
      await midExercise(page, url);
      for (const language of ['nl', 'en']) {
        if (language === 'en') await setLanguage(page, 'en');
        for (const projector of [false, true]) {
          await setProjector(page, projector);
          for (const [width, height] of SIZES) {
            await page.setViewportSize({ width, height });
            await page.evaluate(() => window.scrollTo(0, 0));
            const where = `${width}×${height}, ${language}, ${projector ? 'projector' : 'normal'}`;
            assertFirstScreen(await firstScreen(page), where);
            await screenshot(page, `console-${width}x${height}-${language}-${projector ? 'projector' : 'normal'}`, {
              fullPage: false,
            });
          }
        }
      }
      // The popover with the rest of the header: axe clean while open, Escape closes it.
      await openMore(page, 'More');
      await screenshot(page, 'console-1920x1080-en-projector-more', { fullPage: false });
      assertEqual(await axeViolations(page), [], 'axe violations with "More" open');
      await page.keyboard.press('Escape');
      await page.locator('.console-header__popover:popover-open').waitFor({ state: 'detached' });
      assertEqual(await axeViolations(page), [], 'axe violations in English projector mode');
      assertEqual(consoleErrors, [], 'console errors');
      assertEqual(foreignRequests, [], 'requests to other hosts');
      await context.close();
    },
  },
  {
    name: 'by keyboard: a skip link moves focus to Acties, and the inject queue is one Tab stop with arrow keys inside',
    async run({ browser, url }) {
      const { context, page, consoleErrors } = await openPage(browser, url, { viewport: { width: 1366, height: 768 } });
      const hash = await midExercise(page, url);
      await page.reload();
      await page.locator('.console').waitFor();

      // From page load, without the skip links: Tab by Tab to the first action.
      const stops = await tabsToFirstAction(page);
      const inInjects = stops.filter((stop) => stop.inInjects);
      console.log(`    Tab presses from page load to the first action: ${stops.length}`);
      assert(stops.length <= 25, `${stops.length} Tab presses to the first action (was 88 before issue #12)`);
      assertEqual(inInjects.filter((stop) => stop.role === 'row').length, 1, 'one Tab stop for the 17 injects');

      // The skip links: the first Tab stops of the page; the route (in the hash) stays.
      await page.reload();
      await page.locator('.console').waitFor();
      await page.keyboard.press('Tab');
      const skip = await focused(page);
      assertEqual(skip.text, 'Naar Acties', 'the first Tab stop is the skip link to Acties');
      const skipBox = await page.locator('.skip-link:focus').boundingBox();
      assert(skipBox && skipBox.y >= 0 && skipBox.height > 0, 'the focused skip link is visible');
      await screenshot(page, 'console-skip-link', { fullPage: false });
      await page.keyboard.press('Enter');
      assertEqual(await focused(page), { tag: 'h2', role: null, text: 'Acties', inject: null }, 'focus on Acties');
      assertEqual(new URL(page.url()).hash, hash, 'the route stays the console');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assertEqual((await focused(page)).text, 'Opschalen naar fase 4', 'the next Tabs lead to the first action');
      for (const [link, heading] of [
        ['Naar Besluiten van de burgemeester', 'Besluiten van de burgemeester'],
        ['Naar Injects', 'Injects'],
        ['Naar Logboek', 'Logboek'],
      ]) {
        await page.getByRole('link', { name: link }).focus();
        await page.keyboard.press('Enter');
        assertEqual((await focused(page)).text, heading, `${link} moves focus to its panel`);
      }

      // Inside the queue: ↓ to the next inject, → to its controls, Enter releases it.
      const grid = page.getByRole('grid', { name: 'Injects op volgorde van de oefenklok' });
      const rows = await grid.getByRole('row').evaluateAll((all) => all.map((row) => row.getAttribute('data-inject')));
      assertEqual(rows.length, 17, 'every inject of the scenario is a row');
      await grid.getByRole('row').first().focus();
      await page.keyboard.press('ArrowDown');
      assertEqual((await focused(page)).inject, rows[1], 'ArrowDown moves to the next inject');
      assertEqual((await focused(page)).role, 'row', 'the row itself has focus');
      await page.keyboard.press('ArrowRight');
      assertEqual((await focused(page)).tag, 'summary', 'ArrowRight: the inject’s text to read ahead');
      await page.keyboard.press('ArrowRight');
      const release = await focused(page);
      assert(release.text.startsWith('Nu vrijgeven'), `ArrowRight: the release button (${release.text})`);
      await page.keyboard.press('Enter');
      await page.locator(`[data-inject="${rows[1]}"] .inject__status`, { hasText: 'Vrijgegeven' }).waitFor();
      assertEqual(await axeViolations(page), [], 'axe violations after releasing by keyboard');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
  {
    name: 'the model screen loads the exercise as stored inside the app, without reloading the page',
    async run({ browser, url }) {
      const { context, page: first, consoleErrors } = await openPage(browser, url);
      const hash = await midExercise(first, url);
      const second = await context.newPage();
      second.on('pageerror', (error) => consoleErrors.push(String(error)));
      await second.goto(`${url}${hash}/model`);
      await second.locator('svg.model-diagram').waitFor();
      await second.evaluate(() => {
        window.paraatSamePage = true;
      });

      await act(first, 'Opschalen naar fase 4', 'Rellen breiden zich uit');
      await currentPhaseIs(first, 4);
      const banner = second.getByRole('alert').filter({ hasText: 'in een ander tabblad gewijzigd' });
      await banner.waitFor();
      await banner.getByRole('button', { name: 'Opgeslagen stand laden' }).click();
      const notice = second.getByRole('status').filter({ hasText: 'opnieuw geladen zoals ze is opgeslagen' });
      await notice.waitFor();
      assert((await notice.innerText()).includes('fase 4'), 'the notice says what the screen now shows');
      assert(await notice.evaluate((element) => element === document.activeElement), 'focus is on the notice');
      assertEqual(
        await second.evaluate(() => window.paraatSamePage === true),
        true,
        'the same page: loaded inside the app, not by reloading it',
      );
      assertEqual(await banner.count(), 0, 'no conflict any more');
      assertEqual(await axeViolations(second), [], 'axe violations on the reloaded model screen');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
];
