/**
 * Issue #14 item 8 from the start screen, in the real stack: the Paraat
 * server (built as `npm run server` builds it) serves the built app on its own
 * SQLite file. The trainer opens the admin link (the secret stays in the tab),
 * goes to the exercise list, makes a local exercise from the Jaarwisseling
 * scenario, and presses "Live zetten" on it: the exercise is uploaded whole
 * (same id, same fingerprint on the server) and its live console opens,
 * connected. Then a new exercise from the form, with "Live sessie op de
 * server" chosen (local is the default), is made on the server and opens
 * live; nothing new is stored on the device. Axe on the list and on the form
 * with the choice; screenshots of both. No request leaves for another host.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assert, assertEqual, axeViolations, buildLiveServer, openPage, screenshot, startLiveServer } from '../lib.mjs';
import { createFromScenario } from '../console.mjs';

const WAIT = 15_000;

async function noAxe(page, where) {
  assertEqual(await axeViolations(page), [], `axe violations on ${where}`);
}

const unexpected = (errors) =>
  errors.filter((text) => !/WebSocket connection to .* failed|ERR_CONNECTION_REFUSED|net::ERR_/.test(text));

/** The live exercises on the server, as the admin API lists them. */
async function liveListing(url, secret) {
  const response = await fetch(`${url}/api/exercises`, { headers: { authorization: `Bearer ${secret}` } });
  assertEqual(response.status, 200, 'the admin listing answers');
  return (await response.json()).exercises;
}

export const tests = [
  {
    name: 'make live from the list: a local exercise uploaded and opened live; a new one made live from the form',
    async run({ browser }) {
      const temp = mkdtempSync(path.join(tmpdir(), 'paraat-make-live-e2e-'));
      const build = buildLiveServer();
      const server = startLiveServer({ entry: build.entry, dbFile: path.join(temp, 'paraat.sqlite') });
      let context;
      try {
        const { url, adminLink, secret } = await server.started;
        assert(adminLink && secret, `the first start prints the admin link:\n${server.output()}`);
        const opened = await openPage(browser, url);
        context = opened.context;
        const { page, foreignRequests, consoleErrors } = opened;

        // The admin link puts the secret in this tab; the list is one click away.
        await page.goto(adminLink);
        await page.getByRole('heading', { name: 'Live-sessies op deze server' }).waitFor({ timeout: WAIT });
        await page.getByRole('link', { name: /Terug/ }).first().click();
        await page.getByRole('heading', { name: 'Nog geen oefeningen' }).waitFor({ timeout: WAIT });

        // A local exercise, as ever (the form's default place is this device).
        const localHash = await createFromScenario(page, 'Jaarwisseling');
        const localId = /^#\/oefening\/([0-9a-f]+)$/.exec(localHash)?.[1];
        assert(localId, `a local exercise opened: ${localHash}`);
        await page.goto(`${url}/#/`);
        const makeLive = page.getByRole('button', { name: /^Live zetten Jaarwisseling/ });
        await makeLive.waitFor({ timeout: WAIT });
        await noAxe(page, 'the exercise list on a server');
        await screenshot(page, 'make-live-list');

        await makeLive.click();
        await page.waitForURL(/#\/live\/[0-9a-f]+$/, { timeout: WAIT });
        await page.locator('.console').waitFor({ timeout: WAIT });
        await page
          .locator('.live-banner')
          .filter({ hasText: 'Live verbonden met de server' })
          .waitFor({ timeout: WAIT });
        const liveId = /#\/live\/([0-9a-f]+)$/.exec(page.url())?.[1];
        assertEqual(liveId, localId, 'the exercise keeps its id on the server');
        const [uploaded] = await liveListing(url, secret);
        assertEqual(uploaded?.id, localId, 'the server lists the uploaded exercise');
        assert(uploaded.length >= 1, `the whole log went up: ${JSON.stringify(uploaded)}`);

        // A new exercise made live from the form.
        await page.goto(`${url}/#/`);
        await page.getByRole('button', { name: 'Nieuwe oefening' }).first().click();
        const place = page.getByRole('group', { name: 'Waar de oefening loopt' });
        await place.waitFor({ timeout: WAIT });
        assert(await place.getByRole('radio', { name: 'Lokaal op dit apparaat' }).isChecked(), 'local by default');
        await page
          .getByRole('group', { name: /^Scenario/ })
          .locator('label', { hasText: 'Jaarwisseling' })
          .click();
        await page.getByText('Scenario ‘Jaarwisseling’ geladen').waitFor({ timeout: WAIT });
        await place.getByRole('radio', { name: 'Live sessie op de server' }).check();
        await noAxe(page, 'the new-exercise form on a server, live chosen');
        await screenshot(page, 'make-live-form');
        await place.scrollIntoViewIfNeeded();
        await screenshot(page, 'make-live-form-place', { fullPage: false });
        await page.getByRole('button', { name: 'Live oefening aanmaken' }).click();
        await page.waitForURL(
          (address) => /^#\/live\/[0-9a-f]+$/.test(address.hash) && !address.hash.includes(localId),
          {
            timeout: WAIT,
          },
        );
        await page.locator('.console').waitFor({ timeout: WAIT });
        const createdId = /#\/live\/([0-9a-f]+)$/.exec(page.url())?.[1];
        const listing = await liveListing(url, secret);
        assertEqual(
          listing.map((exercise) => exercise.id).sort(),
          [localId, createdId].sort(),
          'the server holds the uploaded and the created exercise',
        );

        // Nothing new on the device: the list still shows the one local exercise.
        await page.goto(`${url}/#/`);
        await page.getByRole('button', { name: /^Live zetten Jaarwisseling/ }).waitFor({ timeout: WAIT });
        assertEqual(await page.locator('.exercise-card').count(), 1, 'one local exercise');

        assertEqual(foreignRequests, [], 'requests to other hosts');
        assertEqual(unexpected(consoleErrors), [], 'console errors');
      } finally {
        await context?.close();
        await server.kill('SIGTERM');
        rmSync(temp, { recursive: true, force: true });
      }
    },
  },
];
