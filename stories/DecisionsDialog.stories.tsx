import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { EscalationSnapshot } from '../machines';
import { DecisionDialog, type DecisionDialogProps } from '../src/features/decisions/DecisionDialog';
import { EvidenceDisclosure } from '../src/features/evidence/EvidenceDisclosure';
import { BY, newSession, play, riotControlSession, RIOT_CONTROL_RUN } from '../tests/fixtures/exercise';

/** Riot control, the crowd not yet warned, nothing decided: where the mayor is asked. */
function inRiotControl() {
  const fixture = newSession();
  play(fixture.session, fixture.clock, RIOT_CONTROL_RUN.slice(0, 4));
  return fixture.session.getState().snapshot;
}

const dialog = () => within(document.body).getByRole('dialog');
const snapshotOf = (loaded: unknown) => (loaded as { snapshot: EscalationSnapshot }).snapshot;

/*
 * The model's snapshot comes from a loader, not from args: it is a live
 * object graph with cycles, which Storybook's args (JSON-serializable) refuse.
 */

const meta = {
  title: 'Decisions/DecisionDialog',
  component: DecisionDialog,
  args: {
    subject: 'waterCannon',
    by: BY.mayor,
    isOpen: true,
    onOpenChange: fn(),
    onSubmit: fn(),
  },
  render: (args, { loaded }) => (
    <DecisionDialog evidence={<EvidenceDisclosure />} {...args} snapshot={snapshotOf(loaded)} />
  ),
  loaders: [() => ({ snapshot: inRiotControl() })],
} satisfies Meta<typeof DecisionDialog>;
export default meta;
type Story = StoryObj<Omit<DecisionDialogProps, 'snapshot'>>;

/** The water cannon: the mayor grants, reads it back, confirms; one attempt on one subject. */
export const WaterCannon: Story = {
  play: async ({ args }) => {
    const body = within(dialog());
    await expect(dialog()).toHaveAccessibleName('Besluit: inzet van de waterwerper');
    await expect(body.getByText('Dit besluit gaat alleen over de waterwerper.')).toBeVisible();
    await expect(body.getByText('Burgemeester Marieke de Boer (Utrecht)')).toBeVisible();
    await expect(body.getByText('Het model legt dit vast.')).toBeVisible();

    await userEvent.click(body.getByRole('radio', { name: /Toestemming verlenen/ }));
    await userEvent.type(body.getByRole('textbox', { name: /Gronden/ }), 'Groot gevaar voor agenten en omstanders');
    await userEvent.click(body.getByRole('button', { name: 'Verder naar bevestigen' }));
    await userEvent.click(body.getByRole('button', { name: 'Bevestigen en vastleggen' }));

    await expect(args.onSubmit).toHaveBeenCalledTimes(1);
    await expect(args.onSubmit).toHaveBeenCalledWith({
      type: 'mayor.decide',
      by: BY.mayor,
      subject: 'waterCannon',
      verdict: 'granted',
      grounds: 'Groot gevaar voor agenten en omstanders',
    });
    await expect(args.onOpenChange).toHaveBeenCalledWith(false);
  },
};

/** The tear agent: its own dialog, a separate decision (R4) and a pilot (R11); the mayor refuses. */
export const TearAgent: Story = {
  args: { subject: 'tearGas' },
  loaders: [() => ({ snapshot: riotControlSession().session.getState().snapshot })],
  play: async ({ args }) => {
    const body = within(dialog());
    await expect(dialog()).toHaveAccessibleName('Besluit: traanverwekkende stof in de waterwerper');
    await expect(body.getByRole('note')).toHaveTextContent(
      'Dit is een apart besluit, los van het besluit over de waterwerper (R4)',
    );
    await expect(body.getByRole('note')).toHaveTextContent('pilot (R11)');
    await expect(body.getByText('Toestemming verleend')).toBeVisible();

    await userEvent.click(body.getByRole('radio', { name: /Toestemming weigeren/ }));
    // Refusing while consent is in force ends it, and says what that does (R8).
    await expect(body.getByText(/Alleen de traanverwekkende stof stopt/)).toBeVisible();
    await userEvent.type(body.getByRole('textbox', { name: /Gronden/ }), 'De menigte trekt zich terug');
    await userEvent.click(body.getByRole('button', { name: 'Verder naar bevestigen' }));
    await userEvent.click(body.getByRole('button', { name: 'Bevestigen en vastleggen' }));

    await expect(args.onSubmit).toHaveBeenCalledWith({
      type: 'mayor.decide',
      by: BY.mayor,
      subject: 'tearGas',
      verdict: 'refused',
      grounds: 'De menigte trekt zich terug',
    });
  },
};

/**
 * Continuing without a verdict: said in words, focus on it. Blank grounds are not blocked: the
 * confirm step reads them back as none and says the model will refuse (R6); confirming submits the
 * attempt, which the model logs as refused.
 */
export const EmptyGroundsError: Story = {
  play: async ({ args }) => {
    const body = within(dialog());
    await userEvent.click(body.getByRole('button', { name: 'Verder naar bevestigen' }));
    await expect(body.getByText('Kies een uitkomst: toestemming verlenen of weigeren.')).toBeVisible();
    await expect(body.getByRole('radio', { name: /Toestemming verlenen/ })).toHaveFocus();

    await userEvent.click(body.getByRole('radio', { name: /Toestemming verlenen/ }));
    await userEvent.type(body.getByRole('textbox', { name: /Gronden/ }), '    ');
    await userEvent.click(body.getByRole('button', { name: 'Verder naar bevestigen' }));
    await expect(body.getByText('(geen gronden gegeven)')).toBeVisible();
    await expect(dialog()).toHaveTextContent(/Het model weigert dit\s*R6: Een besluit wordt gemotiveerd vastgelegd/);
    await expect(args.onSubmit).not.toHaveBeenCalled();
    await userEvent.click(body.getByRole('button', { name: 'Bevestigen en vastleggen' }));
    await expect(args.onSubmit).toHaveBeenCalledWith(expect.objectContaining({ type: 'mayor.decide', grounds: '' }));
  },
};

/** The confirm step reads the whole decision back, BOB notes and conditions included; Back keeps what was typed. */
export const ConfirmStep: Story = {
  args: { subject: 'tearGas' },
  play: async ({ args }) => {
    const body = within(dialog());
    await userEvent.click(body.getByRole('radio', { name: /Toestemming verlenen/ }));
    await userEvent.type(body.getByRole('textbox', { name: /Gronden/ }), 'Druk op de ME blijft zeer hoog');
    await userEvent.type(body.getByRole('textbox', { name: 'Beeld' }), 'Circa 300 relschoppers');
    await userEvent.type(body.getByRole('textbox', { name: 'Oordeel' }), 'Water alleen is onvoldoende');
    await userEvent.type(body.getByRole('textbox', { name: /Voorwaarden/ }), 'Niet richten op hoofden');
    await userEvent.click(body.getByRole('button', { name: 'Verder naar bevestigen' }));

    await expect(body.getByRole('heading', { name: 'Controleer voor u vastlegt' })).toHaveFocus();
    await expect(dialog()).toHaveTextContent(
      'U staat op het punt vast te leggen: toestemming VERLEEND voor traanverwekkende stof in de waterwerper, door burgemeester Marieke de Boer (Utrecht), op deze gronden:',
    );
    await expect(body.getByText('Druk op de ME blijft zeer hoog')).toBeVisible();
    await expect(body.getByText('Circa 300 relschoppers')).toBeVisible();
    await expect(body.getByText('Niet richten op hoofden')).toBeVisible();

    await userEvent.click(body.getByRole('button', { name: 'Terug' }));
    await expect(body.getByRole('textbox', { name: /Gronden/ })).toHaveValue('Druk op de ME blijft zeer hoog');
    await expect(body.getByRole('button', { name: 'Verder naar bevestigen' })).toHaveFocus();
    await userEvent.click(body.getByRole('button', { name: 'Verder naar bevestigen' }));
    await expect(args.onSubmit).not.toHaveBeenCalled();
    await userEvent.click(body.getByRole('button', { name: 'Bevestigen en vastleggen' }));
    await expect(args.onSubmit).toHaveBeenCalledWith({
      type: 'mayor.decide',
      by: BY.mayor,
      subject: 'tearGas',
      verdict: 'granted',
      grounds: 'Druk op de ME blijft zeer hoog',
      bob: { beeld: 'Circa 300 relschoppers', oordeel: 'Water alleen is onvoldoende' },
      conditions: 'Niet richten op hoofden',
    });
  },
};

/** A mayor of another municipality: the model refuses in advance (R5), and the attempt can still be made and logged. */
export const RefusedInAdvanceNeighbourMayor: Story = {
  args: { by: BY.neighbourMayor },
  play: async ({ args }) => {
    const body = within(dialog());
    await expect(dialog()).toHaveTextContent(
      /Het model weigert dit\s*R5: Alleen de burgemeester van Utrecht, waar de ordeverstoring is, besluit hierover/,
    );
    await expect(body.getByText(/U kunt het toch proberen/)).toBeVisible();
    await userEvent.click(body.getByRole('radio', { name: /Toestemming verlenen/ }));
    await userEvent.type(body.getByRole('textbox', { name: /Gronden/ }), 'Ik sta erachter');
    await userEvent.click(body.getByRole('button', { name: 'Verder naar bevestigen' }));
    await expect(body.getByText('R5')).toBeVisible();
    await userEvent.click(body.getByRole('button', { name: 'Bevestigen en vastleggen' }));
    await expect(args.onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'mayor.decide', by: BY.neighbourMayor, subject: 'waterCannon' }),
    );
  },
};

/**
 * A scenario's cast may put the municipality in the name itself (the Dalstad mayor of "Demonstratie loopt
 * uit de hand"): "Wie handelt" and the summary say it once, not again in brackets after the name.
 */
export const MunicipalityInTheName: Story = {
  args: {
    by: { role: 'mayor', name: 'Frank Dekker (burgemeester van Dalstad, regioburgemeester)', municipality: 'Dalstad' },
  },
  play: async () => {
    const body = within(dialog());
    await expect(
      body.getByText('Burgemeester Frank Dekker (burgemeester van Dalstad, regioburgemeester)'),
    ).toBeVisible();
    await expect(dialog()).not.toHaveTextContent('(Dalstad)');
    await userEvent.click(body.getByRole('radio', { name: /Toestemming verlenen/ }));
    await userEvent.type(body.getByRole('textbox', { name: /Gronden/ }), 'Ik neem het wel even');
    await userEvent.click(body.getByRole('button', { name: 'Verder naar bevestigen' }));
    await expect(dialog()).toHaveTextContent(
      'door burgemeester Frank Dekker (burgemeester van Dalstad, regioburgemeester), op deze gronden:',
    );
    await expect(dialog()).not.toHaveTextContent('(Dalstad)');
  },
};

/** Only the whole word counts: a name that merely contains the municipality's letters still gets it in brackets. */
export const MunicipalityInsideAWord: Story = {
  args: { by: { role: 'mayor', name: 'Frederike Smit', municipality: 'Ede' } },
  play: async () => {
    await expect(within(dialog()).getByText('Burgemeester Frederike Smit (Ede)')).toBeVisible();
  },
};

/** The commander cannot decide for the mayor (R5): said before anything is recorded. */
export const RefusedInAdvanceCommander: Story = {
  args: { by: BY.commander },
  play: async ({ args }) => {
    const body = within(dialog());
    await expect(body.getByText('Commandant Cdt. Pieter de Vries')).toBeVisible();
    await expect(dialog()).toHaveTextContent(
      /R5: Alleen de burgemeester van Utrecht \(of de locoburgemeester\) besluit hierover; de commandant niet\./,
    );
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** The acting mayor may decide in the mayor's place (Gemeentewet art. 77). */
export const LocoMayor: Story = {
  args: { by: BY.locoMayor },
  play: async () => {
    await expect(within(dialog()).getByText('Het model legt dit vast.')).toBeVisible();
  },
};

export const English: Story = {
  args: { subject: 'tearGas' },
  parameters: { locale: 'en' },
  play: async () => {
    const body = within(dialog());
    await expect(dialog()).toHaveAccessibleName('Decision: tear agent in the water cannon');
    await expect(body.getByRole('note')).toHaveTextContent(
      'This is a separate decision, apart from the decision on the water cannon (R4)',
    );
    await userEvent.click(body.getByRole('radio', { name: /Grant consent/ }));
    await userEvent.type(body.getByRole('textbox', { name: /Grounds/ }), 'Pressure on the ME stays very high');
    await userEvent.click(body.getByRole('button', { name: 'Continue to confirm' }));
    await expect(dialog()).toHaveTextContent(
      'You are about to record: consent GRANTED for the tear agent in the water cannon, by mayor Marieke de Boer (Utrecht), on these grounds:',
    );
  },
};
