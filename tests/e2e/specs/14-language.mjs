/**
 * Issue #12, item 4: the language of what a scenario brings. A built-in
 * scenario's cast names the person and, separately, their position in both
 * languages, so the English console shows no Dutch role words ("wethouder",
 * "Algemeen Commandant SGBO"), also for an exercise made in Dutch. The
 * start-time field follows the UI language (nl-NL: 31-12-2026, 22:00; en-GB:
 * 31/12/2026, 22:00), not the browser's locale.
 */
import { readFileSync } from 'node:fs';
import { assert, assertEqual, axeViolations, openPage, screenshot } from '../lib.mjs';
import { createFromScenario, openMore } from '../console.mjs';

const FILES = ['ggp-go-in-de-wijk', 'jaarwisseling', 'demonstratie-loopt-uit-de-hand'];
const scenarios = FILES.map((file) => ({
  file,
  ...JSON.parse(readFileSync(new URL(`../../../public/scenarios/${file}.json`, import.meta.url), 'utf8')),
}));

/**
 * Dutch role words the built-in casts used inside their names before issue #12
 * ("Bram Hofstede (wethouder)"). Written out, not only read from the files: a
 * file without positions must not make this check vacuous.
 */
const DUTCH_CAST_WORDS = [
  'wethouder',
  'burgemeester',
  'Algemeen Commandant',
  'commandant',
  'officier van justitie',
  'justitie',
  'basisteam',
  'docent',
];

/** Plus every word of a Dutch position that its English one does not share (SGBO and "evaluator" stay allowed). */
function dutchWordsOf(scenario) {
  const words = new Set(DUTCH_CAST_WORDS);
  for (const member of scenario.cast) {
    if (!member.position) continue;
    const english = member.position.en.toLowerCase();
    for (const word of member.position.nl.split(/[^\p{L}-]+/u))
      if (word.length >= 4 && !english.includes(word.toLowerCase())) words.add(word);
  }
  return [...words];
}

const found = (text, words) => words.filter((word) => text.toLowerCase().includes(word.toLowerCase()));

async function setConsoleLanguage(page, language) {
  await openMore(page, (await page.locator('html').getAttribute('lang')) === 'en' ? 'More' : 'Meer');
  await page.getByRole('button', { name: language === 'en' ? 'English' : 'Nederlands' }).click();
  await page.keyboard.press('Escape');
  await page.locator(`html[lang="${language}"]`).waitFor();
}

/** What the start-time field shows, without the bidi marks some locales put around segments. */
async function startTimeShown(page, label) {
  // textContent: innerText puts spaces between the parts, which are flex items.
  const text = await page.getByRole('group', { name: label }).first().textContent();
  return text
    .replace(/[\u200e\u200f\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export const tests = [
  {
    name: 'the English console shows no Dutch cast names for each built-in scenario, made in Dutch',
    async run({ browser, url }) {
      for (const scenario of scenarios) {
        const { context, page, consoleErrors } = await openPage(browser, url);
        await page.goto(url);
        await createFromScenario(page, scenario.title.nl);
        await setConsoleLanguage(page, 'en');
        const actingAs = page.getByRole('radiogroup', { name: 'Acting as' });
        await actingAs.waitFor();
        const words = dutchWordsOf(scenario);
        const consoleText = await page.locator('body').innerText();
        assertEqual(found(consoleText, words), [], `Dutch cast words in the English console of "${scenario.title.en}"`);
        const switchText = await actingAs.innerText();
        assertEqual(found(switchText, words), [], `Dutch cast words in "Acting as" of "${scenario.title.en}"`);
        // Each person is still there, by name, with the English position where the scenario gives one.
        for (const member of scenario.cast) {
          const button = actingAs.getByRole('radio', { name: new RegExp(member.name.replace(/[()]/g, '\\$&')) });
          assertEqual(await button.count(), 1, `"${member.name}" in "Acting as"`);
          assert(!/[(),]/.test(member.name), `"${member.name}" of "${scenario.title.en}" is a person only`);
          if (member.position)
            assert(
              (await button.innerText()).includes(member.position.en),
              `"${member.name}" shows "${member.position.en}" in English`,
            );
        }
        await screenshot(page, `language-console-en-${scenario.file}`, { fullPage: false });
        assertEqual(await axeViolations(page), [], `axe violations, English console of "${scenario.title.en}"`);

        // And back in Dutch: the Dutch position.
        await setConsoleLanguage(page, 'nl');
        const dutchSwitch = await page.getByRole('radiogroup', { name: 'Handelt als' }).innerText();
        for (const member of scenario.cast)
          if (member.position) assert(dutchSwitch.includes(member.position.nl), `"${member.position.nl}" in Dutch`);
        assertEqual(consoleErrors, [], 'console errors');
        await context.close();
      }
    },
  },
  {
    name: 'the start-time field follows the UI language: 31-12-2026, 22:00 in Dutch, 31/12/2026, 22:00 in English',
    async run({ browser, url }) {
      // The browser's own locale is American: the field must not follow it.
      const { context, page, consoleErrors } = await openPage(browser, url, { locale: 'en-US' });
      await page.goto(url);
      await page.getByRole('button', { name: 'Nieuwe oefening' }).first().click();
      await page
        .getByRole('group', { name: /^Scenario/ })
        .locator('label', { hasText: 'Jaarwisseling' })
        .click();
      await page.getByText('Scenario ‘Jaarwisseling’ geladen').waitFor();
      assertEqual(
        await startTimeShown(page, /^Starttijd van de oefening/),
        '31-12-2026, 22:00',
        'the Dutch start time',
      );

      await page.locator('.app-header').getByRole('button', { name: 'English' }).click();
      await page.locator('html[lang="en"]').waitFor();
      assertEqual(await startTimeShown(page, /^Exercise start time/), '31/12/2026, 22:00', 'the English start time');

      // Typed in the English order, it is the same naive time in the set-up.
      const day = page.getByRole('spinbutton', { name: /day/i }).first();
      await day.click();
      await page.keyboard.type('010120270930');
      assertEqual(await startTimeShown(page, /^Exercise start time/), '01/01/2027, 09:30', 'typed in English');
      await page.getByText(/^Chosen: Friday,? 1 January 2027 at 09:30$/).waitFor();
      assertEqual(await axeViolations(page), [], 'axe violations, form in English');

      // The calendar: the month in English, Monday first, the chosen day marked.
      await page.getByRole('button', { name: /^Calendar/ }).click();
      const calendar = page.getByRole('dialog');
      await calendar.getByRole('heading', { name: 'January 2027' }).waitFor();
      const weekdays = await calendar.locator('th').allTextContents();
      assertEqual(weekdays[0], 'M', 'the week starts on Monday');
      await page.getByRole('group', { name: /^Exercise start time/ }).scrollIntoViewIfNeeded();
      await screenshot(page, 'language-start-time-en-calendar', { fullPage: false });
      assertEqual(await axeViolations(page), [], 'axe violations, calendar open');
      await page.keyboard.press('Escape');
      await calendar.waitFor({ state: 'detached' });
      assertEqual(consoleErrors, [], 'console errors');
      await context.close();
    },
  },
];
