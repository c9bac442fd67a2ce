import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExercisesScreen } from '../../../src/features/exercises/ExercisesScreen';
import { i18n } from '../../../src/i18n';
import {
  ExerciseStore,
  MemoryStorage,
  createExercise,
  exerciseFile,
  parseExerciseFile,
  type ExerciseFile,
  type NoteEntry,
} from '../../../src/session';
import { SETUP, fakeWallClock } from '../../fixtures/exercise';
import { EXPORTED_AT, copy, line, playedExercise, text } from '../../session/exerciseFileHelpers';

const NOW = Date.parse('2027-01-02T10:00:00Z');

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

function renderScreen(storage = new MemoryStorage()) {
  const store = new ExerciseStore(storage);
  const download = vi.fn<(fileName: string, text: string) => void>();
  const onOpen = vi.fn<(id: string) => void>();
  const user = userEvent.setup();
  render(<ExercisesScreen store={store} onOpen={onOpen} now={() => NOW} download={download} />);
  return { storage, store, download, onOpen, user };
}

const asFile = (content: string, name = 'oefening.json') => new File([content], name, { type: 'application/json' });
const importInput = () => screen.getByLabelText('Oefening importeren');
const snapshotOf = (storage: MemoryStorage) => [...storage.items.entries()];

function played(): ExerciseFile {
  return exerciseFile(playedExercise().session.getState(), EXPORTED_AT);
}

// The file checks and the dialog load lazily in the app; load them once here (see ExercisesScreen.test).
beforeAll(async () => {
  await Promise.all([
    import('../../../src/features/exercises/importExercise'),
    import('../../../src/session/session'),
    import('../../../src/ui/Dialog'),
  ]);
}, 60_000);

describe('importing an exercise file on the start screen', { timeout: 20_000 }, () => {
  it('is a labelled file input, reached with the keyboard', async () => {
    const { user } = renderScreen();
    const input = importInput();
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAccessibleDescription(/Paraat controleert of het logboek onveranderd is/);
    await user.tab();
    expect(input).toHaveFocus();
  });

  it('stores a checked file as an exercise and lists it, with its fingerprint', async () => {
    const { store, user } = renderScreen();
    const file = played();
    await user.upload(importInput(), asFile(text(file), 'jaarwisseling.json'));

    const status = await screen.findByText(/is geïmporteerd uit ‘jaarwisseling\.json’/);
    expect(status).toHaveTextContent(
      `Oefening ‘Jaarwisseling Utrecht-Centrum’ is geïmporteerd uit ‘jaarwisseling.json’: 21 regels, het logboek is onveranderd (vingerafdruk ${file.finalHash.slice(0, 8)}…${file.finalHash.slice(-4)}).`,
    );
    expect(screen.getByRole('status')).toContainElement(status);
    expect(store.list().map((summary) => summary.id)).toEqual([file.head.id]);
    expect(store.entries(file.head)).toEqual(file.entries);

    const card = screen.getByRole('listitem');
    expect(within(card).getByRole('heading', { name: 'Jaarwisseling Utrecht-Centrum' })).toBeInTheDocument();
    expect(within(card).getByText('21 regels')).toBeInTheDocument();
    // The fingerprint: short on the card, the whole hash once opened.
    const fingerprint = within(card).getByText(`${file.finalHash.slice(0, 8)}…${file.finalHash.slice(-4)}`);
    await user.click(fingerprint);
    expect(within(card).getByText(file.finalHash)).toBeVisible();
  });

  it('imports an exercise that is already here beside it, overwriting nothing', async () => {
    const { store, storage, user } = renderScreen();
    const file = played();
    await user.upload(importInput(), asFile(text(file)));
    await screen.findByText(/is geïmporteerd/);
    const before = new Map(storage.items);

    await user.upload(importInput(), asFile(text(file)));
    await screen.findByText(/de import staat er als aparte oefening naast/);
    for (const [key, value] of before) if (key !== 'paraat/index') expect(storage.items.get(key)).toBe(value);
    expect(store.list()).toHaveLength(2);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('refuses a tampered file, names the line, and leaves storage exactly as it was', async () => {
    const storage = new MemoryStorage();
    const seeded = new ExerciseStore(storage);
    const clock = fakeWallClock('2026-11-20T09:00:00Z');
    createExercise(seeded, SETUP, clock.now);
    const { user } = renderScreen(storage);
    const before = snapshotOf(storage);

    const tampered = copy(played());
    (line(tampered, 15) as NoteEntry).text = 'Waarschuwing niet gegeven';
    await user.upload(importInput(), asFile(text(tampered), 'gewijzigd.json'));

    const alert = await screen.findByRole('alert');
    await waitFor(() => {
      expect(alert).toHaveTextContent('‘gewijzigd.json’ is niet geïmporteerd.');
    });
    expect(alert).toHaveTextContent('Er is niets opgeslagen of gewijzigd.');
    expect(within(alert).getByRole('listitem')).toHaveTextContent(
      'Regel 15 is gewijzigd: de inhoud past niet meer bij de vingerafdruk (hash) die bij het vastleggen is berekend.',
    );
    expect(snapshotOf(storage)).toEqual(before);
    const list = screen.getByRole('list', { name: 'Opgeslagen oefeningen op dit apparaat' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
  });

  it('refuses a file that is not an exercise, in the chosen language, and stores nothing', async () => {
    await i18n.changeLanguage('en');
    const { storage, user } = renderScreen();
    const before = snapshotOf(storage);
    await user.upload(
      screen.getByLabelText('Import exercise'),
      asFile('{"format": "paraat.exercise-file/1", "head": ', 'kapot.json'),
    );
    const alert = await screen.findByRole('alert');
    await waitFor(() => {
      expect(alert).toHaveTextContent('‘kapot.json’ has not been imported.');
    });
    expect(alert).toHaveTextContent('The file is not valid JSON.');
    expect(snapshotOf(storage)).toEqual(before);
    expect(screen.getByRole('heading', { name: 'No exercises yet' })).toBeInTheDocument();
  });

  it('says so when storage is full, and takes back what it wrote', async () => {
    const storage = new MemoryStorage();
    const { user } = renderScreen(storage);
    const before = snapshotOf(storage);
    storage.failWith = 'QuotaExceededError';
    await user.upload(importInput(), asFile(text(played()), 'vol.json'));
    const alert = await screen.findByRole('alert');
    await waitFor(() => {
      expect(alert).toHaveTextContent(
        /‘vol\.json’ is gecontroleerd en in orde, maar niet opgeslagen: de opslag van deze browser is vol/,
      );
    });
    expect(snapshotOf(storage)).toEqual(before);
  });
});

describe('exporting an exercise from the list', { timeout: 20_000 }, () => {
  it('offers the exercise as a file that imports again, after it was deleted', async () => {
    const { store, download, user } = renderScreen();
    await user.upload(importInput(), asFile(text(played())));
    await screen.findByText(/is geïmporteerd/);
    const [stored] = store.list();

    await user.click(screen.getByRole('button', { name: 'Exporteren Jaarwisseling Utrecht-Centrum' }));
    expect(download).toHaveBeenCalledOnce();
    const [fileName, exported] = download.mock.calls[0] ?? ['', ''];
    expect(fileName).toBe('paraat-Jaarwisseling-Utrecht-Centrum-2026-12-31.json');
    expect(screen.getByRole('status')).toHaveTextContent(
      `Oefening ‘Jaarwisseling Utrecht-Centrum’ is geëxporteerd als ‘${fileName}’.`,
    );
    const parsed = parseExerciseFile(exported);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.file.exportedAt).toBe(new Date(NOW).toISOString());
    expect(parsed.file.head.id).toBe(stored?.id);

    await user.click(screen.getByRole('button', { name: 'Verwijderen Jaarwisseling Utrecht-Centrum' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Verwijderen' }));
    expect(store.list()).toEqual([]);

    await user.upload(importInput(), asFile(exported, fileName));
    await screen.findByText(/is geïmporteerd/);
    const [back] = store.list();
    expect(back?.id).toBe(stored?.id);
    expect(store.entries(store.head(back?.id ?? '') ?? parsed.file.head)).toEqual(parsed.file.entries);
  });

  it('says so when the exercise’s log is incomplete on this device', async () => {
    const storage = new MemoryStorage();
    const seeded = new ExerciseStore(storage);
    const head = createExercise(seeded, SETUP, fakeWallClock().now);
    storage.removeItem(`paraat/exercise/${head.id}/1`);
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { download, user } = renderScreen(storage);
    await user.click(screen.getByRole('button', { name: 'Exporteren Jaarwisseling Utrecht-Centrum' }));
    expect(download).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'De oefening ‘Jaarwisseling Utrecht-Centrum’ kon niet worden geëxporteerd: haar logboek is op dit apparaat niet compleet.',
    );
    consoleError.mockRestore();
  });
});
