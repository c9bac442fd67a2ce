/**
 * Two tabs on one exercise, continued (see twoTabs.test.tsx): a tab that comes back (from the
 * back/forward cache, or shown again after being hidden) without the news of the other tab's write
 * it missed, and the model screen, which tries transitions through the session as the console does.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createExercise } from '../../../src/session';
import { IdbExerciseStore } from '../../../src/session/local/idbExerciseStore';
import { BY, SETUP } from '../../fixtures/exercise';
import { channelNews, escalateHere, fire, openInTwoTabs, withTwoTabs } from './twoTabsHarness';

withTwoTabs();

afterEach(() => {
  Reflect.deleteProperty(document, 'visibilityState');
  vi.restoreAllMocks();
});

const CONFLICT = /in een ander tabblad gewijzigd/;

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
}

// The first test waits for the app's lazy chunks (see twoTabsHarness.tsx); IndexedDB in jsdom is slow on a shared machine.
describe('a console tab that missed the other tab’s write', { timeout: 20_000 }, () => {
  it('says so when restored from the back/forward cache', async () => {
    const { otherTab } = await openInTwoTabs('', { missesNews: true });
    // No news on the channel: this page was frozen in the cache when the other tab wrote.
    expect((await otherTab.dispatch({ type: 'phase.escalate', by: BY.commander, reason: 'Andere tab' })).outcome).toBe(
      'stored',
    );
    // Coming back, the session asks the repository for the stored head (at once, in the event's handler).
    const asked = vi.spyOn(IdbExerciseStore.prototype, 'head');
    fire(window, new PageTransitionEvent('pageshow', { persisted: false }));
    expect(asked).not.toHaveBeenCalled(); // a first load is no coming back
    expect(screen.queryByRole('alert')).toBeNull();
    fire(window, new PageTransitionEvent('pageshow', { persisted: true }));
    expect(asked).toHaveBeenCalled();
    expect(await screen.findByRole('alert')).toHaveTextContent(CONFLICT);
  });

  it('finds out at its next write when it never heard: the repository refuses it, and nothing of it is stored', async () => {
    const user = userEvent.setup();
    const { id, otherTab, otherStore } = await openInTwoTabs('', { missesNews: true });
    await otherTab.dispatch({ type: 'phase.escalate', by: BY.commander, reason: 'Andere tab' });
    await escalateHere(user, 2, 'Deze tab');
    expect(await screen.findByRole('alert')).toHaveTextContent(CONFLICT);
    const head = await otherStore.head(id);
    expect(head?.length).toBe(2);
    const entries = await otherStore.entries(head ?? otherTab.getState().head);
    expect(entries.map((entry) => (entry.kind === 'attempt' ? entry.event.type : entry.kind))).toEqual([
      'exercise',
      'phase.escalate',
    ]);
    expect(entries[1]).toMatchObject({ event: { reason: 'Andere tab' } });
  });

  it('says so when shown again after being hidden', async () => {
    const { otherTab } = await openInTwoTabs('', { missesNews: true });
    const asked = vi.spyOn(IdbExerciseStore.prototype, 'head');
    setVisibility('hidden');
    fire(document, new Event('visibilitychange'));
    await otherTab.dispatch({ type: 'phase.escalate', by: BY.commander, reason: 'Andere tab' });
    expect(asked).not.toHaveBeenCalled(); // going away asks nothing
    expect(screen.queryByRole('alert')).toBeNull();
    setVisibility('visible');
    fire(document, new Event('visibilitychange'));
    expect(await screen.findByRole('alert')).toHaveTextContent(CONFLICT);
  });

  it('says nothing when storage holds what it last wrote, and goes on writing', async () => {
    const user = userEvent.setup();
    const { id, otherStore } = await openInTwoTabs('', { missesNews: true });
    await escalateHere(user, 2, 'Deze tab');
    await waitFor(async () => {
      expect((await otherStore.head(id))?.length).toBe(2);
    });
    setVisibility('visible');
    fire(document, new Event('visibilitychange'));
    fire(window, new PageTransitionEvent('pageshow', { persisted: true }));
    // Had either check found another writer, this write would be kept back and the banner shown.
    await escalateHere(user, 3, 'Deze tab, weer');
    await waitFor(async () => {
      expect((await otherStore.head(id))?.length).toBe(3);
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when the exercise was removed from storage meanwhile', async () => {
    const { id, otherStore } = await openInTwoTabs('', { missesNews: true });
    await otherStore.remove(id);
    fire(window, new PageTransitionEvent('pageshow', { persisted: true }));
    expect(await screen.findByRole('alert')).toHaveTextContent(CONFLICT);
  });
});

describe('the model screen in one tab, the other tab writing', { timeout: 20_000 }, () => {
  it('says at once that another tab changed the exercise, and offers loading it as stored or exporting', async () => {
    const { otherTab } = await openInTwoTabs('/model');
    expect(screen.queryByRole('alert')).toBeNull();
    await otherTab.dispatch({ type: 'phase.escalate', by: BY.commander, reason: 'Andere tab' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(CONFLICT);
    expect(within(alert).getByRole('button', { name: 'Opgeslagen stand laden' })).toHaveClass('button--primary');
    expect(within(alert).getByRole('button', { name: 'Exporteren' })).toBeInTheDocument();
  });

  it('ignores news of another exercise', async () => {
    const { id, otherStore } = await openInTwoTabs('/model');
    const news = channelNews((change) => change.id !== id);
    await createExercise(otherStore, { ...SETUP, title: 'Demonstratie Malieveld' });
    await news;
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
