import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ExercisesScreen, type LiveServer } from '../src/app/screens/ExercisesScreen';
import { createExercise, openSession } from '../src/session';
import { MemoryRepository } from '../src/session/local/memoryRepository';
import { fakeWallClock, play, RIOT_CONTROL_RUN, SETUP, stored } from '../tests/fixtures/exercise';

const NOW = Date.parse('2026-11-28T12:00:00Z');

interface Loaded {
  store: MemoryRepository;
}

/** A repository in memory with three exercises, one with a played log. */
async function seeded(): Promise<Loaded> {
  const store = new MemoryRepository();
  const clock = fakeWallClock('2026-11-20T09:00:00Z');
  const utrecht = await createExercise(store, SETUP, clock.now);
  const session = await openSession(store, utrecht.id, clock.now);
  if (!session) throw new Error('The Utrecht exercise was not stored');
  play(session, clock, RIOT_CONTROL_RUN);
  await stored(session);
  session.dispose();
  clock.advance(60 * 24);
  await createExercise(
    store,
    { ...SETUP, title: 'Jaarwisseling Amsterdam-Oost', municipality: 'Amsterdam', startTime: '2026-12-31T23:30' },
    clock.now,
  );
  clock.advance(60 * 24);
  await createExercise(
    store,
    {
      ...SETUP,
      title: 'Snelwegblokkade Den Haag',
      municipality: 'Den Haag',
      startTime: '2027-01-14T12:00',
      startPhase: 5,
    },
    clock.now,
  );
  return { store };
}

const loadedOf = (loaded: unknown) => loaded as Loaded;

const meta = {
  title: 'Exercises/ExercisesScreen',
  component: ExercisesScreen,
  // `store` comes from the loader, fresh for every story; this one only satisfies the props.
  args: { store: new MemoryRepository(), onOpen: fn(), now: () => NOW },
  loaders: [seeded],
  render: (args, { loaded }) => <ExercisesScreen {...args} store={loadedOf(loaded).store} />,
} satisfies Meta<typeof ExercisesScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Creating through the form stores the exercise with its cast and opens it. */
export const CreateAndOpen: Story = {
  play: async ({ canvasElement, args, loaded }) => {
    const { store } = loadedOf(loaded);
    const canvas = within(canvasElement);
    // The list is read asynchronously: it says so first (role="status"), then lists.
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(3));
    await userEvent.click(canvas.getByRole('button', { name: 'Nieuwe oefening' }));
    // The form loads when asked for (a lazy chunk): on a busy machine its first load takes seconds.
    await userEvent.type(
      await canvas.findByLabelText(/Titel van de oefening/, {}, { timeout: 15_000 }),
      'Jaarwisseling Rotterdam-Zuid',
    );
    await userEvent.type(canvas.getByLabelText(/^Gemeente/), 'Rotterdam');
    await userEvent.type(canvas.getByLabelText(/^Burgemeester/), 'Carla Stoop');
    await userEvent.type(canvas.getByLabelText(/^Locoburgemeester/), 'Robert Simons');
    await userEvent.type(canvas.getByLabelText(/^Commandant/), 'Cdt. Mila Visser');
    await userEvent.type(canvas.getByLabelText(/^Officier van justitie/), 'Mr. Daan Smit');
    await userEvent.type(canvas.getByLabelText(/^Oefenleider/), 'Karin Jansen');
    await userEvent.click(canvas.getByRole('button', { name: 'Oefening aanmaken' }));
    await waitFor(() => expect(args.onOpen).toHaveBeenCalled());

    const created = (await store.list()).find((exercise) => exercise.title === 'Jaarwisseling Rotterdam-Zuid');
    await expect(created).toMatchObject({ municipality: 'Rotterdam', startTime: '2026-12-31T22:00', entries: 1 });
    await expect(args.onOpen).toHaveBeenCalledOnce();
    await expect(args.onOpen).toHaveBeenCalledWith(created?.id);
    await expect((await store.head(created?.id ?? ''))?.setup.cast).toContainEqual({
      id: 'locoMayor',
      role: 'locoMayor',
      name: 'Robert Simons',
      municipality: 'Rotterdam',
    });
  },
};

/** Delete after confirming: the list is re-read, the deletion announced, focus on the next exercise. */
export const DeleteWithConfirmation: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { store } = loadedOf(loaded);
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Verwijderen Jaarwisseling Amsterdam-Oost' }));
    // The dialog is a lazy chunk too.
    const dialog = await within(document.body).findByRole(
      'alertdialog',
      { name: 'Oefening ‘Jaarwisseling Amsterdam-Oost’ verwijderen?' },
      { timeout: 15_000 },
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Verwijderen' }));
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(2));
    await expect((await store.list()).map((exercise) => exercise.title)).not.toContain('Jaarwisseling Amsterdam-Oost');
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Oefening ‘Jaarwisseling Amsterdam-Oost’ is verwijderd.',
    );
    await waitFor(() =>
      expect(canvas.getByRole('heading', { level: 3, name: 'Jaarwisseling Utrecht-Centrum' })).toHaveFocus(),
    );
  },
};

/** Duplicate: the same set-up under a new title, with a fresh log. */
export const Duplicate: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { store } = loadedOf(loaded);
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(canvas.getAllByRole('listitem')[2]).toHaveTextContent(/Jaarwisseling Utrecht-Centrum.*1[0-9] regels/),
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Dupliceren Jaarwisseling Utrecht-Centrum' }));
    await waitFor(async () => expect(await store.list()).toHaveLength(4));
    const copy = (await store.list()).find((exercise) => exercise.title === 'Jaarwisseling Utrecht-Centrum (kopie)');
    await expect(copy).toMatchObject({ municipality: 'Utrecht', startTime: '2026-12-31T22:00', entries: 1 });
    await expect((await store.head(copy?.id ?? ''))?.setup.cast).toEqual(SETUP.cast);
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(4));
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Kopie ‘Jaarwisseling Utrecht-Centrum (kopie)’ is gemaakt',
    );
  },
};

/** The browser's storage is full: the form says so and keeps every field. */
export const StorageFull: Story = {
  play: async ({ canvasElement, args, loaded }) => {
    const { store } = loadedOf(loaded);
    store.failWith = 'quota';
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Nieuwe oefening' }));
    await userEvent.type(
      await canvas.findByLabelText(/Titel van de oefening/, {}, { timeout: 15_000 }),
      'Jaarwisseling Zwolle',
    );
    await userEvent.type(canvas.getByLabelText(/^Gemeente/), 'Zwolle');
    for (const [label, name] of [
      [/^Burgemeester/, 'Pieter Snel'],
      [/^Locoburgemeester/, 'Eddy Akker'],
      [/^Commandant/, 'Cdt. Roos Mulder'],
      [/^Officier van justitie/, 'Mr. Tim de Boer'],
      [/^Oefenleider/, 'Karin Jansen'],
    ] as const)
      await userEvent.type(canvas.getByLabelText(label), name);
    await userEvent.click(canvas.getByRole('button', { name: 'Oefening aanmaken' }));
    await waitFor(() =>
      expect(canvas.getByRole('alert')).toHaveTextContent(
        'De oefening is niet opgeslagen: de opslag van deze browser is vol.',
      ),
    );
    await expect(canvas.getByLabelText(/Titel van de oefening/)).toHaveValue('Jaarwisseling Zwolle');
    await expect(canvas.getByLabelText(/^Oefenleider/)).toHaveValue('Karin Jansen');
    await expect(args.onOpen).not.toHaveBeenCalled();
    await expect(await store.list()).toHaveLength(3);
  },
};

export const English: Story = {
  parameters: { locale: 'en' },
  loaders: [() => ({ store: new MemoryRepository() })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'No exercises yet' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'New exercise' }));
    await expect(canvas.getByRole('heading', { name: 'New exercise' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'New exercise' })).toHaveFocus());
  },
};

const LIVE_ID = 'feedfacefeedfacefeedfacefeedface';
const uploadStored = fn<LiveServer['uploadStored']>(() =>
  Promise.resolve({ ok: true as const, id: LIVE_ID, title: '', length: 9, renumbered: false }),
);

/** On a Paraat server, with the secret in this tab: "Live zetten" uploads the exercise and opens it live. */
export const MakeLiveFromTheList: Story = {
  args: {
    onOpenLive: fn(),
    server: {
      uploadStored,
      createLive: fn(() => Promise.resolve({ ok: true as const, id: LIVE_ID })),
    },
  },
  beforeEach: () => {
    sessionStorage.setItem('paraat.adminSecret', 'story-secret');
    return () => {
      sessionStorage.removeItem('paraat.adminSecret');
    };
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Live zetten Jaarwisseling Utrecht-Centrum' }));
    await waitFor(() => expect(args.onOpenLive).toHaveBeenCalledWith(LIVE_ID));
    await expect(uploadStored).toHaveBeenCalledOnce();
    await expect(uploadStored.mock.calls[0]?.[0]).toBe('story-secret');
  },
};

/** Not served by a Paraat server: no "Live zetten", and no choice in the form. */
export const OffAServer: Story = {
  args: { server: null },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('list', { name: 'Opgeslagen oefeningen op dit apparaat' });
    await expect(canvas.queryByRole('button', { name: /^Live zetten/ })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Nieuwe oefening' }));
    await canvas.findByLabelText(/Titel van de oefening/);
    await expect(canvas.queryByRole('group', { name: 'Waar de oefening loopt' })).toBeNull();
  },
};
