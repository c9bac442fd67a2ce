/**
 * The debrief (issue 4): a short exercise through the UI, then its
 * after-action review read from the stored log — decisions, refusals grouped
 * by rule, the final hash — printed (print media), and taken away as CSV for
 * Excel (BOM, semicolons), Markdown and JSON. A second run of the same
 * exercise side by side. Axe clean; nothing sent to another host.
 */
import { readFile } from 'node:fs/promises';
import { assert, assertEqual, axeViolations, openPage, screenshot } from '../lib.mjs';
import { act, actAs, createExercise, currentPhaseIs, decide, escalateTo, lastLogRow, logCount, openMore } from '../console.mjs';

async function noAxe(page, where) {
  assertEqual(await axeViolations(page), [], `axe violations on ${where}`);
}

/** Move the exercise clock ahead with the trainer's +5 and +1 buttons. */
async function jump(page, minutes) {
  for (let left = minutes; left > 0; left -= left >= 5 ? 5 : 1)
    await page.getByRole('button', { name: left >= 5 ? '5 minuten vooruit' : '1 minuut vooruit', exact: true }).click();
}

async function download(page, button) {
  const downloading = page.waitForEvent('download');
  await page.locator('.export-bar').getByRole('button', { name: button }).click();
  const file = await downloading;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

export const tests = [
  {
    name: 'a short run, its debrief with decisions and refusals by rule, print view, CSV/Markdown/JSON, two runs side by side',
    async run({ browser, url }) {
      const { context, page, foreignRequests, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      await createExercise(page);

      // A short run on the exercise clock: escalate, the water cannon refused (R3), the mayor grants it,
      // warn and deploy, the tear agent refused twice (R4), granted separately, added (a pilot case, R11).
      await actAs(page, 'Commandant');
      await jump(page, 5);
      await escalateTo(page, 2, 'Groep jongeren op het plein');
      await jump(page, 5);
      await escalateTo(page, 3, 'Vuurwerk naar agenten');
      await escalateTo(page, 4, 'Ernstige ongeregeldheden');
      await jump(page, 10);
      await escalateTo(page, 5, 'Barricades en brandstichting');
      await act(page, 'Waterwerper inzetten');
      assert((await lastLogRow(page)).text.includes('R3'), 'the water cannon is refused under R3');
      await jump(page, 5);
      await actAs(page, 'Burgemeester');
      await decide(page, 'waterCannon', {
        grounds: 'Zware openlijke geweldpleging; de ME kan de orde niet herstellen.',
        beeld: 'Circa 300 relschoppers, brandende barricades.',
        oordeel: 'Waterwerper proportioneel; alternatieven uitgeput.',
        conditions: 'Niet richten op hoofden.',
      });
      await actAs(page, 'Commandant');
      await jump(page, 1);
      await act(page, 'Waarschuwing geven aan de menigte');
      await jump(page, 1);
      await act(page, 'Waterwerper inzetten');
      await act(page, 'Traanverwekkende stof toevoegen');
      await jump(page, 5);
      await act(page, 'Traanverwekkende stof toevoegen');
      await actAs(page, 'Burgemeester');
      await decide(page, 'tearGas', { grounds: 'De druk op de ME blijft zeer hoog; water alleen is onvoldoende.' });
      await actAs(page, 'Commandant');
      await jump(page, 2);
      await act(page, 'Traanverwekkende stof toevoegen');
      assert((await lastLogRow(page)).text.includes('Uitgevoerd'), 'the tear agent is added');
      const entries = await logCount(page);

      // The console's header leads to the debrief; the debrief opens read-only from the store.
      const consoleUrl = page.url();
      await screenshot(page, 'debrief-console-link', { fullPage: false });
      await openMore(page);
      await page.getByRole('link', { name: 'Nabespreking' }).click();
      await page.locator('.debrief-report').waitFor();
      assert(page.url().endsWith('/nabespreking'), `the debrief has its own address: ${page.url()}`);
      await page.getByRole('heading', { level: 1, name: 'Nabespreking: Jaarwisseling Utrecht-Centrum' }).waitFor();

      const decisions = page.getByRole('region', { name: 'Besluiten van de burgemeester' });
      assertEqual(await decisions.locator('.decision-record').count(), 2, 'decisions in the debrief');
      const decisionsText = await decisions.innerText();
      for (const expected of [
        'Zware openlijke geweldpleging',
        'Circa 300 relschoppers, brandende barricades.',
        'Waterwerper proportioneel; alternatieven uitgeput.',
        'Niet richten op hoofden.',
        'Burgemeester Marieke de Boer',
      ])
        assert(decisionsText.includes(expected), `the decision shows "${expected}"`);

      const refusals = page.getByRole('region', { name: 'Weigeringen per regel' });
      const groups = await refusals.getByRole('heading', { level: 3 }).allInnerTexts();
      assertEqual(
        groups.map((text) => text.replace(/\s+/g, ' ').trim()),
        [
          '✗ R3 Waterwerper alleen met besluit van de burgemeester 1 keer',
          '✗ R4 Traanverwekkende stof vraagt een eigen, apart besluit 2 keer',
        ],
        'refusals grouped by rule',
      );
      assert(
        (await page.getByRole('region', { name: /Pilotinzet/ }).innerText()).includes('Pilotinzet 1'),
        'the tear agent is marked as a pilot case',
      );
      const hash = (await page.locator('.final-hash__value').first().innerText()).trim();
      assert(/^[0-9a-f]{64}$/.test(hash), `a SHA-256 final hash is shown: ${hash}`);
      await noAxe(page, 'the debrief');
      await screenshot(page, 'debrief');
      await screenshot(page, 'debrief-top', { fullPage: false });

      // Print: no buttons, no header controls; the report as it goes to paper.
      await page.emulateMedia({ media: 'print' });
      assert(!(await page.locator('.export-bar').isVisible()), 'no export buttons on paper');
      assert(!(await page.locator('.debrief-header__controls').isVisible()), 'no header controls on paper');
      assert(!(await page.getByRole('link', { name: /Terug naar de console/ }).isVisible()), 'no links on paper');
      assert(await page.locator('.final-hash').first().isVisible(), 'the final hash is on paper');
      await screenshot(page, 'debrief-print');
      await page.emulateMedia({ media: 'screen' });

      // CSV for Excel in the Dutch locale.
      const csv = await download(page, 'CSV voor Excel');
      assert(csv.name.endsWith('.csv'), `a .csv file: ${csv.name}`);
      assertEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a UTF-8 BOM');
      const csvText = csv.bytes.toString('utf8').slice(1);
      assert(csvText.includes('\r\n') && !/[^\r]\n/.test(csvText), 'CRLF line ends only');
      const header = csvText.split('\r\n').find((line) => line.startsWith('Regel;'));
      assert(header?.startsWith('Regel;Oefentijd;Werkelijke tijd;Rol;Naam'), `a semicolon header: ${header}`);
      assert(csvText.includes(`Laatste hash (SHA-256);${hash}`), 'the CSV carries the final hash');
      assert(/;R4;Traanverwekkende stof vraagt een eigen, apart besluit;/.test(csvText), 'the CSV names the rule');
      assert(/31-12-2026 22:\d\d:00/.test(csvText), 'Dutch dates in the CSV');

      const markdown = await download(page, 'Markdown');
      const markdownText = markdown.bytes.toString('utf8');
      assert(markdownText.startsWith('# Nabespreking: Jaarwisseling Utrecht-Centrum'), 'a Markdown report');
      assert(markdownText.includes(`\`${hash}\``), 'the Markdown carries the final hash');

      const json = JSON.parse((await download(page, 'JSON (volledig logboek)')).bytes.toString('utf8'));
      assertEqual(json.head.headHash, hash, 'the JSON head’s hash is the one shown');
      assertEqual(json.entries.length, entries, 'the JSON holds every entry');
      await screenshot(page, 'debrief-exported', { fullPage: false });

      // Back to the console: nothing was written by the debrief.
      await page.getByRole('link', { name: /Terug naar de console/ }).click();
      await currentPhaseIs(page, 5);
      assertEqual(page.url(), consoleUrl, 'back in the same console');
      assertEqual(await logCount(page), entries, 'the debrief wrote nothing to the log');

      // A second run of the same exercise, quicker; then the two side by side.
      await page.getByRole('button', { name: /Alle oefeningen/ }).click();
      await createExercise(page);
      await actAs(page, 'Commandant');
      await jump(page, 2);
      for (const phase of [2, 3, 4, 5]) await escalateTo(page, phase, `Snel erger (fase ${phase})`);
      await actAs(page, 'Burgemeester');
      await jump(page, 3);
      await decide(page, 'waterCannon', { grounds: 'Direct gevaar voor agenten.' });
      await actAs(page, 'Commandant');
      await act(page, 'Waarschuwing geven aan de menigte');
      await act(page, 'Waterwerper inzetten');
      await openMore(page);
      await page.getByRole('link', { name: 'Nabespreking' }).click();
      await page.locator('.debrief-report').waitFor();
      const picker = page.getByRole('combobox', { name: 'Vergelijk met een andere run' });
      // The other runs are read from IndexedDB after the report shows ("worden gezocht…" until then).
      await picker.waitFor();
      const options = await picker.locator('option').allInnerTexts();
      assertEqual(options.length, 2, 'one other run to compare with');
      await picker.selectOption({ index: 1 });
      const compare = page.getByRole('region', { name: 'Twee runs naast elkaar' });
      await compare.locator('.comparison-run').nth(1).waitFor();
      assertEqual(await compare.getByRole('img').count(), 2, 'two phase charts side by side');
      const totals = await compare.getByRole('row', { name: /Totaal/ }).innerText();
      assertEqual(totals.replace(/\s+/g, ' ').trim(), 'Totaal 0 3', 'refusal totals of the two runs');
      await noAxe(page, 'the debrief with two runs side by side');
      await compare.scrollIntoViewIfNeeded();
      await screenshot(page, 'debrief-compare');

      assertEqual(foreignRequests, [], 'requests to other hosts');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
];
