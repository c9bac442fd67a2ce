/**
 * Issue #14 item 9, in the real stack: the Paraat server (built as `npm run
 * server` builds it) runs as a child process on its own SQLite file and serves
 * the built app; two Chromium contexts are two devices. The trainer opens the
 * admin link the server printed, creates a live exercise from the Jaarwisseling
 * scenario, makes a join code for the mayor, and lets the mayor's device in;
 * the trainer walks the exercise to riot control (acting as the commander);
 * the mayor decides on the water cannon on their own device, and the trainer's
 * console shows it logged. The server is then killed with SIGKILL: both devices
 * say "Offline — opnieuw verbinden"; the mayor decides on the tear agent
 * meanwhile (it waits, and says so). The server restarts on the same port and
 * file: both devices reconnect and catch up, every entry acknowledged before
 * the kill is there with the hash it had (a plain protocol client with the
 * admin secret reads the server's log before and after), the offline decision
 * is sent and its result shown on the mayor's device and logged on the
 * trainer's, and the trainer's console still acts. Axe on the join screen
 * (form and waiting), both live consoles, and offline. No request leaves for
 * another host.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import WebSocket from 'ws';
import { assert, assertEqual, axeViolations, buildLiveServer, openPage, screenshot, startLiveServer } from '../lib.mjs';
import { act, actAs, currentPhaseIs, decide, escalateTo, logCount, logRows } from '../console.mjs';

// The versions a hello carries, as src/core/protocol.ts states them (this file is plain JavaScript).
const PROTOCOL_SOURCE = readFileSync(new URL('../../../src/core/protocol.ts', import.meta.url), 'utf8');
const PROTOCOL_VERSION = Number(/export const PROTOCOL_VERSION = (\d+);/.exec(PROTOCOL_SOURCE)?.[1]);
const MACHINE_VERSION = /export const MACHINE_VERSION = '([^']+)';/.exec(PROTOCOL_SOURCE)?.[1];

/** Every wait is on a condition; this only keeps a broken run from hanging on a loaded machine. */
const WAIT = 15_000;
/** Reconnecting waits for the clients' backoff (full jitter, capped at 10 s) after the restart. */
const RECONNECT_WAIT = 30_000;

const MAYOR = 'Ingrid Scholten';
const DEVICE = 'Laptop burgemeester';

async function noAxe(page, where) {
  assertEqual(await axeViolations(page), [], `axe violations on ${where}`);
}

/** The connection banner's text, once it matches. */
async function bannerSays(page, pattern, timeout = WAIT) {
  await page.locator('.live-banner').filter({ hasText: pattern }).waitFor({ timeout });
}

/** The log rows the console shows, as seq → text, in seq order. */
async function rowsBySeq(page) {
  const rows = await logRows(page);
  return new Map(rows.sort((a, b) => a.seq - b.seq).map((row) => [row.seq, row.text]));
}

/** Wait until the console's log shows a row with seq `seq`; its text. */
async function rowShown(page, seq, timeout = WAIT) {
  const row = page.locator(`.console__log [data-seq="${seq}"]`);
  await row.waitFor({ timeout });
  return row.innerText();
}

/**
 * The server's log of one exercise as a protocol client with the admin secret reads it (docs/protocol.md:
 * hello, welcome with the whole catch-up): the head, and every entry's hash by seq.
 */
function serverLog(url, exerciseId, secret) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, { origin: url });
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error('no welcome from the server'));
    }, WAIT);
    socket.on('open', () =>
      socket.send(
        JSON.stringify({
          type: 'hello',
          protocolVersion: PROTOCOL_VERSION,
          machineVersion: MACHINE_VERSION,
          exerciseId,
          deviceToken: secret,
          lastSeq: 0,
        }),
      ),
    );
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type !== 'welcome') {
        clearTimeout(timer);
        socket.close();
        reject(new Error(`the server answered the hello with ${String(data).slice(0, 300)}`));
        return;
      }
      clearTimeout(timer);
      socket.close();
      resolve({
        headSeq: message.headSeq,
        headHash: message.headHash,
        hashes: new Map(message.catchUp.map(({ entry }) => [entry.seq, entry.hash])),
      });
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Console errors a lost server is expected to cause: the browser's own lines about the failed socket. */
const unexpected = (errors) =>
  errors.filter((text) => !/WebSocket connection to .* failed|ERR_CONNECTION_REFUSED|net::ERR_/.test(text));

export const tests = [
  {
    name: 'two devices on the real server: approve, decide on the mayor’s device, SIGKILL, restart, both catch up',
    async run({ browser }) {
      const temp = mkdtempSync(path.join(tmpdir(), 'paraat-live-e2e-'));
      const dbFile = path.join(temp, 'paraat.sqlite');
      const shots = process.env.LIVE_E2E_SHOTS;
      const shoot = async (page, name, options) => {
        // From the top: a full-page shot of a scrolled page draws the fixed skip links (out of sight) over it.
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshot(page, name, options);
        if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: options?.fullPage ?? true });
      };
      if (shots) rmSync(shots, { recursive: true, force: true });
      if (shots) mkdirSync(shots, { recursive: true });
      const build = buildLiveServer();
      let server = startLiveServer({ entry: build.entry, dbFile });
      const contexts = [];
      try {
        const first = await server.started;
        assert(first.adminLink && first.secret, `the first start prints the admin link:\n${server.output()}`);
        const { url, port, secret } = first;

        // The trainer opens the admin link and creates a live exercise from a built-in scenario.
        const trainer = await openPage(browser, url);
        contexts.push(trainer.context);
        const t = trainer.page;
        await t.goto(first.adminLink);
        await t.getByRole('heading', { name: 'Live-sessies op deze server' }).waitFor({ timeout: WAIT });
        await t.waitForURL((address) => !address.hash.includes('sleutel'), { timeout: WAIT });
        await t.getByLabel('Scenario').selectOption('jaarwisseling');
        await t.getByRole('button', { name: 'Aanmaken en openen' }).click();
        await t.locator('.console').waitFor({ timeout: WAIT });
        await bannerSays(t, 'Live verbonden met de server');
        const exerciseId = /#\/live\/([^/?]+)/.exec(t.url())?.[1];
        assert(exerciseId, `the live console's address names the exercise: ${t.url()}`);
        await currentPhaseIs(t, 2); // Jaarwisseling starts in phase 2

        // A join code for the mayor, shown with its link.
        await t.getByRole('button', { name: /^Apparaten/ }).click();
        await t.getByLabel('Code voor').selectOption('burgemeester');
        await t.getByRole('button', { name: 'Toegangscode maken' }).click();
        const code = await t.locator('.devices-panel__code-text').innerText({ timeout: WAIT });
        const joinLink = await t.locator('.devices-panel__shown figcaption span').nth(1).innerText();
        assert(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(code), `an 8-character join code, shown in two halves: ${code}`);
        assertEqual(joinLink, `${url}/#/join?code=${code}`, 'the join link');

        // The mayor's device opens the link, names itself, and waits to be let in.
        const mayor = await openPage(browser, url);
        contexts.push(mayor.context);
        const m = mayor.page;
        await m.goto(joinLink);
        await m.getByRole('heading', { name: 'Meedoen aan een live-oefening' }).waitFor({ timeout: WAIT });
        assertEqual(await m.getByLabel('Toegangscode').inputValue(), code, 'the code from the link');
        await noAxe(m, 'the join screen');
        await m.getByLabel('Naam van dit apparaat').fill(DEVICE);
        await m.getByRole('button', { name: 'Meedoen' }).click();
        await m.getByText('Wacht tot de oefenleider dit apparaat toelaat (burgemeester)').waitFor({ timeout: WAIT });
        await noAxe(m, 'the join screen, waiting');
        await shoot(m, 'live-mayor-waiting');
        assertEqual(await m.locator('.console').count(), 0, 'nothing of the exercise before approval');

        // The trainer lets the mayor's device in; it opens the live console as the mayor.
        await t.getByRole('heading', { name: '1 apparaat wacht op toelating' }).waitFor({ timeout: WAIT });
        await t.getByRole('button', { name: `${DEVICE} toelaten` }).click();
        await m.locator('.console').waitFor({ timeout: WAIT });
        await bannerSays(m, 'Live verbonden met de server');
        await bannerSays(m, 'Dit apparaat: burgemeester');
        await t.getByText(`${DEVICE} — burgemeester: ${MAYOR} (verbonden)`).waitFor({ timeout: WAIT });
        assertEqual(
          await m.getByRole('radiogroup', { name: 'Handelt als' }).count(),
          0,
          'no "Handelt als" on the mayor’s device',
        );
        await currentPhaseIs(m, 2);

        // The trainer walks the exercise to riot control, acting as the commander.
        await actAs(t, 'Commandant');
        for (const phase of [3, 4, 5]) await escalateTo(t, phase, `Onrust neemt toe (fase ${phase})`);
        await currentPhaseIs(m, 5);

        // The mayor decides on the water cannon, on their own device.
        await decide(m, 'waterCannon', {
          grounds: 'Openlijke geweldpleging op de Markt; de ME kan de orde niet herstellen.',
          beeld: 'Circa 200 relschoppers, vuurwerk op agenten.',
          conditions: 'Niet richten op hoofden.',
        });
        await m
          .locator('.decisions__result')
          .getByText('Vastgelegd: Toestemming verleend — waterwerper', { exact: false })
          .waitFor({ timeout: WAIT });
        const mayorRows = await rowsBySeq(m);
        const decisionSeq = Math.max(...mayorRows.keys());
        assert(
          mayorRows.get(decisionSeq).includes(MAYOR),
          `the decision in the mayor's log: ${mayorRows.get(decisionSeq)}`,
        );

        // The trainer's console shows it logged, in the mayor's name, and the water cannon is allowed.
        const logged = await rowShown(t, decisionSeq);
        assert(logged.includes(MAYOR) && /waterwerper/i.test(logged), `the decision on the trainer's log: ${logged}`);
        await t.locator('.decisions').getByText('Toestemming verleend').first().waitFor({ timeout: WAIT });
        await act(t, 'Waarschuwing geven aan de menigte');
        const warnedSeq = decisionSeq + 1;
        await rowShown(t, warnedSeq);
        await rowShown(m, warnedSeq);
        await noAxe(t, 'the trainer’s live console');
        await noAxe(m, 'the mayor’s live console');
        await shoot(t, 'live-trainer-decision-logged');
        await shoot(m, 'live-mayor-decided');

        // What the server acknowledged, as it stores it; and what each device shows.
        const before = await serverLog(url, exerciseId, secret);
        assertEqual(before.headSeq, warnedSeq, 'the server’s head before the kill');
        const trainerBefore = await rowsBySeq(t);
        const mayorBefore = await rowsBySeq(m);
        assertEqual(Math.max(...trainerBefore.keys()), warnedSeq, 'the trainer’s last row before the kill');
        const countBefore = await logCount(t);
        assertEqual(await logCount(m), countBefore, 'the mayor’s log holds as many lines as the trainer’s');

        // SIGKILL: no clean stop, nothing flushed on the way out.
        const gone = await server.kill('SIGKILL');
        assertEqual(gone.signal, 'SIGKILL', 'the server died of SIGKILL');
        await bannerSays(t, /Offline — opnieuw verbinden/);
        await bannerSays(m, /Offline — opnieuw verbinden/);
        // Offline, the trainer cannot know who is connected: the panel says it is the last word heard.
        await t.getByText(`${DEVICE} — burgemeester: ${MAYOR} (laatst bekend: verbonden)`).waitFor({ timeout: WAIT });

        // The mayor decides on the tear agent while offline: it waits, and says so; nothing is shown as done.
        await decide(m, 'tearGas', { grounds: 'Water alleen houdt de groep niet tegen; traanverwekkende stof erbij.' });
        await m.locator('.decisions__result').getByText('Wordt vastgelegd…').waitFor({ timeout: WAIT });
        await bannerSays(m, '1 poging wacht op de server');
        assertEqual(Math.max(...(await rowsBySeq(m)).keys()), warnedSeq, 'nothing applied on the mayor’s device alone');
        await noAxe(m, 'the mayor’s console, offline');
        await shoot(m, 'live-mayor-offline');
        await shoot(t, 'live-trainer-offline');

        // The server restarts on the same port and file: no new admin secret, the same exercise.
        server = startLiveServer({ entry: build.entry, dbFile, port });
        const second = await server.started;
        assertEqual(second.adminLink, null, 'the admin secret is not shown again');
        assertEqual(second.port, port, 'the same port');

        await bannerSays(t, 'Live verbonden met de server', RECONNECT_WAIT);
        await bannerSays(m, 'Live verbonden met de server', RECONNECT_WAIT);

        // The offline decision is sent on reconnect and its result shown on the mayor's device.
        await m
          .locator('.decisions__result')
          .getByText('Vastgelegd: Toestemming verleend — traanverwekkende stof', { exact: false })
          .waitFor({ timeout: WAIT });
        const tearSeq = warnedSeq + 1;
        const tearRow = await rowShown(t, tearSeq);
        assert(tearRow.includes(MAYOR) && /traanverwekkende stof/i.test(tearRow), `the offline decision: ${tearRow}`);
        await rowShown(m, tearSeq);
        assertEqual(await m.locator('.live-banner__waiting').count(), 0, 'nothing waits any more');

        // Nothing acknowledged is lost: the server's log holds every entry with the hash it had.
        const after = await serverLog(url, exerciseId, secret);
        assertEqual(after.headSeq, tearSeq, 'the server’s head after the restart');
        for (const [seq, hash] of before.hashes)
          assertEqual(after.hashes.get(seq), hash, `entry ${seq} after the restart`);
        // …and both devices show what they showed, and the same head.
        const trainerAfter = await rowsBySeq(t);
        const mayorAfter = await rowsBySeq(m);
        for (const [seq, text] of trainerBefore) assertEqual(trainerAfter.get(seq), text, `trainer’s row ${seq}`);
        for (const [seq, text] of mayorBefore) assertEqual(mayorAfter.get(seq), text, `mayor’s row ${seq}`);
        assertEqual(Math.max(...trainerAfter.keys()), tearSeq, 'the trainer’s head after the restart');
        assertEqual(Math.max(...mayorAfter.keys()), tearSeq, 'the mayor’s head after the restart');
        assertEqual(await logCount(t), countBefore + 1, 'the trainer’s log: every line before the kill, and one more');
        assertEqual(await logCount(m), countBefore + 1, 'the mayor’s log: every line before the kill, and one more');

        // The exercise goes on: the commander (on the trainer's console) deploys the water cannon.
        await act(t, 'Waterwerper inzetten');
        const deployed = await rowShown(t, tearSeq + 1);
        assert(deployed.includes('Waterwerper ingezet'), `water cannon deployed after the restart: ${deployed}`);
        await rowShown(m, tearSeq + 1);
        await t.getByText(`${DEVICE} — burgemeester: ${MAYOR} (verbonden)`).waitFor({ timeout: WAIT });
        await shoot(t, 'live-trainer-after-restart');
        await shoot(m, 'live-mayor-after-restart');

        for (const device of [trainer, mayor]) {
          assertEqual(device.foreignRequests, [], 'requests to other hosts');
          assertEqual(unexpected(device.consoleErrors), [], 'console errors');
        }
      } finally {
        for (const context of contexts) await context.close().catch(() => undefined);
        await server.kill('SIGKILL');
        build.remove();
        rmSync(temp, { recursive: true, force: true });
      }
    },
  },
];
