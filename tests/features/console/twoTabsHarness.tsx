/**
 * Two tabs on one exercise in jsdom: the whole app in this tab (its repository opened as in the
 * browser: IndexedDB, here fake-indexeddb, a fresh database per test, and the BroadcastChannel
 * `paraat`), the other tab a store of its own on the same database. By default the other tab
 * announces its commits on the channel, as a browser tab does; `{ missesNews: true }` gives it no
 * channel, for a tab that was frozen or hidden when the other wrote and so never heard of it.
 * Shared by twoTabs.test.tsx and twoTabsMore.test.tsx.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { act, render, screen, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { afterEach, beforeEach } from 'vitest';
import { App } from '../../../src/app/App';
import { i18n } from '../../../src/i18n';
import { createExercise, openSession, type ExerciseChange, type ExerciseSession } from '../../../src/session';
import { CHANNEL_NAME, IdbExerciseStore } from '../../../src/session/local/idbExerciseStore';
import { SETUP } from '../../fixtures/exercise';

const opened: { close(): void }[] = [];
let otherSession: ExerciseSession | null = null;

/** A store on this test's database, as another tab opens it; closed after the test. */
export function otherTabStore({ missesNews = false } = {}): IdbExerciseStore {
  const store = new IdbExerciseStore({ channel: missesNews ? null : CHANNEL_NAME });
  opened.push(store);
  return store;
}

/** Fresh storage and Dutch before each test; the other tab closed and the route reset after it. */
export function withTwoTabs() {
  beforeEach(async () => {
    // A new, empty IndexedDB for each test: the app's store opens the page's, and so reaches this one.
    globalThis.indexedDB = new IDBFactory();
    localStorage.clear();
    sessionStorage.clear();
    await i18n.changeLanguage('nl');
  });
  afterEach(() => {
    otherSession?.dispose();
    otherSession = null;
    for (const store of opened.splice(0)) store.close();
    window.location.hash = '';
  });
}

/**
 * This tab on the exercise (the console, or with `/model` its model screen), and the other tab:
 * its store and its session on the exercise.
 */
export async function openInTwoTabs(screenSuffix = '', { missesNews = false } = {}) {
  const store = otherTabStore({ missesNews });
  const { id } = await createExercise(store, SETUP);
  window.location.hash = `#/oefening/${id}${screenSuffix}`;
  render(<App />);
  // The screen and the session module load lazily; the first test waits for their first import.
  await screen.findByRole('heading', { level: 1, name: new RegExp(`^${SETUP.title}`) }, { timeout: 15_000 });
  // The heading can be committed by an update from outside act (the lazy import resolving); its
  // effects, the repository's listeners among them, then run on React's own schedule: let them run.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  const session = await openSession(store, id);
  if (!session) throw new Error(`No exercise ${id}`);
  otherSession = session;
  return { id, otherTab: session, otherStore: store };
}

/**
 * Until a tab on the channel has heard a change that `matches`: the witness to news this tab's
 * app gets on the same channel, for tests that check the app ignored it.
 */
export function channelNews(matches: (change: ExerciseChange) => boolean): Promise<void> {
  const witness = otherTabStore();
  return new Promise((resolve) => {
    const stop = witness.subscribe((change) => {
      if (!matches(change)) return;
      stop();
      // The app's store got the same message; let its listeners run too before the test looks.
      setTimeout(resolve, 0);
    });
  });
}

/** An event the browser would dispatch in this tab. */
export function fire(target: EventTarget, event: Event) {
  act(() => {
    target.dispatchEvent(event);
  });
}

/** This tab's escalation through the console: the commander acting, a reason given. */
export async function escalateHere(user: ReturnType<typeof userEvent.setup>, toPhase: number, reason: string) {
  await user.click(screen.getByRole('radio', { name: /Cdt\. Pieter de Vries/ }));
  await user.click(
    within(document.querySelector<HTMLElement>('.console__actions') ?? document.body).getByRole('button', {
      name: `Opschalen naar fase ${String(toPhase)}`,
    }),
  );
  const dialog = screen.getByRole('dialog');
  await user.type(within(dialog).getByLabelText(/Reden/), reason);
  await user.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
}
