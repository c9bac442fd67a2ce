/**
 * Two tabs on one exercise, from the side of the tab that did not write. It
 * must know at once, without acting, that what it shows is out of date (the
 * repository's news, BroadcastChannel), and can load the exercise as stored from the banner: a
 * new session, with the other tab's phase and log, that writes again. A tab
 * that went on after the other wrote holds entries storage refused; it says
 * how many, and exports them before they go.
 */
import { readFile } from 'node:fs/promises';
import { assert, assertEqual, axeViolations, openPage, screenshot, storedExercise } from '../lib.mjs';
import { act, actAs, createExercise, currentPhaseIs, escalateTo, lastLogRow, logCount } from '../console.mjs';

const CONFLICT = 'in een ander tabblad gewijzigd';
const RELOAD = 'Opgeslagen stand laden';

const conflictBanner = (page) => page.getByRole('alert').filter({ hasText: CONFLICT });
const currentPhase = (page) =>
  page.locator('.console__ladder li[aria-current="step"]').getAttribute('data-phase').then(Number);
const storedLength = async (page, hash) => (await storedExercise(page, hash.replace('#/oefening/', '')))?.head.length;

/** Two pages in one browser context (one IndexedDB) on one new exercise, the commander acting in both. */
async function twoTabs(browser, url) {
  const opened = await openPage(browser, url);
  const { context, page: first } = opened;
  await first.goto(url);
  const hash = await createExercise(first);
  const second = await context.newPage();
  second.on('console', (message) => {
    if (message.type() === 'error') opened.consoleErrors.push(message.text());
  });
  second.on('pageerror', (error) => opened.consoleErrors.push(String(error)));
  await second.goto(`${url}${hash}`);
  await second.locator('.console').waitFor();
  await actAs(first, 'Commandant');
  await actAs(second, 'Commandant');
  return { ...opened, first, second, hash };
}

export const tests = [
  {
    name: 'the tab that did not write says so at once, and loads the exercise as stored from its banner',
    async run({ browser, url }) {
      const { context, first, second, hash, consoleErrors } = await twoTabs(browser, url);
      await escalateTo(first, 2, 'Eerste tabblad schaalt op');

      // The second tab has not acted: the banner is there all the same, over the state it still shows.
      const banner = conflictBanner(second);
      await banner.waitFor();
      assert((await banner.innerText()).includes('niet de laatste stand'), 'the banner says the screen is out of date');
      assertEqual([await currentPhase(second), await logCount(second)], [1, 1], 'the second tab as it was');
      assertEqual(await banner.getByText(/alleen in dit tabblad/).count(), 0, 'nothing of its own to lose');
      await screenshot(second, 'two-tabs-live-banner', { fullPage: false });
      assertEqual(await axeViolations(second), [], 'axe violations with the conflict banner');

      await banner.getByRole('button', { name: RELOAD }).click();
      await currentPhaseIs(second, 2);
      assertEqual(await logCount(second), 2, 'the second tab shows the first tab’s log');
      assert((await lastLogRow(second)).text.includes('Eerste tabblad schaalt op'), 'the first tab’s entry is there');
      assertEqual(await conflictBanner(second).count(), 0, 'no conflict any more');
      const notice = second.getByRole('status').filter({ hasText: 'opnieuw geladen zoals ze is opgeslagen' });
      assert((await notice.innerText()).includes('fase 2, 2 regels'), 'the notice says what the tab now shows');
      assert(
        await notice.evaluate((element) => element === document.activeElement),
        'focus is on the notice, not lost with the banner’s button',
      );
      await screenshot(second, 'two-tabs-live-reloaded', { fullPage: false });
      assertEqual(await axeViolations(second), [], 'axe violations after loading');

      // The second tab goes on and writes; now the first is the one out of date, and says so.
      await escalateTo(second, 3, 'Tweede tabblad schaalt op');
      assertEqual(await storedLength(second, hash), 3, 'the second tab’s entry is stored');
      await conflictBanner(first).waitFor();
      await conflictBanner(first).getByRole('button', { name: RELOAD }).click();
      await currentPhaseIs(first, 3);
      assertEqual(await logCount(first), 3, 'the first tab shows the second tab’s log');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
  {
    name: 'a tab that went on after the other wrote says how many entries only it holds, and exports them',
    async run({ browser, url }) {
      const { context, first, second, hash, consoleErrors } = await twoTabs(browser, url);
      await escalateTo(first, 2, 'Eerste tabblad schaalt op');
      await escalateTo(first, 3, 'Eerste tabblad schaalt verder op');
      await conflictBanner(second).waitFor();

      // Acting anyway is still logged (R10), in this tab only: storage keeps the first tab's exercise.
      await act(second, 'Opschalen naar fase 2', 'Tweede tabblad, te laat');
      const banner = conflictBanner(second);
      await banner.getByText('1 regel staat alleen in dit tabblad').waitFor();
      assertEqual(await storedLength(second, hash), 3, 'nothing of the second tab is stored');
      assertEqual(
        await banner.getByRole('button', { name: 'Exporteren' }).getAttribute('class'),
        'button--primary',
        'export comes first',
      );
      assertEqual(await axeViolations(second), [], 'axe violations with entries only this tab holds');

      const downloading = second.waitForEvent('download');
      await banner.getByRole('button', { name: 'Exporteren' }).click();
      const exported = JSON.parse(await readFile(await (await downloading).path(), 'utf8'));
      assert(
        exported.entries.some((entry) => entry.kind === 'attempt' && entry.event.reason === 'Tweede tabblad, te laat'),
        'the export holds the entry storage refused',
      );

      await banner.getByRole('button', { name: RELOAD }).click();
      await currentPhaseIs(second, 3);
      assertEqual(await logCount(second), 3, 'loaded as stored');
      assert((await lastLogRow(second)).text.includes('Eerste tabblad schaalt verder op'), 'the stored last entry');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
];
