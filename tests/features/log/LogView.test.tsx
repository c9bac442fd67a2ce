import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogView } from '../../../src/features/log/LogView';
import { i18n } from '../../../src/i18n';
import { BY, riotControlSession } from '../../fixtures/exercise';

/**
 * jsdom has no layout, so the virtualiser would see a scroll container of
 * height 0 and render no rows. Give every element a height; rows measure 0,
 * so a short log renders whole. The virtualisation itself is tested in the
 * story tests, in Chromium.
 */
beforeEach(async () => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  await i18n.changeLanguage('nl');
});
afterEach(() => {
  vi.restoreAllMocks();
});

const rows = () => screen.getAllByRole('article');
const ruleIds = () => rows().map((row) => row.querySelector('.rule-id')?.textContent);

function renderLog(canAnnotate = true) {
  const fixture = riotControlSession();
  const onAnnotate = vi.fn();
  const onCorrect = vi.fn();
  const view = render(
    <LogView
      entries={fixture.session.getState().log}
      canAnnotate={canAnnotate}
      onAnnotate={onAnnotate}
      onCorrect={onCorrect}
    />,
  );
  return { ...fixture, onAnnotate, onCorrect, view };
}

describe('the log view', () => {
  it('shows every entry in a labelled feed with the count', () => {
    renderLog();
    expect(screen.getByRole('feed', { name: 'Logboek' })).toHaveAccessibleDescription('13 van 13 regels');
    expect(rows()).toHaveLength(13);
  });

  it('narrows the entries with the filters, and says how many it shows', async () => {
    renderLog();
    await userEvent.selectOptions(screen.getByLabelText('Soort'), 'refusals');
    expect(screen.getByText('3 van 13 regels')).toBeInTheDocument();
    expect(ruleIds()).toEqual(['R3', 'R5', 'R4']);
    expect(rows()[0]).toHaveAttribute('aria-setsize', '3');

    await userEvent.selectOptions(screen.getByLabelText('Rol'), 'mayor');
    expect(screen.getByText('1 van 13 regels')).toBeInTheDocument();
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveTextContent('Burgemeester Joris Vermeulen');

    await userEvent.selectOptions(screen.getByLabelText('Soort'), 'all');
    await userEvent.selectOptions(screen.getByLabelText('Uitkomst'), 'accepted');
    expect(screen.getByText('2 van 13 regels')).toBeInTheDocument();
    expect(rows().map((row) => row.dataset.seq)).toEqual(['8', '12']);

    await userEvent.selectOptions(screen.getByLabelText('Rol'), 'observer');
    expect(screen.getByText('0 van 13 regels')).toBeInTheDocument();
    expect(screen.getByText('Geen regels bij dit filter.')).toBeInTheDocument();
    expect(screen.queryByRole('feed')).toBeNull();
  });

  it('adds a note through the dialog, calling onAnnotate with the entry’s seq', async () => {
    const { onAnnotate } = renderLog();
    const refused = rows().find((row) => row.dataset.seq === '6');
    if (!refused) throw new Error('entry 6 not rendered');
    await userEvent.click(within(refused).getByRole('button', { name: 'Aantekening… bij regel 6' }));
    const dialog = screen.getByRole('dialog', { name: 'Aantekening bij regel 6' });
    expect(dialog).toHaveTextContent('Over regel 6: Waterwerper inzetten geprobeerd');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
    expect(within(dialog).getByText('Schrijf eerst een tekst.')).toBeInTheDocument();
    expect(onAnnotate).not.toHaveBeenCalled();

    await userEvent.type(within(dialog).getByLabelText(/Tekst/), '  Te vroeg: nog geen besluit  ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
    expect(onAnnotate).toHaveBeenCalledExactlyOnceWith('Te vroeg: nog geen besluit', 6);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('corrects a note through the dialog, calling onCorrect with the note’s seq', async () => {
    const fixture = riotControlSession();
    void fixture.session.annotate(BY.observer, 'Besluit om 22:05', 8);
    const onCorrect = vi.fn();
    render(<LogView entries={fixture.session.getState().log} canAnnotate onAnnotate={vi.fn()} onCorrect={onCorrect} />);
    await userEvent.click(screen.getByRole('button', { name: 'Correctie… bij regel 14' }));
    const dialog = screen.getByRole('dialog', { name: 'Correctie op regel 14' });
    await userEvent.type(within(dialog).getByLabelText(/Tekst/), 'Besluit om 22:07');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
    expect(onCorrect).toHaveBeenCalledExactlyOnceWith('Besluit om 22:07', 14);
  });

  it('cancelling the dialog records nothing', async () => {
    const { onAnnotate } = renderLog();
    await userEvent.click(screen.getByRole('button', { name: 'Aantekening… bij regel 13' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Tekst/), 'Laat maar');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onAnnotate).not.toHaveBeenCalled();
  });

  it('hides the note buttons when the acting role may not annotate', () => {
    renderLog(false);
    expect(screen.queryAllByRole('button', { name: /Aantekening…|Correctie…/ })).toHaveLength(0);
  });

  it('announces a new entry’s outcome politely, and not the entries it opened with', () => {
    const { session, onAnnotate, onCorrect, view } = renderLog();
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toBeEmptyDOMElement();
    act(() => {
      void session.dispatch({ type: 'waterCannon.withdraw', by: BY.mayor });
    });
    view.rerender(
      <LogView entries={session.getState().log} canAnnotate onAnnotate={onAnnotate} onCorrect={onCorrect} />,
    );
    expect(status).toHaveTextContent(/^Geweigerd: R13 Elke rol handelt binnen zijn bevoegdheid — /);
    expect(screen.getByText('14 van 14 regels')).toBeInTheDocument();
  });
});
