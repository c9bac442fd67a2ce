/**
 * Nothing lost: a running clock survives a reload, two tabs on one exercise do
 * not interleave writes, the app loads offline once it has been loaded, and the
 * projector mode stays accessible.
 */
import { readFile } from 'node:fs/promises';
import { assert, assertEqual, axeViolations, openPage, screenshot } from '../lib.mjs';
import { act, actAs, clockTime, createExercise, escalateTo, lastLogRow, logCount, openMore } from '../console.mjs';

const exerciseMs = (iso) => Date.parse(`${iso}Z`);

export const tests = [
  {
    name: 'a running exercise clock keeps running across a reload, from where it was',
    async run({ browser, url }) {
      const { context, page, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      await createExercise(page);
      await actAs(page, 'Oefenleider');
      await page.getByRole('radio', { name: '10×' }).click();
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await page.waitForTimeout(1500);
      const before = exerciseMs(await clockTime(page));
      const wallBefore = Date.now();
      await page.reload();
      await page.locator('.console').waitFor();
      const after = exerciseMs(await clockTime(page));
      // The display shows whole seconds and ticks once a second, so a reading may be up to 1 s of wall time old.
      const bound = (Date.now() - wallBefore + 1000) * 10 + 1000;
      assert(after >= before, `the clock did not go back: ${after - before} ms`);
      assert(after - before <= bound, `the clock ran on at 10×: ${after - before} ms, at most ${bound} ms`);
      assert((await page.locator('.exercise-clock').innerText()).includes('loopt'), 'the clock still runs');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
  {
    name: 'two tabs on one exercise: the second writer wins, the first says so and writes nothing more',
    async run({ browser, url }) {
      const { context, page: first, consoleErrors } = await openPage(browser, url);
      await first.goto(url);
      const hash = await createExercise(first);
      await actAs(first, 'Commandant');
      const second = await context.newPage();
      await second.goto(`${url}${hash}`);
      await second.locator('.console').waitFor();
      await actAs(second, 'Commandant');
      await escalateTo(second, 2, 'Tweede tabblad schaalt op');

      const banner = first.getByRole('alert').filter({ hasText: 'in een ander tabblad gewijzigd' });
      await banner.waitFor();
      const countBefore = await logCount(second);
      await act(first, 'Waarschuwing geven aan de menigte');
      await second.reload();
      await second.locator('.console').waitFor();
      assertEqual(await logCount(second), countBefore, 'the first tab wrote nothing after the conflict');
      assert((await lastLogRow(second)).text.includes('Tweede tabblad schaalt op'), 'the second tab’s entry stands');
      await screenshot(first, 'two-tabs-conflict', { fullPage: false });
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
  {
    name: 'once loaded, the app and its exercises open without a network (service worker)',
    async run({ browser, url }) {
      const { context, page, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      const hash = await createExercise(page);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.reload();
      await page.locator('.console').waitFor();
      assert(
        await page.evaluate(() => Boolean(navigator.serviceWorker.controller)),
        'the service worker controls the page',
      );

      await context.setOffline(true);
      await page.goto(`${url}${hash}`);
      await page.reload();
      await page.locator('.console').waitFor();
      await actAs(page, 'Commandant');
      await escalateTo(page, 2, 'Zonder netwerk');
      await page.goto(url);
      await page.locator('.phase-ladder').waitFor();
      // The list is read from IndexedDB after the start screen shows: wait for it, then say what was missing.
      const listed = await page
        .locator(`.exercise-card[data-exercise-id="${hash.replace('#/oefening/', '')}"]`)
        .filter({ hasText: 'Jaarwisseling' })
        .waitFor({ timeout: 10_000 })
        .then(
          () => true,
          () => false,
        );
      assert(listed, 'the exercise is listed offline');
      await context.setOffline(false);
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
  {
    name: 'storage full: the trainer is told, can export what is unsaved, and saves again once there is room',
    async run({ browser, url }) {
      const { context, page, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      await createExercise(page);
      await actAs(page, 'Commandant');
      // The origin's storage is full, as months of exercises might make it: Chromium's own quota
      // (DevTools' "custom storage quota") set just above what is used, and the rest filled with
      // ballast in a database of its own, until IndexedDB refuses even a small write.
      const cdp = await context.newCDPSession(page);
      const origin = new URL(url).origin;
      const used = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: used + 1024 * 1024 });
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const open = indexedDB.open('ballast');
            open.onupgradeneeded = () => open.result.createObjectStore('ballast');
            open.onsuccess = () => {
              const db = open.result;
              let key = 0;
              const put = (size) => {
                const tx = db.transaction('ballast', 'readwrite');
                tx.objectStore('ballast').put('x'.repeat(size), key++);
                tx.oncomplete = () => put(size);
                tx.onabort = () => (size > 1024 ? put(Math.floor(size / 4)) : (db.close(), resolve()));
              };
              put(256 * 1024);
            };
          }),
      );
      await act(page, 'Opschalen naar fase 2', 'Onrust in de wijk');
      const alert = page.getByRole('alert').filter({ hasText: 'Opslaan is mislukt' });
      await alert.waitFor();
      assert((await alert.innerText()).includes('opslag vol'), 'the banner says why: storage full');
      await screenshot(page, 'storage-full', { fullPage: false });

      const downloading = page.waitForEvent('download');
      await alert.getByRole('button', { name: 'Exporteren' }).click();
      const file = await (await downloading).path();
      const exported = JSON.parse(await readFile(file, 'utf8'));
      assert(
        exported.entries.some((entry) => entry.kind === 'attempt' && entry.event.reason === 'Onrust in de wijk'),
        'the export holds the unsaved attempt',
      );

      // Room again: the ballast goes, and the quota is as it was.
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const deleting = indexedDB.deleteDatabase('ballast');
            deleting.onsuccess = deleting.onerror = deleting.onblocked = () => resolve();
          }),
      );
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await alert.getByRole('button', { name: 'Opnieuw opslaan' }).click();
      await alert.waitFor({ state: 'detached' });
      await page.reload();
      await page.locator('.console').waitFor();
      assert((await lastLogRow(page)).text.includes('Onrust in de wijk'), 'saved after room was made');
      assertEqual(
        consoleErrors.filter((error) => !error.includes('QuotaExceeded')),
        [],
        'console errors',
      );
      await context.close();
    },
  },
  {
    name: 'projector mode: large type, remembered, axe-clean',
    async run({ browser, url }) {
      const { context, page, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      await createExercise(page);
      await actAs(page, 'Commandant');
      await escalateTo(page, 2, 'Groep jongeren blijft hangen');
      const normal = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      await openMore(page);
      await page.getByRole('button', { name: 'Projectiemodus' }).click();
      const large = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      assert(parseFloat(large) > parseFloat(normal), `projector type is larger: ${normal} → ${large}`);
      assertEqual(
        await page.getByRole('button', { name: 'Projectiemodus' }).getAttribute('aria-pressed'),
        'true',
        'toggle state',
      );
      assertEqual(await axeViolations(page), [], 'axe violations in projector mode');
      await screenshot(page, 'console-projector', { fullPage: false });
      await page.reload();
      await page.locator('.console').waitFor();
      assertEqual(
        await page.evaluate(() => getComputedStyle(document.documentElement).fontSize),
        large,
        'projector mode is remembered',
      );
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
];
