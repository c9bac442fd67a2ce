import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { By } from '../machines';
import { ActionsPanel } from '../src/features/actions/ActionsPanel';
import { SessionContext } from '../src/session';
import { BY, newSession, play, riotControlSession, RIOT_CONTROL_RUN } from '../tests/fixtures/exercise';
import { notRecordingSession } from '../tests/fixtures/notRecorded';

const meta = {
  title: 'Console/Actions',
  component: ActionsPanel,
  args: { actingAs: BY.commander },
  render: (args, { loaded }) => (
    <SessionContext.Provider value={(loaded as { session: ReturnType<typeof newSession>['session'] }).session}>
      <ActionsPanel {...args} />
    </SessionContext.Provider>
  ),
  loaders: [() => ({ session: newSession().session })],
} satisfies Meta<typeof ActionsPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Phase 1: escalating is possible; the water cannon is refused in advance with R2. */
export const CommanderInGgpGo: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Opschalen naar fase 2' })).toBeVisible();
    const deploy = canvas.getByRole('button', { name: 'Waterwerper inzetten' });
    await expect(deploy).toHaveAccessibleDescription(/Wordt geweigerd.*R2/);
  },
};

/** Riot control, nothing decided: the water cannon is refused in advance with R3, and trying logs it. */
export const RefusedWithReason: Story = {
  loaders: [
    () => {
      const fixture = newSession();
      play(fixture.session, fixture.clock, RIOT_CONTROL_RUN.slice(0, 4));
      return { session: fixture.session };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const deploy = canvas.getByRole('button', { name: 'Waterwerper inzetten' });
    await expect(deploy).toHaveAccessibleDescription(/R3/);
    await userEvent.click(deploy);
    await expect(canvas.getByRole('status')).toHaveTextContent(/Geweigerd: Waterwerper inzetten — R3/);
    const { session } = loaded as { session: ReturnType<typeof newSession>['session'] };
    const last = session.getState().log.at(-1);
    await expect(last).toMatchObject({ kind: 'attempt', outcome: 'refused', refusal: { rule: 'R3' } });
  },
};

/**
 * In a live session the server does not take the attempt (rate limited after the client's re-sends):
 * the line says "Niet vastgelegd" and the server's reason, not the R3 the model would have given.
 */
export const NotRecordedByTheServer: Story = {
  loaders: [
    () => {
      const fixture = newSession();
      play(fixture.session, fixture.clock, RIOT_CONTROL_RUN.slice(0, 4));
      return { session: notRecordingSession(fixture.session).session };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Waterwerper inzetten' }));
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(
        'Niet vastgelegd: Waterwerper inzetten — Te veel berichten achter elkaar',
      ),
    );
    await expect(canvas.getByRole('status')).not.toHaveTextContent(/Geweigerd|R3/);
  },
};

/** Water cannon and tear agent in use: withdrawing and stopping are possible. */
export const MeansInUse: Story = {
  loaders: [() => ({ session: riotControlSession().session })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Traanverwekkende stof stoppen' })).toHaveAccessibleDescription(
      /Mogelijk/,
    );
  },
};

/** Escalation asks for a reason in a dialog; the model's R1 shows while it is empty. */
export const EscalateWithReason: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Opschalen naar fase 2' }));
    const dialog = within(document.body).getByRole('dialog', { name: 'Opschalen: reden' });
    await userEvent.type(within(dialog).getByLabelText(/Reden/), 'Onrust op het plein');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('Uitgevoerd: Opschalen naar fase 2');
    const { session } = loaded as { session: ReturnType<typeof newSession>['session'] };
    await expect(session.getState().log.at(-1)).toMatchObject({ outcome: 'accepted', after: { phase: 2 } });
  },
};

/** The mayor has no operational actions of her own (R13), but can show them to rehearse a refusal. */
export const MayorHasNoOperationalActions: Story = {
  args: { actingAs: BY.mayor },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/neemt geen operationele beslissingen/)).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Waterwerper inzetten' })).toBeNull();
    await userEvent.click(canvas.getByLabelText('Toon ook acties buiten deze rol'));
    await expect(canvas.getByRole('button', { name: 'Waterwerper inzetten' })).toHaveAccessibleDescription(/R13/);
  },
};

export const English: Story = {
  parameters: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Deploy the water cannon' })).toBeVisible();
  },
};

type Session = ReturnType<typeof newSession>['session'];

/** The panel as the console holds it: one panel, the acting role switched beside it. */
function WithRoleSwitch({ session }: { session: Session }) {
  const [actingAs, setActingAs] = useState<By>(BY.commander);
  return (
    <SessionContext.Provider value={session}>
      <fieldset>
        <legend>Handelt als</legend>
        {[BY.commander, BY.mayor].map((by) => (
          <label key={by.role}>
            <input
              type="radio"
              name="acting-as"
              checked={actingAs === by}
              onChange={() => {
                setActingAs(by);
              }}
            />{' '}
            {by.name}
          </label>
        ))}
      </fieldset>
      <ActionsPanel actingAs={actingAs} />
    </SessionContext.Provider>
  );
}

/**
 * The outcome under the buttons speaks for the last attempt from this panel only while it is the latest:
 * a change of role clears it (also after switching back), and so does anything logged elsewhere.
 */
export const OutcomeOfTheLastAttemptOnly: Story = {
  loaders: [
    () => {
      // Riot control, the water cannon in use and the tear agent granted, not yet added.
      const fixture = newSession();
      play(fixture.session, fixture.clock, RIOT_CONTROL_RUN.slice(0, -1));
      return { session: fixture.session };
    },
  ],
  render: (_args, { loaded }) => <WithRoleSwitch session={(loaded as { session: Session }).session} />,
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const { session } = loaded as { session: Session };
    const status = canvas.getByRole('status');
    await userEvent.click(canvas.getByRole('button', { name: 'Traanverwekkende stof toevoegen' }));
    await expect(status).toHaveTextContent('Uitgevoerd: Traanverwekkende stof toevoegen');

    // Another role takes over the panel: the commander's outcome is not theirs.
    await userEvent.click(canvas.getByLabelText(BY.mayor.name));
    await expect(status).toBeEmptyDOMElement();
    await userEvent.click(canvas.getByLabelText(BY.commander.name));
    await expect(status).toBeEmptyDOMElement();

    // A new attempt replaces it: the outcome names that one.
    await userEvent.click(canvas.getByRole('button', { name: 'Traanverwekkende stof stoppen' }));
    await expect(status).toHaveTextContent('Uitgevoerd: Traanverwekkende stof stoppen');
    await expect(status).not.toHaveTextContent('toevoegen');

    // Something logged elsewhere (the mayor revokes in the decisions panel): the outcome is old news.
    await session.dispatch({ type: 'mayor.revoke', by: BY.mayor, subject: 'waterCannon', grounds: 'Rust keert terug' });
    await waitFor(() => expect(status).toBeEmptyDOMElement());
  },
};
