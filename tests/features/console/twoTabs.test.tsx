/** Two tabs on one exercise, seen from the tab that did not write (harness: ./twoTabsHarness.tsx). */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createExercise } from '../../../src/session';
import { BY, SETUP } from '../../fixtures/exercise';
import { channelNews, escalateHere, openInTwoTabs, withTwoTabs } from './twoTabsHarness';

withTwoTabs();

const currentPhase = () =>
  document.querySelector('.console__ladder [aria-current="step"]')?.getAttribute('data-phase') ?? null;
const logCount = () => Number(/van (\d+) regel/.exec(document.querySelector('.console__log')?.textContent ?? '')?.[1]);

// The first test waits for the app's lazy chunks (see twoTabsHarness.tsx); IndexedDB in jsdom is slow on a shared machine.
describe('the tab that did not write', { timeout: 20_000 }, () => {
  it('says at once, without acting, that another tab changed the exercise', async () => {
    const { otherTab } = await openInTwoTabs();
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await otherTab.dispatch({ type: 'phase.escalate', by: BY.commander, reason: 'Andere tab' })).outcome).toBe(
      'stored',
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/in een ander tabblad gewijzigd.*niet de laatste stand.*slaat dit tabblad niets/);
    expect(within(alert).getByRole('button', { name: 'Opgeslagen stand laden' })).toHaveClass('button--primary');
  });

  it('ignores news of other exercises, goes on writing, and takes the exercise’s removal for a change', async () => {
    const user = userEvent.setup();
    const { id, otherStore } = await openInTwoTabs();
    // The other tab creates and writes another exercise: this tab hears of it, and it is not this one.
    const news = channelNews((change) => change.id !== id);
    await createExercise(otherStore, { ...SETUP, title: 'Demonstratie Malieveld' });
    await news;
    expect(screen.queryByRole('alert')).toBeNull();
    // Still writing: its next entry is stored after the first.
    await escalateHere(user, 2, 'Deze tab');
    await waitFor(async () => {
      expect((await otherStore.head(id))?.length).toBe(2);
    });
    expect(screen.queryByRole('alert')).toBeNull();

    await otherStore.remove(id);
    expect(await screen.findByRole('alert')).toHaveTextContent(/in een ander tabblad gewijzigd/);
  });

  it('loads the exercise as stored from the banner: the other tab’s phase and log, focus on what it now shows, and goes on writing', async () => {
    const user = userEvent.setup();
    const { id, otherTab, otherStore } = await openInTwoTabs();
    await otherTab.dispatch({ type: 'phase.escalate', by: BY.commander, reason: 'Andere tab' });
    const alert = await screen.findByRole('alert');
    expect([currentPhase(), logCount()]).toEqual(['1', 1]);

    await user.click(within(alert).getByRole('button', { name: 'Opgeslagen stand laden' }));
    const notice = await screen.findByText(/opnieuw geladen zoals ze is opgeslagen/);
    expect(notice.closest('[role="status"]')).toHaveFocus();
    expect(notice).toHaveTextContent('fase 2, 2 regels');
    expect(screen.queryByRole('alert')).toBeNull();
    expect([currentPhase(), logCount()]).toEqual(['2', 2]);

    // This tab writes again, after the other tab's entry (the repository's length fence accepts it).
    await escalateHere(user, 3, 'Deze tab');
    await waitFor(() => {
      expect(currentPhase()).toBe('3');
    });
    await waitFor(async () => {
      expect((await otherStore.head(id))?.length).toBe(3);
    });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/opnieuw geladen/)).toBeNull();
    const head = await otherStore.head(id);
    expect((await otherStore.entries(head ?? otherTab.getState().head)).map((entry) => entry.seq)).toEqual([1, 2, 3]);
  });

  it('with entries only it holds, says how many are lost on loading and puts export first', async () => {
    const user = userEvent.setup();
    const { id, otherTab, otherStore } = await openInTwoTabs();
    await otherTab.dispatch({ type: 'phase.escalate', by: BY.commander, reason: 'Andere tab' });
    await screen.findByRole('alert');
    await user.click(screen.getByRole('radio', { name: /Cdt\. Pieter de Vries/ }));
    // Every attempt is logged (R10), in this tab's memory now that it writes nothing.
    await user.click(screen.getByRole('button', { name: 'Opschalen naar fase 2' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Reden/), 'Deze tab, te laat');
    await user.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
    await waitFor(() => {
      expect(screen.getByRole('alert')).toHaveTextContent('1 regel staat alleen in dit tabblad en gaat verloren');
    });
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('button', { name: 'Exporteren' })).toHaveClass('button--primary');
    expect(within(alert).getByRole('button', { name: 'Opgeslagen stand laden' })).not.toHaveClass('button--primary');
    expect((await otherStore.head(id))?.length).toBe(2);
  });
});
