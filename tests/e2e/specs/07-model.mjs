/**
 * Issue #5: show the model. The diagram mid-exercise (phase 5, a refusal
 * shown with its rule and reason), transitions tried from the diagram and
 * logged, the full-screen projection route, the GGP-GO instructor mode, the
 * evidence panel in the tear-agent decision, and elkjs loaded only on demand.
 * Axe on every screen; no request to another host.
 */
import { readdir, readFile } from 'node:fs/promises';
import { assert, assertEqual, axeViolations, openPage, screenshot } from '../lib.mjs';
import { actAs, createExercise, currentPhaseIs, escalateTo, lastLogRow, tabTo } from '../console.mjs';

async function noAxe(page, where) {
  assertEqual(await axeViolations(page), [], `axe violations on ${where}`);
}

const diagram = (page) => page.locator('svg.model-diagram');
const currentState = (page) => page.locator('svg.model-diagram [data-state-id][aria-current="true"]');
/** A transition out of the current state, as the diagram offers it: a button named by its label and verdict. */
const transition = (page, label) => diagram(page).getByRole('button', { name: new RegExp(`^${label} — `) });

export const tests = [
  {
    name: 'the build keeps elkjs in its own chunk, out of the entry chunk the console loads first',
    async run() {
      const dist = process.env.E2E_DIST ?? 'dist';
      const html = await readFile(`${dist}/index.html`, 'utf8');
      const entry = /<script type="module"[^>]* src="\/([^"]+)"/.exec(html)?.[1];
      assert(entry, 'the entry chunk is named in index.html');
      const preloaded = [...html.matchAll(/rel="modulepreload"[^>]* href="\/([^"]+)"/g)].map((match) => match[1]);
      for (const file of [entry, ...preloaded])
        assert(!(await readFile(`${dist}/${file}`, 'utf8')).includes('org.eclipse.elk'), `no ELK in ${file}`);
      const chunks = (await readdir(`${dist}/assets`)).filter((file) => file.endsWith('.js'));
      const elk = chunks.filter((file) => file.startsWith('elk.bundled-'));
      assertEqual(elk.length, 1, 'one elkjs chunk');
      assert((await readFile(`${dist}/assets/${elk[0]}`, 'utf8')).includes('org.eclipse.elk'), 'ELK is in that chunk');
      assert(!html.includes('elk.bundled'), 'index.html does not preload elkjs');
    },
  },
  {
    name: 'the diagram lights up where the exercise is, shows why a path is closed, and tries paths through the log',
    async run({ browser, url }) {
      const { context, page, foreignRequests, consoleErrors } = await openPage(browser, url);
      const scripts = [];
      page.on('request', (request) => scripts.push(request.url()));
      await page.goto(url);
      await createExercise(page);
      await actAs(page, 'Commandant');
      for (const phase of [2, 3, 4, 5]) await escalateTo(page, phase, `Onrust neemt toe (fase ${phase})`);
      assert(!scripts.some((address) => address.includes('elk')), 'elkjs is not loaded before the model is shown');

      await page.getByRole('button', { name: 'Model tonen' }).click();
      await diagram(page).waitFor();
      assert(
        scripts.some((address) => /elk\.bundled.*\.js/.test(address)),
        'elkjs is loaded when the model is shown',
      );
      assertEqual(
        await currentState(page).getAttribute('data-state-id'),
        'escalation.riotControl.notWarned',
        'the current state is marked in the diagram',
      );
      assert((await currentState(page).textContent()).includes('NU'), 'the current state carries the NU tag');

      // Warn from the diagram: accepted and logged.
      await transition(page, 'Waarschuwen').click();
      await page
        .locator('svg.model-diagram [data-state-id="escalation.riotControl.warned"][aria-current="true"]')
        .waitFor();
      let last = await lastLogRow(page);
      assert(last.text.includes('Uitgevoerd'), `the warning from the diagram is logged as accepted: ${last.text}`);

      // The water cannon without the mayor's decision: closed, with R3 and the reason, before and when tried.
      const deploy = transition(page, 'Waterwerper inzetten');
      assert((await deploy.getAttribute('aria-label')).includes('Wordt geweigerd'), 'deploy is marked refused');
      const why = page.locator('.model-here__item', { hasText: 'Waterwerper inzetten' });
      assert((await why.innerText()).includes('R3'), 'the refusal names R3 beside the diagram');
      await deploy.click();
      last = await lastLogRow(page);
      assert(
        last.text.includes('Geweigerd') && last.text.includes('R3'),
        `refused deploy logged with R3: ${last.text}`,
      );
      await page.locator('.model-here__result', { hasText: 'R3' }).waitFor();
      await noAxe(page, 'the console with the model shown');
      await page.locator('.console__model').screenshot({ path: 'test-results/screenshots/model-console-phase5.png' });

      // By keyboard: Tab to a transition in the diagram and press Enter.
      await page.locator('.console__model button').first().focus();
      await tabTo(page, /^Opnieuw waarschuwen — Wordt geaccepteerd/);
      await page.keyboard.press('Enter');
      await page.locator('.model-here__result', { hasText: 'Opnieuw waarschuwen' }).waitFor();
      last = await lastLogRow(page);
      assert(last.text.includes('Uitgevoerd'), `the repeated warning is logged: ${last.text}`);

      // De-escalating from the diagram asks for the reason in the console's own dialog (R1).
      await transition(page, 'Afschalen').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Reden').fill('Rust keert terug op het plein');
      await dialog.getByRole('button', { name: 'Vastleggen' }).click();
      await dialog.waitFor({ state: 'detached' });
      await currentPhaseIs(page, 4);
      last = await lastLogRow(page);
      assert(
        last.text.includes('Rust keert terug'),
        `the de-escalation from the diagram is logged with its reason: ${last.text}`,
      );

      // Back to phase 5 and the full-screen route, as projected for a room.
      await escalateTo(page, 5, 'Opnieuw ongeregeldheden');
      await page.evaluate(() => {
        window.location.hash = `${window.location.hash}/model`;
      });
      await page.getByRole('heading', { name: /Het model/ }).waitFor();
      await diagram(page).waitFor();
      await actAs(page, 'Burgemeester');
      // The mayor may not warn (R13): the refusal shows in the diagram and beside it.
      await page.locator('.model-here__item', { hasText: 'R13' }).first().waitFor();
      await noAxe(page, 'the full-screen model');
      await screenshot(page, 'model-fullscreen-phase5-refusal', { fullPage: false });

      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('svg.model-diagram', { hasText: 'Not warned' }).waitFor();
      await noAxe(page, 'the full-screen model in English');
      await screenshot(page, 'model-fullscreen-en', { fullPage: false });
      await page.getByRole('button', { name: 'Nederlands' }).click();

      assertEqual(foreignRequests, [], 'requests to other hosts');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
  {
    name: 'the instructor walks a class through GGP-GO step by step, restarts in one click, in Dutch and English',
    async run({ browser, url }) {
      const { context, page, foreignRequests, consoleErrors } = await openPage(browser, url, {
        viewport: { width: 1280, height: 800 },
      });
      await page.goto(url);
      await page.getByRole('link', { name: /Instructie GGP-GO/ }).click();
      await page.getByRole('heading', { name: 'Wat is GGP-GO?' }).waitFor();
      assert((await page.locator('.instructor__count').innerText()).startsWith('Stap 1 van 7'), 'progress shown');
      await noAxe(page, 'the instructor mode');
      await screenshot(page, 'instructor-step-1', { fullPage: false });

      await page.getByRole('button', { name: /Volgende/ }).click();
      await page.getByRole('heading', { name: 'Waar staat de naam voor?' }).waitFor();
      assert((await page.locator('.instructor__card').innerText()).includes('aanname'), 'the assumption is marked');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.getByRole('heading', { name: 'Het verschil met de ME-fasen' }).waitFor();
      assertEqual(new URL(page.url()).hash, '#/instructie/4', 'the step is in the address');
      await noAxe(page, 'the instructor mode, step 4');
      await screenshot(page, 'instructor-step-4', { fullPage: false });

      await page.reload();
      await page.getByRole('heading', { name: 'Het verschil met de ME-fasen' }).waitFor();
      await page.getByRole('button', { name: /Opnieuw beginnen/ }).click();
      await page.getByRole('heading', { name: 'Wat is GGP-GO?' }).waitFor();

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'What is GGP-GO?' }).waitFor();
      await noAxe(page, 'the instructor mode in English');
      await screenshot(page, 'instructor-en', { fullPage: false });
      await page.getByRole('button', { name: 'Nederlands' }).click();

      assertEqual(foreignRequests, [], 'requests to other hosts');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
  {
    name: 'offline, once loaded: the model (elkjs from the cache) and the instructor mode still open',
    async run({ browser, url }) {
      const { context, page, foreignRequests, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      const hash = await createExercise(page);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.reload();
      await page.locator('.console').waitFor();
      assert(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the service worker controls');

      await context.setOffline(true);
      await page.goto(`${url}${hash}/model`);
      await diagram(page).waitFor();
      assertEqual(
        await currentState(page).getAttribute('data-state-id'),
        'escalation.ggpGo',
        'the model is drawn offline',
      );
      await page.goto(`${url}#/instructie/3`);
      await page.getByRole('heading', { name: 'Wie treedt op, wie beslist?' }).waitFor();
      await context.setOffline(false);

      assertEqual(foreignRequests, [], 'requests to other hosts');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
  {
    name: 'the tear-agent decision opens what is known, each point with its source and certainty',
    async run({ browser, url }) {
      const { context, page, foreignRequests, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      await createExercise(page);
      await actAs(page, 'Burgemeester');
      await page.getByRole('button', { name: 'Besluit traanverwekkende stof…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: /Wat weten we/ }).click();
      const evidence = dialog.locator('.evidence');
      await evidence.waitFor();
      assertEqual(await evidence.locator('.evidence-item').count(), 6, 'evidence items');
      const text = await evidence.innerText();
      for (const needle of ['PDV 122', 'Lethal in Disguise', 'gov.uk', 'Zekerheid', 'gemiddeld'])
        assert(text.includes(needle), `the evidence panel shows ${needle}`);
      await noAxe(page, 'the evidence panel');
      await evidence.scrollIntoViewIfNeeded();
      await screenshot(page, 'evidence-panel', { fullPage: false });
      // The water-cannon decision has no such panel: the evidence is about the tear agent.
      await dialog.getByRole('button', { name: 'Annuleren' }).click();
      await page.getByRole('button', { name: 'Besluit waterwerper…' }).click();
      assertEqual(
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /Wat weten we/ })
          .count(),
        0,
        'no evidence button',
      );

      assertEqual(foreignRequests, [], 'requests to other hosts');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
];
