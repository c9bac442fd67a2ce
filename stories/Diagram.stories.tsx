import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { Attempt, ExerciseSession } from '../src/session';
import { SessionContext } from '../src/session';
import type { By } from '../machines';
import { ModelFigure } from '../src/features/diagram/ModelFigure';
import { ATTEMPT_DIALOGS } from '../src/app/screens/attemptDialogs';
import { BY, newSession, play, riotControlSession, RIOT_CONTROL_RUN } from '../tests/fixtures/exercise';
import { notRecordingSession } from '../tests/fixtures/notRecorded';

/** A session after the first `count` attempts of the full run, plus any extra ones. */
function sessionAfter(count: number, extra: Attempt[] = []) {
  const fixture = newSession();
  play(fixture.session, fixture.clock, [...RIOT_CONTROL_RUN.slice(0, count), ...extra]);
  return { session: fixture.session };
}

const sessionOf = (loaded: unknown) => (loaded as { session: ExerciseSession | null }).session;
const figure = async (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('group', { name: /Toestandsdiagram|State diagram/ }, { timeout: 15_000 });
const currentStateOf = (canvasElement: HTMLElement) =>
  canvasElement.querySelector('[data-state-id][aria-current="true"]')?.getAttribute('data-state-id');
const hereList = (canvasElement: HTMLElement) => canvasElement.querySelector('.model-here');

/*
 * The session comes from a loader, not from args: it is a live object that
 * Storybook's (JSON-serializable) args refuse. Without a session the model is
 * drawn on its own.
 */
/** Who acts; the dialogs a tried path asks its words in are the console's own, as on the screens. */
interface DiagramArgs {
  actingAs: By;
}

const meta = {
  title: 'Model/Diagram',
  args: { actingAs: BY.commander },
  render: (args, { loaded }) => {
    const session = sessionOf(loaded);
    if (!session) return <ModelFigure />;
    return (
      <SessionContext.Provider value={session}>
        <ModelFigure actingAs={args.actingAs} dialogs={ATTEMPT_DIALOGS} />
      </SessionContext.Provider>
    );
  },
  loaders: [() => sessionAfter(0)],
  parameters: { layout: 'fullscreen' },
} satisfies Meta<DiagramArgs>;
export default meta;
type Story = StoryObj<DiagramArgs>;

/** The whole model on its own, for teaching: every state and transition, nothing current. */
export const WholeModel: Story = {
  loaders: [() => ({ session: null })],
  play: async ({ canvasElement }) => {
    const svg = await figure(canvasElement);
    await expect(svg.querySelectorAll('[data-state-id]').length).toBe(11);
    await expect(svg.querySelector('[aria-current]')).toBeNull();
    await expect(within(svg).getByText('GGP-GO')).toBeInTheDocument();
  },
};

/** Phase 1, GGP-GO, as the commander: escalating is open; GGP-GO is marked NU. */
export const Phase1GgpGo: Story = {
  play: async ({ canvasElement }) => {
    await figure(canvasElement);
    await expect(currentStateOf(canvasElement)).toBe('escalation.ggpGo');
    await expect(within(canvasElement).getByRole('button', { name: /^Opschalen — Wordt geaccepteerd/ })).toBeVisible();
    await expect(hereList(canvasElement)).toHaveTextContent('De oefening staat in: 1 GGP-GO');
  },
};

/** Phase 2, ME on standby (an assumption): both directions open. */
export const Phase2MeOnStandby: Story = {
  loaders: [() => sessionAfter(1)],
  play: async ({ canvasElement }) => {
    await figure(canvasElement);
    await expect(currentStateOf(canvasElement)).toBe('escalation.mePresence');
    await expect(within(canvasElement).getByRole('button', { name: /^Afschalen — Wordt geaccepteerd/ })).toBeVisible();
  },
};

/** Phase 3, ME deployed for crowd management. */
export const Phase3MeDeployed: Story = {
  loaders: [() => sessionAfter(2)],
  play: async ({ canvasElement }) => {
    await figure(canvasElement);
    await expect(currentStateOf(canvasElement)).toBe('escalation.meCrowdControl');
  },
};

/** Phase 4, ME with specialist means: the next step is riot control. */
export const Phase4MeSpecialist: Story = {
  loaders: [() => sessionAfter(3)],
  play: async ({ canvasElement }) => {
    await figure(canvasElement);
    await expect(currentStateOf(canvasElement)).toBe('escalation.meSpecialist');
  },
};

/** Phase 5, riot control, not yet warned: the warning is the way on (R7). */
export const Phase5RiotControl: Story = {
  loaders: [() => sessionAfter(4)],
  play: async ({ canvasElement }) => {
    await figure(canvasElement);
    await expect(currentStateOf(canvasElement)).toBe('escalation.riotControl.notWarned');
    await expect(
      within(canvasElement).getByRole('button', { name: /^Waarschuwen — Wordt geaccepteerd/ }),
    ).toBeVisible();
  },
};

/**
 * Phase 5, warned, no decision of the mayor: the water cannon is closed, with
 * R3 and the reason beside the diagram; trying it logs the refusal.
 */
export const RefusedWaterCannon: Story = {
  loaders: [() => sessionAfter(4, [{ type: 'crowd.warn', by: BY.commander }])],
  play: async ({ canvasElement, loaded }) => {
    await figure(canvasElement);
    const canvas = within(canvasElement);
    const deploy = canvas.getByRole('button', { name: /^Waterwerper inzetten — Wordt geweigerd/ });
    await expect(deploy).toHaveAccessibleDescription(/R3/);
    await userEvent.click(deploy);
    await expect(canvas.getByRole('status')).toHaveTextContent(/Geweigerd: Waterwerper inzetten — R3/);
    await expect(sessionOf(loaded)?.getState().log.at(-1)).toMatchObject({
      kind: 'attempt',
      outcome: 'refused',
      refusal: { rule: 'R3' },
      event: { type: 'waterCannon.deploy' },
    });
  },
};

/**
 * In a live session the server does not take the tried path (rate limited after the client's
 * re-sends): the result line says "Niet vastgelegd" and the server's reason, not the R3 the model
 * would have given, and nothing is logged.
 */
export const NotRecordedByTheServer: Story = {
  loaders: [
    () => {
      const { session } = sessionAfter(4, [{ type: 'crowd.warn', by: BY.commander }]);
      return { session: notRecordingSession(session).session };
    },
  ],
  play: async ({ canvasElement }) => {
    await figure(canvasElement);
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /^Waterwerper inzetten — Wordt geweigerd/ }));
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(
        'Niet vastgelegd: Waterwerper inzetten — Te veel berichten achter elkaar',
      ),
    );
    await expect(canvas.getByRole('status')).not.toHaveTextContent(/Geweigerd|R3/);
  },
};

/** The mayor in riot control: she may decide, but warning and de-escalating are the commander's (R13). */
export const RefusedForTheMayor: Story = {
  args: { actingAs: BY.mayor },
  loaders: [() => sessionAfter(4)],
  play: async ({ canvasElement }) => {
    await figure(canvasElement);
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: /^Waarschuwen — Wordt geweigerd/ })).toHaveAccessibleDescription(
      /R13/,
    );
    await expect(
      canvas.getAllByRole('button', { name: /^Besluit burgemeester — Wordt geaccepteerd/ }).length,
    ).toBeGreaterThan(0);
  },
};

/** The tear agent in the water: a pilot deployment (R11), the innermost state marked NU. */
export const TearAgentInUse: Story = {
  loaders: [() => ({ session: riotControlSession().session })],
  play: async ({ canvasElement }) => {
    await figure(canvasElement);
    await expect(currentStateOf(canvasElement)).toBe('escalation.riotControl.waterCannon.tearAgent');
    await expect(
      within(canvasElement).getByRole('button', { name: /^Traanverwekkende stof stoppen — Wordt geaccepteerd/ }),
    ).toBeVisible();
  },
};

/** Escalating from the diagram asks for the reason in the console's own dialog, then logs it (R1). */
export const EscalateFromTheDiagram: Story = {
  play: async ({ canvasElement, loaded }) => {
    await figure(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: /^Opschalen — Wordt geaccepteerd/ }));
    const dialog = within(document.body).getByRole('dialog', { name: 'Opschalen: reden' });
    await userEvent.type(within(dialog).getByLabelText(/Reden/), 'Groepen verzamelen zich');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
    await waitFor(() => expect(currentStateOf(canvasElement)).toBe('escalation.mePresence'));
    await expect(sessionOf(loaded)?.getState().log.at(-1)).toMatchObject({
      outcome: 'accepted',
      event: { type: 'phase.escalate', reason: 'Groepen verzamelen zich' },
    });
  },
};

/** A decision from the diagram: the subject first (never both, R4), then the mayor's own dialog. */
export const DecideFromTheDiagram: Story = {
  args: { actingAs: BY.mayor },
  play: async ({ canvasElement }) => {
    await figure(canvasElement);
    await userEvent.click(
      within(canvasElement).getByRole('button', { name: /^Besluit burgemeester — Wordt geaccepteerd/ }),
    );
    const chooser = within(document.body).getByRole('dialog', { name: 'Besluit over welk onderwerp?' });
    await userEvent.click(within(chooser).getByRole('button', { name: 'Waterwerper' }));
    await expect(
      await within(document.body).findByRole('dialog', { name: 'Besluit: inzet van de waterwerper' }),
    ).toBeVisible();
  },
};

/** In English, laid out again for the English words. */
export const English: Story = {
  parameters: { locale: 'en' },
  loaders: [() => sessionAfter(4, [{ type: 'crowd.warn', by: BY.commander }])],
  play: async ({ canvasElement }) => {
    await figure(canvasElement);
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: /^Deploy water cannon — Would be refused/ })).toBeVisible();
    await expect(hereList(canvasElement)).toHaveTextContent('The exercise is in: 5 Riot control › Warned');
  },
};

/** The smallest text of the diagram as drawn: its font size times the scale the SVG is drawn at. */
const leastRendered = (canvasElement: HTMLElement) =>
  Math.min(
    ...[...canvasElement.querySelectorAll<SVGTextContentElement>('svg.model-diagram text, svg.model-diagram tspan')]
      .filter((element) => [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim()))
      .map((element) => {
        const matrix = element.getScreenCTM();
        return parseFloat(getComputedStyle(element).fontSize) * (matrix ? Math.hypot(matrix.a, matrix.b) : 0);
      }),
  );

/**
 * Projector mode (issue #12): laid out again with larger type, so the back of
 * the room reads every label (none below 18 px as drawn); the frame scrolls
 * instead of the model shrinking, so "Hele model in beeld" is not offered.
 */
export const Projector: Story = {
  loaders: [() => sessionAfter(4, [{ type: 'crowd.warn', by: BY.commander }])],
  beforeEach: () => {
    document.documentElement.dataset.projector = '';
    return () => {
      delete document.documentElement.dataset.projector;
    };
  },
  play: async ({ canvasElement }) => {
    await figure(canvasElement);
    await expect(currentStateOf(canvasElement)).toBe('escalation.riotControl.warned');
    await expect(leastRendered(canvasElement)).toBeGreaterThanOrEqual(18);
    await expect(within(canvasElement).queryByRole('button', { name: 'Hele model in beeld' })).toBeNull();
    await expect(
      within(canvasElement).getByRole('button', { name: /^Waterwerper inzetten — Wordt geweigerd/ }),
    ).toBeVisible();
  },
};
