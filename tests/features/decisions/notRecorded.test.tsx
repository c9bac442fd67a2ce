import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DecisionsPanel } from '../../../src/features/decisions/DecisionsPanel';
import { i18n } from '../../../src/i18n';
import { SessionContext } from '../../../src/session';
import { BY, newSession } from '../../fixtures/exercise';
import { notRecordingSession } from '../../fixtures/notRecorded';

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

async function grantWaterCannon() {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Besluit waterwerper…' }));
  const dialog = screen.getByRole('dialog', { name: 'Besluit: inzet van de waterwerper' });
  await user.click(within(dialog).getByRole('radio', { name: /Toestemming verlenen/ }));
  await user.type(within(dialog).getByRole('textbox', { name: /Gronden/ }), 'Brandende barricades');
  await user.click(within(dialog).getByRole('button', { name: 'Verder naar bevestigen' }));
  await user.click(within(dialog).getByRole('button', { name: 'Bevestigen en vastleggen' }));
}

describe('a decision the server does not take', () => {
  it('replaces "Wordt vastgelegd…" with "Niet vastgelegd" and the server’s reason, not a rule', async () => {
    const fixture = newSession();
    const logLength = fixture.session.getState().log.length;
    const live = notRecordingSession(fixture.session, undefined, { hold: true });
    render(
      <SessionContext.Provider value={live.session}>
        <DecisionsPanel actingAs={BY.mayor} />
      </SessionContext.Provider>,
    );
    await grantWaterCannon();
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent('Wordt vastgelegd… — besluit over de waterwerper');

    await act(async () => {
      live.answer();
      await Promise.resolve();
    });
    expect(status).toHaveTextContent(
      'Niet vastgelegd: besluit over de waterwerper — Te veel berichten achter elkaar: dit bericht is niet gelezen. Wacht even.',
    );
    expect(status).not.toHaveTextContent('Wordt vastgelegd');
    // Not a refusal by the model: no rule is named, and it is marked apart from accepted and refused.
    expect(status).not.toHaveTextContent(/Geweigerd|R\d/);
    expect(status.querySelector('.outcome--notRecorded')).not.toBeNull();
    expect(screen.getByRole('article', { name: 'Waterwerper' })).toHaveTextContent('Nog geen besluit');
    expect(fixture.session.getState().log).toHaveLength(logLength);
  });

  it('says it in English too', async () => {
    await i18n.changeLanguage('en');
    const live = notRecordingSession(newSession().session);
    render(
      <SessionContext.Provider value={live.session}>
        <DecisionsPanel actingAs={BY.mayor} />
      </SessionContext.Provider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Decide on the water cannon…' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: /Grant consent/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /Grounds/ }), 'Burning barricades');
    await user.click(within(dialog).getByRole('button', { name: /Continue/ }));
    await user.click(within(dialog).getByRole('button', { name: /Confirm/ }));
    expect(
      await screen.findByText(/Not recorded: decision on the water cannon — Too many messages in a row/),
    ).toBeVisible();
  });
});
