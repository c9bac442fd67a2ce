import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { LanguageSwitch } from '../src/features/language/LanguageSwitch';
import { ReplayScreen } from '../src/app/screens/ReplayScreen';
import type { ExerciseRepository, LogEntry } from '../src/session';
import { longLogSession, riotControlSession, stored } from '../tests/fixtures/exercise';

interface Loaded {
  store: ExerciseRepository;
  id: string;
  count: number;
  /** The line of the mayor's granted water-cannon decision. */
  grant: number;
}
const loadedOf = (loaded: unknown) => loaded as Loaded;

const isGrant = (entry: LogEntry) =>
  entry.kind === 'attempt' &&
  entry.outcome === 'accepted' &&
  entry.event.type === 'mayor.decide' &&
  entry.event.subject === 'waterCannon';

/** The riot-control run of issue 3, stored; the replay reads it read-only. */
async function riotControlStore(): Promise<Loaded> {
  const { session, repository, id } = riotControlSession();
  await stored(session);
  const log = session.getState().log;
  session.dispose();
  return { store: repository, id, count: log.length, grant: log.find(isGrant)?.seq ?? 0 };
}

/** Until the screen has read the exercise (it says "Oefening wordt gelezen…" first): the slider is there. */
const untilRead = (canvasElement: HTMLElement) => within(canvasElement).findByRole('slider');

const waterCannon = (canvasElement: HTMLElement) => {
  const card = canvasElement.querySelector<HTMLElement>('[data-subject="waterCannon"]');
  if (!card) throw new Error('the water-cannon card is shown');
  return card;
};

/** Stepping through a stored exercise line by line, as a trainer shows it to the room; branching from a line. */
const meta = {
  title: 'Replay/Screen',
  component: ReplayScreen,
  args: {
    store: undefined as unknown as ExerciseRepository,
    id: '',
    headerControls: <LanguageSwitch />,
    consoleHref: '#/oefening/console',
    exercisesHref: '#/',
    onBranched: fn(),
    now: () => Date.parse('2026-12-31T23:30:00Z'),
  },
  parameters: { layout: 'fullscreen' },
  render: (args, { loaded, parameters }) => {
    const { store, id, grant } = loadedOf(loaded);
    const at = (parameters as { at?: 'start' | 'middle' | 'half' }).at;
    return (
      <ReplayScreen
        {...args}
        store={store}
        id={id}
        {...(at === 'start'
          ? { initialPosition: 0 }
          : at === 'middle'
            ? { initialPosition: grant - 1 }
            : at === 'half'
              ? { initialPosition: Math.floor(loadedOf(loaded).count / 2) }
              : {})}
      />
    );
  },
  loaders: [() => riotControlStore()],
} satisfies Meta<typeof ReplayScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Before the first line: phase 1, nothing decided, nothing to branch from. */
export const Start: Story = {
  parameters: { at: 'start' },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await untilRead(canvasElement);
    const { count } = loadedOf(loaded);
    await expect(canvas.getByRole('slider', { name: 'Positie in het logboek' })).toHaveValue('0');
    await expect(canvas.getByText('Begin van de oefening: nog geen regels. Zo begon de oefening.')).toBeVisible();
    await expect(canvas.getByText(`begin, vóór regel 1 (van ${String(count)})`)).toBeVisible();
    await expect(canvasElement.querySelector('.phase--current')).toHaveAttribute('data-phase', '1');
    await expect(canvas.getByRole('button', { name: 'Vertakken vanaf hier' })).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByRole('button', { name: /Vorige regel/ })).toHaveAttribute('aria-disabled', 'true');
    // One line forward by keyboard: the exercise was created.
    canvas.getByRole('button', { name: /Volgende regel/ }).focus();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByText(`Regel 1 van ${String(count)}`)).toBeVisible();
  },
};

/** The middle of the run: riot control, the neighbouring mayor refused under R5, no decision yet. */
export const Middle: Story = {
  parameters: { at: 'middle' },
  play: async ({ canvasElement, loaded, args }) => {
    const canvas = within(canvasElement);
    await untilRead(canvasElement);
    const { grant } = loadedOf(loaded);
    await expect(canvasElement.querySelector('.phase--current')).toHaveAttribute('data-phase', '5');
    await expect(waterCannon(canvasElement)).toHaveTextContent('Nog geen besluit');
    await expect(canvas.getByRole('heading', { name: 'Stand na deze regel' })).toBeVisible();
    await expect(canvasElement.querySelector('[data-fact="phase"]')).toHaveTextContent(/^5 — /);
    await expect(canvasElement.querySelector('[data-fact="warning"]')).toHaveTextContent('niet gegeven, of vervallen');
    await userEvent.click(canvas.getByRole('button', { name: /Volgende regel/ }));
    await expect(canvas.getByText(new RegExp(`^Regel ${String(grant)} van`))).toBeVisible();
    await expect(waterCannon(canvasElement)).toHaveTextContent('Toestemming verleend');
    await userEvent.click(canvas.getByRole('button', { name: /Vorige regel/ }));
    await userEvent.click(canvas.getByRole('button', { name: 'Vertakken vanaf hier' }));
    // The branch is stored first (a new exercise), then opened.
    await waitFor(() => expect(args.onBranched).toHaveBeenCalledTimes(1));
  },
};

/** The last line: the state the console shows now, both means in use. */
export const End: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await untilRead(canvasElement);
    const { count } = loadedOf(loaded);
    await expect(canvas.getByRole('slider', { name: 'Positie in het logboek' })).toHaveValue(String(count));
    await expect(canvas.getByRole('button', { name: /Einde/ })).toHaveAttribute('aria-disabled', 'true');
    await expect(waterCannon(canvasElement)).toHaveTextContent('Toestemming verleend');
    await expect(canvasElement.querySelector('[data-subject="tearGas"]')).toHaveTextContent('Toestemming verleend');
    await expect(canvas.getByText(`${String(count)} van ${String(count)} regels`)).toBeVisible();
  },
};

/** The same run in English: every word from the catalogue. */
export const English: Story = {
  parameters: { locale: 'en', at: 'middle' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await untilRead(canvasElement);
    await expect(canvas.getByRole('heading', { level: 1 })).toHaveTextContent('Replay: Jaarwisseling Utrecht-Centrum');
    await expect(canvas.getByRole('slider', { name: 'Position in the log' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Branch from here' })).toBeVisible();
    await expect(canvas.getByText(/^Refused under R5 /)).toBeVisible();
    await expect(waterCannon(canvasElement)).toHaveTextContent('No decision yet');
    await expect(canvas.getByRole('heading', { name: 'State after this line' })).toBeVisible();
    await expect(canvasElement.querySelector('[data-fact="means"]')).toHaveTextContent('no water cannon or tear agent');
    await expect(canvasElement.querySelector('[data-fact="warning"]')).toHaveTextContent('not given, or lapsed');
  },
};

const slider = (canvasElement: HTMLElement) =>
  within(canvasElement).getByRole<HTMLInputElement>('slider', { name: 'Positie in het logboek' });

/** Playing from just before the mayor's decision at 4×: the lines follow one another until paused. */
export const Playing: Story = {
  parameters: { at: 'middle' },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await untilRead(canvasElement);
    const { grant, count } = loadedOf(loaded);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Snelheid' }), '4');
    await userEvent.click(canvas.getByRole('button', { name: /Afspelen/ }));
    await expect(canvas.getByRole('button', { name: /Pauzeren/ })).toBeVisible();
    // The decision comes into force as the play passes its line.
    await waitFor(() => expect(waterCannon(canvasElement)).toHaveTextContent('Toestemming verleend'), {
      timeout: 3000,
    });
    await userEvent.click(canvas.getByRole('button', { name: /Pauzeren/ }));
    const paused = Number(slider(canvasElement).value);
    await expect(paused).toBeGreaterThanOrEqual(grant);
    await expect(canvas.getByRole('button', { name: /Afspelen/ })).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(Number(slider(canvasElement).value)).toBe(paused);
    // Play on to the end: it stops there by itself.
    await userEvent.click(canvas.getByRole('button', { name: /Afspelen/ }));
    await waitFor(() => expect(slider(canvasElement)).toHaveValue(String(count)), { timeout: 5000 });
    await expect(canvas.getByRole('button', { name: /Afspelen/ })).toBeVisible();
  },
};

/** A stored log of 10,001 lines (tests/fixtures longLogSession): stepping anywhere is quick, the log stays virtual. */
export const TenThousandLines: Story = {
  parameters: { at: 'half' },
  loaders: [
    async () => {
      const { session, repository, id } = longLogSession(10_000);
      await stored(session);
      const count = session.getState().log.length;
      session.dispose();
      return { store: repository, id, count, grant: 0 };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await untilRead(canvasElement);
    const { count } = loadedOf(loaded);
    const half = Math.floor(count / 2);
    await expect(slider(canvasElement)).toHaveValue(String(half));
    await expect(canvas.getByText(`Regel ${String(half)} van ${String(count)}`)).toBeVisible();
    await expect(canvas.getByText(`${String(half)} van ${String(half)} regels`)).toBeVisible();
    // Only a screenful of log rows is in the document.
    await waitFor(() => expect(canvasElement.querySelectorAll('.console__log article').length).toBeGreaterThan(3));
    await expect(canvasElement.querySelectorAll('.console__log article').length).toBeLessThan(60);

    // (The slider's own keys are the browser's: the end-to-end test presses them; user-event cannot.)
    await userEvent.click(canvas.getByRole('button', { name: /Einde/ }));
    await expect(slider(canvasElement)).toHaveValue(String(count));
    await expect(canvas.getByText(`${String(count)} van ${String(count)} regels`)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: /Vorige regel/ }));
    await userEvent.click(canvas.getByRole('button', { name: /Vorige regel/ }));
    await expect(canvas.getByText(`Regel ${String(count - 2)} van ${String(count)}`)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: /Begin/ }));
    await expect(canvas.getByText('Begin van de oefening: nog geen regels. Zo begon de oefening.')).toBeVisible();
    await expect(canvasElement.querySelector('.phase--current')).toHaveAttribute('data-phase', '1');
    await expect(canvasElement.querySelectorAll('.console__log article').length).toBe(0);
  },
};
