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
/** Another tab wrote to the exercise; this one holds nothing unsaved, so loading what is stored is the way on. */
export const OtherTab: Story = {
  args: { status: { state: 'conflict' } },
  play: async ({ canvasElement, args }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent(/ander tabblad gewijzigd.*niet de laatste stand.*niets meer op/);
    await expect(alert).not.toHaveTextContent(/alleen in dit tabblad/);
    const reload = within(alert).getByRole('button', { name: 'Opgeslagen stand laden' });
    await expect(reload).toHaveClass('button--primary');
    await userEvent.click(reload);
    await expect(args.onReload).toHaveBeenCalledOnce();
  },
};
/** This tab went on after the other wrote: its entries are only here, so export comes first. */
export const OtherTabWithUnsaved: Story = {
  args: { status: { state: 'conflict' }, unsaved: 2 },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent(/2 regels staan alleen in dit tabblad en gaan verloren/);
    await expect(within(alert).getByRole('button', { name: 'Exporteren' })).toHaveClass('button--primary');
    await expect(within(alert).getByRole('button', { name: 'Opgeslagen stand laden' })).not.toHaveClass(
      'button--primary',
    );
  },
};
/** Just loaded as stored: what the tab now shows is said, and focus is there (the reload button has gone). */
export const Reloaded: Story = {
  args: { reloaded: { phase: 3, entries: 6 } },
  play: async ({ canvasElement }) => {
    const notice = within(canvasElement).getByRole('status');
    await expect(notice).toHaveTextContent('De oefening is opnieuw geladen zoals ze is opgeslagen: fase 3, 6 regels.');
    await expect(notice).toHaveFocus();
  },
};
export const OtherTabEnglish: Story = {
  args: { status: { state: 'conflict' }, unsaved: 1 },
  parameters: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Load the stored version' })).toBeVisible();
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      /changed in another tab.*1 entry exists only in this tab/,
    );
  },
};
export const StorageUnavailable: Story = { args: { volatile: true } };
export const English: Story = {
  args: { status: { state: 'failed', reason: 'unavailable', unsaved: 1 } },
  parameters: { locale: 'en' },
};
