import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { NewExerciseForm } from '../src/features/exercises/NewExerciseForm';
import type { ExerciseSetup } from '../src/session';
import { scenarioSetup } from '../tests/fixtures/scenario';

/** 28 November 2026, 13:00 in the Netherlands: the default start is the coming New Year's Eve. */
const NOW = Date.parse('2026-11-28T12:00:00Z');

const meta = {
  title: 'Exercises/NewExerciseForm',
  component: NewExerciseForm,
  args: { onCreate: fn(), onCancel: fn(), now: NOW },
} satisfies Meta<typeof NewExerciseForm>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The start-time field: a group of parts (day, month, year, hour, minute), written the UI language's way. */
const startTime = (root: HTMLElement, label = /^Starttijd van de oefening/) =>
  within(root).getByRole('group', { name: label });
/** What it shows, without the bidi marks the time is wrapped in. */
const shownStart = (root: HTMLElement, label?: RegExp) =>
  startTime(root, label).textContent.replace(/[\u200e\u200f\u2066-\u2069]/g, '');
const startPart = (root: HTMLElement, name: RegExp) => {
  const [part] = within(root).getAllByRole('spinbutton', { name });
  if (!part) throw new Error(`no part ${String(name)} in the start time`);
  return part;
};

/** Empty, with the defaults: 31 December 22:00 and phase 1; focus in the first field. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Nieuwe oefening' })).toBeVisible();
    await expect(canvas.getByLabelText(/Titel van de oefening/)).toHaveFocus();
    await expect(shownStart(canvasElement)).toBe('31-12-2026, 22:00');
    await expect(canvas.getByText('Gekozen: donderdag 31 december 2026 om 22:00')).toBeVisible();
    await expect(canvas.getByRole('radio', { name: /^Fase 1 GGP-GO/ })).toBeChecked();
    await expect(canvas.getByRole('radio', { name: /^Fase 3 .*aanname$/ })).not.toBeChecked();
    await expect(canvas.getByRole('radio', { name: /^Fase 5 Riot control/ })).not.toHaveAccessibleName(/aanname/);
    await expect(canvas.getByText('Nog geen waarnemers.')).toBeVisible();
  },
};

/** Submitting empty says per field what is missing, in words, and puts focus on the first. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    // Every part of the start time emptied, from the minutes back (an emptied part's Backspace moves on).
    await userEvent.click(startPart(canvasElement, /^minu/));
    await userEvent.keyboard('{Backspace}'.repeat(16));
    await expect(shownStart(canvasElement)).toBe('dd-mm-jjjj, ––:––');
    await userEvent.click(canvas.getByRole('button', { name: 'Oefening aanmaken' }));
    await expect(args.onCreate).not.toHaveBeenCalled();
    const title = canvas.getByLabelText(/Titel van de oefening/);
    await expect(title).toHaveFocus();
    await expect(title).toBeInvalid();
    await expect(title).toHaveAccessibleDescription(/Vul de titel van de oefening in\./);
    await expect(canvas.getByLabelText(/^Gemeente/)).toHaveAccessibleDescription(/Vul de gemeente in/);
    await expect(canvas.getByLabelText(/^Locoburgemeester/)).toHaveAccessibleDescription(
      'Vul de naam van de locoburgemeester in.',
    );
    await expect(canvas.getByLabelText(/^Oefenleider/)).toBeInvalid();
    await expect(startPart(canvasElement, /^dag/)).toHaveAccessibleDescription(
      /Vul een volledige datum en tijd in, bijvoorbeeld 31-12-2026 22:00\./,
    );
    await expect(canvasElement.querySelectorAll('.field__error')).toHaveLength(8);
    // The message goes as soon as the field is filled.
    await userEvent.type(title, 'Jaarwisseling');
    await expect(title).toBeValid();
    await expect(canvasElement.querySelectorAll('.field__error')).toHaveLength(7);
  },
};

const FILLED: ExerciseSetup = {
  title: 'Jaarwisseling Utrecht-Centrum',
  municipality: 'Utrecht',
  startTime: '2026-12-31T23:30',
  startPhase: 2,
  cast: [
    { id: 'mayor', role: 'mayor', name: 'Marieke de Boer', municipality: 'Utrecht' },
    { id: 'locoMayor', role: 'locoMayor', name: 'Linda Voortman', municipality: 'Utrecht' },
    { id: 'commander', role: 'commander', name: 'Cdt. Pieter de Vries' },
    { id: 'prosecutor', role: 'prosecutor', name: 'Mr. Anna Bakker' },
    { id: 'trainer', role: 'trainer', name: 'Karin Jansen' },
    { id: 'observer-1', role: 'observer', name: 'Youssef el Amrani' },
    { id: 'observer-2', role: 'observer', name: 'Eva de Wit' },
  ],
};

/** Filled in by keyboard and mouse: the set-up handed on is exactly what was typed. */
export const Filled: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/Titel van de oefening/), FILLED.title);
    await userEvent.type(canvas.getByLabelText(/^Gemeente/), ' Utrecht ');
    await userEvent.type(canvas.getByLabelText(/^Burgemeester/), 'Marieke de Boer');
    await userEvent.type(canvas.getByLabelText(/^Locoburgemeester/), 'Linda Voortman');
    await userEvent.type(canvas.getByLabelText(/^Commandant/), 'Cdt. Pieter de Vries');
    await userEvent.type(canvas.getByLabelText(/^Officier van justitie/), 'Mr. Anna Bakker');
    await userEvent.type(canvas.getByLabelText(/^Oefenleider/), 'Karin Jansen');

    // Three observer rows; the middle one is removed again and focus moves to the next row.
    const add = canvas.getByRole('button', { name: 'Waarnemer toevoegen' });
    await userEvent.click(add);
    await expect(canvas.getByLabelText('Waarnemer 1')).toHaveFocus();
    await userEvent.keyboard('Youssef el Amrani');
    await userEvent.click(add);
    await userEvent.keyboard('Wordt verwijderd');
    await userEvent.click(add);
    await userEvent.keyboard('Eva de Wit');
    await userEvent.click(canvas.getByRole('button', { name: 'Verwijderen Waarnemer 2' }));
    await expect(canvas.getByLabelText('Waarnemer 2')).toHaveFocus();
    await expect(canvas.getByLabelText('Waarnemer 2')).toHaveValue('Eva de Wit');
    await expect(canvas.queryByLabelText('Waarnemer 3')).toBeNull();

    // Typed part by part: the hour, then the minutes follow by themselves.
    await userEvent.click(startPart(canvasElement, /^uur/));
    await userEvent.keyboard('2330');
    await expect(shownStart(canvasElement)).toBe('31-12-2026, 23:30');
    await userEvent.click(canvas.getByRole('radio', { name: /^Fase 2/ }));
    await userEvent.click(canvas.getByRole('button', { name: 'Oefening aanmaken' }));
    await expect(args.onCreate).toHaveBeenCalledOnce();
    await expect(args.onCreate).toHaveBeenCalledWith(FILLED);
  },
};

/** Input kept after a failed save: the form starts from it and says why it was not stored. */
export const StorageProblem: Story = {
  args: {
    initial: FILLED,
    problem:
      'De oefening is niet opgeslagen: de opslag van deze browser is vol. Maak ruimte door oude oefeningen te exporteren en te verwijderen, en probeer het opnieuw. Uw invoer staat er nog.',
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent(/opslag van deze browser is vol/);
    await expect(canvas.getByLabelText(/Titel van de oefening/)).toHaveValue(FILLED.title);
    await expect(canvas.getByLabelText('Waarnemer 2')).toHaveValue('Eva de Wit');
    await expect(canvas.getByRole('radio', { name: /^Fase 2/ })).toBeChecked();
    await userEvent.click(canvas.getByRole('button', { name: 'Annuleren' }));
    await expect(args.onCancel).toHaveBeenCalledOnce();
  },
};

export const English: Story = {
  parameters: { locale: 'en' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'New exercise' })).toBeVisible();
    await expect(canvas.getByRole('radio', { name: /^Phase 4 ME with specialist means assumption$/ })).toBeVisible();
    // The British order, whatever the browser's own locale: day, month, year, 24 hours.
    await expect(shownStart(canvasElement, /^Exercise start time/)).toBe('31/12/2026, 22:00');
    await userEvent.click(canvas.getByRole('button', { name: 'Create exercise' }));
    await expect(canvas.getByLabelText(/^Exercise title/)).toHaveAccessibleDescription(/Fill in the exercise title\./);
    await expect(canvas.getByLabelText(/^Acting mayor/)).toHaveAccessibleDescription(
      'Fill in the acting mayor’s name.',
    );
    await expect(args.onCreate).not.toHaveBeenCalled();
  },
};

/** From Jaarwisseling, in English: the positions from the scenario under the names, in English (issue #12). */
export const EnglishFromScenario: Story = {
  parameters: { locale: 'en' },
  args: { initial: scenarioSetup('jaarwisseling') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const commander = canvas.getByLabelText(/^Commander/);
    await expect(commander).toHaveValue('Jeroen Visser');
    await expect(commander).toHaveAccessibleDescription('In the scenario: Overall Commander, SGBO.');
    await expect(canvas.getByLabelText(/^Acting mayor/)).toHaveAccessibleDescription('In the scenario: alderman.');
    await expect(canvas.getByLabelText('Observer 1')).toHaveAccessibleDescription('In the scenario: evaluator.');
    await expect(canvasElement).not.toHaveTextContent(/wethouder|Algemeen Commandant|officier van justitie/i);
  },
};

/** The calendar, opened from its button: the month in the UI's language, the start day chosen. */
export const Calendar: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /^Kalender/ }));
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole('dialog');
    await expect(within(dialog).getByRole('heading', { name: 'december 2026' })).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: /31 december 2026/ })).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: /^vrijdag 18 december 2026/ }));
    await expect(shownStart(canvasElement)).toBe('18-12-2026, 22:00');
    await expect(canvas.getByText('Gekozen: vrijdag 18 december 2026 om 22:00')).toBeVisible();
  },
};

const live = (secretKnown: boolean, creating = false) => ({ secretKnown, creating, onCreate: fn() });

/** Served by a Paraat server: where it runs is a choice, this device by default; the rest is as ever. */
export const OnAServer: Story = {
  args: { initial: FILLED, live: live(true) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const place = canvas.getByRole('group', { name: 'Waar de oefening loopt' });
    await expect(within(place).getByRole('radio', { name: 'Lokaal op dit apparaat' })).toBeChecked();
    await userEvent.click(canvas.getByRole('button', { name: 'Oefening aanmaken' }));
    await expect(args.onCreate).toHaveBeenCalledOnce();
    await expect(args.live?.onCreate).not.toHaveBeenCalled();
  },
};

/** "Live sessie" in a tab without the admin secret: the secret is asked for with it, and required. */
export const LiveAsksSecret: Story = {
  args: { initial: FILLED, live: live(false) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const localChoice = canvas.getByRole('radio', { name: 'Lokaal op dit apparaat' });
    localChoice.focus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('radio', { name: 'Live sessie op de server' })).toBeChecked();
    await userEvent.click(canvas.getByRole('button', { name: 'Live oefening aanmaken' }));
    const field = canvas.getByLabelText(/Beheersleutel van de server/);
    await expect(field).toHaveFocus();
    await expect(field).toHaveAccessibleDescription(/Vul de beheersleutel in\./);
    await expect(args.live?.onCreate).not.toHaveBeenCalled();
  },
};

/** The server is making it: said, and the button waits. */
export const CreatingLive: Story = {
  args: { initial: FILLED, live: live(true, true) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('De oefening wordt op de server gemaakt…')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Oefening aanmaken' })).toBeDisabled();
  },
};

/** The server refused to make it: its reason, and the input stays. */
export const LiveRefused: Story = {
  args: {
    initial: FILLED,
    live: live(true),
    problem:
      'De server maakte de oefening niet: De server is niet bereikbaar. Draait hij nog (npm start)? Uw invoer staat er nog.',
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent(/De server maakte de oefening niet/);
    await expect(canvas.getByLabelText(/Titel van de oefening/)).toHaveValue(FILLED.title);
  },
};
