import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { EscalationSnapshot } from '../machines';
import { DecisionsInForce, type DecisionsInForceProps } from '../src/features/decisions/DecisionsInForce';
import { BY, newSession, play, RIOT_CONTROL_RUN } from '../tests/fixtures/exercise';

/**
 * The riot-control run with the exercise clock running from 22:00, one
 * minute per attempt: the water cannon granted at 22:07, the tear agent at
 * 22:11, both in use.
 */
function bothGrantedInUse() {
  const fixture = newSession();
  void fixture.session.clock(BY.trainer, { type: 'start' });
  play(fixture.session, fixture.clock, RIOT_CONTROL_RUN);
  return fixture;
}

/** Both granted and in use, then the water cannon revoked: it stops, and the tear agent with it (R8). */
function waterCannonRevoked() {
  const fixture = bothGrantedInUse();
  play(fixture.session, fixture.clock, [
    { type: 'mayor.revoke', by: BY.locoMayor, subject: 'waterCannon', grounds: 'Rust keert terug' },
  ]);
  return fixture.session.getState().snapshot;
}

const snapshotOf = (loaded: unknown) => (loaded as { snapshot: EscalationSnapshot }).snapshot;
const card = (canvasElement: HTMLElement, name: string) => within(canvasElement).getByRole('article', { name });

const meta = {
  title: 'Decisions/DecisionsInForce',
  component: DecisionsInForce,
  args: {
    canDecide: true,
    onDecide: fn(),
    onRevoke: fn(),
  },
  // The model's snapshot comes from a loader: a live object graph, not a JSON-serializable arg.
  render: (args, { loaded }) => <DecisionsInForce {...args} snapshot={snapshotOf(loaded)} />,
  loaders: [() => ({ snapshot: newSession().session.getState().snapshot })],
} satisfies Meta<typeof DecisionsInForce>;
export default meta;
type Story = StoryObj<Omit<DecisionsInForceProps, 'snapshot'>>;

/** Nothing decided yet: each subject says so; nothing in use; nothing to revoke. */
export const NothingDecided: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const water = card(canvasElement, 'Waterwerper');
    await expect(water).toHaveTextContent('Nog geen besluit');
    await expect(water).toHaveTextContent('Niet in gebruik');
    const tear = card(canvasElement, 'Traanverwekkende stof in de waterwerper');
    await expect(tear).toHaveTextContent('Nog geen besluit');
    await expect(tear).toHaveTextContent('pilot (R11)');
    await expect(canvas.queryByRole('button', { name: /Intrekken/ })).toBeNull();

    await userEvent.click(canvas.getByRole('button', { name: 'Besluit traanverwekkende stof…' }));
    await expect(args.onDecide).toHaveBeenCalledWith('tearGas');
  },
};

/** Both granted and in use: verdict, who, grounds, exercise time; the tear agent in use as a pilot deployment. */
export const BothGrantedInUse: Story = {
  loaders: [() => ({ snapshot: bothGrantedInUse().session.getState().snapshot })],
  play: async ({ canvasElement, args }) => {
    const water = card(canvasElement, 'Waterwerper');
    await expect(water).toHaveTextContent('✓ Toestemming verleend');
    await expect(water).toHaveTextContent('Burgemeester Marieke de Boer (Utrecht)');
    await expect(water).toHaveTextContent('Groot gevaar voor agenten en omstanders; andere middelen onvoldoende');
    await expect(water).toHaveTextContent('31-12 22:07');
    await expect(water).toHaveTextContent('In gebruik');
    const tear = card(canvasElement, 'Traanverwekkende stof in de waterwerper');
    await expect(tear).toHaveTextContent('31-12 22:11');
    await expect(tear).toHaveTextContent('In gebruik — pilotinzet');

    await userEvent.click(within(tear).getByRole('button', { name: 'Intrekken… besluit over traanverwekkende stof' }));
    await expect(args.onRevoke).toHaveBeenCalledWith('tearGas');
  },
};

/** The water-cannon decision revoked by the acting mayor: neither means in use; the tear-agent grant still stands. */
export const Revoked: Story = {
  loaders: [() => ({ snapshot: waterCannonRevoked() })],
  play: async ({ canvasElement }) => {
    const water = card(canvasElement, 'Waterwerper');
    await expect(water).toHaveTextContent('Ingetrokken');
    await expect(water).toHaveTextContent('Locoburgemeester Linda Voortman (Utrecht)');
    await expect(water).toHaveTextContent('Rust keert terug');
    await expect(water).toHaveTextContent('Niet in gebruik');
    await expect(within(water).queryByRole('button', { name: /Intrekken/ })).toBeNull();
    const tear = card(canvasElement, 'Traanverwekkende stof in de waterwerper');
    await expect(tear).toHaveTextContent('Toestemming verleend');
    await expect(tear).toHaveTextContent('Niet in gebruik');
  },
};

/** The outcome of the last attempt, announced in a live region with the rule that refused it. */
export const LastAttemptRefused: Story = {
  args: {
    lastResult: {
      outcome: 'refused',
      text: 'Geweigerd door het model: besluit over de waterwerper — R5: Alleen de burgemeester van Utrecht, waar de ordeverstoring is, besluit hierover; een burgemeester van een andere gemeente (ook een regioburgemeester) niet.',
    },
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(/Geweigerd door het model.*R5/);
  },
};

/** For roles that do not decide, the console hides the buttons. */
export const WithoutButtons: Story = {
  args: { canDecide: false },
  loaders: [() => ({ snapshot: bothGrantedInUse().session.getState().snapshot })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('button')).toBeNull();
    await expect(canvas.getByText(/Alleen de bevoegde burgemeester/)).toBeVisible();
  },
};

export const English: Story = {
  loaders: [() => ({ snapshot: bothGrantedInUse().session.getState().snapshot })],
  parameters: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'The mayor’s decisions' })).toBeVisible();
    const tear = card(canvasElement, 'Tear agent in the water cannon');
    await expect(tear).toHaveTextContent('Consent granted');
    await expect(tear).toHaveTextContent('31/12 22:11');
    await expect(tear).toHaveTextContent('In use — pilot deployment');
    await expect(canvas.getByRole('button', { name: 'Decide on the water cannon…' })).toBeVisible();
  },
};
