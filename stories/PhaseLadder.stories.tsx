import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { PHASES } from '../machines';
import { PhaseLadder } from '../src/features/phaseLadder/PhaseLadder';

const meta = {
  title: 'Console/PhaseLadder',
  component: PhaseLadder,
  args: { phases: PHASES, current: 1 },
} satisfies Meta<typeof PhaseLadder>;
export default meta;

type Story = StoryObj<typeof meta>;

export const GgpGo: Story = {
  play: async ({ canvasElement }) => {
    const current = canvasElement.querySelector('[aria-current="step"]');
    await expect(current).not.toBeNull();
    await expect(within(current as HTMLElement).getByText('Huidige fase')).toBeVisible();
    await expect(current).toHaveTextContent('GGP-GO');
  },
};
export const MePresence: Story = { args: { current: 2 } };
export const MeCrowdControl: Story = { args: { current: 3 } };
export const MeSpecialist: Story = {
  args: { current: 4 },
  play: async ({ canvasElement }) => {
    const current = canvasElement.querySelector('[aria-current="step"]');
    await expect(current).toHaveTextContent('aanname');
  },
};
export const RiotControl: Story = { args: { current: 5 } };
export const English: Story = {
  args: { current: 5 },
  parameters: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('heading', { name: 'Escalation model' })).toBeVisible();
    await expect(within(canvasElement).getByText('Current phase')).toBeVisible();
  },
};

/** The start screen's overview: every description, the facts of the phases beyond the current one folded away. */
export const StartScreenOverview: Story = {
  args: { current: 1, foldFacts: true },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const current = canvasElement.querySelector('[aria-current="step"]');
    await expect(within(current as HTMLElement).getByText('Wie treedt op')).toBeVisible();
    const disclosures = canvas.getAllByText('Wie, middelen en bron');
    await expect(disclosures).toHaveLength(4);
    await expect(canvas.queryByText('besluit burgemeester nodig')).toBeNull();
    // Riot control's facts, once opened, name both of the mayor's decisions.
    await userEvent.click(disclosures[3] as HTMLElement);
    await expect(await canvas.findAllByText('besluit burgemeester nodig')).toHaveLength(2);
  },
};
