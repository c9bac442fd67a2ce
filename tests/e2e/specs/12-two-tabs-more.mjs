/**
 * Two tabs on one exercise, continued from 11-two-tabs-live: with the clock
 * running in both consoles, an inject that falls due is released once (one
 * tab holds the exercise's release lock, a Web Lock), and the other tab holds
 * no duplicate; and the model screen, which tries transitions through the
 * session, hears of the other tab's write at once, as the console does.
 */
import { assert, assertEqual, axeViolations, openPage, screenshot, storedExercise } from '../lib.mjs';
import { actAs, createExercise, createFromScenario, escalateTo } from '../console.mjs';

const CONFLICT = 'in een ander tabblad gewijzigd';
const AUTO = 'Op tijd vrijgeven terwijl de oefenklok loopt';
const FIREWORKS = 'Vuurwerk naar de brandweer';

const conflictBanner = (page) => page.getByRole('alert').filter({ hasText: CONFLICT });
const injectCard = (page, title) =>
  page.locator('.injects-panel article', { has: page.getByRole('heading', { level: 3, name: title, exact: true }) });
const idOf = (hash) => hash.replace('#/oefening/', '');
/** The stored log's inject entries, as any tab reads them from IndexedDB. */
const storedInjects = async (page, id) =>
  ((await storedExercise(page, id))?.entries ?? [])
    .filter((entry) => entry?.kind === 'inject')
    .map((entry) => `${entry.injectId}:${entry.action}`);

/** A second page in the same context (one IndexedDB), watched like the first. */
async function secondPage(opened, address) {
  const page = await opened.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') opened.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => opened.consoleErrors.push(String(error)));
  await page.goto(address);
  return page;
}

export const tests = [
  {
    name: 'with the clock running in two consoles, an inject that falls due is released once',
    async run({ browser, url }) {
      const opened = await openPage(browser, url);
      const { context, page: first, consoleErrors } = opened;
      await first.goto(url);
      const hash = await createFromScenario(first, 'Jaarwisseling');

      // By hand first: the opening inject out, the clock to 22:08 at ten times speed, then running.
      // The next inject (22:10) falls due some twelve seconds later, with both tabs open on it.
      await first.getByRole('checkbox', { name: AUTO }).uncheck();
      await injectCard(first, '22:00 — oudejaarsavond in Lindenburg')
        .getByRole('button', { name: /^Nu vrijgeven/ })
        .click();
      await first.getByRole('button', { name: '5 minuten vooruit' }).click();
      for (let minute = 0; minute < 3; minute++) await first.getByRole('button', { name: '1 minuut vooruit' }).click();
      await first.getByRole('radio', { name: '10×' }).click();
      await first.getByRole('button', { name: 'Start', exact: true }).click();
      await first.getByRole('checkbox', { name: AUTO }).check();

      // The second tab reads the exercise as it now is: up to date, clock running, release on time on.
      const second = await secondPage(opened, `${url}${hash}`);
      await second.locator('.injects-panel').waitFor();
      assert(await second.getByRole('checkbox', { name: AUTO }).isChecked(), 'release on time is on in the second tab');
      assertEqual(await conflictBanner(first).count(), 0, 'the first tab is up to date');
      assertEqual(await conflictBanner(second).count(), 0, 'the second tab is up to date');

      const id = idOf(hash);
      const fireworks = (page) =>
        storedInjects(page, id).then((all) => all.filter((entry) => entry.includes('vuurwerk')));
      const deadline = Date.now() + 40_000;
      while ((await fireworks(first)).length === 0) {
        assert(Date.now() < deadline, 'the fireworks inject is released on time');
        await first.waitForTimeout(250);
      }
      // A few more ticks of both tabs' clocks: a second release would come now.
      await first.waitForTimeout(3000);
      assertEqual((await fireworks(first)).length, 1, 'released once, in storage');

      // One tab wrote the release; the other now shows the banner, but holds nothing of its own.
      const [firstBanner, secondBanner] = [await conflictBanner(first).count(), await conflictBanner(second).count()];
      assertEqual(firstBanner + secondBanner, 1, 'exactly one tab hears of the other’s release');
      const behind = firstBanner === 1 ? first : second;
      const ahead = behind === first ? second : first;
      assertEqual(
        await conflictBanner(behind)
          .getByText(/alleen in dit tabblad/)
          .count(),
        0,
        'no duplicate release held in the tab that did not release',
      );
      await injectCard(ahead, FIREWORKS).locator('.inject__status', { hasText: 'Vrijgegeven' }).waitFor();
      await screenshot(behind, 'two-tabs-release-once', { fullPage: false });

      // Loaded as stored, the other tab shows the release, and still does not release it again.
      await conflictBanner(behind).getByRole('button', { name: 'Opgeslagen stand laden' }).click();
      await injectCard(behind, FIREWORKS).locator('.inject__status', { hasText: 'Vrijgegeven' }).waitFor();
      await behind.waitForTimeout(2000);
      assertEqual((await fireworks(first)).length, 1, 'still released once');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
  {
    name: 'the model screen in one tab says at once that the console in another wrote, and loads the exercise as stored',
    async run({ browser, url }) {
      const opened = await openPage(browser, url);
      const { context, page: first, consoleErrors } = opened;
      await first.goto(url);
      const hash = await createExercise(first);
      const model = await secondPage(opened, `${url}${hash}/model`);
      await model.locator('svg.model-diagram').waitFor({ timeout: 30_000 });
      assertEqual(await conflictBanner(model).count(), 0, 'no banner before the other tab writes');

      await actAs(first, 'Commandant');
      await escalateTo(first, 2, 'Console schaalt op');
      const banner = conflictBanner(model);
      await banner.waitFor();
      assert((await banner.innerText()).includes('niet de laatste stand'), 'the banner says the screen is out of date');
      assertEqual(await axeViolations(model), [], 'axe violations on the model screen with the banner');
      await screenshot(model, 'two-tabs-model-banner', { fullPage: false });

      // Loading as stored (a page reload here) shows the console's phase, and the banner is gone.
      await banner.getByRole('button', { name: 'Opgeslagen stand laden' }).click();
      await model.locator('svg.model-diagram').waitFor({ timeout: 30_000 });
      await model.waitForFunction(() =>
        document.querySelector('svg.model-diagram [data-state-id][aria-current="true"]'),
      );
      assertEqual(await conflictBanner(model).count(), 0, 'no conflict after loading');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
];
