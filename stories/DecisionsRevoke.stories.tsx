import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { EscalationSnapshot } from '../machines';
import { RevokeDialog, type RevokeDialogProps } from '../src/features/decisions/RevokeDialog';
import { BY, riotControlSession } from '../tests/fixtures/exercise';

const dialog = () => within(document.body).getByRole('dialog');
const snapshotOf = (loaded: unknown) => (loaded as { snapshot: EscalationSnapshot }).snapshot;

const meta = {
  title: 'Decisions/RevokeDialog',
  component: RevokeDialog,
  args: {
    subject: 'waterCannon',
    by: BY.mayor,
    isOpen: true,
    onOpenChange: fn(),
    onSubmit: fn(),
  },
  // The model's snapshot comes from a loader: a live object graph, not a JSON-serializable arg.
  render: (args, { loaded }) => <RevokeDialog {...args} snapshot={snapshotOf(loaded)} />,
  // Both decisions granted, the water cannon and the tear agent in use.
  loaders: [() => ({ snapshot: riotControlSession().session.getState().snapshot })],
} satisfies Meta<typeof RevokeDialog>;
export default meta;
type Story = StoryObj<Omit<RevokeDialogProps, 'snapshot'>>;

/** Revoking the water cannon takes the tear agent with it and the warning lapses (R8); the model asks for grounds (R6). */
export const RevokeWaterCannon: Story = {
  play: async ({ args }) => {
    const body = within(dialog());
    await expect(dialog()).toHaveAccessibleName('Intrekken: besluit over de waterwerper');
    await expect(body.getByText('Gevolg van intrekken (R8)')).toBeVisible();
    await expect(
      body.getByText(/De waterwerper stopt, en daarmee ook de traanverwekkende stof\. De waarschuwing vervalt/),
    ).toBeVisible();
    await expect(body.getByText('Toestemming verleend')).toBeVisible();

    // Without grounds the confirm step says the model will refuse (R6); back, and give them.
    await userEvent.click(body.getByRole('button', { name: 'Verder naar bevestigen' }));
    await expect(dialog()).toHaveTextContent(/Het model weigert dit\s*R6/);
    await userEvent.click(body.getByRole('button', { name: 'Terug' }));

    await userEvent.type(body.getByRole('textbox', { name: /Gronden/ }), 'Rust keert terug');
    await userEvent.click(body.getByRole('button', { name: 'Verder naar bevestigen' }));
    await expect(dialog()).toHaveTextContent(
      'U staat op het punt vast te leggen: INTREKKING van het besluit over de waterwerper, door burgemeester Marieke de Boer (Utrecht), op deze gronden:',
    );
    await userEvent.click(body.getByRole('button', { name: 'Bevestigen en vastleggen' }));
    await expect(args.onSubmit).toHaveBeenCalledWith({
      type: 'mayor.revoke',
      by: BY.mayor,
      subject: 'waterCannon',
      grounds: 'Rust keert terug',
    });
  },
};

/** Revoking the tear agent stops only the agent (R8). */
export const RevokeTearAgent: Story = {
  args: { subject: 'tearGas' },
  play: async ({ args }) => {
    const body = within(dialog());
    await expect(dialog()).toHaveAccessibleName('Intrekken: besluit over traanverwekkende stof');
    await expect(
      body.getByText(/Alleen de traanverwekkende stof stopt\. De waterwerper blijft in gebruik/),
    ).toBeVisible();
    await userEvent.type(body.getByRole('textbox', { name: /Gronden/ }), 'Druk op de ME is afgenomen');
    await userEvent.click(body.getByRole('button', { name: 'Verder naar bevestigen' }));
    await userEvent.click(body.getByRole('button', { name: 'Bevestigen en vastleggen' }));
    await expect(args.onSubmit).toHaveBeenCalledWith({
      type: 'mayor.revoke',
      by: BY.mayor,
      subject: 'tearGas',
      grounds: 'Druk op de ME is afgenomen',
    });
  },
};

/** The commander cannot revoke the mayor's decision (R5); the attempt can still be made, and is logged. */
export const RefusedInAdvanceCommander: Story = {
  args: { by: BY.commander },
  play: async () => {
    await expect(dialog()).toHaveTextContent(/Het model weigert dit\s*R5/);
  },
};

export const English: Story = {
  args: { subject: 'tearGas' },
  parameters: { locale: 'en' },
  play: async () => {
    const body = within(dialog());
    await expect(dialog()).toHaveAccessibleName('Revoke: decision on the tear agent');
    await expect(body.getByText(/Only the tear agent stops/)).toBeVisible();
  },
};
