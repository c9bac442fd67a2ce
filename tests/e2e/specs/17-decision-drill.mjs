/**
 * Issue #15: a new user opens the app, chooses a decision drill, decides
 * three points with BOB notes under the countdown, sees the feedback and
 * prints the record — keyboard only, in Dutch and then in English. Late is
 * reached by moving the page's clock on (Playwright's clock); every state is
 * checked with axe and photographed (DRILL_SHOTS, else the usual folder).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { assert, assertEqual, axeViolations, openPage, SCREENSHOTS } from '../lib.mjs';
import { tabTo } from '../console.mjs';

const SHOTS = process.env.DRILL_SHOTS ?? SCREENSHOTS;

async function shot(page, name, { fullPage = true } = {}) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

async function clean(page, what) {
  assertEqual(await axeViolations(page), [], `axe violations, ${what}`);
}

/** Wait until the element named by `locator` has focus. */
async function focused(page, locator, what) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await locator.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`${what} never got focus`);
}

const typeInto = async (page, pattern, text) => {
  await tabTo(page, pattern);
  await page.keyboard.type(text);
};

/** In the decision form, from its heading: notes, who decides (arrow keys), an outcome, grounds, conditions, review. */
async function decide(page, { beeld, oordeel, decider = 0, verdict, grounds = '', conditions = '', review = '' }) {
  if (beeld) await typeInto(page, /Mijn beeld|My picture/, beeld);
  if (oordeel) await typeInto(page, /Mijn oordeel|My judgement/, oordeel);
  // Who decides: none is chosen yet among several; Space chooses the first, arrows the next.
  await tabTo(page, /burgemeester|mayor/i);
  await page.keyboard.press('Space');
  for (let step = 0; step < decider; step++) await page.keyboard.press('ArrowDown');
  // The outcome: the first radio takes focus; arrows move and choose.
  await tabTo(page, /Toestemming verlenen|Grant consent/);
  if (verdict === 'granted') await page.keyboard.press('Space');
  for (let step = 0; step < { granted: 0, refused: 1, none: 2 }[verdict]; step++)
    await page.keyboard.press('ArrowRight');
  if (grounds) await typeInto(page, /Gronden|Grounds/, grounds);
  if (conditions) await typeInto(page, /Voorwaarden|Conditions/, conditions);
  if (review) await typeInto(page, /herziet|review/, review);
  await tabTo(page, /Besluit vastleggen|Record the decision/);
  await page.keyboard.press('Enter');
}

/** A mayor's staff laptop, or the room's projector. */
const LAPTOP = { width: 1366, height: 768 };

const heading = (page, name) => page.getByRole('heading', { name });

export const tests = [
  {
    name: 'a decision drill, keyboard only, in Dutch: three points, late once, refused once, feedback, record, print, Markdown',
    async run({ browser, url }) {
      const { context, page, foreignRequests, consoleErrors } = await openPage(browser, url, {
        viewport: LAPTOP,
        acceptDownloads: true,
      });
      await page.clock.install();
      await page.goto(url);
      await page.locator('.phase-ladder').waitFor();
      await shot(page, 'drill-00-start-nl', { fullPage: false });

      await tabTo(page, /^Beslisoefening/);
      await page.keyboard.press('Enter');
      await heading(page, 'Beslisoefening: de twee besluiten van de burgemeester').waitFor();
      await clean(page, 'choosing (nl)');
      await shot(page, 'drill-01-choose-nl');

      await tabTo(page, /Start de beslisoefening ‘Beslisoefening: de twee besluiten/);
      await page.keyboard.press('Enter');

      // Point 1, reading: the situation, the model's standing, the request, the countdown.
      const point1 = heading(page, '00:20 — De commandant vraagt om de waterwerper');
      await focused(page, point1, 'point 1');
      assertEqual(await page.getByRole('timer').innerText(), 'nog 4:00', 'the countdown at the start');
      assert(await page.getByText('5: Riot control').isVisible(), 'the model stands in phase 5');
      await clean(page, 'point 1, reading');
      await shot(page, 'drill-02-point1-reading-nl', { fullPage: false });
      await page.keyboard.press('Tab');
      await tabTo(page, /^Besluiten/);
      await page.keyboard.press('Enter');
      await focused(page, heading(page, 'Besluiten met BOB'), 'the BOB form');
      await clean(page, 'point 1, deciding');
      await shot(page, 'drill-03-point1-deciding-nl');
      await decide(page, {
        beeld: 'Driehonderd relschoppers, vijf agenten gewond; onbekend of er is gewaarschuwd.',
        oordeel: 'Geen lichter middel dat de barricades vrijmaakt; omstanders op het Stationsplein.',
        verdict: 'granted',
        grounds: 'Ernstig gevaar voor agenten en hulpverleners.',
        conditions: 'Alleen in de Oosterpoort; eerst waarschuwen.',
        review: 'Om 00:45.',
      });
      await focused(page, heading(page, 'Terugkoppeling'), 'the feedback of point 1');
      assert(await page.getByText('zet de waterwerper in').isVisible(), 'the deployment that followed');
      await tabTo(page, /Eerst waarschuwen/);
      await page.keyboard.press('Space');
      await tabTo(page, /De inzet van de waterwerper is een eigen besluit/);
      await page.keyboard.press('Space');
      await page.getByText('2 van 7 aangevinkt').waitFor();
      await clean(page, 'point 1, feedback');
      await shot(page, 'drill-04-point1-feedback-nl');
      await tabTo(page, /Volgend moment/);
      await page.keyboard.press('Enter');

      // Point 2: the commander's reading of the consent; no decision now, and the model refuses the agent (R4).
      const point2 = heading(page, '00:35 — ‘Dat valt toch onder uw toestemming?’');
      await focused(page, point2, 'point 2');
      await tabTo(page, /^Besluiten/);
      await page.keyboard.press('Enter');
      await focused(page, heading(page, 'Besluiten met BOB'), 'the BOB form of point 2');
      await decide(page, { verdict: 'none', grounds: 'Eerst navragen of de druk dit vraagt.' });
      await focused(page, heading(page, 'Terugkoppeling'), 'the feedback of point 2');
      assert(await page.getByText('voegt traanverwekkende stof toe').isVisible(), 'the agent the commander added');
      assert(
        await page.getByText('Traanverwekkende stof vraagt een eigen, apart besluit', { exact: true }).isVisible(),
        'R4, by title',
      );
      await clean(page, 'point 2, feedback');
      await shot(page, 'drill-05-point2-feedback-R4-nl');
      await tabTo(page, /Volgend moment/);
      await page.keyboard.press('Enter');

      // Point 3: five minutes pass (the limit is four): late; then a refusal without grounds (R6), and again.
      const point3 = heading(page, '00:45 — Toestemming gevraagd voor traanverwekkende stof');
      await focused(page, point3, 'point 3');
      await tabTo(page, /^Besluiten/);
      await page.keyboard.press('Enter');
      await focused(page, heading(page, 'Besluiten met BOB'), 'the BOB form of point 3');
      await page.clock.fastForward('05:00');
      await page.getByText(/tijd om: 1:0\d te laat/).waitFor();
      assert(await page.locator('.drill-late').isVisible(), 'the late banner');
      await clean(page, 'point 3, late');
      await shot(page, 'drill-06-point3-late-nl', { fullPage: false });
      await page.locator('.drill-decide h3').focus();
      await decide(page, { verdict: 'refused', grounds: '' });
      await focused(page, heading(page, 'Het model weigerde uw besluit'), 'the refusal');
      assert(
        await page.getByText('Besluiten worden gemotiveerd vastgelegd', { exact: true }).isVisible(),
        'R6 by title',
      );
      assert(await page.getByText(/Bron: aanname: goede praktijk \(JESIP-besluitlog\)/).isVisible(), "R6's source");
      await clean(page, 'point 3, refused by the model');
      await shot(page, 'drill-07-point3-refused-R6-nl');
      await tabTo(page, /Opnieuw besluiten/);
      await page.keyboard.press('Enter');
      await focused(page, heading(page, 'Besluiten met BOB'), 'the form again');
      await typeInto(page, /Gronden/, 'Omstanders in de zijstraten; de stof treft ook wie niets doet.');
      await tabTo(page, /Besluit vastleggen/);
      await page.keyboard.press('Enter');
      await focused(page, heading(page, 'Terugkoppeling'), 'the feedback of point 3');
      assert((await page.locator('.drill-timing').innerText()).includes('te laat'), 'recorded as late');
      await shot(page, 'drill-08-point3-feedback-late-nl');
      await tabTo(page, /Naar het verslag/);
      await page.keyboard.press('Enter');

      // The record: every point, then print and Markdown.
      const record = heading(page, /^Verslag: Beslisoefening: de twee besluiten/);
      await focused(page, record, 'the record');
      await clean(page, 'the record');
      await shot(page, 'drill-09-record-nl');
      // Every point says how long it took against its time, as the feedback did: the late one too.
      const timings = await page.locator('.drill-record__point .drill-timing').allInnerTexts();
      assertEqual(timings.length, 3, 'a timing line per point');
      assert(timings[0].includes('op tijd') && timings[2].includes('te laat'), `on time, then late: ${timings}`);
      await page.emulateMedia({ media: 'print' });
      // On paper: the record, without buttons, the way back or the focus ring of the heading that has focus.
      assert(
        !(await page.getByRole('button', { name: 'Afdrukken of als pdf bewaren' }).isVisible()),
        'no buttons on paper',
      );
      assert(!(await page.getByRole('link', { name: /Terug naar de start/ }).isVisible()), 'no way back on paper');
      assertEqual(await record.evaluate((element) => getComputedStyle(element).outlineStyle), 'none', 'focus ring');
      assert(await page.getByText('Besluiten worden gemotiveerd vastgelegd', { exact: true }).isVisible(), 'R6');
      await shot(page, 'drill-10-record-print-nl');
      await page.emulateMedia({ media: 'screen' });
      await tabTo(page, /Opslaan als Markdown/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      const markdown = await readFile(await download.path(), 'utf8');
      assert(download.suggestedFilename().startsWith('beslisoefening-jaarwisseling-'), 'the file name');
      for (const part of [
        '## 1. 00:20 — De commandant vraagt om de waterwerper',
        '- **Beeldvorming:** Driehonderd relschoppers',
        'R4 Traanverwekkende stof vraagt een eigen, apart besluit',
        'R6 Besluiten worden gemotiveerd vastgelegd',
        '- [x] Eerst waarschuwen',
        'te laat',
      ])
        assert(markdown.includes(part), `the Markdown has "${part}"`);

      // What is stored: the run in its own database, the points' exercises in theirs, not in the console's list.
      const stored = await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const open = indexedDB.open('paraat-drill-runs');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const request = open.result.transaction('runs').objectStore('runs').getAll();
              request.onsuccess = () => resolve(request.result);
            };
          }),
      );
      assertEqual(stored.length, 1, 'one run stored');
      assertEqual(
        stored[0].points.map((point) => point.tries.length),
        [1, 1, 2],
        'tries per point (the refused one twice)',
      );
      assertEqual(stored[0].points[2].tries[0].late, true, 'point 3 late');
      assertEqual(stored[0].points[0].touched.sort(), ['eigen-besluit', 'waarschuwen'], 'ticked');

      assertEqual(foreignRequests, [], 'requests to other hosts');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
  {
    name: 'the demonstration drill, keyboard only, in English: the regional mayor refused (R5), the acting mayor decides; repeat shown side by side',
    async run({ browser, url }) {
      const { context, page, foreignRequests, consoleErrors } = await openPage(browser, url, { viewport: LAPTOP });
      await page.goto(url);
      await page.locator('.phase-ladder').waitFor();
      await tabTo(page, /^English$/);
      await page.keyboard.press('Enter');
      await page.locator('html[lang="en"]').waitFor();
      await tabTo(page, /^Decision drill/);
      await page.keyboard.press('Enter');
      await heading(page, 'Decision drill: who decides?').waitFor();
      await shot(page, 'drill-11-choose-en');
      await clean(page, 'choosing (en)');

      for (const round of [1, 2]) {
        await tabTo(page, /Start the decision drill ‘Decision drill: who decides\?’/);
        await page.keyboard.press('Enter');
        await focused(page, heading(page, '13:38 — The water cannon, and the mayor cannot be reached'), 'point 1 (en)');
        if (round === 1) {
          await clean(page, 'point 1, reading (en)');
          await shot(page, 'drill-12-point1-reading-en', { fullPage: false });
        }
        await tabTo(page, /^Decide/);
        await page.keyboard.press('Enter');
        await focused(page, heading(page, 'Deciding with BOB'), 'the BOB form (en)');
        await decide(page, {
          beeld: 'Masked group at the town hall; staff inside.',
          verdict: 'granted',
          grounds: 'The town hall and the staff inside cannot be protected otherwise.',
          conditions: 'Only at the group at the town hall.',
        });
        await focused(page, heading(page, 'Feedback'), 'feedback of point 1 (en)');
        await tabTo(page, /^Next moment/);
        await page.keyboard.press('Enter');

        // Point 2: the regional mayor decides as he offers: refused, R5; then the acting mayor.
        await focused(page, heading(page, '13:40 — The regional mayor offers to decide'), 'point 2 (en)');
        await tabTo(page, /^Decide/);
        await page.keyboard.press('Enter');
        await focused(page, heading(page, 'Deciding with BOB'), 'the BOB form of point 2 (en)');
        await decide(page, { decider: 0, verdict: 'granted', grounds: 'He offers; we can go on.' });
        await focused(page, heading(page, 'The model refused your decision'), 'the R5 refusal');
        assert(
          await page.getByText('Only the competent mayor decides', { exact: true }).isVisible(),
          'R5 by title (en)',
        );
        assert(
          await page.getByText(/Source: Municipalities Act \(Gemeentewet\) art\. 77, 172/).isVisible(),
          "R5's source in English",
        );
        if (round === 1) {
          await clean(page, 'point 2, refused (en)');
          await shot(page, 'drill-13-point2-refused-R5-en');
        }
        await tabTo(page, /^Decide again/);
        await page.keyboard.press('Enter');
        await focused(page, heading(page, 'Deciding with BOB'), 'the form again (en)');
        await tabTo(page, /Frank Dekker/);
        await page.keyboard.press('ArrowDown');
        await tabTo(page, /Record the decision/);
        await page.keyboard.press('Enter');
        await focused(page, heading(page, 'Feedback'), 'feedback of point 2 (en)');
        if (round === 2) {
          assert(await page.getByRole('heading', { name: 'Earlier at this moment' }).isVisible(), 'earlier attempts');
          await shot(page, 'drill-14-point2-feedback-earlier-en');
        }
        await tabTo(page, /^Next moment/);
        await page.keyboard.press('Enter');

        // Point 3: the families; no decision now.
        await focused(page, heading(page, '13:50 — Families between the group and the ME line'), 'point 3 (en)');
        await tabTo(page, /^Decide/);
        await page.keyboard.press('Enter');
        await focused(page, heading(page, 'Deciding with BOB'), 'the BOB form of point 3 (en)');
        await decide(page, { verdict: 'none', grounds: 'First a safe way out for the families.' });
        await focused(page, heading(page, 'Feedback'), 'feedback of point 3 (en)');
        await tabTo(page, /^On to the record/);
        await page.keyboard.press('Enter');
        await focused(page, heading(page, /^Record: Decision drill: who decides\?/), 'the record (en)');
        if (round === 1) {
          await tabTo(page, /^Another decision drill/);
          await page.keyboard.press('Enter');
          await page.getByText(/Done 1 time before on this device/).waitFor();
        }
      }
      const table = page.locator('.drill-record .drill-compare__table');
      assertEqual(await table.locator('thead th').count(), 3, 'two runs side by side');
      assert((await table.innerText()).includes('1 refused'), 'the R5 refusal counted');
      await clean(page, 'the record (en)');
      await shot(page, 'drill-15-record-en');

      assertEqual(foreignRequests, [], 'requests to other hosts');
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
];
