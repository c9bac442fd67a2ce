/**
 * Going live from the start screen (issue #14 item 8), as the trainer sees
 * it: on a Paraat server each local exercise has "Live zetten" (uploaded,
 * then opened live; a refusal said in that exercise's card), and the
 * new-exercise form offers "Lokaal op dit apparaat / Live sessie op de
 * server", local by default. Off a server neither is there. The server here
 * is a stand-in for what tests/server/makeLive.test.ts runs against the real
 * one: what the screen does with each answer.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExercisesScreen, type LiveServer } from '../../../src/app/screens/ExercisesScreen';
import { NewExerciseForm } from '../../../src/features/exercises/NewExerciseForm';
import { i18n } from '../../../src/i18n';
import { createExercise, type ExerciseSetup } from '../../../src/session';
import { MemoryRepository } from '../../../src/session/local/memoryRepository';
import { readAdminSecret, rememberAdminSecret } from '../../../src/session/remote/adminSecret';
import type { UploadOutcome } from '../../../src/session/remote/makeLive';
import { fakeWallClock, SETUP } from '../../fixtures/exercise';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const LIVE_ID = 'feedfacefeedfacefeedfacefeedface';
/** The set-up the form hands on when started from SETUP and submitted unchanged, wherever it goes. */
const FROM_FORM = expect.objectContaining({
  title: SETUP.title,
  municipality: SETUP.municipality,
  startTime: SETUP.startTime,
}) as ExerciseSetup;

beforeAll(async () => {
  await Promise.all([
    import('../../../src/features/exercises/NewExerciseForm'),
    import('../../../src/session/session'),
  ]);
}, 60_000);

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  sessionStorage.clear();
});

/** A server that answers each upload with the next of `answers`, and makes every set-up live. */
function standIn(answers: UploadOutcome[] = []) {
  const uploads: { secret: string; id: string }[] = [];
  const created: { secret: string; setup: ExerciseSetup }[] = [];
  const server: LiveServer = {
    uploadStored: (secret, _store, id) => {
      uploads.push({ secret, id });
      return Promise.resolve(answers.shift() ?? { ok: true, id: LIVE_ID, title: '', length: 1, renumbered: false });
    },
    createLive: (secret, setup) => {
      created.push({ secret, setup });
      return Promise.resolve({ ok: true, id: LIVE_ID });
    },
  };
  return { server, uploads, created };
}

async function renderScreen(server: LiveServer | null, seed: ExerciseSetup[] = [SETUP]) {
  const store = new MemoryRepository();
  const clock = fakeWallClock('2026-11-20T09:00:00Z');
  const ids: string[] = [];
  for (const setup of seed) {
    clock.advance(60);
    ids.push((await createExercise(store, setup, clock.now)).id);
  }
  const onOpen = vi.fn<(id: string) => void>();
  const onOpenLive = vi.fn<(id: string) => void>();
  const user = userEvent.setup();
  render(<ExercisesScreen store={store} onOpen={onOpen} onOpenLive={onOpenLive} now={() => NOW} server={server} />);
  await screen.findByRole('list', { name: 'Opgeslagen oefeningen op dit apparaat' });
  return { store, ids, onOpen, onOpenLive, user };
}

const card = (title: string) => {
  const heading = screen.getByRole('heading', { name: title, level: 3 });
  const item = heading.closest('li');
  if (!item) throw new Error(`no card for ${title}`);
  return within(item);
};

describe('"Live zetten" on the exercise list', () => {
  it('is not there when the page was not served by a Paraat server', async () => {
    await renderScreen(null);
    expect(screen.queryByRole('button', { name: /Live zetten/ })).toBeNull();
    expect(screen.getByRole('button', { name: /Openen/ })).toBeInTheDocument();
  });

  it('uploads the exercise with the secret this tab holds, then opens it live', async () => {
    rememberAdminSecret('from-the-admin-link');
    const { server, uploads } = standIn();
    const { ids, onOpenLive, onOpen, user } = await renderScreen(server);
    await user.click(card(SETUP.title).getByRole('button', { name: `Live zetten ${SETUP.title}` }));
    await waitFor(() => {
      expect(onOpenLive).toHaveBeenCalledExactlyOnceWith(LIVE_ID);
    });
    expect(uploads).toEqual([{ secret: 'from-the-admin-link', id: ids[0] }]);
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('asks for the admin secret in the card when this tab has none, and keeps it for the tab', async () => {
    const { server, uploads } = standIn();
    const { onOpenLive, user } = await renderScreen(server);
    const exercise = card(SETUP.title);
    await user.click(exercise.getByRole('button', { name: `Live zetten ${SETUP.title}` }));
    const field = exercise.getByLabelText(/Beheersleutel van de server/);
    expect(field).toHaveFocus();
    expect(uploads).toEqual([]);

    // Nothing typed: said at the field, nothing sent.
    await user.click(exercise.getAllByRole('button', { name: `Live zetten ${SETUP.title}` })[1] as HTMLElement);
    expect(field).toHaveAccessibleDescription(/Vul de beheersleutel in./);
    expect(uploads).toEqual([]);

    await user.type(field, 'typed-secret{Enter}');
    await waitFor(() => {
      expect(onOpenLive).toHaveBeenCalledWith(LIVE_ID);
    });
    expect(uploads.map((upload) => upload.secret)).toEqual(['typed-secret']);
    expect(readAdminSecret()).toBe('typed-secret');
  });

  it('puts focus back on "Live zetten" when the secret is not given after all', async () => {
    const { server } = standIn();
    const { user } = await renderScreen(server);
    const exercise = card(SETUP.title);
    const button = exercise.getByRole('button', { name: `Live zetten ${SETUP.title}` });
    await user.click(button);
    await user.click(exercise.getByRole('button', { name: 'Annuleren' }));
    expect(exercise.queryByLabelText(/Beheersleutel/)).toBeNull();
    expect(button).toHaveFocus();
  });

  it('shows a refusal with each problem in that exercise’s card only, and opens nothing', async () => {
    rememberAdminSecret('secret');
    const other = { ...SETUP, title: 'Koningsdag Amsterdam' };
    const { server } = standIn([
      {
        ok: false,
        message: 'Deze oefening is niet geüpload: het bestand is niet te vertrouwen. Er is niets opgeslagen.',
        problems: ['Regel 3 is gewijzigd: de inhoud klopt niet meer met de vingerafdruk (hash).'],
      },
    ]);
    const { onOpenLive, user } = await renderScreen(server, [SETUP, other]);
    await user.click(card(SETUP.title).getByRole('button', { name: `Live zetten ${SETUP.title}` }));
    const alert = await card(SETUP.title).findByText(/De server nam ‘Jaarwisseling Utrecht-Centrum’ niet aan\./);
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(card(SETUP.title).getByText(/Regel 3 is gewijzigd/)).toBeInTheDocument();
    expect(card(other.title).queryByText(/niet aan/)).toBeNull();
    expect(onOpenLive).not.toHaveBeenCalled();
  });

  it('forgets a secret the server refused, so the next attempt asks for it', async () => {
    rememberAdminSecret('stale');
    const { server, uploads } = standIn([
      { ok: false, message: 'Beheersleutel ontbreekt of klopt niet.', problems: [], unauthorized: true },
    ]);
    const { onOpenLive, user } = await renderScreen(server);
    const exercise = card(SETUP.title);
    await user.click(exercise.getByRole('button', { name: `Live zetten ${SETUP.title}` }));
    expect(await exercise.findByText(/Beheersleutel ontbreekt of klopt niet\./)).toBeInTheDocument();
    expect(readAdminSecret()).toBeNull();
    await user.click(exercise.getByRole('button', { name: `Live zetten ${SETUP.title}` }));
    await user.type(exercise.getByLabelText(/Beheersleutel van de server/), 'right{Enter}');
    await waitFor(() => {
      expect(onOpenLive).toHaveBeenCalledWith(LIVE_ID);
    });
    expect(uploads.map((upload) => upload.secret)).toEqual(['stale', 'right']);
  });
});

describe('choosing "live" in the new-exercise form', () => {
  function renderForm(live?: { secretKnown: boolean; creating?: boolean }) {
    const onCreate = vi.fn<(setup: ExerciseSetup) => void>();
    const onCreateLive = vi.fn<(setup: ExerciseSetup, secret: string | null) => void>();
    render(
      <NewExerciseForm
        initial={SETUP}
        now={NOW}
        onCreate={onCreate}
        onCancel={() => undefined}
        {...(live
          ? { live: { secretKnown: live.secretKnown, creating: live.creating ?? false, onCreate: onCreateLive } }
          : {})}
      />,
    );
    return { onCreate, onCreateLive, user: userEvent.setup() };
  }

  it('offers no choice off a server: the form creates on this device as before', async () => {
    const { onCreate, user } = renderForm();
    expect(screen.queryByRole('group', { name: 'Waar de oefening loopt' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Oefening aanmaken' }));
    expect(onCreate).toHaveBeenCalledExactlyOnceWith(FROM_FORM);
  });

  it('on a server, is local by default and creates on this device', async () => {
    const { onCreate, onCreateLive, user } = renderForm({ secretKnown: true });
    const place = screen.getByRole('group', { name: 'Waar de oefening loopt' });
    expect(within(place).getByRole('radio', { name: 'Lokaal op dit apparaat' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Oefening aanmaken' }));
    expect(onCreate).toHaveBeenCalledExactlyOnceWith(FROM_FORM);
    expect(onCreateLive).not.toHaveBeenCalled();
  });

  it('is chosen with the keyboard; live creates on the server with the secret this tab holds', async () => {
    const { onCreate, onCreateLive, user } = renderForm({ secretKnown: true });
    const local = screen.getByRole('radio', { name: 'Lokaal op dit apparaat' });
    local.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Live sessie op de server' })).toBeChecked();
    expect(screen.queryByLabelText(/Beheersleutel/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Live oefening aanmaken' }));
    expect(onCreateLive).toHaveBeenCalledExactlyOnceWith(FROM_FORM, null);
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('asks for the secret with "live" when this tab has none, and focuses it when it is missing', async () => {
    const { onCreateLive, user } = renderForm({ secretKnown: false });
    await user.click(screen.getByRole('radio', { name: 'Live sessie op de server' }));
    await user.click(screen.getByRole('button', { name: 'Live oefening aanmaken' }));
    const field = screen.getByLabelText(/Beheersleutel van de server/);
    expect(field).toHaveFocus();
    expect(field).toHaveAccessibleDescription(/Vul de beheersleutel in./);
    expect(onCreateLive).not.toHaveBeenCalled();
    await user.type(field, ' typed ');
    await user.click(screen.getByRole('button', { name: 'Live oefening aanmaken' }));
    expect(onCreateLive).toHaveBeenCalledExactlyOnceWith(FROM_FORM, 'typed');
  });

  it('says the server is making it, and takes no second submit meanwhile', () => {
    renderForm({ secretKnown: true, creating: true });
    expect(screen.getByText('De oefening wordt op de server gemaakt…').closest('[role="status"]')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Oefening aanmaken' })).toBeDisabled();
  });
});

describe('a live exercise from the exercises screen', { timeout: 20_000 }, () => {
  it('creates it on the server from the form and opens it live; nothing is stored on this device', async () => {
    rememberAdminSecret('secret');
    const { server, created } = standIn();
    const { store, onOpenLive, user } = await renderScreen(server, [SETUP]);
    await user.click(screen.getByRole('button', { name: 'Nieuwe oefening' }));
    await user.type(await screen.findByLabelText(/Titel van de oefening/), 'Live run');
    await user.type(screen.getByLabelText(/^Gemeente/), 'Utrecht');
    for (const [label, name] of [
      [/^Burgemeester/, 'Marieke de Boer'],
      [/^Locoburgemeester/, 'Linda Voortman'],
      [/^Commandant/, 'Cdt. Pieter de Vries'],
      [/^Officier van justitie/, 'Mr. Anna Bakker'],
      [/^Oefenleider/, 'Karin Jansen'],
    ] as const)
      await user.type(screen.getByLabelText(label), name);
    await user.click(screen.getByRole('radio', { name: 'Live sessie op de server' }));
    await user.click(screen.getByRole('button', { name: 'Live oefening aanmaken' }));
    await waitFor(() => {
      expect(onOpenLive).toHaveBeenCalledExactlyOnceWith(LIVE_ID);
    });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ secret: 'secret', setup: { title: 'Live run', municipality: 'Utrecht' } });
    expect((await store.list()).map((exercise) => exercise.title)).toEqual([SETUP.title]);
  });

  it('keeps the form and says why when the server refuses', async () => {
    rememberAdminSecret('secret');
    const server: LiveServer = {
      uploadStored: () => Promise.reject(new Error('not used')),
      createLive: () => Promise.resolve({ ok: false, message: 'De server is niet bereikbaar.', problems: [] }),
    };
    const store = new MemoryRepository();
    const onOpenLive = vi.fn<(id: string) => void>();
    const user = userEvent.setup();
    render(
      <ExercisesScreen
        store={store}
        onOpen={() => undefined}
        onOpenLive={onOpenLive}
        now={() => NOW}
        server={server}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'Nieuwe oefening' }));
    await user.type(await screen.findByLabelText(/Titel van de oefening/), 'Live run');
    await user.click(screen.getByRole('radio', { name: 'Live sessie op de server' }));
    await user.click(screen.getByRole('button', { name: 'Live oefening aanmaken' }));
    // Required fields first: nothing goes to the server until the form is whole.
    expect(screen.getByLabelText(/^Gemeente/)).toHaveFocus();
    await user.type(screen.getByLabelText(/^Gemeente/), 'Utrecht');
    for (const [label, name] of [
      [/^Burgemeester/, 'M'],
      [/^Locoburgemeester/, 'L'],
      [/^Commandant/, 'C'],
      [/^Officier van justitie/, 'O'],
      [/^Oefenleider/, 'K'],
    ] as const)
      await user.type(screen.getByLabelText(label), name);
    await user.click(screen.getByRole('button', { name: 'Live oefening aanmaken' }));
    expect(
      await screen.findByText(
        'De server maakte de oefening niet: De server is niet bereikbaar. Uw invoer staat er nog.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Titel van de oefening/)).toHaveValue('Live run');
    expect(onOpenLive).not.toHaveBeenCalled();
    expect(await store.list()).toEqual([]);
  });
});
