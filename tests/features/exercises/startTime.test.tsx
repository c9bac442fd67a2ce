/**
 * Issue #12, item 4: the start-time field writes dates the way the UI's
 * language does (nl-NL, en-GB), not the browser's locale (jsdom's is en-US),
 * and keeps the form's rules: a whole date and time is required, and focus
 * goes to the field when it is the first that is wrong.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NewExerciseForm } from '../../../src/features/exercises/NewExerciseForm';
import { startTimeText, startTimeValue } from '../../../src/features/exercises/StartTimeField';
import { i18n } from '../../../src/i18n';
import type { ExerciseSetup } from '../../../src/session';
import { scenarioSetup } from '../../fixtures/scenario';

const NOW = Date.parse('2026-11-28T12:00:00Z');

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

function renderForm(initial?: ExerciseSetup) {
  const onCreate = vi.fn<(setup: ExerciseSetup) => void>();
  const user = userEvent.setup();
  render(
    <NewExerciseForm now={NOW} onCreate={onCreate} onCancel={() => undefined} {...(initial ? { initial } : {})} />,
  );
  return { onCreate, user };
}

const field = (label = /^Starttijd van de oefening/) => screen.getByRole('group', { name: label });
/** The field's parts as one line, without the bidi marks some locales put around them. */
const shown = (label?: RegExp) => field(label).textContent.replace(/[\u200e\u200f\u2066-\u2069]/g, '');
const part = (name: RegExp) => screen.getAllByRole('spinbutton', { name })[0];

// Typing part by part takes a while with user-event on a shared two-core machine (see ExercisesScreen.test).
describe('the start-time field', { timeout: 20_000 }, () => {
  it('writes the date the Dutch way in Dutch and the British way in English, whatever the browser’s locale', async () => {
    expect(navigator.language).toBe('en-US');
    renderForm();
    expect(shown()).toBe('31-12-2026, 22:00');
    await act(() => i18n.changeLanguage('en'));
    expect(shown(/^Exercise start time/)).toBe('31/12/2026, 22:00');
    expect(screen.getByText(/^Chosen: Thursday,? 31 December 2026 at 22:00$/)).toBeInTheDocument();
  });

  it('takes a date and time typed part by part, day first, into the set-up', async () => {
    const { user, onCreate } = renderForm(scenarioSetup('jaarwisseling'));
    const day = part(/^dag/);
    if (!day) throw new Error('the field has a day');
    await user.click(day);
    await user.keyboard('010120270930');
    expect(shown()).toBe('01-01-2027, 09:30');
    expect(screen.getByText('Gekozen: vrijdag 1 januari 2027 om 09:30')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Oefening aanmaken' }));
    expect(onCreate.mock.calls[0]?.[0].startTime).toBe('2027-01-01T09:30');
  });

  it('says a start time is required when every part is cleared, and puts focus in the field', async () => {
    const { user, onCreate } = renderForm(scenarioSetup('jaarwisseling'));
    const day = part(/^dag/);
    if (!day) throw new Error('the field has a day');
    await user.click(day);
    // Backspace clears a part and moves back; from the minutes, ten clear all five.
    await user.click(part(/^minuut|^minuten/) ?? day);
    await user.keyboard('{Backspace}'.repeat(16));
    expect(shown()).toBe('dd-mm-jjjj, ––:––');
    await user.click(screen.getByRole('button', { name: 'Oefening aanmaken' }));
    expect(onCreate).not.toHaveBeenCalled();
    expect(screen.getByText('Vul een volledige datum en tijd in, bijvoorbeeld 31-12-2026 22:00.')).toBeInTheDocument();
    expect(part(/^dag/)).toHaveFocus();
    expect(part(/^dag/)).toHaveAccessibleDescription(/Vul een volledige datum en tijd in/);
    expect(screen.queryByText(/^Gekozen:/)).toBeNull();
  });

  it('does not take the last whole time for a field with a part left empty', async () => {
    const { user, onCreate } = renderForm(scenarioSetup('jaarwisseling'));
    const hour = part(/^uur/);
    if (!hour) throw new Error('the field has an hour');
    await user.click(hour);
    await user.keyboard('{Backspace}{Backspace}');
    expect(shown()).toBe('31-12-2026, ––:00');
    await user.click(screen.getByRole('button', { name: 'Oefening aanmaken' }));
    expect(onCreate).not.toHaveBeenCalled();
    expect(screen.getByText('Vul een volledige datum en tijd in, bijvoorbeeld 31-12-2026 22:00.')).toBeInTheDocument();
    expect(screen.queryByText(/^Gekozen:/)).toBeNull();
    // Filled again, even with the same hour: the form takes it.
    await user.click(hour);
    await user.keyboard('22');
    await user.click(screen.getByRole('button', { name: 'Oefening aanmaken' }));
    expect(onCreate).toHaveBeenCalledOnce();
    expect(onCreate.mock.calls[0]?.[0].startTime).toBe('2026-12-31T22:00');
  });

  it('reads and writes naive local times as set-ups store them', () => {
    expect(startTimeText(startTimeValue('2026-12-31T22:00'))).toBe('2026-12-31T22:00');
    expect(startTimeText(startTimeValue(' 2026-12-31T22:00:30 '))).toBe('2026-12-31T22:00');
    expect(startTimeValue('31-12-2026 22:00')).toBeNull();
    expect(startTimeValue('2026-02-30T10:00')).toBeNull();
    expect(startTimeValue('')).toBeNull();
    expect(startTimeText(null)).toBe('');
  });
});

describe('positions from the scenario in the form', () => {
  it('stand under the names in the UI’s language and stay when the name changes', async () => {
    await i18n.changeLanguage('en');
    const { user, onCreate } = renderForm(scenarioSetup('jaarwisseling'));
    const commander = screen.getByLabelText(/^Commander/);
    expect(commander).toHaveValue('Jeroen Visser');
    expect(commander).toHaveAccessibleDescription('In the scenario: Overall Commander, SGBO.');
    await user.clear(commander);
    await user.type(commander, 'Karin Bos');
    await user.click(screen.getByRole('button', { name: 'Create exercise' }));
    expect(onCreate.mock.calls[0]?.[0].cast.find((member) => member.id === 'commandant')).toEqual({
      id: 'commandant',
      role: 'commander',
      name: 'Karin Bos',
      position: { nl: 'Algemeen Commandant SGBO', en: 'Overall Commander, SGBO' },
    });
  });
});
