import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LanguageSwitch } from '../src/features/language/LanguageSwitch';
import { ReplayScreen } from '../src/features/replay/ReplayScreen';
import type { ExerciseStore, LogEntry } from '../src/session';
import { riotControlSession } from '../tests/fixtures/exercise';

interface Loaded {
  store: ExerciseStore;
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
function riotControlStore(): Loaded {
  const { session, store, id } = riotControlSession();
  const log = session.getState().log;
  session.dispose();
  return { store, id, count: log.length, grant: log.find(isGrant)?.seq ?? 0 };
}

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
    store: undefined as unknown as ExerciseStore,
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
    const at = (parameters as { at?: 'start' | 'middle' }).at;
    return (
      <ReplayScreen
        {...args}
        store={store}
        id={id}
        {...(at === 'start' ? { initialPosition: 0 } : at === 'middle' ? { initialPosition: grant - 1 } : {})}
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
    const { grant } = loadedOf(loaded);
    await expect(canvasElement.querySelector('.phase--current')).toHaveAttribute('data-phase', '5');
    await expect(waterCannon(canvasElement)).toHaveTextContent('Nog geen besluit');
    await expect(canvas.getByText(/Stand na deze regel: fase 5/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: /Volgende regel/ }));
    await expect(canvas.getByText(new RegExp(`^Regel ${String(grant)} van`))).toBeVisible();
    await expect(waterCannon(canvasElement)).toHaveTextContent('Toestemming verleend');
    await userEvent.click(canvas.getByRole('button', { name: /Vorige regel/ }));
    await userEvent.click(canvas.getByRole('button', { name: 'Vertakken vanaf hier' }));
    await expect(args.onBranched).toHaveBeenCalledTimes(1);
  },
};

/** The last line: the state the console shows now, both means in use. */
export const End: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
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
    await expect(canvas.getByRole('heading', { level: 1 })).toHaveTextContent('Replay: Jaarwisseling Utrecht-Centrum');
    await expect(canvas.getByRole('slider', { name: 'Position in the log' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Branch from here' })).toBeVisible();
    await expect(canvas.getByText(/^Refused under R5 /)).toBeVisible();
    await expect(waterCannon(canvasElement)).toHaveTextContent('No decision yet');
  },
};
