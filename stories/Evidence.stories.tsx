import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import EvidencePanel from '../src/features/evidence/EvidencePanel';
import { EvidenceDisclosure } from '../src/features/evidence/EvidenceDisclosure';

const meta = {
  title: 'Decisions/Evidence on tear agents',
  component: EvidencePanel,
} satisfies Meta<typeof EvidencePanel>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Every point with where, what, what kind of evidence, its source and how certain it is. */
export const Panel: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: /traanverwekkende stof in waterwerpers/ })).toBeVisible();
    const items = canvasElement.querySelectorAll('.evidence-item');
    await expect(items.length).toBe(6);
    for (const item of items) {
      await expect(item).toHaveTextContent(/Bron/);
      await expect(item).toHaveTextContent(/Zekerheid/);
    }
    await expect(canvasElement.querySelector('[data-evidence="germany"]')).toHaveTextContent('gemiddeld');
    await expect(canvasElement.querySelector('[data-evidence="noStudy"]')).toHaveTextContent('niets gevonden');
  },
};

/** As the tear-agent decision dialog offers it: closed until asked for. */
export const InTheDecisionDialog: Story = {
  render: () => <EvidenceDisclosure />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toggle = canvas.getByRole('button', { name: /Wat weten we/ });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    await expect(await canvas.findByText(/liet de commandant CN-traangas/, {}, { timeout: 5000 })).toBeVisible();
    await expect(canvas.getByRole('button', { name: /Bewijs verbergen/ })).toHaveAttribute('aria-expanded', 'true');
  },
};

export const English: Story = {
  parameters: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('heading', { name: /What is known/ })).toBeVisible();
    await expect(canvasElement.querySelector('[data-evidence="unitedKingdom"]')).toHaveTextContent('verified');
  },
};
