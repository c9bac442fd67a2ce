import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachmentsOf } from '../../../src/features/log/filter';
import { LogEntryRow, type LogEntryRowProps } from '../../../src/features/log/LogEntryRow';
import { i18n, type Language } from '../../../src/i18n';
import type { LogEntry } from '../../../src/session';
import { BY, riotControlSession } from '../../fixtures/exercise';

/** The row takes the view's translation and language: here, the current ones. */
function inCurrentLanguage() {
  const language: Language = i18n.language === 'en' ? 'en' : 'nl';
  return { t: i18n.getFixedT(language), language };
}

function renderRow(log: readonly LogEntry[], seq: number, props: Partial<LogEntryRowProps> = {}) {
  const entry = log[seq - 1];
  if (!entry) throw new Error(`No entry ${String(seq)}`);
  render(
    <LogEntryRow
      entry={entry}
      attachments={attachmentsOf(log)}
      index={seq - 1}
      setSize={log.length}
      canAnnotate={false}
      onRequestNote={vi.fn()}
      onRequestCorrection={vi.fn()}
      {...inCurrentLanguage()}
      {...props}
    />,
  );
  return screen.getByRole('article');
}

describe('a log entry', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('nl');
  });
  afterEach(async () => {
    await i18n.changeLanguage('nl');
  });

  it('shows a refusal with the rule id, its title and the model’s message, by more than colour', () => {
    const log = riotControlSession().session.getState().log;
    const row = renderRow(log, 6);
    expect(row).toHaveClass('log-entry--refused');
    expect(within(row).getByText('Geweigerd')).toBeInTheDocument();
    expect(within(row).getByText('✗')).toHaveAttribute('aria-hidden', 'true');
    expect(within(row).getByText('R3')).toHaveClass('rule-id');
    expect(within(row).getByText('Waterwerper alleen met besluit van de burgemeester')).toBeInTheDocument();
    const entry = log[5];
    if (entry?.kind !== 'attempt' || !entry.refusal) throw new Error('entry 6 is not a refusal');
    expect(row).toHaveTextContent(entry.refusal.message.nl);
    expect(row).toHaveTextContent('Commandant Cdt. Pieter de Vries');
    expect(row).toHaveAttribute('aria-posinset', '6');
    expect(row).toHaveAttribute('aria-setsize', '13');
    expect(row).toHaveAttribute('tabindex', '0');
  });

  it('shows the model’s message in the current language', async () => {
    await i18n.changeLanguage('en');
    const log = riotControlSession().session.getState().log;
    const row = renderRow(log, 11);
    expect(within(row).getByText('Refused')).toBeInTheDocument();
    expect(within(row).getByText('R4')).toHaveClass('rule-id');
    expect(within(row).getByText('Tear agent needs its own decision')).toBeInTheDocument();
    const entry = log[10];
    if (entry?.kind !== 'attempt' || !entry.refusal) throw new Error('entry 11 is not a refusal');
    expect(row).toHaveTextContent(entry.refusal.message.en);
  });

  it('shows an accepted attempt with its word, icon and the means it started, without a rule', () => {
    const row = renderRow(riotControlSession().session.getState().log, 10);
    expect(row).toHaveClass('log-entry--accepted');
    expect(row).not.toHaveClass('log-entry--refused');
    expect(within(row).getByText('Uitgevoerd')).toBeInTheDocument();
    expect(within(row).getByText('✓')).toHaveAttribute('aria-hidden', 'true');
    expect(row).toHaveTextContent('Waterwerper ingezet');
    expect(row).toHaveTextContent('Gestart: waterwerper');
    expect(row.querySelector('.rule-id')).toBeNull();
  });

  it('shows notes and corrections under the entry they refer to', () => {
    const { session } = riotControlSession();
    void session.annotate(BY.observer, 'Goed onderbouwd', 8);
    void session.correct(BY.trainer, 'Voorwaarde ontbrak', 14);
    const row = renderRow(session.getState().log, 8);
    const attached = within(row).getByRole('list', { name: 'Aantekeningen en correcties bij regel 8' });
    expect(attached).toHaveTextContent('Aantekening van Youssef el Amrani');
    expect(attached).toHaveTextContent('Goed onderbouwd');
    expect(attached).toHaveTextContent('Correctie van Karin Jansen op #14');
    expect(attached).toHaveTextContent('Voorwaarde ontbrak');
  });

  it('offers a note only when the acting role may annotate, and a correction on notes', async () => {
    const { session } = riotControlSession();
    void session.annotate(BY.observer, 'Goed onderbouwd', 8);
    const log = session.getState().log;
    renderRow(log, 14);
    expect(screen.queryByRole('button')).toBeNull();

    const onRequestCorrection = vi.fn();
    const onRequestNote = vi.fn();
    render(
      <LogEntryRow
        entry={log[13] as LogEntry}
        attachments={attachmentsOf(log)}
        index={13}
        setSize={14}
        canAnnotate
        onRequestNote={onRequestNote}
        onRequestCorrection={onRequestCorrection}
        {...inCurrentLanguage()}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Correctie… bij regel 14' }));
    expect(onRequestCorrection).toHaveBeenCalledWith(14);
    await userEvent.click(screen.getByRole('button', { name: 'Aantekening… bij regel 14' }));
    expect(onRequestNote).toHaveBeenCalledWith(14);
  });
});
