/**
 * Steps a trainer takes in the console, in the words on the screen (Dutch).
 * Shared by the end-to-end specs.
 */
import { assert } from './lib.mjs';

export const CAST = {
  title: 'Jaarwisseling Utrecht-Centrum',
  municipality: 'Utrecht',
  mayor: 'Marieke de Boer',
  locoMayor: 'Dennis de Vries',
  commander: 'Karin Bos',
  prosecutor: 'Ahmed Yilmaz',
  trainer: 'Joost Peters',
  startTime: '2026-12-31T22:00',
};

/**
 * The start time ("2026-12-31T22:00") typed part by part into the Dutch form's field, as a trainer
 * would: day, month, year, hour, minute, each moving on to the next by itself.
 */
export async function fillStartTime(page, value) {
  const [, year, month, day, hour, minute] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  await page.getByRole('group', { name: /^Starttijd van de oefening/ }).getByRole('spinbutton').first().click();
  await page.keyboard.type(`${day}${month}${year}${hour}${minute}`);
}

/** From the start screen: fill in the set-up form and open the new exercise's console. */
export async function createExercise(page, cast = CAST) {
  await page.getByRole('button', { name: 'Nieuwe oefening' }).first().click();
  for (const [name, value] of Object.entries(cast)) {
    if (name === 'startTime') await fillStartTime(page, value);
    else await page.fill(`input[name=${name}]`, value);
  }
  await page.getByRole('button', { name: 'Oefening aanmaken' }).click();
  await page.locator('.console').waitFor();
  return new URL(page.url()).hash;
}

/** From the start screen: a new exercise from one of the built-in scenarios, as set up by its file. */
export async function createFromScenario(page, title) {
  await page.getByRole('button', { name: 'Nieuwe oefening' }).first().click();
  await page.getByRole('group', { name: /^Scenario/ }).locator('label', { hasText: title }).click();
  await page.getByText(`Scenario ‘${title}’ geladen`).waitFor();
  await page.getByRole('button', { name: 'Oefening aanmaken' }).click();
  await page.locator('.console').waitFor();
  return new URL(page.url()).hash;
}

export async function actAs(page, role) {
  await page
    .getByRole('radiogroup', { name: 'Handelt als' })
    .getByRole('radio', { name: new RegExp(role) })
    .click();
}

/** Press an action button; escalation and de-escalation ask for a reason first. */
export async function act(page, name, reason) {
  await page.locator('.console__actions').getByRole('button', { name, exact: true }).click();
  if (reason !== undefined) {
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reden').fill(reason);
    await dialog.getByRole('button', { name: 'Vastleggen' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}

export async function escalateTo(page, phase, reason = 'Situatie verslechtert') {
  await act(page, `Opschalen naar fase ${phase}`, reason);
  await currentPhaseIs(page, phase);
}

export async function currentPhaseIs(page, phase) {
  await page.locator(`.console__ladder li[data-phase="${phase}"][aria-current="step"]`).waitFor();
}

/** The mayor's decision dialog, by mouse: verdict, grounds, optional BOB notes, confirm. */
export async function decide(page, subject, { verdict = 'grant', grounds, beeld, oordeel, conditions } = {}) {
  const opener = subject === 'waterCannon' ? 'Besluit waterwerper…' : 'Besluit traanverwekkende stof…';
  await page.getByRole('button', { name: opener }).click();
  const dialog = page.getByRole('dialog');
  // The radio itself is visually hidden; a user clicks its label.
  await dialog
    .locator('label', { hasText: verdict === 'grant' ? 'Toestemming verlenen' : 'Toestemming weigeren' })
    .click();
  await dialog.getByRole('textbox', { name: /^Gronden/ }).fill(grounds);
  if (beeld) await dialog.getByRole('textbox', { name: /^Beeld/ }).fill(beeld);
  if (oordeel) await dialog.getByRole('textbox', { name: /^Oordeel/ }).fill(oordeel);
  if (conditions) await dialog.getByRole('textbox', { name: /^Voorwaarden/ }).fill(conditions);
  await dialog.getByRole('button', { name: 'Verder naar bevestigen' }).click();
  await dialog.getByRole('button', { name: 'Bevestigen en vastleggen' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The rows of the log as the screen shows them (the list is virtualised: filter to see old ones). */
export async function logRows(page) {
  return page
    .locator('.console__log [data-seq]')
    .evaluateAll((rows) =>
      rows.map((row) => ({ seq: Number(row.getAttribute('data-seq')), text: row.textContent ?? '' })),
    );
}

export async function lastLogRow(page) {
  const rows = await logRows(page);
  const last = rows.sort((a, b) => a.seq - b.seq).at(-1);
  assert(last, 'the log has rows');
  return last;
}

export async function logCount(page) {
  const text = await page
    .locator('.console__log')
    .getByText(/van \d+ regels?/)
    .innerText();
  return Number(/van (\d+) regel/.exec(text)?.[1]);
}

/** Exercise time on the clock, as ISO local time. */
export async function clockTime(page) {
  return page.locator('.exercise-clock time').getAttribute('datetime');
}

/** Press Tab until the focused element's text or label matches; proves it is reachable by keyboard. */
export async function tabTo(page, pattern, limit = 150) {
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const element = document.activeElement;
      // Focus on the page itself (nothing focused, or a focused element just removed) names nothing:
      // its text is the whole page's and would match any pattern.
      if (!element || element === document.body || element === document.documentElement) return '';
      const labelled = element.getAttribute('aria-label') ?? '';
      const labels =
        'labels' in element && element.labels ? [...element.labels].map((label) => label.textContent).join(' ') : '';
      return `${labelled} ${labels} ${element.textContent ?? ''}`.trim();
    });
    if (pattern.test(name)) return name;
  }
  throw new Error(`Tab never reached ${String(pattern)}`);
}

/** The console's "Meer" popover: the debrief, the replay, projector mode and the language. */
export async function openMore(page, name = 'Meer') {
  await page.locator('.console-header').getByRole('button', { name, exact: true }).click();
  await page.locator('.console-header__popover:popover-open').waitFor();
}
