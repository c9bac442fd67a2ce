import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { DebriefScreen } from '../src/app/screens/DebriefScreen';
import { StartScreen } from '../src/app/screens/StartScreen';
import { LanguageSwitch } from '../src/features/language/LanguageSwitch';
import type { ExerciseRepository } from '../src/session';
import { MemoryRepository } from '../src/session/local/memoryRepository';
import { comparisonStore, riotControlStore } from '../tests/features/debrief/fixtures';

/**
 * What a trainer sees while the device is still reading (#13): IndexedDB is
 * opened and read asynchronously, so every screen that reads says so, as a
 * status a screen reader announces, and shows nothing it has not read yet.
 * Each story holds one read open for good, so the waiting state stays on show.
 */

/** A read that never answers: the state before the device has answered. */
const never = <T,>() => new Promise<T>(() => {});

/** `store` with some of its reads held open for good. */
function holding(store: ExerciseRepository, held: ('head' | 'list')[]): ExerciseRepository {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (held.includes(key as 'head' | 'list')) return () => never();
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const meta = {
  title: 'App/Loading',
  parameters: { layout: 'fullscreen' },
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The first screen while the device's storage opens (IndexedDB, and the move
 * out of the old localStorage on a first start): it says so, and lists no
 * exercises it has not read, rather than "no exercises yet".
 */
export const OpeningStorage: Story = {
  render: () => <StartScreen route={{ screen: 'exercises' }} storage={null} opened={null} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Opslag op dit apparaat wordt geopend…');
    await expect(canvas.queryByRole('button', { name: /Nieuwe oefening/ })).toBeNull();
    await expect(canvas.queryByText(/Nog geen oefeningen/)).toBeNull();
  },
};

/**
 * Storage is open, but two exercises stayed behind in the old storage on the
 * move (one unreadable, one with an id already taken): the first screen says
 * which and why, and keeps them there.
 */
export const KeptInOldStorage: Story = {
  render: () => (
    <StartScreen
      route={{ screen: 'exercises' }}
      opened={null}
      storage={{
        repository: new MemoryRepository(),
        volatile: false,
        kept: [
          {
            id: 'a1b2c3d4e5f6',
            reason: { nl: 'De logketen is verbroken bij regel 12.', en: 'The log chain is broken at line 12.' },
          },
          {
            id: 'ffee00112233',
            reason: {
              nl: 'De nieuwe opslag heeft al een andere oefening onder dezelfde id.',
              en: 'The new storage already holds a different exercise under the same id.',
            },
          },
        ],
      }}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = canvas.getByText('a1b2c3d4e5f6').closest('[role="alert"]') as HTMLElement;
    await expect(alert).not.toBeNull();
    await expect(within(alert).getByText('a1b2c3d4e5f6')).toBeVisible();
    await expect(within(alert).getByText(/De logketen is verbroken bij regel 12/)).toBeVisible();
    await expect(within(alert).getAllByRole('listitem')).toHaveLength(2);
  },
};

interface Loaded {
  store: ExerciseRepository;
  id: string;
}
const loadedOf = (loaded: unknown) => loaded as Loaded;

const debriefArgs = {
  headerControls: <LanguageSwitch />,
  consoleHref: '#/oefening/console',
  exercisesHref: '#/',
  now: () => '2026-12-31T23:30:00.000Z',
  onPrint: fn(),
};

/** The debrief while the exercise is read: a status, no empty report that looks like "nothing happened". */
export const DebriefReadingExercise: Story = {
  loaders: [() => riotControlStore()],
  render: (_args, { loaded }) => {
    const { store, id } = loadedOf(loaded);
    return <DebriefScreen {...debriefArgs} store={holding(store, ['head'])} id={id} />;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('status')).toHaveTextContent('Oefening wordt gelezen…');
    await expect(canvas.queryByText('Er is geen besluit genomen.')).toBeNull();
    await expect(canvasElement.querySelector('.debrief__toolbar')).toBeNull();
  },
};

/**
 * The debrief is read, the search for other runs to compare with is not done:
 * it says it is looking, and only says "no other run" once it knows.
 */
export const DebriefLookingForOtherRuns: Story = {
  loaders: [() => comparisonStore()],
  render: (_args, { loaded }) => {
    const { store, id } = loadedOf(loaded);
    return <DebriefScreen {...debriefArgs} store={holding(store, ['list'])} id={id} />;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvasElement.querySelector('.debrief__toolbar')).not.toBeNull());
    await expect(canvas.getByText('Andere runs op dit apparaat worden gezocht…')).toHaveAttribute('role', 'status');
    await expect(canvas.queryByText(/Er staat geen andere run van deze oefening/)).toBeNull();
    await expect(canvas.queryByRole('combobox', { name: 'Vergelijk met een andere run' })).toBeNull();
  },
};
