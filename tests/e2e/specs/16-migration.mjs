/**
 * Issue #13: on first start with IndexedDB, an exercise Paraat kept in
 * localStorage (the format before, seeded here from a real exercise file) is
 * moved over: it is listed and opens where it was, its old keys are gone, and
 * IndexedDB holds every line with the same final hash. A second start finds
 * nothing left to move and changes nothing.
 */
import { readFile } from 'node:fs/promises';
import { assert, assertEqual, openPage, storedExercise } from '../lib.mjs';

const FIXTURE = new URL('../../fixtures/exercise-before-positions.json', import.meta.url);

export const tests = [
  {
    name: 'an exercise in localStorage moves to IndexedDB on first start: listed, whole, old keys gone',
    async run({ browser, url }) {
      const file = JSON.parse(await readFile(FIXTURE, 'utf8'));
      const { id } = file.head;
      const { context, page, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      await page.locator('.phase-ladder').waitFor();
      // The keys the localStorage store wrote (src/session/local/localStorageStore.ts).
      await page.evaluate(({ head, entries }) => {
        localStorage.setItem('paraat/index', JSON.stringify([head.id]));
        localStorage.setItem(`paraat/exercise/${head.id}`, JSON.stringify(head));
        for (const entry of entries)
          localStorage.setItem(`paraat/exercise/${head.id}/${entry.seq}`, JSON.stringify(entry));
      }, file);

      await page.reload();
      await page.getByRole('heading', { level: 3, name: file.head.setup.title }).waitFor();
      const stored = await storedExercise(page, id);
      assertEqual(stored?.head.length, file.entries.length, 'IndexedDB holds every line');
      assertEqual(stored?.entries.at(-1)?.hash, file.finalHash, 'the same final hash');
      assertEqual(
        await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('paraat/'))),
        [],
        'the old keys are gone',
      );
      assert(
        !(await page.getByRole('alert').filter({ hasText: 'niet overgezet' }).count()),
        'nothing is reported as left behind',
      );

      await page.getByRole('button', { name: `Openen ${file.head.setup.title}` }).click();
      await page.locator('main.console').waitFor();
      assert(
        (await page.locator('.log__count').innerText()).includes(`${file.entries.length} van ${file.entries.length}`),
        'the console shows the whole log',
      );

      await page.reload();
      await page.locator('main.console').waitFor();
      assertEqual((await storedExercise(page, id))?.head.length, file.entries.length, 'a second start changes nothing');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
];
