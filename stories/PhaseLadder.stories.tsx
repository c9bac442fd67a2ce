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

/**
 * An "aanname" says what it is about: beside a phase, that the phase layout is Paraat's; beside a means
 * in a phase from the source (riot control), that the means there is Paraat's, not the source's.
 */
export const AssumptionsSayWhatIsAssumed: Story = {
  args: { current: 5 },
  play: async ({ canvasElement }) => {
    const phase = (number: number) => canvasElement.querySelector(`li[data-phase="${String(number)}"]`) as HTMLElement;
    const batons = within(phase(5)).getByText('wapenstok en schild').closest('li') as HTMLElement;
    const meansBadge = within(batons).getByText('aanname');
    await expect(meansBadge).toHaveAttribute(
      'title',
      expect.stringMatching(/^Dit middel in deze fase is een aanname van Paraat/),
    );
    await expect(meansBadge).toHaveTextContent(/LOVP-terugkoppeling van 24 november 2025\) noemt het niet/);
    await expect(meansBadge).toHaveTextContent(/Het is geen wet of politiedoctrine/);
    await expect(meansBadge).not.toHaveTextContent(/fase-indeling/);
    // Only the means the source does not name carry one; phase 5 itself is from the source.
    const badged = [...phase(5).querySelectorAll('.means-list > li')]
      .filter((item) => item.querySelector('.badge--assumption'))
      .map((item) => item.firstChild?.textContent);
    await expect(badged).toEqual(['wapenstok en schild', 'aanhoudingseenheid (AE)', 'honden en paarden']);
    await expect(within(phase(5).querySelector('.phase__header') as HTMLElement).queryByText('aanname')).toBeNull();
    // Phase 3 is an assumption as a phase: its badge says so, and its means add none of their own.
    const phaseBadge = within(phase(3).querySelector('.phase__header') as HTMLElement).getByText('aanname');
    await expect(phaseBadge).toHaveTextContent(/Deze fase-indeling is een aanname van Paraat/);
    await expect(within(phase(3).querySelector('.means-list') as HTMLElement).queryByText('aanname')).toBeNull();
  },
};

export const AssumptionsSayWhatIsAssumedInEnglish: Story = {
  args: { current: 5 },
  parameters: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const riotControl = canvasElement.querySelector('li[data-phase="5"]') as HTMLElement;
    const batons = within(riotControl).getByText('batons and shields').closest('li') as HTMLElement;
    await expect(within(batons).getByText('assumption')).toHaveTextContent(
      /This means in this phase is an assumption of Paraat: the source \(the LOVP feedback of 24 November 2025\) does not name it/,
    );
    const mePresence = canvasElement.querySelector('li[data-phase="2"] .phase__header') as HTMLElement;
    await expect(within(mePresence).getByText('assumption')).toHaveTextContent(/This phase layout is an assumption/);
  },
};
