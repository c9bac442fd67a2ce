/**
 * Replay and branching (issue 4, item 7): part of an exercise through the UI,
 * then "Terugkijken": step back by keyboard to before the mayor's
 * water-cannon decision and see the phase, warning, means and decisions as
 * they stood then, step forward, play to the end at 16×, and branch a new
 * exercise from the earlier line. The branch opens in the console with the log
 * up to there plus its own 'branched' line, and goes another way; the original
 * is unchanged. Axe clean; nothing sent to another host.
 */
import { assert, assertEqual, axeViolations, openPage, screenshot } from '../lib.mjs';
import { act, actAs, createExercise, currentPhaseIs, decide, escalateTo, lastLogRow, logCount, openMore } from '../console.mjs';

async function noAxe(page, where) {
  assertEqual(await axeViolations(page), [], `axe violations on ${where}`);
}

const waterCannonCard = (page, where) => page.locator(`${where} [data-subject="waterCannon"]`);

const fact = (page, name) => page.locator(`.replay [data-fact="${name}"]`).innerText();

async function sliderPosition(page) {
  return Number(await page.getByRole('slider', { name: 'Positie in het logboek' }).inputValue());
}

export const tests = [
  {
    name: 'replay steps back to before the water-cannon decision and forward; a branch from an earlier line opens in the console',
    async run({ browser, url }) {
      const { context, page, foreignRequests, consoleErrors } = await openPage(browser, url);
      await page.goto(url);
      await createExercise(page);
      await actAs(page, 'Commandant');
      await escalateTo(page, 2, 'Groep jongeren op het plein');
      await escalateTo(page, 3, 'Vuurwerk naar agenten');
      await escalateTo(page, 4, 'Ernstige ongeregeldheden');
      await escalateTo(page, 5, 'Barricades en brandstichting');
      await act(page, 'Waterwerper inzetten');
      assert((await lastLogRow(page)).text.includes('R3'), 'the water cannon is refused under R3');
      await actAs(page, 'Burgemeester');
      await decide(page, 'waterCannon', {
        grounds: 'Zware openlijke geweldpleging; de ME kan de orde niet herstellen.',
        beeld: 'Circa 300 relschoppers, brandende barricades.',
        oordeel: 'Waterwerper proportioneel; alternatieven uitgeput.',
      });
      await actAs(page, 'Commandant');
      await act(page, 'Waarschuwing geven aan de menigte');
      await act(page, 'Waterwerper inzetten');
      assert((await lastLogRow(page)).text.includes('Uitgevoerd'), 'the water cannon is deployed');
      const entries = await logCount(page);
      const consoleUrl = page.url();

      // The console's header leads to the replay, which opens read-only at the last line.
      await openMore(page);
      await page.getByRole('link', { name: 'Terugkijken' }).click();
      await page.getByRole('heading', { level: 1, name: 'Terugkijken: Jaarwisseling Utrecht-Centrum' }).waitFor();
      assert(page.url().endsWith('/terugkijken'), `the replay has its own address: ${page.url()}`);
      assertEqual(await sliderPosition(page), entries, 'the replay opens at the last line');
      await waterCannonCard(page, '.replay').getByText('Toestemming verleend').waitFor();
      await screenshot(page, 'replay-end', { fullPage: false });
      await noAxe(page, 'the replay at its last line');

      // Back by keyboard, line by line, until the water cannon has no decision yet.
      const slider = page.getByRole('slider', { name: 'Positie in het logboek' });
      await slider.focus();
      let steps = 0;
      while ((await waterCannonCard(page, '.replay').innerText()).includes('Toestemming verleend')) {
        await page.keyboard.press('ArrowLeft');
        assert(++steps < entries, 'stepping back reaches a moment before the decision');
      }
      const beforeDecision = await sliderPosition(page);
      const card = await waterCannonCard(page, '.replay').innerText();
      assert(card.includes('Nog geen besluit'), `no decision on the water cannon before it was taken: ${card}`);
      await page.locator('.replay .phase--current[data-phase="5"]').waitFor();
      const current = await page.locator('.replay-current').innerText();
      assert(
        current.includes(`Regel ${String(beforeDecision)} van ${String(entries)}`),
        `the line in words: ${current}`,
      );
      assert(current.includes('R3'), `the line before the decision is the refused deployment (R3): ${current}`);
      assertEqual(
        await page.locator('.replay .log__count').innerText(),
        `${String(beforeDecision)} van ${String(beforeDecision)} regels`,
        'the log shows the lines up to this one',
      );
      // The standing at that moment, from the model's queries over the replayed events.
      assert((await fact(page, 'phase')).startsWith('5 — '), 'riot control before the decision');
      assertEqual(await fact(page, 'means'), 'geen waterwerper of traanverwekkende stof', 'no means in use yet');
      assert((await fact(page, 'warning')).includes('niet gegeven'), 'no warning given yet');
      await screenshot(page, 'replay-before-decision', { fullPage: false });
      await noAxe(page, 'the replay before the decision');

      // Forward one line with the button: the decision is in force again.
      await page.getByRole('button', { name: 'Volgende regel' }).click();
      assertEqual(await sliderPosition(page), beforeDecision + 1, 'one line forward');
      await waterCannonCard(page, '.replay').getByText('Toestemming verleend').waitFor();

      // Play on at 16×: the warning and the deployment follow, and it stops by itself at the last line.
      await page.getByRole('combobox', { name: 'Snelheid' }).selectOption('16');
      await page.getByRole('button', { name: 'Afspelen' }).click();
      await page.getByRole('button', { name: 'Pauzeren' }).waitFor();
      await page.getByRole('button', { name: 'Afspelen' }).waitFor({ timeout: 10_000 });
      assertEqual(await sliderPosition(page), entries, 'playing ends at the last line');
      assertEqual(await fact(page, 'means'), 'waterwerper', 'the water cannon in use at the end');
      assert((await fact(page, 'warning')).endsWith('gegeven'), 'the warning given at the end');
      assert(!(await fact(page, 'warning')).includes('niet'), 'the warning given at the end');

      // Back to the line before the decision with the keyboard, and branch from there.
      await slider.focus();
      for (let line = entries; line > beforeDecision; line--) await page.keyboard.press('ArrowLeft');
      assertEqual(await sliderPosition(page), beforeDecision, 'back to the line before the decision');
      await page.getByRole('button', { name: 'Vertakken vanaf hier' }).click();
      await page.locator('.console').waitFor();
      await page
        .getByRole('heading', {
          level: 1,
          name: `Jaarwisseling Utrecht-Centrum (vertakking vanaf regel ${String(beforeDecision)})`,
        })
        .waitFor();
      assert(page.url() !== consoleUrl, 'the branch is another exercise');
      assertEqual(
        await logCount(page),
        beforeDecision + 1,
        'the branch has the log up to the branch line, and its own',
      );
      const branchedLine = await lastLogRow(page);
      assertEqual(branchedLine.seq, beforeDecision + 1, 'the branch goes on after the branch line');
      assert(
        branchedLine.text.includes(
          `Oefening vertakt van “Jaarwisseling Utrecht-Centrum” vanaf regel ${String(beforeDecision)}`,
        ),
        `the branch's first own line says where it came from: ${branchedLine.text}`,
      );
      await currentPhaseIs(page, 5);
      await waterCannonCard(page, '.console').getByText('Nog geen besluit').waitFor();

      // The branch goes another way: the mayor refuses the water cannon.
      await actAs(page, 'Burgemeester');
      await decide(page, 'waterCannon', { verdict: 'refuse', grounds: 'Eerst de-escalatie via het ME-peloton.' });
      await waterCannonCard(page, '.console').getByText('Toestemming geweigerd').waitFor();
      assertEqual(await logCount(page), beforeDecision + 2, 'the branch logs its own decision');
      await screenshot(page, 'replay-branch-console', { fullPage: false });
      await noAxe(page, 'the console of the branch');

      // The original is unchanged: same number of lines, the water cannon still granted.
      await page.goto(consoleUrl);
      await page.locator('.console').waitFor();
      await page.getByRole('heading', { level: 1, name: 'Jaarwisseling Utrecht-Centrum' }).waitFor();
      assertEqual(await logCount(page), entries, 'the original keeps its log');
      await waterCannonCard(page, '.console').getByText('Toestemming verleend').waitFor();

      assertEqual(foreignRequests, [], 'requests to other hosts');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
];
