/**
 * Two tabs on one exercise, continued (see twoTabs.test.tsx): a tab that comes back (from the
 * back/forward cache, or shown again after being hidden) without the `storage` events it missed,
 * and the model screen, which tries transitions through the session as the console does.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ExerciseStore } from '../../../src/session';
import { BY } from '../../fixtures/exercise';
import { fire, openInTwoTabs, withTwoTabs } from './twoTabsHarness';

withTwoTabs();

afterEach(() => {
  Reflect.deleteProperty(document, 'visibilityState');
});

const CONFLICT = /in een ander tabblad gewijzigd/;

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
}

describe('a console tab that missed the other tab’s write', () => {
  it('says so when restored from the back/forward cache', async () => {
    const { otherTab } = await openInTwoTabs();
    otherTab.dispatch({ type: 'phase.escalate', by: BY.commander, reason: 'Andere tab' });
    // No `storage` event: this page was frozen in the cache when the other tab wrote.
    fire(window, new PageTransitionEvent('pageshow', { persisted: false }));
    expect(screen.queryByRole('alert')).toBeNull(); // a first load is no coming back
    fire(window, new PageTransitionEvent('pageshow', { persisted: true }));
    expect(screen.getByRole('alert')).toHaveTextContent(CONFLICT);
  });

  it('says so when shown again after being hidden', async () => {
    const { otherTab } = await openInTwoTabs();
    setVisibility('hidden');
    fire(document, new Event('visibilitychange'));
    otherTab.dispatch({ type: 'phase.escalate', by: BY.commander, reason: 'Andere tab' });
    expect(screen.queryByRole('alert')).toBeNull();
    setVisibility('visible');
    fire(document, new Event('visibilitychange'));
    expect(screen.getByRole('alert')).toHaveTextContent(CONFLICT);
  });

  it('says nothing when storage holds what it last wrote, and goes on writing', async () => {
    const user = userEvent.setup();
    const { id } = await openInTwoTabs();
    await user.click(screen.getByRole('radio', { name: /Cdt\. Pieter de Vries/ }));
    await user.click(screen.getByRole('button', { name: 'Opschalen naar fase 2' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Reden/), 'Deze tab');
    await user.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
    setVisibility('visible');
    fire(document, new Event('visibilitychange'));
    fire(window, new PageTransitionEvent('pageshow', { persisted: true }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(new ExerciseStore(localStorage).head(id)?.length).toBe(2);
  });

  it('says so when the exercise was removed from storage meanwhile', async () => {
    const { id } = await openInTwoTabs();
    new ExerciseStore(localStorage).remove(id);
    fire(window, new PageTransitionEvent('pageshow', { persisted: true }));
    expect(screen.getByRole('alert')).toHaveTextContent(CONFLICT);
  });
});

describe('the model screen in one tab, the other tab writing', () => {
  it('says at once that another tab changed the exercise, and offers loading it as stored or exporting', async () => {
    const { id, otherTab } = await openInTwoTabs('/model');
    expect(screen.queryByRole('alert')).toBeNull();
    otherTab.dispatch({ type: 'phase.escalate', by: BY.commander, reason: 'Andere tab' });
    fire(window, new StorageEvent('storage', { key: ExerciseStore.headKey(id) }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(CONFLICT);
    expect(within(alert).getByRole('button', { name: 'Opgeslagen stand laden' })).toHaveClass('button--primary');
    expect(within(alert).getByRole('button', { name: 'Exporteren' })).toBeInTheDocument();
  });

  it('ignores another exercise’s key', async () => {
    await openInTwoTabs('/model');
    fire(window, new StorageEvent('storage', { key: 'paraat/exercise/someotherexercise' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
