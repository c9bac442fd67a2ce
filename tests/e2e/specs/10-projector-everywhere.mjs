/**
 * Projector mode works on every screen, not only once the console has been
 * visited: its larger type was in the console's stylesheet, which a tab
 * opened straight onto the start screen, the instruction or the audience's
 * screen never loads. Each is opened here in a tab of its own; the toggle
 * must make the type larger at once, stay remembered across a reload, and
 * leave the screen axe clean.
 */
import { assert, assertEqual, axeViolations, openPage, screenshot } from '../lib.mjs';
import { createFromScenario } from '../console.mjs';

async function noAxe(page, where) {
  assertEqual(await axeViolations(page), [], `axe violations on ${where}`);
}

const px = (page, selector) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
const rootPx = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
/** No console stylesheet in this tab: what the test is about (a tab that never showed the console). */
const consoleStylesLoaded = (page) =>
  page.evaluate(() =>
    [...document.styleSheets].some((sheet) => {
      try {
        return [...sheet.cssRules].some((rule) => rule.cssText.includes('.console__grid'));
      } catch {
        return false;
      }
    }),
  );

/** Toggle projector mode on in this tab; the root's type and `selector`'s grow by 125 %. */
async function projectorMakesItLarger(page, selector, where) {
  const toggle = page.getByRole('button', { name: 'Projectiemodus' });
  assertEqual(await toggle.getAttribute('aria-pressed'), 'false', `projector mode starts off on ${where}`);
  assert(!(await consoleStylesLoaded(page)), `the console's stylesheet is not loaded on ${where}`);
  const rootBefore = await rootPx(page);
  const textBefore = await px(page, selector);
  await toggle.click();
  assertEqual(await toggle.getAttribute('aria-pressed'), 'true', `the toggle is pressed on ${where}`);
  assert(
    await page.evaluate(() => document.documentElement.hasAttribute('data-projector')),
    `the flag is set on ${where}`,
  );
  const rootAfter = await rootPx(page);
  const textAfter = await px(page, selector);
  assertEqual(rootBefore, 16, `the root's type before, on ${where}`);
  assertEqual(rootAfter, 20, `the root's type in projector mode, on ${where}`);
  assert(
    Math.abs(textAfter / textBefore - 1.25) < 0.01,
    `${selector} grows with it on ${where}: ${textBefore}px → ${textAfter}px`,
  );
  return textAfter;
}

export const tests = [
  {
    name: 'the start screen and the instruction, each in a fresh tab: projector mode makes the type larger',
    async run({ browser, url }) {
      for (const [route, selector, where] of [
        ['', '.phase__description', 'the start screen'],
        ['#/instructie/1', '.instructor__lead', 'the instruction'],
      ]) {
        const { context, page, foreignRequests, consoleErrors } = await openPage(browser, url);
        await page.goto(url + route);
        await page.locator(selector).first().waitFor();
        await projectorMakesItLarger(page, selector, where);
        await noAxe(page, `${where} in projector mode`);
        assertEqual(foreignRequests, [], 'requests to other hosts');
        assertEqual(consoleErrors, [], 'console errors');
        await context.close();
      }
    },
  },
  {
    name: 'the audience screen in a fresh tab reads large in projector mode, and stays so after a reload',
    async run({ browser, url }) {
      const { context, page, foreignRequests, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      const exerciseHash = await createFromScenario(page, 'Jaarwisseling');
      await page
        .locator('.injects-panel article', {
          has: page.getByRole('heading', { level: 3, name: '22:00 — oudejaarsavond in Lindenburg', exact: true }),
        })
        .getByRole('button', { name: /^Nu vrijgeven/ })
        .click();

      // A second tab straight onto the audience's screen, as on the beamer's laptop: no console in it.
      const audience = await context.newPage();
      const audienceErrors = [];
      audience.on('request', (request) => {
        const address = new URL(request.url());
        if (!['data:', 'blob:'].includes(address.protocol) && address.host !== new URL(url).host)
          foreignRequests.push(request.url());
      });
      audience.on('console', (message) => {
        if (message.type() === 'error') audienceErrors.push(message.text());
      });
      audience.on('pageerror', (error) => audienceErrors.push(String(error)));
      await audience.goto(`${url}${exerciseHash}/publiek/everyone`);
      const title = '.audience-item--newest .audience-item__title';
      await audience.locator(title).waitFor();
      const titlePx = await projectorMakesItLarger(audience, title, 'the audience screen');
      const textPx = await px(audience, '.audience-item--newest .audience-item__text');
      // Legible from the back of a room: the newest title at least 40 px, its text at least 28 px.
      assert(titlePx >= 40, `the newest inject's title is ${titlePx}px`);
      assert(textPx >= 28, `the newest inject's text is ${textPx}px`);
      const overflow = await audience.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assertEqual(overflow, 0, 'no sideways scrolling on the audience screen in projector mode');
      await noAxe(audience, 'the audience screen in projector mode');
      await screenshot(audience, 'projector-audience', { fullPage: false });

      // Remembered on this device: a reload of the audience's tab keeps the large type.
      await audience.reload();
      await audience.locator(title).waitFor();
      assertEqual(
        await audience.getByRole('button', { name: 'Projectiemodus' }).getAttribute('aria-pressed'),
        'true',
        'projector mode remembered after a reload',
      );
      assertEqual(await rootPx(audience), 20, 'the root type after a reload');

      // And off again: back to the ordinary size.
      await audience.getByRole('button', { name: 'Projectiemodus' }).click();
      assertEqual(await rootPx(audience), 16, 'the root type with projector mode off');

      assertEqual(foreignRequests, [], 'requests to other hosts');
      assertEqual([...consoleErrors, ...audienceErrors], [], 'console errors');
      await context.close();
    },
  },
];
