import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ActingAs } from '../src/features/actingAs/ActingAs';
import { SETUP } from '../tests/fixtures/exercise';
import { scenarioSetup } from '../tests/fixtures/scenario';

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

/** Jaarwisseling's cast in English: positions in English, no Dutch role words (issue #12). */
export const ScenarioCastEnglish: Story = {
  parameters: { locale: 'en' },
  args: { cast: scenarioSetup('jaarwisseling').cast, actingAs: 'commandant' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByRole('radio', { name: /Commander Jeroen Visser \(Overall Commander, SGBO\)/, checked: true }),
    ).toBeVisible();
    await expect(canvas.getByRole('radio', { name: /Bram Hofstede \(alderman\)/ })).toBeVisible();
    await expect(canvas.getByRole('radiogroup', { name: 'Acting as' })).not.toHaveTextContent(
      /wethouder|Algemeen Commandant|officier van justitie/i,
    );
  },
};
