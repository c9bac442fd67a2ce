import { assert, assertEqual, axeViolations, openPage, screenshot } from '../lib.mjs';

export const tests = [
  {
    name: 'the first screen shows the five phases in Dutch, the current one marked, assumptions labelled',
    async run({ browser, url }) {
      const { context, page, foreignRequests, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      const phases = page.locator('.phase-ladder > ol > li');
      await phases.first().waitFor();
      assertEqual(await phases.count(), 5, 'phases shown');
      assertEqual(await page.locator('html').getAttribute('lang'), 'nl', 'document language');
      const current = page.locator('.phase-ladder li[aria-current="step"]');
      assertEqual(await current.count(), 1, 'one current phase');
      assert((await current.innerText()).includes('GGP-GO'), 'GGP-GO is the current phase');
      assert((await current.innerText()).includes('Huidige fase'), 'current phase named in words, not colour alone');
      for (const number of [2, 3, 4]) {
        const text = await page.locator(`li[data-phase="${number}"] .phase__header`).innerText();
        assert(text.includes('aanname'), `phase ${number} is labelled "aanname"`);
      }
      for (const number of [1, 5]) {
        const text = await page.locator(`li[data-phase="${number}"] .phase__header`).innerText();
        assert(!text.includes('aanname'), `phase ${number} comes from the source, not an assumption`);
      }
      // The facts of phases 2–5 are folded; riot control's open from the keyboard and name both decisions.
      const riotControlFacts = page.locator('li[data-phase="5"] summary');
      assertEqual(await page.getByText('besluit burgemeester nodig').count(), 0, 'folded facts hidden');
      await riotControlFacts.focus();
      await page.keyboard.press('Enter');
      await page.getByText('besluit burgemeester nodig').first().waitFor();
      assertEqual(await page.getByText('besluit burgemeester nodig').count(), 2, 'both mayoral decisions named');
      assertEqual(await axeViolations(page), [], 'axe violations (nl)');
      await screenshot(page, 'first-screen-nl');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Escalation model' }).waitFor();
      assertEqual(await page.locator('html').getAttribute('lang'), 'en', 'document language after switch');
      assertEqual(await axeViolations(page), [], 'axe violations (en)');
      await screenshot(page, 'first-screen-en');

      assertEqual(foreignRequests, [], 'requests to other hosts');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
];
