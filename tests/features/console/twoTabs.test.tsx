/** Two tabs on one exercise, seen from the tab that did not write (harness: ./twoTabsHarness.tsx). */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ExerciseStore } from '../../../src/session';
import { BY } from '../../fixtures/exercise';
import { fire, openInTwoTabs, withTwoTabs } from './twoTabsHarness';

withTwoTabs();

/** What the browser does in this tab when the other one commits an entry. */
const storageEvent = (key: string | null) => {
  fire(window, new StorageEvent('storage', { key }));
};

const currentPhase = () =>
  document.querySelector('.console__ladder [aria-current="step"]')?.getAttribute('data-phase') ?? null;
const logCount = () => Number(/van (\d+) regel/.exec(document.querySelector('.console__log')?.textContent ?? '')?.[1]);

describe('the tab that did not write', () => {
  it('says at once, without acting, that another tab changed the exercise', async () => {
    const { id, otherTab } = await openInTwoTabs();
    expect(screen.queryByRole('alert')).toBeNull();
    otherTab.dispatch({ type: 'phase.escalate', by: BY.commander, reason: 'Andere tab' });
    storageEvent(ExerciseStore.headKey(id));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/in een ander tabblad gewijzigd.*niet de laatste stand.*slaat dit tabblad niets/);
    expect(within(alert).getByRole('button', { name: 'Opgeslagen stand laden' })).toHaveClass('button--primary');
  });

  it('ignores other keys, and takes a cleared storage for a change', async () => {
    await openInTwoTabs();
    storageEvent('paraat/exercise/someotherexercise');
    storageEvent('paraat.language');
    expect(screen.queryByRole('alert')).toBeNull();
    storageEvent(null);
    expect(screen.getByRole('alert')).toHaveTextContent(/in een ander tabblad gewijzigd/);
  });

  it('loads the exercise as stored from the banner: the other tab’s phase and log, focus on what it now shows, and goes on writing', async () => {
    const user = userEvent.setup();
    const { id, otherTab } = await openInTwoTabs();
    otherTab.dispatch({ type: 'phase.escalate', by: BY.commander, reason: 'Andere tab' });
    storageEvent(ExerciseStore.headKey(id));
    expect([currentPhase(), logCount()]).toEqual(['1', 1]);

    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Opgeslagen stand laden' }));
    const notice = await screen.findByText(/opnieuw geladen zoals ze is opgeslagen/);
    expect(notice.closest('[role="status"]')).toHaveFocus();
    expect(notice).toHaveTextContent('fase 2, 2 regels');
    expect(screen.queryByRole('alert')).toBeNull();
    expect([currentPhase(), logCount()]).toEqual(['2', 2]);

    // This tab writes again, after the other tab's entry (the store's commit point accepts it).
    await user.click(screen.getByRole('radio', { name: /Cdt\. Pieter de Vries/ }));
    await user.click(
      within(document.querySelector<HTMLElement>('.console__actions') ?? document.body).getByRole('button', {
        name: 'Opschalen naar fase 3',
      }),
    );
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Reden/), 'Deze tab');
    await user.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
    await waitFor(() => {
      expect(currentPhase()).toBe('3');
    });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/opnieuw geladen/)).toBeNull();
    const stored = new ExerciseStore(localStorage);
    const head = stored.head(id);
    expect(head?.length).toBe(3);
    expect(stored.entries(head ?? otherTab.getState().head).map((entry) => entry.seq)).toEqual([1, 2, 3]);
  });

  it('with entries only it holds, says how many are lost on loading and puts export first', async () => {
    const user = userEvent.setup();
    const { id, otherTab } = await openInTwoTabs();
    otherTab.dispatch({ type: 'phase.escalate', by: BY.commander, reason: 'Andere tab' });
    storageEvent(ExerciseStore.headKey(id));
    await user.click(screen.getByRole('radio', { name: /Cdt\. Pieter de Vries/ }));
    // Every attempt is logged (R10), in this tab's memory now that it writes nothing.
    await user.click(screen.getByRole('button', { name: 'Opschalen naar fase 2' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Reden/), 'Deze tab, te laat');
    await user.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('1 regel staat alleen in dit tabblad en gaat verloren');
    expect(within(alert).getByRole('button', { name: 'Exporteren' })).toHaveClass('button--primary');
    expect(within(alert).getByRole('button', { name: 'Opgeslagen stand laden' })).not.toHaveClass('button--primary');
    expect(new ExerciseStore(localStorage).head(id)?.length).toBe(2);
  });
});
