/**
 * Issue #4, items 2–3: an exercise from the built-in scenario "Jaarwisseling";
 * the trainer moves the clock, releases one inject at once, holds one and
 * skips one; the log names them by title; the audience's screen in a second
 * tab shows what was released for it, and follows the console live. Axe on
 * every screen; no request to another host; no console errors.
 */
import { Buffer } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { assert, assertEqual, axeViolations, openPage, screenshot } from '../lib.mjs';
import { logRows, openMore } from '../console.mjs';

async function noAxe(page, where) {
  assertEqual(await axeViolations(page), [], `axe violations on ${where}`);
}

/** The same watch `openPage` keeps, for a page the app opens itself (a link to a new tab). */
function watch(page, own) {
  const foreignRequests = [];
  const consoleErrors = [];
  page.on('request', (request) => {
    const address = new URL(request.url());
    if (!['data:', 'blob:'].includes(address.protocol) && address.host !== own) foreignRequests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return { foreignRequests, consoleErrors };
}

const injectCard = (page, title) =>
  page.locator('.injects-panel article', { has: page.getByRole('heading', { level: 3, name: title, exact: true }) });

async function statusOf(card) {
  return (await card.locator('.inject__status').innerText()).trim();
}

export const tests = [
  {
    name: 'an exercise from "Jaarwisseling": release, hold and skip injects; the log and the audience screen show them',
    async run({ browser, url }) {
      const { context, page, foreignRequests, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      await page.locator('.phase-ladder').waitFor();

      // The picker: Jaarwisseling, fetched from the app's own origin, prefills the form.
      await page.getByRole('button', { name: 'Nieuwe oefening' }).first().click();
      const picker = page.getByRole('group', { name: /^Scenario/ });

      // A file of one's own with mistakes: every error named by its field.
      await picker.locator('label', { hasText: 'Eigen scenariobestand' }).click();
      await page.getByLabel(/^Scenariobestand/).setInputFiles({
        name: 'mijn-scenario.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ format: 'paraat.scenario/1', id: 'Mijn Scenario', injects: [{}] })),
      });
      const errors = picker.getByRole('alert');
      await errors.waitFor();
      const errorText = await errors.innerText();
      assert(errorText.includes('‘mijn-scenario.json’ is geen bruikbaar scenario'), 'the file is named');
      for (const path of ['id', 'title', 'injects[0].offsetMinutes', 'municipality'])
        assert(errorText.includes(path), `error names the field ${path}`);
      await noAxe(page, 'the picker with file errors');
      await errors.scrollIntoViewIfNeeded();
      await screenshot(page, 'scenario-file-errors', { fullPage: false });

      await picker.locator('label', { hasText: 'Jaarwisseling' }).click();
      await page.getByText(/Scenario ‘Jaarwisseling’ geladen/).waitFor();
      assertEqual(await page.getByLabel(/^Titel van de oefening/).inputValue(), 'Jaarwisseling', 'title prefilled');
      assertEqual(await page.getByLabel(/^Gemeente/).inputValue(), 'Lindenburg', 'municipality prefilled');
      assertEqual(await page.getByLabel(/^Oefenleider/).inputValue(), 'Petra de Wit', 'trainer prefilled');
      assert(await page.getByRole('radio', { name: /^Fase 2/ }).isChecked(), 'start phase 2 from the scenario');
      const summary = page.getByRole('region', { name: 'Over dit scenario: Jaarwisseling' });
      assert((await summary.innerText()).includes('Leerdoelen'), 'learning objectives shown before starting');
      await noAxe(page, 'the form with a scenario');
      await screenshot(page, 'scenario-picker');

      await page.getByRole('button', { name: 'Oefening aanmaken' }).click();
      await page.locator('.console').waitFor();
      const exerciseHash = new URL(page.url()).hash;
      const panel = page.locator('.injects-panel');
      await panel.waitFor();
      assertEqual(
        await statusOf(injectCard(page, '22:00 — oudejaarsavond in Lindenburg')),
        '! Nu aan de beurt',
        'start due',
      );
      assertEqual(await statusOf(injectCard(page, 'Vuurwerk naar de brandweer')), '◷ Gepland', 'next queued');

      // Jump the clock 20 minutes: three injects are due, announced in words.
      for (let jump = 0; jump < 4; jump++) await page.getByRole('button', { name: '5 minuten vooruit' }).click();
      await panel.getByText('3 injects zijn aan de beurt', { exact: false }).waitFor();

      const start = injectCard(page, '22:00 — oudejaarsavond in Lindenburg');
      await start.getByRole('button', { name: /^Nu vrijgeven/ }).click();
      assertEqual(await statusOf(start), '✓ Vrijgegeven om 22:20', 'released at once');
      assert((await start.innerText()).includes('Het is 31 december, 22:00.'), 'the released text is shown');

      const fireworks = injectCard(page, 'Vuurwerk naar de brandweer');
      await fireworks.getByRole('button', { name: /^Aanhouden/ }).click();
      assertEqual(await statusOf(fireworks), '‖ Aangehouden', 'held');

      const askMe = injectCard(page, 'Het basisteam houdt het niet meer');
      await askMe.getByRole('button', { name: /^Overslaan/ }).click();
      assertEqual(await statusOf(askMe), '↷ Overgeslagen', 'skipped');
      await panel.getByText('1 van 17 vrijgegeven').waitFor();
      await noAxe(page, 'the console with injects');
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, 'injects-panel');
      await panel.screenshot({ path: 'test-results/screenshots/injects-panel-only.png' });

      // The log names them by title; the kind filter "Injects" shows just these.
      await page.locator('.console__log').getByLabel('Soort').selectOption('injects');
      const rows = (await logRows(page)).map((row) => row.text);
      assertEqual(rows.length, 3, 'inject rows in the log');
      assert(rows[0].includes('Inject vrijgegeven: 22:00 — oudejaarsavond in Lindenburg'), `log row 1: ${rows[0]}`);
      assert(rows[1].includes('Inject aangehouden: Vuurwerk naar de brandweer'), `log row 2: ${rows[1]}`);
      assert(rows[2].includes('Inject overgeslagen: Het basisteam houdt het niet meer'), `log row 3: ${rows[2]}`);
      assert(
        rows.every((row) => row.includes('Petra de Wit')),
        'each is logged in the trainer’s name',
      );

      // The audience's screen, opened from the panel in a second tab: read-only, live.
      const [audience] = await Promise.all([
        context.waitForEvent('page'),
        panel.getByRole('link', { name: /^Iedereen — publieksscherm/ }).click(),
      ]);
      const audienceWatch = watch(audience, new URL(url).host);
      await audience.waitForLoadState();
      assertEqual(new URL(audience.url()).hash, `${exerciseHash}/publiek/everyone`, 'audience route');
      const titles = () => audience.locator('.audience-item__title').allInnerTexts();
      await audience.locator('.audience-item__title').first().waitFor();
      assertEqual(await titles(), ['22:00 — oudejaarsavond in Lindenburg'], 'released for everyone, nothing else');

      // The trainer releases the held inject: the audience's screen follows without a reload.
      await fireworks.getByRole('button', { name: /^Nu vrijgeven/ }).click();
      await audience.getByRole('heading', { level: 2, name: 'Vuurwerk naar de brandweer' }).waitFor();
      assertEqual(
        await titles(),
        ['Vuurwerk naar de brandweer', '22:00 — oudejaarsavond in Lindenburg'],
        'newest first, live',
      );
      assert((await audience.locator('.audience-item--newest').innerText()).includes('Nieuwste'), 'newest marked');
      await noAxe(audience, 'the audience screen');
      await screenshot(audience, 'audience-view');

      // The console kept its write access: the audience's screen opened no session.
      assertEqual(await page.locator('.console .banner--error').count(), 0, 'no conflict banner in the console');

      // The commander's screen shows the commander's injects too; the skipped one stays away.
      await audience.goto(`${url}${exerciseHash}/publiek/commander`);
      await audience.getByText('Voor: Commandant', { exact: false }).first().waitFor();
      assertEqual(
        await titles(),
        ['Vuurwerk naar de brandweer', '22:00 — oudejaarsavond in Lindenburg'],
        'commander sees everyone’s injects; the skipped commander inject is not shown',
      );

      // After the exercise: the debrief from the log (the released decision-point injects measured),
      // its print view, the JSON export, and that export imported again beside the original.
      const logLines = (
        await page
          .locator('.console__log')
          .getByText(/van \d+ regels?/)
          .innerText()
      ).match(/van (\d+)/)?.[1];
      await openMore(page);
      await page.getByRole('link', { name: 'Nabespreking' }).click();
      await page.getByRole('heading', { level: 2, name: 'Tijd tot besluit en tot actie' }).waitFor();
      await noAxe(page, 'the scenario debrief');
      await page.emulateMedia({ media: 'print' });
      await screenshot(page, 'scenario-debrief-print');
      await page.emulateMedia({ media: 'screen' });
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'JSON (volledig logboek)' }).click();
      const exported = JSON.parse(await readFile(await (await downloading).path(), 'utf8'));
      assertEqual(exported.head.setup.scenario.id, 'jaarwisseling', 'the export holds the scenario');
      assert(
        exported.entries.some((entry) => entry.kind === 'inject' && entry.action === 'released'),
        'the export holds the inject releases',
      );
      await page.goto(url);
      await page.getByLabel('Oefening importeren').setInputFiles({
        name: 'jaarwisseling.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(exported)),
      });
      await page.getByRole('status').filter({ hasText: 'is geïmporteerd' }).waitFor();
      const listed = page.getByRole('list', { name: 'Opgeslagen oefeningen op dit apparaat' }).getByRole('listitem');
      assertEqual(await listed.count(), 2, 'the imported copy stands beside the original');
      for (const text of await listed.allInnerTexts())
        assert(text.includes(`${logLines} regels`), `both copies hold the ${logLines} log lines: ${text}`);
      await noAxe(page, 'the start screen after the import');

      assertEqual([...foreignRequests, ...audienceWatch.foreignRequests], [], 'requests to other hosts');
      assertEqual([...consoleErrors, ...audienceWatch.consoleErrors], [], 'console errors');
      await context.close();
    },
  },
];
