/**
 * The exercise as a file: export it from the list, delete it, import it back
 * (with the keyboard, through the browser's file chooser) and find phase and
 * log as they were; a copy with one line edited by hand is refused with that
 * line named, and nothing stored changes. Axe on every screen; no request to
 * another host.
 */
import { Buffer } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { assert, assertEqual, axeViolations, openPage, screenshot, storedDatabase } from '../lib.mjs';
import { act, actAs, createExercise, currentPhaseIs, escalateTo, logRows, tabTo } from '../console.mjs';

async function noAxe(page, where) {
  assertEqual(await axeViolations(page), [], `axe violations on ${where}`);
}

const shortHash = (hash) => `${hash.slice(0, 8)}…${hash.slice(-4)}`;
/** Everything the page's IndexedDB holds, as text, to compare before and after. */
const storedItems = async (page) => JSON.stringify(await storedDatabase(page));

export const tests = [
  {
    name: 'export from the list, delete, import by keyboard, open: phase and log are back; a tampered copy is refused by line',
    async run({ browser, url }) {
      const { context, page, foreignRequests, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      await page.locator('.phase-ladder').waitFor();
      await noAxe(page, 'the empty start screen');

      // A short exercise: two escalations with reasons and a warning (refused before riot control or not: logged).
      await createExercise(page);
      await actAs(page, 'Commandant');
      await escalateTo(page, 2, 'Groepen jongeren op het plein');
      await escalateTo(page, 3, 'Vuurwerk naar agenten gegooid');
      await act(page, 'Waarschuwing geven aan de menigte');
      const rowsBefore = (await logRows(page)).sort((a, b) => a.seq - b.seq);
      assert(rowsBefore.length >= 4, `the log has its lines: ${rowsBefore.length}`);

      await page.getByRole('button', { name: 'Alle oefeningen' }).click();
      const title = 'Jaarwisseling Utrecht-Centrum';
      await page.getByRole('heading', { level: 3, name: title }).waitFor();

      // Export from the list: a real download, announced.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Exporteren ${title}` }).click(),
      ]);
      const fileName = download.suggestedFilename();
      assert(/^paraat-Jaarwisseling-Utrecht-Centrum-\d{4}-\d{2}-\d{2}\.json$/.test(fileName), `file name ${fileName}`);
      const exported = await readFile(await download.path(), 'utf8');
      const file = JSON.parse(exported);
      assertEqual(file.format, 'paraat.exercise-file/1', 'format');
      assertEqual(file.entries.length, file.head.length, 'every line is in the file');
      assertEqual(file.finalHash, file.entries.at(-1).hash, 'the final hash is the last line’s');
      await page
        .getByRole('status')
        .filter({ hasText: `is geëxporteerd als ‘${fileName}’` })
        .waitFor();
      // The card shows the same fingerprint as the file.
      await page.locator('.final-hash summary').getByText(shortHash(file.finalHash)).click();
      await page.locator('.final-hash__full').getByText(file.finalHash).waitFor();
      await screenshot(page, 'exercise-file-fingerprint', { fullPage: false });
      await noAxe(page, 'the list after an export');

      // Delete it.
      await page.getByRole('button', { name: `Verwijderen ${title}` }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Verwijderen' }).click();
      await page.getByRole('heading', { name: 'Nog geen oefeningen' }).waitFor();
      // The last card is gone, so focus goes to "Nieuwe oefening" (an effect after the list is read
      // again): wait for it, or it lands after the Tab presses below and takes focus from them.
      await page.waitForFunction(() => document.activeElement?.textContent?.includes('Nieuwe oefening'));

      // Import it with the keyboard: Tab to the control, Space opens the file chooser.
      await page.locator('#main').focus();
      await tabTo(page, /Oefening importeren/);
      assert(
        await page.evaluate(() => document.activeElement?.matches('input[type="file"]') ?? false),
        'the import control (the file input) has focus',
      );
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
      await chooser.setFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(exported) });
      await page
        .getByRole('status')
        .filter({ hasText: `Oefening ‘${title}’ is geïmporteerd uit ‘${fileName}’` })
        .waitFor();
      assert(
        (await page.getByRole('status').innerText()).includes(shortHash(file.finalHash)),
        'the import names the fingerprint',
      );
      await noAxe(page, 'the list after an import');
      await screenshot(page, 'exercise-file-imported');

      // Open it: phase and log as they were.
      await page.getByRole('button', { name: `Openen ${title}` }).click();
      await page.locator('.console').waitFor();
      await currentPhaseIs(page, 3);
      const rowsAfter = (await logRows(page)).sort((a, b) => a.seq - b.seq);
      assertEqual(rowsAfter, rowsBefore, 'the log after the import');
      await noAxe(page, 'the imported exercise in the console');

      // A copy with one line's text edited by hand.
      await page.getByRole('button', { name: 'Alle oefeningen' }).click();
      await page.getByRole('heading', { level: 3, name: title }).waitFor();
      const tampered = JSON.parse(exported);
      const edited = tampered.entries.find((entry) => entry.event?.reason === 'Vuurwerk naar agenten gegooid');
      assert(edited, 'the escalation to phase 3 is in the file');
      edited.event.reason = 'Enkele jongeren maken lawaai';
      const storedBefore = await storedItems(page);
      await page.getByLabel('Oefening importeren').setInputFiles({
        name: 'opgeschoond.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(tampered, null, 2)),
      });
      const alert = page.getByRole('alert').filter({ hasText: '‘opgeschoond.json’ is niet geïmporteerd.' });
      await alert.waitFor();
      const said = await alert.innerText();
      assert(said.includes(`Regel ${edited.seq} is gewijzigd`), `the alert names line ${edited.seq}: ${said}`);
      assert(said.includes('Er is niets opgeslagen of gewijzigd.'), 'the alert says nothing changed');
      assertEqual(await storedItems(page), storedBefore, 'storage after the refused import');
      assertEqual(
        await page.getByRole('list', { name: 'Opgeslagen oefeningen op dit apparaat' }).getByRole('listitem').count(),
        1,
        'exercises listed after the refused import',
      );
      await noAxe(page, 'the refused import');
      await screenshot(page, 'exercise-file-refused', { fullPage: false });

      assertEqual(foreignRequests, [], 'requests to other hosts');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
];
