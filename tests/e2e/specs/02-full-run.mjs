/**
 * Issue #3's full run: set up an exercise, escalate to riot control, the
 * commander tries the water cannon (refused, R3), the mayor grants it, warning,
 * deploy, the commander tries the tear agent (refused, R4), the mayor grants it
 * separately, add, revoke, de-escalate; reload mid-way; axe on every screen;
 * no request to another host.
 */
import { assert, assertEqual, axeViolations, openPage, screenshot } from '../lib.mjs';
import {
  act,
  actAs,
  clockTime,
  createExercise,
  currentPhaseIs,
  decide,
  escalateTo,
  lastLogRow,
  logCount,
  openMore,
  tabTo,
} from '../console.mjs';

async function noAxe(page, where) {
  assertEqual(await axeViolations(page), [], `axe violations on ${where}`);
}

export const tests = [
  {
    name: 'a trainer runs the full sequence; refusals are shown and logged; a reload brings everything back',
    async run({ browser, url }) {
      const { context, page, foreignRequests, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      await page.locator('.phase-ladder').waitFor();
      await noAxe(page, 'the start screen');

      await page.getByRole('button', { name: 'Nieuwe oefening' }).first().click();
      await page.locator('form.new-exercise').waitFor();
      await noAxe(page, 'the set-up form');
      await screenshot(page, 'setup-form');
      await page.getByRole('button', { name: 'Annuleren' }).click();

      await createExercise(page);
      await currentPhaseIs(page, 1);
      await noAxe(page, 'the console in phase 1');

      // The clock runs on exercise time; jumps move it ahead.
      await actAs(page, 'Oefenleider');
      await page.getByRole('button', { name: '5 minuten vooruit' }).click();
      assertEqual(await clockTime(page), '2026-12-31T22:05:00', 'clock after +5 min');

      await actAs(page, 'Commandant');
      for (const phase of [2, 3, 4, 5]) await escalateTo(page, phase, `Onrust neemt toe (fase ${phase})`);
      await screenshot(page, 'console-phase-5');

      // The commander tries the water cannon without the mayor's decision: refused in advance and when tried.
      const deploy = page
        .locator('.console__actions')
        .getByRole('button', { name: 'Waterwerper inzetten', exact: true });
      const deployPanel = page
        .locator('.console__actions li')
        .filter({ has: page.getByRole('button', { name: 'Waterwerper inzetten', exact: true }) });
      assert((await deployPanel.innerText()).includes('R3'), 'the refusal (R3) shows before trying');
      await deploy.click();
      let last = await lastLogRow(page);
      assert(
        last.text.includes('Geweigerd') && last.text.includes('R3'),
        `refused water cannon logged with R3: ${last.text}`,
      );
      await noAxe(page, 'the console with a refusal');
      await screenshot(page, 'console-refused-r3');

      // The mayor decides, in the water cannon's own dialog.
      await actAs(page, 'Burgemeester');
      await decide(page, 'waterCannon', {
        grounds: 'Zware openlijke geweldpleging op het Vredenburgplein; ME kan de orde niet herstellen.',
        beeld: 'Circa 300 relschoppers, vuurwerk op agenten.',
        oordeel: 'Waterwerper proportioneel; alternatieven uitgeput.',
        conditions: 'Niet richten op hoofden.',
      });
      last = await lastLogRow(page);
      assert(last.text.includes('Marieke de Boer'), 'the decision is logged in the mayor’s name');

      await actAs(page, 'Commandant');
      await act(page, 'Waarschuwing geven aan de menigte');
      const beforeReload = { count: await logCount(page), clock: await clockTime(page), url: page.url() };

      // Reload mid-way: state, log and clock come back.
      await page.reload();
      await currentPhaseIs(page, 5);
      assertEqual(await logCount(page), beforeReload.count, 'log entries after reload');
      assertEqual(await clockTime(page), beforeReload.clock, 'paused clock after reload');
      assertEqual(page.url(), beforeReload.url, 'same exercise after reload');
      assert(
        (await page.locator('.decisions').innerText()).includes('Toestemming verleend'),
        'the water-cannon decision is still in force after reload',
      );

      await actAs(page, 'Commandant');
      await act(page, 'Waterwerper inzetten');
      last = await lastLogRow(page);
      assert(last.text.includes('Waterwerper ingezet'), `water cannon deployed: ${last.text}`);

      // The tear agent needs its own decision: the water cannon's does not cover it (R4).
      await act(page, 'Traanverwekkende stof toevoegen');
      last = await lastLogRow(page);
      assert(
        last.text.includes('Geweigerd') && last.text.includes('R4'),
        `refused tear agent logged with R4: ${last.text}`,
      );

      // The mayor grants the tear agent separately, by keyboard only.
      await actAs(page, 'Burgemeester');
      await tabTo(page, /Besluit traanverwekkende stof/);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await screenshot(page, 'dialog-tear-gas', { fullPage: false });
      await noAxe(page, 'the tear-agent decision dialog');
      await tabTo(page, /Toestemming verlenen/);
      await page.keyboard.press('Space');
      await tabTo(page, /^Gronden/);
      await page.keyboard.type('Water alleen houdt de groep niet tegen; traanverwekkende stof als pilot.');
      await tabTo(page, /Verder naar bevestigen/);
      await page.keyboard.press('Enter');
      await tabTo(page, /Bevestigen en vastleggen/);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      assert(focused.includes('Besluit traanverwekkende stof'), `focus returns to the opener, got "${focused}"`);

      await actAs(page, 'Commandant');
      await act(page, 'Traanverwekkende stof toevoegen');
      last = await lastLogRow(page);
      assert(last.text.includes('Uitgevoerd'), `tear agent added: ${last.text}`);
      await screenshot(page, 'console-tear-gas-in-use');

      // The mayor revokes the water cannon: both stop (R8).
      await actAs(page, 'Burgemeester');
      await page
        .getByRole('button', { name: /Intrekken/ })
        .first()
        .click();
      const revoke = page.getByRole('dialog');
      await revoke.getByRole('textbox', { name: /^Gronden/ }).fill('De groep is uiteengedreven.');
      await revoke.getByRole('button', { name: 'Verder naar bevestigen' }).click();
      await revoke.getByRole('button', { name: 'Bevestigen en vastleggen' }).click();
      await revoke.waitFor({ state: 'detached' });

      await actAs(page, 'Commandant');
      await act(page, 'Afschalen naar fase 4', 'Rust keert terug');
      await currentPhaseIs(page, 4);
      await noAxe(page, 'the console after de-escalation');
      await screenshot(page, 'console-after-run');

      // Refusals only: the log tells what was tried and refused, with the rule.
      await page.getByLabel('Uitkomst').selectOption({ label: 'Geweigerd' });
      const refusedText = await page.locator('.console__log').innerText();
      assert(refusedText.includes('R3') && refusedText.includes('R4'), 'the refusal filter shows R3 and R4');
      await screenshot(page, 'log-refusals');

      // The same exercise in English.
      await openMore(page);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Actions' }).waitFor();
      await noAxe(page, 'the console in English');
      await screenshot(page, 'console-en');

      assertEqual(foreignRequests, [], 'requests to other hosts');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
];
