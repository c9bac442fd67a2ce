import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExercisesScreen } from '../../../src/app/screens/ExercisesScreen';
import { i18n } from '../../../src/i18n';
import { createExercise, parseExerciseFile, type NoteEntry } from '../../../src/session';
import { MemoryDatabase, MemoryRepository } from '../../../src/session/local/memoryRepository';
import { SETUP, fakeWallClock } from '../../fixtures/exercise';
import { copy, exportedFile, line, text } from '../../session/exerciseFileHelpers';

const NOW = Date.parse('2027-01-02T10:00:00Z');

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

/** The screen on a memory repository over `db`, once it has read the list ("Oefening wordt gelezen…" until then). */
async function renderScreen(db = new MemoryDatabase()) {
  const store = new MemoryRepository(db);
  const download = vi.fn<(fileName: string, text: string) => void>();
  const onOpen = vi.fn<(id: string) => void>();
  const user = userEvent.setup();
  render(<ExercisesScreen store={store} onOpen={onOpen} now={() => NOW} download={download} />);
  await waitFor(() => {
    expect(screen.queryByText('Oefening wordt gelezen…')).toBeNull();
  });
  return { db, store, download, onOpen, user };
}

const asFile = (content: string, name = 'oefening.json') => new File([content], name, { type: 'application/json' });
const importInput = () => screen.getByLabelText('Oefening importeren');
/** Everything stored, heads and entries, as a value to compare. */
const snapshotOf = (db: MemoryDatabase) => structuredClone({ heads: [...db.heads], entries: [...db.entries] });

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
    const { user } = await renderScreen();
    const input = importInput();
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAccessibleDescription(/Paraat controleert of het logboek onveranderd is/);
    await user.tab();
    expect(input).toHaveFocus();
  });

  it('stores a checked file as an exercise and lists it, with its fingerprint', async () => {
    const { store, user } = await renderScreen();
    const file = await exportedFile();
    await user.upload(importInput(), asFile(text(file), 'jaarwisseling.json'));

    const status = await screen.findByText(/is geïmporteerd uit ‘jaarwisseling\.json’/);
    expect(status).toHaveTextContent(
      `Oefening ‘Jaarwisseling Utrecht-Centrum’ is geïmporteerd uit ‘jaarwisseling.json’: 21 regels, het logboek is onveranderd (vingerafdruk ${file.finalHash.slice(0, 8)}…${file.finalHash.slice(-4)}).`,
    );
    expect(screen.getByRole('status')).toContainElement(status);
    expect((await store.list()).map((summary) => summary.id)).toEqual([file.head.id]);
    expect(await store.entries(file.head)).toEqual(file.entries);

    const card = await screen.findByRole('listitem');
    expect(within(card).getByRole('heading', { name: 'Jaarwisseling Utrecht-Centrum' })).toBeInTheDocument();
    expect(within(card).getByText('21 regels')).toBeInTheDocument();
    // The fingerprint: short on the card, the whole hash once opened.
    const fingerprint = within(card).getByText(`${file.finalHash.slice(0, 8)}…${file.finalHash.slice(-4)}`);
    await user.click(fingerprint);
    expect(within(card).getByText(file.finalHash)).toBeVisible();
  });

  it('imports an exercise that is already here beside it, overwriting nothing', async () => {
    const { store, db, user } = await renderScreen();
    const file = await exportedFile();
    await user.upload(importInput(), asFile(text(file)));
    await screen.findByText(/is geïmporteerd/);
    const before = snapshotOf(db);

    await user.upload(importInput(), asFile(text(file)));
    await screen.findByText(/de import staat er als aparte oefening naast/);
    // The first import's head and entries, exactly as they were; the second beside them under a new id.
    const after = snapshotOf(db);
    for (const [id, head] of before.heads) expect(after.heads).toContainEqual([id, head]);
    for (const [id, entries] of before.entries) expect(after.entries).toContainEqual([id, entries]);
    expect(await store.list()).toHaveLength(2);
    await waitFor(() => {
      expect(screen.getAllByRole('listitem')).toHaveLength(2);
    });
  });

  it('refuses a tampered file, names the line, and leaves storage exactly as it was', async () => {
    const db = new MemoryDatabase();
    const clock = fakeWallClock('2026-11-20T09:00:00Z');
    await createExercise(new MemoryRepository(db), SETUP, clock.now);
    const { user } = await renderScreen(db);
    const before = snapshotOf(db);

    const tampered = copy(await exportedFile());
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
    expect(snapshotOf(db)).toEqual(before);
    const list = screen.getByRole('list', { name: 'Opgeslagen oefeningen op dit apparaat' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
  });

  it('refuses a file that is not an exercise, in the chosen language, and stores nothing', async () => {
    await i18n.changeLanguage('en');
    const { db, user } = await renderScreen();
    const before = snapshotOf(db);
    await user.upload(
      screen.getByLabelText('Import exercise'),
      asFile('{"format": "paraat.exercise-file/1", "head": ', 'kapot.json'),
    );
    const alert = await screen.findByRole('alert');
    await waitFor(() => {
      expect(alert).toHaveTextContent('‘kapot.json’ has not been imported.');
    });
    expect(alert).toHaveTextContent('The file is not valid JSON.');
    expect(snapshotOf(db)).toEqual(before);
    expect(screen.getByRole('heading', { name: 'No exercises yet' })).toBeInTheDocument();
  });

  it('says so when storage is full, and takes back what it wrote', async () => {
    const { db, store, user } = await renderScreen();
    const before = snapshotOf(db);
    const file = await exportedFile();
    store.failWith = 'quota';
    await user.upload(importInput(), asFile(text(file), 'vol.json'));
    const alert = await screen.findByRole('alert');
    await waitFor(() => {
      expect(alert).toHaveTextContent(
        /‘vol\.json’ is gecontroleerd en in orde, maar niet opgeslagen: de opslag van deze browser is vol/,
      );
    });
    expect(snapshotOf(db)).toEqual(before);
  });
});

describe('exporting an exercise from the list', { timeout: 20_000 }, () => {
  it('offers the exercise as a file that imports again, after it was deleted', async () => {
    const { store, download, user } = await renderScreen();
    await user.upload(importInput(), asFile(text(await exportedFile())));
    await screen.findByText(/is geïmporteerd/);
    const [stored] = await store.list();

    await user.click(await screen.findByRole('button', { name: 'Exporteren Jaarwisseling Utrecht-Centrum' }));
    await waitFor(() => {
      expect(download).toHaveBeenCalledOnce();
    });
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
    await screen.findByText(/is verwijderd/);
    expect(await store.list()).toEqual([]);

    await user.upload(importInput(), asFile(exported, fileName));
    await screen.findByText(/is geïmporteerd/);
    const [back] = await store.list();
    expect(back?.id).toBe(stored?.id);
    expect(await store.entries((await store.head(back?.id ?? '')) ?? parsed.file.head)).toEqual(parsed.file.entries);
  });

  it('says so when the exercise’s log is incomplete on this device', async () => {
    const db = new MemoryDatabase();
    const head = await createExercise(new MemoryRepository(db), SETUP, fakeWallClock().now);
    // The head counts line 1, but the line itself is gone from this device.
    db.entries.set(head.id, []);
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { download, user } = await renderScreen(db);
    await user.click(screen.getByRole('button', { name: 'Exporteren Jaarwisseling Utrecht-Centrum' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'De oefening ‘Jaarwisseling Utrecht-Centrum’ kon niet worden geëxporteerd: haar logboek is op dit apparaat niet compleet.',
    );
    expect(download).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
});
