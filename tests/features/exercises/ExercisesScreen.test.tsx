import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExercisesScreen } from '../../../src/app/screens/ExercisesScreen';
import { i18n } from '../../../src/i18n';
import { createExercise, type ExerciseSetup } from '../../../src/session';
import { MemoryRepository } from '../../../src/session/local/memoryRepository';
import { fakeWallClock, SETUP } from '../../fixtures/exercise';

const NOW = Date.parse('2026-11-28T12:00:00Z');

// The form, the session and the dialog load lazily in the app; load them once here so that a
// busy machine's first transform does not count against one test's time.
beforeAll(async () => {
  await Promise.all([
    import('../../../src/features/exercises/NewExerciseForm'),
    import('../../../src/session/session'),
    import('../../../src/ui/Dialog'),
  ]);
}, 60_000);

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

/** The screen on a memory repository holding `seed`, once it has read the list ("Oefening wordt gelezen…" until then). */
async function renderScreen(seed: ExerciseSetup[] = []) {
  const store = new MemoryRepository();
  const clock = fakeWallClock('2026-11-20T09:00:00Z');
  for (const setup of seed) {
    clock.advance(60);
    await createExercise(store, setup, clock.now);
  }
  const onOpen = vi.fn<(id: string) => void>();
  const user = userEvent.setup();
  render(<ExercisesScreen store={store} onOpen={onOpen} now={() => NOW} />);
  await waitFor(() => {
    expect(screen.queryByText('Oefening wordt gelezen…')).toBeNull();
  });
  return { store, onOpen, user };
}

async function fillForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Nieuwe oefening' }));
  // The form loads when asked for (a lazy chunk).
  await user.type(await screen.findByLabelText(/Titel van de oefening/), 'Jaarwisseling Utrecht-Centrum');
  await user.type(screen.getByLabelText(/^Gemeente/), 'Utrecht');
  await user.type(screen.getByLabelText(/^Burgemeester/), 'Marieke de Boer');
  await user.type(screen.getByLabelText(/^Locoburgemeester/), 'Linda Voortman');
  await user.type(screen.getByLabelText(/^Commandant/), 'Cdt. Pieter de Vries');
  await user.type(screen.getByLabelText(/^Officier van justitie/), 'Mr. Anna Bakker');
  await user.type(screen.getByLabelText(/^Oefenleider/), 'Karin Jansen');
  await user.click(screen.getByRole('button', { name: 'Waarnemer toevoegen' }));
  await user.type(screen.getByLabelText('Waarnemer 1'), 'Youssef el Amrani');
  await user.click(screen.getByRole('radio', { name: /^Fase 5/ }));
}

// Typing a whole cast takes a while with user-event on a shared two-core machine.
describe('the exercises screen', { timeout: 20_000 }, () => {
  it('stores an exercise created through the form, with its cast, and opens it', async () => {
    const { store, onOpen, user } = await renderScreen();
    expect(screen.getByRole('heading', { name: 'Nog geen oefeningen' })).toBeInTheDocument();
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Oefening aanmaken' }));
    await waitFor(() => {
      expect(onOpen).toHaveBeenCalled();
    });

    const [created, ...others] = await store.list();
    expect(others).toEqual([]);
    expect(created).toMatchObject({
      title: 'Jaarwisseling Utrecht-Centrum',
      municipality: 'Utrecht',
      startTime: '2026-12-31T22:00',
      createdAt: new Date(NOW).toISOString(),
      entries: 1,
    });
    expect(onOpen).toHaveBeenCalledExactlyOnceWith(created?.id);
    const head = await store.head(created?.id ?? '');
    expect(head?.setup.startPhase).toBe(5);
    expect(head?.setup.cast).toEqual([
      { id: 'mayor', role: 'mayor', name: 'Marieke de Boer', municipality: 'Utrecht' },
      { id: 'locoMayor', role: 'locoMayor', name: 'Linda Voortman', municipality: 'Utrecht' },
      { id: 'commander', role: 'commander', name: 'Cdt. Pieter de Vries' },
      { id: 'prosecutor', role: 'prosecutor', name: 'Mr. Anna Bakker' },
      { id: 'trainer', role: 'trainer', name: 'Karin Jansen' },
      { id: 'observer-1', role: 'observer', name: 'Youssef el Amrani' },
    ]);
  });

  it('stores nothing while a required field is empty, and says which', async () => {
    const { store, onOpen, user } = await renderScreen();
    await fillForm(user);
    await user.clear(screen.getByLabelText(/^Commandant/));
    await user.click(screen.getByRole('button', { name: 'Oefening aanmaken' }));
    const commander = screen.getByLabelText(/^Commandant/);
    expect(commander).toHaveFocus();
    expect(commander).toHaveAccessibleDescription('Vul de naam van de commandant in.');
    expect(await store.list()).toEqual([]);
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('deletes only after confirmation; cancelling keeps the exercise', async () => {
    const { store, user } = await renderScreen([
      SETUP,
      { ...SETUP, title: 'Jaarwisseling Amsterdam-Oost', municipality: 'Amsterdam' },
    ]);
    const deleteButton = screen.getByRole('button', { name: 'Verwijderen Jaarwisseling Utrecht-Centrum' });
    await user.click(deleteButton);
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Oefening ‘Jaarwisseling Utrecht-Centrum’ verwijderen?',
    });
    expect(dialog).toHaveTextContent('Dit kan niet ongedaan worden gemaakt; het logboek gaat verloren.');
    expect(await store.list()).toHaveLength(2);

    await user.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    await waitFor(() => {
      expect(screen.queryByRole('alertdialog')).toBeNull();
    });
    expect((await store.list()).map((exercise) => exercise.title)).toContain('Jaarwisseling Utrecht-Centrum');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    await waitFor(() => {
      expect(deleteButton).toHaveFocus();
    });

    await user.click(deleteButton);
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Verwijderen' }));
    await waitFor(() => {
      expect(screen.getAllByRole('listitem')).toHaveLength(1);
    });
    expect((await store.list()).map((exercise) => exercise.title)).toEqual(['Jaarwisseling Amsterdam-Oost']);
    expect(screen.getByRole('status')).toHaveTextContent('Oefening ‘Jaarwisseling Utrecht-Centrum’ is verwijderd.');
    // The button that was pressed is gone; focus goes to the exercise that took its place.
    await waitFor(() => {
      expect(screen.getByRole('heading', { level: 3, name: 'Jaarwisseling Amsterdam-Oost' })).toHaveFocus();
    });
  });

  it('moves focus to "Nieuwe oefening" when the last exercise is deleted', async () => {
    const { store, user } = await renderScreen([SETUP]);
    await user.click(screen.getByRole('button', { name: 'Verwijderen Jaarwisseling Utrecht-Centrum' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Verwijderen' }));
    await waitFor(async () => {
      expect(await store.list()).toEqual([]);
    });
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Nieuwe oefening' })).toHaveFocus();
    });
  });

  it('duplicates the set-up under a new title with a fresh log', async () => {
    const { store, user } = await renderScreen([SETUP]);
    await user.click(screen.getByRole('button', { name: 'Dupliceren Jaarwisseling Utrecht-Centrum' }));
    await waitFor(() => {
      expect(screen.getAllByRole('listitem')).toHaveLength(2);
    });
    const listed = await store.list();
    expect(listed).toHaveLength(2);
    const copy = listed.find((exercise) => exercise.title === 'Jaarwisseling Utrecht-Centrum (kopie)');
    expect(copy).toMatchObject({ entries: 1, updatedAt: new Date(NOW).toISOString() });
    expect((await store.head(copy?.id ?? ''))?.setup).toEqual({
      ...SETUP,
      title: 'Jaarwisseling Utrecht-Centrum (kopie)',
    });
  });

  it('says so when storage is full, keeps the form and its input, and stores it once there is room', async () => {
    const { store, onOpen, user } = await renderScreen();
    await fillForm(user);
    store.failWith = 'quota';
    await user.click(screen.getByRole('button', { name: 'Oefening aanmaken' }));

    await waitFor(() => {
      expect(screen.getByRole('alert')).toHaveTextContent(
        'De oefening is niet opgeslagen: de opslag van deze browser is vol.',
      );
    });
    expect(screen.getByLabelText(/Titel van de oefening/)).toHaveValue('Jaarwisseling Utrecht-Centrum');
    expect(screen.getByLabelText(/^Oefenleider/)).toHaveValue('Karin Jansen');
    expect(screen.getByLabelText('Waarnemer 1')).toHaveValue('Youssef el Amrani');
    expect(screen.getByRole('radio', { name: /^Fase 5/ })).toBeChecked();
    expect(onOpen).not.toHaveBeenCalled();
    expect(await store.list()).toEqual([]);

    // Back to the list to make room, and back to the form: the input is still there.
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(screen.getByRole('status')).toHaveTextContent('Jaarwisseling Utrecht-Centrum');
    await user.click(screen.getByRole('button', { name: 'Nieuwe oefening' }));
    expect(await screen.findByLabelText(/^Burgemeester/)).toHaveValue('Marieke de Boer');

    store.failWith = null;
    await user.click(screen.getByRole('button', { name: 'Oefening aanmaken' }));
    await waitFor(() => {
      expect(onOpen).toHaveBeenCalledOnce();
    });
    expect(await store.list()).toHaveLength(1);
  });

  it('says so when deleting fails, and keeps the exercise listed', async () => {
    const { store, user } = await renderScreen([SETUP]);
    store.failWith = 'unavailable';
    await user.click(screen.getByRole('button', { name: 'Verwijderen Jaarwisseling Utrecht-Centrum' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Verwijderen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'De oefening is niet verwijderd: de opslag van deze browser is niet beschikbaar',
    );
    expect(await store.list()).toHaveLength(1);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });
});
