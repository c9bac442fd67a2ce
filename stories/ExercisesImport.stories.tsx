import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ExercisesScreen } from '../src/app/screens/ExercisesScreen';
import { exerciseFile, parseExerciseFile, type ExerciseFile, type ExerciseReader, type LogEntry } from '../src/session';
import { MemoryRepository } from '../src/session/local/memoryRepository';
import { BY, riotControlSession, stored } from '../tests/fixtures/exercise';

const NOW = Date.parse('2027-01-02T10:00:00Z');

interface Loaded {
  store: MemoryRepository;
  /** The played exercise as exported, to import elsewhere. */
  file: ExerciseFile;
}

/** On this device: the riot-control exercise of issue 3 with a trainer's note. */
async function seeded(): Promise<Loaded> {
  const { session, repository } = riotControlSession();
  void session.annotate(BY.trainer, 'Waterwerper ingezet na waarschuwing', 10);
  await stored(session);
  const file = exerciseFile(session.getState(), '2027-01-01T00:30:00.000Z');
  session.dispose();
  return { store: repository, file };
}

/** The same file on another device: nothing stored yet. */
async function elsewhere(): Promise<Loaded> {
  const { file } = await seeded();
  return { store: new MemoryRepository(), file };
}

/** Everything stored, every head with its entries, as text: to show that a refused import changed nothing. */
async function contents(store: ExerciseReader): Promise<string> {
  const summaries = await store.list();
  const exercises = await Promise.all(
    summaries.map(async (summary) => {
      const head = await store.head(summary.id);
      return { head, entries: head ? await store.entries(head) : null };
    }),
  );
  return JSON.stringify(exercises);
}

const loadedOf = (loaded: unknown) => loaded as Loaded;
const asFile = (content: string, name: string) => new File([content], name, { type: 'application/json' });

/** The file with one line's text changed by hand, as someone "tidying up" the log would. */
function tampered(file: ExerciseFile): string {
  const copy = JSON.parse(JSON.stringify(file)) as ExerciseFile;
  const note = copy.entries.find((entry): entry is Extract<LogEntry, { kind: 'note' }> => entry.kind === 'note');
  if (note) note.text = 'Waterwerper ingezet zonder waarschuwing';
  return JSON.stringify(copy, null, 2);
}

const meta = {
  title: 'Exercises/Import and export',
  component: ExercisesScreen,
  // `store` comes from the loader, fresh for every story; this one only satisfies the props.
  args: { store: new MemoryRepository(), onOpen: fn(), now: () => NOW, download: fn() },
  loaders: [seeded],
  render: (args, { loaded }) => <ExercisesScreen {...args} store={loadedOf(loaded).store} />,
} satisfies Meta<typeof ExercisesScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Idle: the import control beside "Nieuwe oefening", each exercise with its log's fingerprint and an export. */
export const Idle: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { file } = loadedOf(loaded);
    const canvas = within(canvasElement);
    const input = await canvas.findByLabelText('Oefening importeren');
    await expect(input).toHaveAttribute('type', 'file');
    await expect(canvas.getByRole('button', { name: 'Exporteren Jaarwisseling Utrecht-Centrum' })).toBeVisible();
    await userEvent.click(canvas.getByText(`${file.finalHash.slice(0, 8)}…${file.finalHash.slice(-4)}`));
    await expect(canvas.getByText(file.finalHash)).toBeVisible();
    await expect(canvas.getByRole('alert')).toBeEmptyDOMElement();
  },
};

/** Success: a file from another device is checked, stored and listed. */
export const Imported: Story = {
  loaders: [elsewhere],
  play: async ({ canvasElement, loaded }) => {
    const { store, file } = loadedOf(loaded);
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Nog geen oefeningen' })).toBeVisible();
    await userEvent.upload(canvas.getByLabelText('Oefening importeren'), asFile(JSON.stringify(file), 'utrecht.json'));
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(
        /Oefening ‘Jaarwisseling Utrecht-Centrum’ is geïmporteerd uit ‘utrecht\.json’: 14 regels, het logboek is onveranderd/,
      ),
    );
    await expect((await store.list()).map((exercise) => exercise.id)).toEqual([file.head.id]);
    await expect(await canvas.findByRole('heading', { level: 3, name: 'Jaarwisseling Utrecht-Centrum' })).toBeVisible();
    // Focus is on the message, so a screen reader reads it and Tab goes on from there (not from <body>).
    await waitFor(() => expect(within(canvas.getByRole('status')).getByText(/is geïmporteerd uit/)).toHaveFocus());
  },
};

/** From the focused control (as after the file chooser closes): once imported, focus is on the message; Tab goes on to the control. */
export const ImportedByKeyboard: Story = {
  loaders: [elsewhere],
  play: async ({ canvasElement, loaded }) => {
    const { file } = loadedOf(loaded);
    const canvas = within(canvasElement);
    const input = await canvas.findByLabelText('Oefening importeren');
    input.focus();
    await userEvent.upload(input, asFile(JSON.stringify(file), 'utrecht.json'));
    const message = await within(canvas.getByRole('status')).findByText(/is geïmporteerd uit ‘utrecht\.json’/);
    await waitFor(() => expect(message).toHaveFocus());
    await userEvent.tab();
    await expect(input).toHaveFocus();
  },
};

/** Success, already here: the import stands beside the stored one; nothing is overwritten. */
export const ImportedAgain: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { store, file } = loadedOf(loaded);
    const canvas = within(canvasElement);
    await userEvent.upload(
      await canvas.findByLabelText('Oefening importeren'),
      asFile(JSON.stringify(file), 'utrecht.json'),
    );
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(/de import staat er als aparte oefening naast/),
    );
    await expect(await store.list()).toHaveLength(2);
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(2));
    await waitFor(() => expect(within(canvas.getByRole('status')).getByText(/is geïmporteerd uit/)).toHaveFocus());
  },
};

/** Errors: a line changed by hand is named, and storage is byte for byte what it was. */
export const RefusedTampered: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { store, file } = loadedOf(loaded);
    const canvas = within(canvasElement);
    const before = await contents(store);
    await userEvent.upload(
      await canvas.findByLabelText('Oefening importeren'),
      asFile(tampered(file), 'opgeschoond.json'),
    );
    const alert = await canvas.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('‘opgeschoond.json’ is niet geïmporteerd.'));
    await expect(alert).toHaveTextContent('Er is niets opgeslagen of gewijzigd.');
    await expect(alert).toHaveTextContent(
      'Regel 14 is gewijzigd: de inhoud past niet meer bij de vingerafdruk (hash) die bij het vastleggen is berekend.',
    );
    await expect(await contents(store)).toBe(before);
    const list = canvas.getByRole('list', { name: 'Opgeslagen oefeningen op dit apparaat' });
    await expect(within(list).getAllByRole('listitem')).toHaveLength(1);
  },
};

/** Errors, in English: a file that is not JSON at all. */
export const RefusedNotJson: Story = {
  parameters: { locale: 'en' },
  play: async ({ canvasElement, loaded }) => {
    const { store } = loadedOf(loaded);
    const canvas = within(canvasElement);
    const before = await contents(store);
    await userEvent.upload(
      await canvas.findByLabelText('Import exercise'),
      asFile('{"format": "paraat.exercise-file/1", "head": {', 'half.json'),
    );
    const alert = await canvas.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('‘half.json’ has not been imported.'));
    await expect(alert).toHaveTextContent('The file is not valid JSON.');
    await expect(await contents(store)).toBe(before);
  },
};

/** Export: the exercise as a file, announced; the file reads back as it is. */
export const Exported: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Exporteren Jaarwisseling Utrecht-Centrum' }));
    // The file is read from the repository first.
    await waitFor(() => expect(args.download).toHaveBeenCalledOnce());
    const [name, text] = (args.download as ReturnType<typeof fn>).mock.calls[0] as [string, string];
    await expect(name).toMatch(/^paraat-Jaarwisseling-Utrecht-Centrum-.*\.json$/);
    await expect(parseExerciseFile(text).ok).toBe(true);
    await expect(canvas.getByRole('status')).toHaveTextContent(`is geëxporteerd als ‘${name}’`);
  },
};
