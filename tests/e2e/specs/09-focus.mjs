/**
 * Where focus goes when what held it disappears, by keyboard only: onto the
 * new screen's <main> when its code loads lazily (the console, the instructor
 * mode), onto "Besluit …" when a revocation removes its own "Intrekken…"
 * button, and onto the message after an import. Never onto <body>, from where
 * the next Tab starts again at the skip link.
 */
import { Buffer } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { assert, assertEqual, openPage } from '../lib.mjs';
import { act, actAs, CAST, currentPhaseIs, decide, escalateTo, fillStartTime, tabTo } from '../console.mjs';

/** What has focus, in a few words: tag, id or class, and its text or label. */
const focusOf = (page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return { tag: 'none', text: '' };
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      className: String(element.className),
      text: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 80),
      inMain: Boolean(element.closest('#main')),
    };
  });

/**
 * Wait until focus is settled where `expected` says, and still there a moment later: react-aria restores
 * focus a frame after a dialog unmounts, and a lazily loaded screen replaces what came before it.
 */
async function focusSettlesOn(page, expected, what) {
  let focus;
  for (let attempt = 0; attempt < 100; attempt++) {
    focus = await focusOf(page);
    if (expected(focus)) break;
    await page.waitForTimeout(50);
  }
  assert(expected(focus), `${what}: focus is on ${JSON.stringify(focus)}`);
  await page.waitForTimeout(300);
  focus = await focusOf(page);
  assert(expected(focus), `${what}, a moment later: focus is on ${JSON.stringify(focus)}`);
}

/** The set-up form by keyboard: Tab to each field, type, and Enter on "Oefening aanmaken". */
async function createByKeyboard(page) {
  // The list (and its "Nieuwe oefening") shows once the exercises are read from IndexedDB.
  await page.getByRole('button', { name: /Nieuwe oefening/ }).first().waitFor();
  await tabTo(page, /Nieuwe oefening/);
  await page.keyboard.press('Enter');
  await page.locator('form.new-exercise').waitFor();
  for (const [name, value] of Object.entries(CAST)) {
    // The start time is a field of parts (react-aria), not one input.
    if (name === 'startTime') await fillStartTime(page, value);
    else await page.fill(`input[name=${name}]`, value);
  }
  await tabTo(page, /Oefening aanmaken/);
  await page.keyboard.press('Enter');
  await page.locator('main.console').waitFor();
}

export const tests = [
  {
    name: 'a lazily loaded screen gets focus on its <main>: the console after "Oefening aanmaken", the instructor mode',
    async run({ browser, url }) {
      const { context, page, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      await page.locator('.phase-ladder').waitFor();

      await createByKeyboard(page);
      await focusSettlesOn(page, (focus) => focus.id === 'main' && focus.className.includes('console'), 'the console');
      await page.keyboard.press('Tab');
      const next = await focusOf(page);
      assert(next.inMain, `Tab from the console's <main> stays in it, got ${JSON.stringify(next)}`);
      assertEqual(await page.evaluate(() => window.scrollY), 0, 'the console starts at its top');

      // Back to the list, then the instructor mode (its own lazy chunk), by keyboard.
      await page.getByRole('button', { name: 'Alle oefeningen' }).click();
      await page.getByRole('heading', { level: 3, name: CAST.title }).waitFor();
      await tabTo(page, /Instructie GGP-GO/);
      await page.keyboard.press('Enter');
      await page.locator('main.instructor').waitFor();
      await focusSettlesOn(
        page,
        (focus) => focus.id === 'main' && focus.className.includes('instructor'),
        'the instructor mode',
      );

      // A cold start on the list (nothing loaded yet but the list), straight into the instructor mode.
      await page.goto(url);
      await page.reload();
      await page.locator('.phase-ladder').waitFor();
      await tabTo(page, /Instructie GGP-GO/);
      await page.keyboard.press('Enter');
      await page.locator('main.instructor').waitFor();
      await focusSettlesOn(
        page,
        (focus) => focus.id === 'main' && focus.className.includes('instructor'),
        'the instructor mode from a cold start',
      );

      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
  {
    name: 'after revoking by keyboard, focus is on that decision’s "Besluit …" button, not on <body>',
    async run({ browser, url }) {
      const { context, page, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      await page.locator('.phase-ladder').waitFor();
      await createByKeyboard(page);
      await actAs(page, 'Commandant');
      for (const phase of [2, 3, 4, 5]) await escalateTo(page, phase, `Onrust neemt toe (fase ${phase})`);
      await actAs(page, 'Burgemeester');
      await decide(page, 'waterCannon', { grounds: 'Zware openlijke geweldpleging.' });
      await actAs(page, 'Commandant');
      await act(page, 'Waarschuwing geven aan de menigte');

      await actAs(page, 'Burgemeester');
      await tabTo(page, /Intrekken… besluit over de waterwerper/);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await tabTo(page, /^Gronden/);
      await page.keyboard.type('De groep is uiteengedreven.');
      await tabTo(page, /Verder naar bevestigen/);
      await page.keyboard.press('Enter');
      await tabTo(page, /Bevestigen en vastleggen/);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      assert(
        (await page.locator('.decision-card[data-subject="waterCannon"]').innerText()).includes('Ingetrokken'),
        'the water cannon’s decision is revoked',
      );
      assertEqual(
        await page.getByRole('button', { name: /Intrekken… besluit over de waterwerper/ }).count(),
        0,
        'gone',
      );
      await focusSettlesOn(page, (focus) => focus.text.includes('Besluit waterwerper'), 'after the revocation');
      await currentPhaseIs(page, 5);

      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
  {
    name: 'after an import by keyboard, focus is on the message that says what was imported',
    async run({ browser, url }) {
      const { context, page, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      await page.locator('.phase-ladder').waitFor();
      await createByKeyboard(page);
      await page.getByRole('button', { name: 'Alle oefeningen' }).click();
      await page.getByRole('heading', { level: 3, name: CAST.title }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Exporteren ${CAST.title}` }).click(),
      ]);
      const exported = await readFile(await download.path(), 'utf8');

      await page.locator('#main').focus();
      await tabTo(page, /Oefening importeren/);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
      await chooser.setFiles({ name: 'kopie.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
      // Reading and checking the file (hash chain, replay) takes its time on a busy machine.
      await page.getByRole('status').filter({ hasText: 'is geïmporteerd uit ‘kopie.json’' }).waitFor();
      await focusSettlesOn(
        page,
        (focus) => focus.text.includes(`Oefening ‘${CAST.title}’ is geïmporteerd uit ‘kopie.json’`),
        'after the import',
      );
      await page.keyboard.press('Tab');
      const next = await focusOf(page);
      assert(next.inMain, `Tab from the message stays in the screen, got ${JSON.stringify(next)}`);

      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
];
