/**
 * Two tabs on one exercise in jsdom: the whole app in this tab (its session opened by the route),
 * the other tab a second session on the same localStorage. jsdom fires no `storage` event across
 * sessions, so tests fire the events the browser would. Shared by twoTabs.test.tsx and
 * twoTabsMore.test.tsx.
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { App } from '../../../src/app/App';
import { i18n } from '../../../src/i18n';
import { createExercise, ExerciseStore, openSession, type ExerciseSession } from '../../../src/session';
import { SETUP } from '../../fixtures/exercise';

let otherTab: ExerciseSession | null = null;

/** Fresh storage and Dutch before each test; the other tab closed and the route reset after it. */
export function withTwoTabs() {
  beforeEach(async () => {
    localStorage.clear();
    sessionStorage.clear();
    await i18n.changeLanguage('nl');
  });
  afterEach(() => {
    otherTab?.dispose();
    otherTab = null;
    window.location.hash = '';
  });
}

/** This tab on the exercise (the console, or with `/model` its model screen), and the other tab's session. */
export async function openInTwoTabs(screenSuffix = '') {
  const id = createExercise(new ExerciseStore(localStorage), SETUP).id;
  window.location.hash = `#/oefening/${id}${screenSuffix}`;
  render(<App />);
  // The screen and the session module load lazily; the first test waits for their first import.
  await screen.findByRole('heading', { level: 1, name: new RegExp(`^${SETUP.title}`) }, { timeout: 15_000 });
  // The heading can be committed by an update from outside act (the lazy import resolving); its
  // effects, the storage listener among them, then run on React's own schedule: let them run.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  const other = openSession(new ExerciseStore(localStorage), id);
  otherTab = other;
  return { id, otherTab: other };
}

/** An event the browser would dispatch in this tab. */
export function fire(target: EventTarget, event: Event) {
  act(() => {
    target.dispatchEvent(event);
  });
}
