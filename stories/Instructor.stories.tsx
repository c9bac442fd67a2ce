import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import InstructorScreen, { type InstructorScreenProps } from '../src/features/instructor/InstructorScreen';

/** The screen as the app runs it: the step lives in the address, here in state; `onStep` is spied on. */
function Walkthrough(props: InstructorScreenProps) {
  const [step, setStep] = useState(props.step);
  return (
    <InstructorScreen
      {...props}
      step={step}
      onStep={(next) => {
        props.onStep(next);
        setStep(next);
      }}
    />
  );
}

const meta = {
  title: 'Instructor/GGP-GO walkthrough',
  component: InstructorScreen,
  args: { step: 1, onStep: fn(), headerControls: null, startHref: '#/' },
  render: (args) => <Walkthrough {...args} />,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof InstructorScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The first step: what GGP-GO is, every point from the LOVP feedback. */
export const WhatIsGgpGo: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2, name: 'Wat is GGP-GO?' })).toBeVisible();
    await expect(canvasElement.querySelector('.instructor__count')).toHaveTextContent(/^Stap 1 van 7/);
    await expect(canvas.getByRole('button', { name: /Vorige/ })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Step by step with the buttons and the arrow keys, and back to the start in one click. */
export const StepThrough: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /Volgende/ }));
    await expect(canvas.getByRole('heading', { level: 2, name: 'Waar staat de naam voor?' })).toBeVisible();
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('heading', { level: 2, name: 'Wie treedt op, wie beslist?' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: /Opnieuw beginnen/ }));
    await expect(canvas.getByRole('heading', { level: 2, name: 'Wat is GGP-GO?' })).toBeVisible();
    await expect(args.onStep).toHaveBeenLastCalledWith(1);
  },
};

/** The name: GGP verified, "GO" an assumption, marked so. */
export const AssumptionMarked: Story = {
  args: { step: 2 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('article')).toHaveTextContent(/georganiseerd optreden.*aanname/);
  },
};

/** How GGP-GO differs from the ME phases, with the five phases drawn from the model's catalogue. */
export const DifferenceWithThePhases: Story = {
  args: { step: 4 },
  play: async ({ canvasElement }) => {
    const phases = canvasElement.querySelectorAll('.instructor-phase');
    await expect(phases.length).toBe(5);
    await expect(canvasElement.querySelector('.instructor-phase--here')).toHaveTextContent('GGP-GO');
  },
};

/** The last step: next goes no further; restart does. */
export const LastStep: Story = {
  args: { step: 7 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: /Volgende/ })).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByText('Einde van de instructie.')).toBeVisible();
  },
};

export const English: Story = {
  parameters: { locale: 'en' },
  args: { step: 5 },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('heading', { level: 2, name: 'When GGP-GO is not enough' }),
    ).toBeVisible();
  },
};
