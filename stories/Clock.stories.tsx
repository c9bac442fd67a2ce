import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ExerciseClock } from '../src/features/clock/ExerciseClock';

const wall = Date.parse('2026-12-31T21:00:00Z');
const meta = {
  title: 'Console/ExerciseClock',
  component: ExerciseClock,
  args: {
    clock: { running: false, speed: 1, exerciseAtAnchor: Date.parse('2026-12-31T22:00:00Z'), wallAtAnchor: wall },
    trainerName: 'Karin Jansen',
    onAction: fn(),
    now: () => wall + 90_000,
  },
  decorators: [
    (Story) => (
      <div className="app-header">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ExerciseClock>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Paused: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('31-12 22:00:00')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Start' }));
    await expect(args.onAction).toHaveBeenCalledWith({ type: 'start' });
    await userEvent.click(canvas.getByRole('button', { name: '5 minuten vooruit' }));
    await expect(args.onAction).toHaveBeenCalledWith({ type: 'jump', minutes: 5 });
  },
};

export const RunningFast: Story = {
  args: {
    clock: { running: true, speed: 10, exerciseAtAnchor: Date.parse('2026-12-31T22:00:00Z'), wallAtAnchor: wall },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('31-12 22:15:00')).toBeVisible();
    await userEvent.click(canvas.getByRole('radio', { name: '2×' }));
    await expect(args.onAction).toHaveBeenCalledWith({ type: 'speed', speed: 2 });
  },
};

export const English: Story = { parameters: { locale: 'en' } };
