import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { By } from '../../../machines';
import { DecisionsPanel } from '../../../src/features/decisions/DecisionsPanel';
import { i18n } from '../../../src/i18n';
import { SessionContext, type AttemptEntry, type ExerciseSession } from '../../../src/session';
import { BY, newSession } from '../../fixtures/exercise';

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

function renderPanel(actingAs: By) {
  const fixture = newSession();
  render(
    <SessionContext.Provider value={fixture.session}>
      <DecisionsPanel actingAs={actingAs} />
    </SessionContext.Provider>,
  );
  return fixture;
}

const decideAttempts = (session: ExerciseSession) =>
  session
    .getState()
    .log.filter((entry): entry is AttemptEntry => entry.kind === 'attempt' && entry.event.type === 'mayor.decide');

/** Open the water-cannon dialog, grant with grounds, continue, confirm. */
async function grantWaterCannon(grounds: string) {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Besluit waterwerper…' }));
  const dialog = screen.getByRole('dialog', { name: 'Besluit: inzet van de waterwerper' });
  await user.click(within(dialog).getByRole('radio', { name: /Toestemming verlenen/ }));
  await user.type(within(dialog).getByRole('textbox', { name: /Gronden/ }), grounds);
  await user.click(within(dialog).getByRole('button', { name: 'Verder naar bevestigen' }));
  expect(dialog).toHaveTextContent(
    'U staat op het punt vast te leggen: toestemming VERLEEND voor de waterwerper, door burgemeester',
  );
  await user.click(within(dialog).getByRole('button', { name: 'Bevestigen en vastleggen' }));
  return dialog;
}

describe('the decisions panel against a real session', () => {
  it('records the mayor’s grant of the water cannon as one accepted attempt on exactly one subject', async () => {
    const { session } = renderPanel(BY.mayor);
    const dialog = await grantWaterCannon('Groot gevaar voor agenten; andere middelen onvoldoende');

    expect(dialog).not.toBeInTheDocument();
    const attempts = decideAttempts(session);
    expect(attempts).toHaveLength(1);
    const [attempt] = attempts;
    expect(attempt).toMatchObject({ outcome: 'accepted', by: BY.mayor });
    expect(attempt?.refusal).toBeUndefined();
    expect(attempt?.event).toEqual({
      type: 'mayor.decide',
      by: BY.mayor,
      subject: 'waterCannon',
      verdict: 'granted',
      grounds: 'Groot gevaar voor agenten; andere middelen onvoldoende',
      at: expect.objectContaining({ exercise: expect.any(String) as unknown }) as unknown,
    });
    // One subject only: the tear agent is untouched (R4).
    expect(attempt?.after.decisions).toEqual({ waterCannon: 'granted', tearGas: null });

    expect(screen.getByRole('status')).toHaveTextContent('Vastgelegd: Toestemming verleend — Waterwerper');
    const card = screen.getByRole('article', { name: 'Waterwerper' });
    expect(card).toHaveTextContent('Toestemming verleend');
    expect(card).toHaveTextContent('Burgemeester Marieke de Boer (Utrecht)');
    expect(screen.getByRole('article', { name: 'Traanverwekkende stof in de waterwerper' })).toHaveTextContent(
      'Nog geen besluit',
    );
  });

  it('logs a neighbouring mayor’s attempt as refused with R5, said in advance and after', async () => {
    const { session } = renderPanel(BY.neighbourMayor);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Besluit waterwerper…' }));
    const dialog = screen.getByRole('dialog', { name: 'Besluit: inzet van de waterwerper' });
    expect(dialog).toHaveTextContent(/Het model weigert dit\s*R5: Alleen de burgemeester van Utrecht/);

    await user.click(within(dialog).getByRole('radio', { name: /Toestemming verlenen/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /Gronden/ }), 'Ik sta erachter');
    await user.click(within(dialog).getByRole('button', { name: 'Verder naar bevestigen' }));
    await user.click(within(dialog).getByRole('button', { name: 'Bevestigen en vastleggen' }));

    const attempts = decideAttempts(session);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      outcome: 'refused',
      refusal: { rule: 'R5' },
      by: BY.neighbourMayor,
      event: { subject: 'waterCannon', verdict: 'granted' },
      after: { decisions: { waterCannon: null, tearGas: null } },
    });
    expect(screen.getByRole('status')).toHaveTextContent(
      'Geweigerd door het model: besluit over de waterwerper — R5: Alleen de burgemeester van Utrecht',
    );
    expect(screen.getByRole('article', { name: 'Waterwerper' })).toHaveTextContent('Nog geen besluit');
  });

  it('lets a decision with blank grounds through to the model, says R6 before confirming, and logs the refusal (R6, R10)', async () => {
    const { session } = renderPanel(BY.mayor);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Besluit traanverwekkende stof…' }));
    const dialog = screen.getByRole('dialog', { name: 'Besluit: traanverwekkende stof in de waterwerper' });
    await user.click(within(dialog).getByRole('radio', { name: /Toestemming weigeren/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /Gronden/ }), '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Verder naar bevestigen' }));

    // The confirm step reads the blank grounds back and gives the model's word, before anything is recorded.
    expect(dialog).toHaveTextContent('(geen gronden gegeven)');
    expect(dialog).toHaveTextContent(/Het model weigert dit\s*R6: Een besluit wordt gemotiveerd vastgelegd/);
    expect(decideAttempts(session)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Bevestigen en vastleggen' }));

    const [entry] = decideAttempts(session);
    expect(decideAttempts(session)).toHaveLength(1);
    expect(entry).toMatchObject({ outcome: 'refused', refusal: { rule: 'R6' } });
    expect(screen.getByText(/Geweigerd door het model: besluit over traanverwekkende stof.*R6/)).toBeInTheDocument();
  });

  it('hides the decide and revoke buttons from roles the model gives no authority to decide', () => {
    renderPanel(BY.commander);
    expect(screen.queryByRole('button', { name: 'Besluit waterwerper…' })).toBeNull();
    expect(screen.getByText(/Alleen de bevoegde burgemeester/)).toBeInTheDocument();
  });
});
