import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { DebriefScreen } from '../src/app/screens/DebriefScreen';
import { LanguageSwitch } from '../src/features/language/LanguageSwitch';
import type { ExerciseRepository } from '../src/session';
import {
  comparisonStore,
  debriefOf,
  emptyStore,
  jaarwisselingStore,
  longLogStore,
  newStore,
  riotControlStore,
  runExercise,
} from '../tests/features/debrief/fixtures';
import { SETUP } from '../tests/fixtures/exercise';

interface Loaded {
  store: ExerciseRepository;
  id: string;
  otherId?: string;
}
const loadedOf = (loaded: unknown) => loaded as Loaded;

/** Until the screen has read the exercise (it says "Oefening wordt gelezen…" first): the debrief's toolbar is there. */
const untilRead = (canvasElement: HTMLElement) =>
  waitFor(() => expect(canvasElement.querySelector('.debrief__toolbar')).not.toBeNull());

/** The debrief (after-action review) of a stored exercise, read-only, as a trainer shows it to the room. */
const meta = {
  title: 'Debrief/Screen',
  component: DebriefScreen,
  args: {
    store: undefined as unknown as ExerciseRepository,
    id: '',
    headerControls: <LanguageSwitch />,
    consoleHref: '#/oefening/console',
    exercisesHref: '#/',
    now: () => '2026-12-31T23:30:00.000Z',
    onPrint: fn(),
  },
  parameters: { layout: 'fullscreen' },
  render: (args, { loaded }) => {
    const { store, id } = loadedOf(loaded);
    return <DebriefScreen {...args} store={store} id={id} />;
  },
  loaders: [() => riotControlStore()],
} satisfies Meta<typeof DebriefScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A new exercise: nothing decided, nothing refused; the debrief says so plainly. */
export const EmptyExercise: Story = {
  loaders: [() => emptyStore()],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await untilRead(canvasElement);
    await expect(canvas.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Nabespreking: Jaarwisseling Utrecht-Centrum',
    );
    await expect(canvas.getByText('Er is geen besluit genomen.')).toBeVisible();
    await expect(canvas.getByText('Er is niets geweigerd.')).toBeVisible();
    await expect(canvas.getByText('Geen pilotinzet in deze oefening.')).toBeVisible();
    await expect(canvas.getByText(/De oefenklok liep niet/)).toBeVisible();
    await expect(canvas.getByText(/Er staat geen andere run van deze oefening/)).toBeVisible();
  },
};

/**
 * The clock ran 35 seconds and nobody acted yet (the trainer's walk-through): the exercise-time tile
 * counts those seconds and says from when to when, with the clock still running; how many rules and
 * phases the exercise touched is a tile of its own.
 */
export const ExerciseTimeWithoutLines: Story = {
  args: { now: () => '2026-12-31T21:00:35.000Z' },
  loaders: [
    async () => {
      const store = newStore();
      return { store, id: await runExercise(store, SETUP, () => undefined) };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await untilRead(canvasElement);
    const tile = (label: string) => {
      const figure = canvas.getByText(label, { selector: 'dt' }).closest('.key-figure');
      if (!(figure instanceof HTMLElement)) throw new Error(`No key figure “${label}”`);
      return within(figure);
    };
    const time = tile('oefentijd');
    await expect(time.getByText('35 s')).toBeVisible();
    await expect(time.getByText(/^van 22:00 tot nu, 22:00:35; de klok loopt · 35 s werkelijk$/)).toBeVisible();
    await expect(time.queryByText(/regels|fasen/)).toBeNull();
    const coverage = tile('regels geraakt');
    await expect(coverage.getByText(/^van de 13 · 1 van 5 fasen bezocht$/)).toBeVisible();
  },
};

/**
 * Issue 3's riot-control run on a running clock: four escalations, the water
 * cannon refused (R3), a neighbouring mayor refused (R5), the tear agent
 * refused (R4), both decisions, the pilot case (R11), a note and its
 * correction, the water cannon revoked (R8), de-escalation.
 */
export const RiotControlRun: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    const canvas = within(canvasElement);
    await untilRead(canvasElement);
    const { store, id } = loadedOf(loaded);
    const debrief = await debriefOf(store, id);

    const chart = canvas.getByRole('img', { name: /fase in de loop van de oefening/ });
    await expect(chart.querySelectorAll('.chart-marker--refusal')).toHaveLength(3);
    await expect(chart.querySelectorAll('.chart-marker--granted')).toHaveLength(2);
    await expect(chart.querySelectorAll('.chart-marker--pilot')).toHaveLength(1);
    await expect(chart.querySelectorAll('.chart-marker--revocation')).toHaveLength(1);

    const decisions = canvas.getByRole('region', { name: 'Besluiten van de burgemeester' });
    await expect(decisions).toHaveTextContent('Besluit 1 Waterwerper — ◆ Toestemming verleend');
    await expect(decisions).toHaveTextContent('Niet richten op hoofden');
    await expect(decisions).toHaveTextContent('om 31-12 22:09:00, 2 min na het besluit');

    const refusals = canvas.getByRole('region', { name: 'Weigeringen per regel' });
    await expect(within(refusals).getAllByRole('heading', { level: 3 })).toHaveLength(3);
    await expect(refusals).toHaveTextContent('Burgemeester Joris Vermeulen (Amsterdam)');

    await expect(canvas.getByRole('region', { name: 'Aantekeningen en correcties' })).toHaveTextContent(
      'Correctie van regel 15',
    );
    await expect(canvas.getAllByText(debrief.integrity.finalHash)).toHaveLength(2);

    await userEvent.click(canvas.getByRole('button', { name: 'Afdrukken' }));
    await expect(args.onPrint).toHaveBeenCalledOnce();
  },
};

/** The same run in English: every word from the catalogue, times in en-GB. */
export const English: Story = {
  parameters: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await untilRead(canvasElement);
    await expect(canvas.getByRole('heading', { level: 1 })).toHaveTextContent('Debrief: Jaarwisseling Utrecht-Centrum');
    await expect(canvas.getByRole('heading', { name: 'Refusals by rule' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: /R3 Water cannon needs the mayor/ })).toBeVisible();
    await expect(canvas.getByRole('region', { name: 'The mayor’s decisions' })).toHaveTextContent(
      'revoked by Mayor Marieke de Boer',
    );
    await expect(canvas.getByRole('button', { name: 'CSV for Excel' })).toBeVisible();
  },
};

/**
 * A scenario run (Jaarwisseling): the decision-point injects released, the
 * time from each to its decision, one never answered; the scenario's
 * learning objectives and debrief questions; R12 in play by the scenario.
 */
export const ScenarioWithInjects: Story = {
  loaders: [() => jaarwisselingStore()],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await untilRead(canvasElement);
    const timings = canvas.getByRole('region', { name: 'Tijd tot besluit en tot actie' });
    await expect(within(timings).getByRole('row', { name: /Het basisteam houdt het niet meer/ })).toHaveTextContent(
      '5 min',
    );
    await expect(
      within(timings).getByRole('row', { name: /De commandant vraagt om inzet van de waterwerper/ }),
    ).toHaveTextContent('3 min');
    await expect(within(timings).getByText('geen besluit genomen')).toBeVisible();
    const scenario = canvas.getByRole('region', { name: 'Leerdoelen en nabesprekingsvragen' });
    await expect(within(scenario).getAllByRole('listitem')).toHaveLength(12);
    await expect(canvas.getByRole('row', { name: /R12/ })).toHaveTextContent('in het scenario');
  },
};

/** A long log (6 runs up and down, about 100 entries): the chart counts what it cannot draw; the tables hold every line. */
export const LongLog: Story = {
  loaders: [() => longLogStore(6)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await untilRead(canvasElement);
    const chart = canvas.getByRole('img', { name: /fase in de loop van de oefening/ });
    await expect(chart.querySelectorAll('.phase-chart__more').length).toBeGreaterThan(0);
    const refusals = canvas.getByRole('region', { name: 'Weigeringen per regel' });
    await expect(refusals).toHaveTextContent('6 keer');
    await expect(canvas.getByRole('region', { name: 'Besluiten van de burgemeester' })).toHaveTextContent('Besluit 12');
  },
};

/** Two runs of the same exercise side by side: phases on one time scale, decisions with times, refusals per rule. */
export const Comparison: Story = {
  loaders: [() => comparisonStore()],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await untilRead(canvasElement);
    const { otherId } = loadedOf(loaded);
    // The other runs are listed once read from the repository.
    const select = await canvas.findByRole('combobox', { name: 'Vergelijk met een andere run' });
    await waitFor(() => expect(select.querySelector(`option[value="${otherId ?? ''}"]`)).not.toBeNull());
    await userEvent.selectOptions(select, otherId ?? '');
    const compare = canvas.getByRole('region', { name: 'Twee runs naast elkaar' });
    await waitFor(() => expect(within(compare).getAllByRole('img')).toHaveLength(2));
    await expect(within(compare).getByRole('heading', { name: /^Deze run/ })).toBeVisible();
    await expect(within(compare).getByRole('heading', { name: /^Andere run/ })).toBeVisible();
    const table = within(compare).getByRole('table', { name: 'Weigeringen per regel' });
    await expect(within(table).getByRole('row', { name: /Totaal/ })).toHaveTextContent(/3\s*1$/);
    await expect(compare).toHaveTextContent('+7 min Waterwerper: Toestemming verleend');
    await expect(compare).toHaveTextContent('+5 min Waterwerper: Toestemming verleend');
  },
};
