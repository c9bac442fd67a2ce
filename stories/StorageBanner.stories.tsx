import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { StorageBanner } from '../src/features/console/StorageBanner';

const meta = {
  title: 'Console/StorageBanner',
  component: StorageBanner,
  args: { status: { state: 'saved' }, volatile: false, onRetry: fn(), onExport: fn(), onReload: fn() },
} satisfies Meta<typeof StorageBanner>;
export default meta;
type Story = StoryObj<typeof meta>;

export const StorageFull: Story = {
  args: { status: { state: 'failed', reason: 'quota', unsaved: 3 } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent(/opslag vol.*3 regel/);
    await userEvent.click(canvas.getByRole('button', { name: 'Exporteren' }));
    await expect(args.onExport).toHaveBeenCalled();
  },
};
export const OtherTab: Story = {
  args: { status: { state: 'conflict' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(/ander tabblad/);
  },
};
export const StorageUnavailable: Story = { args: { volatile: true } };
export const English: Story = {
  args: { status: { state: 'failed', reason: 'unavailable', unsaved: 1 } },
  parameters: { locale: 'en' },
};
