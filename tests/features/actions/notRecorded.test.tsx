import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ActionsPanel } from '../../../src/features/actions/ActionsPanel';
import { i18n } from '../../../src/i18n';
import { SessionContext } from '../../../src/session';
import { BY, newSession, play, RIOT_CONTROL_RUN } from '../../fixtures/exercise';
import { notRecordingSession } from '../../fixtures/notRecorded';

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

function renderNotRecording() {
  const fixture = newSession();
  play(fixture.session, fixture.clock, RIOT_CONTROL_RUN.slice(0, 4));
  const live = notRecordingSession(fixture.session);
  render(
    <SessionContext.Provider value={live.session}>
      <ActionsPanel actingAs={BY.commander} />
    </SessionContext.Provider>,
  );
  return fixture;
}

describe('an operational action the server does not take', () => {
  it('says "Niet vastgelegd" with the server’s reason, not a refusal by a rule, and logs nothing', async () => {
    const fixture = renderNotRecording();
    const logLength = fixture.session.getState().log.length;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Waterwerper inzetten' }));

    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent(
      'Niet vastgelegd: Waterwerper inzetten — Te veel berichten achter elkaar: dit bericht is niet gelezen. Wacht even.',
    );
    // The model would refuse it (R3), but it was never judged: no rule is named.
    expect(status).not.toHaveTextContent(/Geweigerd|R\d/);
    expect(status.querySelector('.outcome--notRecorded')).not.toBeNull();
    expect(fixture.session.getState().log).toHaveLength(logLength);
  });

  it('lets the line go once anything is logged after it, as an accepted or refused line does', async () => {
    const fixture = renderNotRecording();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Waterwerper inzetten' }));
    expect(screen.getByRole('status')).toHaveTextContent('Niet vastgelegd');

    await act(async () => {
      await fixture.session.annotate(BY.trainer, 'Pauze');
    });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
