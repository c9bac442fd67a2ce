import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ActingAs } from '../src/features/actingAs/ActingAs';
import { SETUP } from '../tests/fixtures/exercise';

const meta = {
  title: 'Console/ActingAs',
  component: ActingAs,
  args: { cast: SETUP.cast, actingAs: 'commander', onChange: fn() },
} satisfies Meta<typeof ActingAs>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Commander: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('radio', { name: /Commandant/, checked: true })).toBeVisible();
    await userEvent.click(canvas.getByRole('radio', { name: /Burgemeester Marieke de Boer/ }));
    await expect(args.onChange).toHaveBeenCalledWith('mayor');
  },
};
export const NeighbouringMayor: Story = { args: { actingAs: 'neighbour' } };
export const English: Story = { parameters: { locale: 'en' } };
