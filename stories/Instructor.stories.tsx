import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import InstructorScreen, { type InstructorScreenProps } from '../src/app/screens/InstructorScreen';

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

/** The badge beside a claim, as a screen reader hears it and the tooltip shows it. */
const claimBadges = (card: HTMLElement) =>
  [...card.querySelectorAll('.instructor__points .badge--assumption')].map((badge) => badge.textContent);

/**
 * Every step through: each "aanname" beside a claim says the claim is Paraat's (not the source's, not law or
 * doctrine), not that it is a phase layout; the phases drawn in step 4 keep theirs. Each step names its real
 * sources, never Paraat's own domain brief, which a class does not know.
 */
export const AssumptionsAndSourcesThroughEveryStep: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = () => canvas.getByRole('article');
    const source = () => canvasElement.querySelector('.instructor__source')?.textContent ?? '';
    const seen: Record<number, { claims: number; source: string }> = {};
    for (let step = 1; step <= 7; step++) {
      const claims = claimBadges(card());
      for (const text of claims) {
        await expect(text).toMatch(/^aanname: Deze uitspraak is een aanname van Paraat, niet uit de bron/);
        await expect(text).toMatch(/geen wet of politiedoctrine/);
        await expect(text).not.toMatch(/fase-indeling/);
      }
      await expect(source()).not.toMatch(/domeinbrief|§/);
      seen[step] = { claims: claims.length, source: source() };
      if (step === 4) {
        const phases = [...card().querySelectorAll('.instructor-phase .badge--assumption')];
        await expect(phases).toHaveLength(3);
        for (const badge of phases)
          await expect(badge).toHaveTextContent(/Deze fase-indeling is een aanname van Paraat/);
      }
      if (step < 7) await userEvent.click(canvas.getByRole('button', { name: /Volgende/ }));
    }
    // Steps 2, 5 and 7 rest on assumptions: what "GO" stands for, one phase at a time, a start in phase 1.
    await expect(seen[2]).toEqual({
      claims: 1,
      source: 'Bronnen: politie podium, “ontwikkelagenda GGP” · aanname van Paraat (“GO”)',
    });
    await expect(seen[5]?.claims).toBe(4);
    await expect(seen[5]?.source).toBe('Bron: aanname van Paraat (fase 2 en de regels R1, R9 en R10)');
    await expect(seen[7]).toEqual({
      claims: 1,
      source: 'Bronnen: LOVP-terugkoppeling van 24 november 2025 · aanname van Paraat (de start in fase 1, R1)',
    });
    await expect(seen[1]?.source).toBe('Bron: LOVP-terugkoppeling van 24 november 2025');
  },
};

export const AssumptionsAndSourcesInEnglish: Story = {
  parameters: { locale: 'en' },
  args: { step: 2 },
  play: async ({ canvasElement }) => {
    const card = within(canvasElement).getByRole('article');
    await expect(claimBadges(card)).toEqual([
      'assumption: This statement is an assumption of Paraat, not from the source (the LOVP feedback of 24 November 2025), and not law or police doctrine. A trainer or a later official publication can replace it.',
    ]);
    await expect(canvasElement.querySelector('.instructor__source')).toHaveTextContent(
      'Sources: politie podium, “ontwikkelagenda GGP” · assumption of Paraat (“GO”)',
    );
  },
};
