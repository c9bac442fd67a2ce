import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { DecisionsPanel } from '../src/features/decisions/DecisionsPanel';
import { EvidenceDisclosure } from '../src/features/evidence/EvidenceDisclosure';
import { SessionContext, type ExerciseSession } from '../src/session';
import { BY, newSession, play, riotControlSession, RIOT_CONTROL_RUN } from '../tests/fixtures/exercise';
import { notRecordingSession } from '../tests/fixtures/notRecorded';

interface Loaded {
  session: ExerciseSession;
}
const sessionOf = (loaded: unknown) => (loaded as Loaded).session;
const dialog = () => within(document.body).getByRole('dialog');
const nextFrames = async (count: number) => {
  for (let frame = 0; frame < count; frame++)
    await new Promise<void>((resolve) =>
      requestAnimationFrame(() => {
        resolve();
      }),
    );
};

const meta = {
  title: 'Decisions/DecisionsPanel',
  component: DecisionsPanel,
  args: { actingAs: BY.mayor },
  render: (args, { loaded }) => (
    <SessionContext.Provider value={sessionOf(loaded)}>
      <DecisionsPanel evidence={<EvidenceDisclosure />} {...args} />
    </SessionContext.Provider>
  ),
  loaders: [
    () => {
      const fixture = newSession();
      play(fixture.session, fixture.clock, RIOT_CONTROL_RUN.slice(0, 4));
      return { session: fixture.session };
    },
  ],
} satisfies Meta<typeof DecisionsPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The mayor grants the water cannon through the dialog: logged once, accepted, on one subject; the panel shows it. */
export const MayorGrantsWaterCannon: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Besluit waterwerper…' }));
    await userEvent.click(within(dialog()).getByRole('radio', { name: /Toestemming verlenen/ }));
    await userEvent.type(within(dialog()).getByRole('textbox', { name: /Gronden/ }), 'Brandende barricades');
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Verder naar bevestigen' }));
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Bevestigen en vastleggen' }));

    await expect(canvas.getByRole('status')).toHaveTextContent('Vastgelegd: Toestemming verleend — Waterwerper');
    await expect(canvas.getByRole('article', { name: 'Waterwerper' })).toHaveTextContent('Brandende barricades');
    // Focus returns to the opener once the dialog has gone (react-aria restores it after unmounting).
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Besluit waterwerper…' })).toHaveFocus());
    const last = sessionOf(loaded).getState().log.at(-1);
    await expect(last).toMatchObject({
      kind: 'attempt',
      outcome: 'accepted',
      event: { type: 'mayor.decide', subject: 'waterCannon', verdict: 'granted' },
      after: { decisions: { waterCannon: 'granted', tearGas: null } },
    });
  },
};

/** A neighbouring mayor tries anyway: the model refuses with R5, the log keeps the attempt, the panel says why. */
export const NeighbourMayorRefused: Story = {
  args: { actingAs: BY.neighbourMayor },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Besluit waterwerper…' }));
    await expect(dialog()).toHaveTextContent(/R5/);
    await userEvent.click(within(dialog()).getByRole('radio', { name: /Toestemming verlenen/ }));
    await userEvent.type(within(dialog()).getByRole('textbox', { name: /Gronden/ }), 'Ik sta erachter');
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Verder naar bevestigen' }));
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Bevestigen en vastleggen' }));

    await expect(canvas.getByRole('status')).toHaveTextContent(
      /Geweigerd door het model: besluit over de waterwerper — R5/,
    );
    await expect(canvas.getByRole('article', { name: 'Waterwerper' })).toHaveTextContent('Nog geen besluit');
    await expect(sessionOf(loaded).getState().log.at(-1)).toMatchObject({
      outcome: 'refused',
      refusal: { rule: 'R5' },
      by: BY.neighbourMayor,
    });
  },
};

/**
 * Before anything is tried, each button says what the model would do, as the Acties panel does: a
 * mayor of another municipality is told R5 and the model's reason on both decisions, nothing is
 * logged by asking, and the button can still be pressed.
 */
export const NeighbourMayorToldInAdvance: Story = {
  args: { actingAs: BY.neighbourMayor },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const logLength = sessionOf(loaded).getState().log.length;
    for (const name of ['Besluit waterwerper…', 'Besluit traanverwekkende stof…']) {
      const button = canvas.getByRole('button', { name });
      await expect(button).toHaveAccessibleDescription(/^(✗ )?Wordt geweigerd R5: Alleen de burgemeester van Utrecht/);
      await expect(button).toHaveAccessibleDescription(/Toch proberen/);
    }
    await expect(canvas.getByRole('article', { name: 'Waterwerper' })).toHaveTextContent(
      /Wordt geweigerd R5: Alleen de burgemeester van Utrecht, waar de ordeverstoring is/,
    );
    await expect(sessionOf(loaded).getState().log).toHaveLength(logLength);
    await userEvent.click(canvas.getByRole('button', { name: 'Besluit traanverwekkende stof…' }));
    await expect(dialog()).toHaveTextContent(/R5/);
  },
};

/** The competent mayor is told both decisions would be recorded; revoking too, once there is a decision. */
export const MayorToldInAdvance: Story = {
  loaders: [() => ({ session: riotControlSession().session })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const name of [
      'Besluit waterwerper…',
      'Besluit traanverwekkende stof…',
      'Intrekken… besluit over de waterwerper',
      'Intrekken… besluit over traanverwekkende stof',
    ])
      await expect(canvas.getByRole('button', { name })).toHaveAccessibleDescription(/^(✓ )?Mogelijk$/);
  },
};

/** The mayor revokes the water cannon while both means are in use: both stop (R8). */
export const MayorRevokesWaterCannon: Story = {
  loaders: [() => ({ session: riotControlSession().session })],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Intrekken… besluit over de waterwerper' }));
    await userEvent.type(within(dialog()).getByRole('textbox', { name: /Gronden/ }), 'Rust keert terug');
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Verder naar bevestigen' }));
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Bevestigen en vastleggen' }));

    await expect(canvas.getByRole('status')).toHaveTextContent('Vastgelegd: besluit ingetrokken — Waterwerper');
    await expect(canvas.getByRole('article', { name: 'Waterwerper' })).toHaveTextContent('Ingetrokken');
    await expect(canvas.getByRole('article', { name: 'Traanverwekkende stof in de waterwerper' })).toHaveTextContent(
      'Niet in gebruik',
    );
    await expect(sessionOf(loaded).getState().log.at(-1)).toMatchObject({ outcome: 'accepted', after: { means: [] } });
    // "Intrekken…" is gone with the revocation: focus goes to the same subject's "Besluit …", not to <body>,
    // and stays there after react-aria's own restore (a frame after the dialog unmounts).
    const decide = canvas.getByRole('button', { name: 'Besluit waterwerper…' });
    await waitFor(() => expect(decide).toHaveFocus());
    await nextFrames(2);
    await expect(decide).toHaveFocus();
  },
};

/** The same by keyboard only, for the tear agent: Enter on "Intrekken…", through both steps, focus on "Besluit …". */
export const MayorRevokesTearAgentByKeyboard: Story = {
  loaders: [() => ({ session: riotControlSession().session })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const revoke = canvas.getByRole('button', { name: 'Intrekken… besluit over traanverwekkende stof' });
    revoke.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.type(within(dialog()).getByRole('textbox', { name: /Gronden/ }), 'Druk neemt af');
    within(dialog()).getByRole('button', { name: 'Verder naar bevestigen' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(within(dialog()).getByRole('heading', { name: /Controleer/ })).toHaveFocus());
    within(dialog()).getByRole('button', { name: 'Bevestigen en vastleggen' }).focus();
    await userEvent.keyboard('{Enter}');

    await expect(canvas.getByRole('article', { name: 'Traanverwekkende stof in de waterwerper' })).toHaveTextContent(
      'Ingetrokken',
    );
    const decide = canvas.getByRole('button', { name: 'Besluit traanverwekkende stof…' });
    await waitFor(() => expect(decide).toHaveFocus());
    await nextFrames(2);
    await expect(decide).toHaveFocus();
  },
};

/** Cancelled: "Intrekken…" is still there, and react-aria returns focus to it. */
export const RevokeCancelledFocusReturns: Story = {
  loaders: [() => ({ session: riotControlSession().session })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const revoke = canvas.getByRole('button', { name: 'Intrekken… besluit over de waterwerper' });
    await userEvent.click(revoke);
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Annuleren' }));
    await waitFor(() => expect(revoke).toHaveFocus());
    await nextFrames(2);
    await expect(revoke).toHaveFocus();
  },
};

/**
 * In a live session the server does not take the decision (here: rate limited after the client's
 * re-sends): "Wordt vastgelegd…" gives way to "Niet vastgelegd" and the server's reason, worded apart
 * from a refusal by the model, and nothing is logged.
 */
export const NotRecordedByTheServer: Story = {
  loaders: [
    () => {
      const fixture = newSession();
      play(fixture.session, fixture.clock, RIOT_CONTROL_RUN.slice(0, 4));
      return { session: notRecordingSession(fixture.session).session };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const logLength = sessionOf(loaded).getState().log.length;
    await userEvent.click(canvas.getByRole('button', { name: 'Besluit waterwerper…' }));
    await userEvent.click(within(dialog()).getByRole('radio', { name: /Toestemming verlenen/ }));
    await userEvent.type(within(dialog()).getByRole('textbox', { name: /Gronden/ }), 'Brandende barricades');
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Verder naar bevestigen' }));
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Bevestigen en vastleggen' }));

    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(
        'Niet vastgelegd: besluit over de waterwerper — Te veel berichten achter elkaar',
      ),
    );
    await expect(canvas.getByRole('status')).not.toHaveTextContent(/Wordt vastgelegd|Geweigerd/);
    await expect(canvas.getByRole('article', { name: 'Waterwerper' })).toHaveTextContent('Nog geen besluit');
    await expect(sessionOf(loaded).getState().log).toHaveLength(logLength);
  },
};

/** The commander does not decide: no buttons (R5, R13). */
export const Commander: Story = {
  args: { actingAs: BY.commander },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('button')).toBeNull();
  },
};

export const English: Story = {
  parameters: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Decide on the tear agent…' }));
    await expect(dialog()).toHaveAccessibleName('Decision: tear agent in the water cannon');
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
    // Focus returns to the opener once the dialog has gone (react-aria restores it after unmounting).
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Decide on the tear agent…' })).toHaveFocus());
  },
};
