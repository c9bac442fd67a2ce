import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import demonstratie from '../public/scenarios/demonstratie-loopt-uit-de-hand.json';
import ggpGo from '../public/scenarios/ggp-go-in-de-wijk.json';
import jaarwisseling from '../public/scenarios/jaarwisseling.json';
import { DrillFlow } from '../src/features/drill/DrillFlow';
import { DrillRecord } from '../src/features/drill/DrillRecord';
import type { DrillRun } from '../src/session/drillRuns';
import { drillStorage, playedJaarwisseling, type DrillScenario } from '../tests/fixtures/drill';

const FILES: Record<string, unknown> = {
  'scenarios/ggp-go-in-de-wijk.json': ggpGo,
  'scenarios/jaarwisseling.json': jaarwisseling,
  'scenarios/demonstratie-loopt-uit-de-hand.json': demonstratie,
};
const loadBuiltIn = (file: string) => Promise.resolve(JSON.stringify(FILES[file]));

interface RecordArgs {
  onPrint?: () => void;
  onAgain?: () => void;
  onOther?: () => void;
}

const meta = {
  title: 'Drill/Flow',
  parameters: { layout: 'padded' },
} satisfies Meta<RecordArgs>;
export default meta;
type Story = StoryObj<RecordArgs>;

/**
 * Choosing: the three built-in drills, each with its scenario, number of
 * points and what was done before on this device; the time to decide, with
 * a choice without a time limit; the label that this is training material.
 */
export const Choose: Story = {
  loaders: [
    async () => {
      const { storage } = await playedJaarwisseling();
      return { storage: { ...storage, volatile: false } };
    },
  ],
  render: (_args, { loaded }) => (
    <DrillFlow
      storage={(loaded as { storage: Parameters<typeof DrillFlow>[0]['storage'] }).storage}
      loadBuiltIn={loadBuiltIn}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole('heading', { name: 'Beslisoefening: de twee besluiten van de burgemeester' }),
    ).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Beslisoefening: wie besluit er?' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Beslisoefening: geen ME in GGP-GO' })).toBeVisible();
    await expect(canvas.getAllByText(/3 beslismomenten/)).toHaveLength(3);
    await expect(canvas.getByText(/Op dit apparaat 1 keer eerder gedaan/)).toBeVisible();
    await expect(canvas.getAllByText('Nog niet gedaan op dit apparaat.')).toHaveLength(2);
    await expect(canvas.getByText(/geen wet en geen politiedoctrine/)).toBeVisible();
    await userEvent.click(canvas.getByRole('radio', { name: 'Zonder tijdslimiet' }));
    await userEvent.click(
      canvas.getByRole('button', { name: 'Start de beslisoefening ‘Beslisoefening: geen ME in GGP-GO’' }),
    );
    await waitFor(() =>
      expect(canvas.getByRole('heading', { level: 2, name: '21:00 — ‘Laat die waterwerper komen’' })).toHaveFocus(),
    );
    await expect(canvas.getByRole('timer')).toHaveTextContent('zonder tijdslimiet');
  },
};

/** Without IndexedDB: the drill says that a reload loses the attempts. */
export const Volatile: Story = {
  render: () => <DrillFlow storage={{ ...drillStorage(), volatile: true }} loadBuiltIn={loadBuiltIn} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/na herladen zijn uw pogingen weg/)).toBeVisible();
  },
};

interface RecordLoaded {
  run: DrillRun;
  scenario: DrillScenario;
  runs: DrillRun[];
}

/**
 * The record of a run: every point with the situation, the BOB notes, the
 * decision, what the model did (R6 and R4 refusals among it, with their
 * sources) and the considerations, ticked or not; then both runs side by
 * side. Print is the browser's (save as PDF); Markdown is a file.
 */
export const Record: Story = {
  args: { onPrint: fn(), onAgain: fn(), onOther: fn() },
  loaders: [
    async (): Promise<RecordLoaded> => {
      const storage = drillStorage();
      await playedJaarwisseling({ storage });
      const { run, scenario } = await playedJaarwisseling({ storage });
      return { run, scenario, runs: await storage.runs.list() };
    },
  ],
  render: (args, { loaded }) => {
    const { run, scenario, runs } = loaded as RecordLoaded;
    const { onPrint = fn(), onAgain = fn(), onOther = fn() } = args;
    return (
      <div className="drill">
        <DrillRecord run={run} scenario={scenario} runs={runs} onPrint={onPrint} onAgain={onAgain} onOther={onOther} />
      </div>
    );
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByRole('heading', { level: 2, name: /Verslag: Beslisoefening: de twee besluiten/ }),
    ).toBeVisible();
    await expect(canvas.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(
      expect.arrayContaining([
        '1. 00:20 — De commandant vraagt om de waterwerper',
        '2. 00:35 — ‘Dat valt toch onder uw toestemming?’',
        '3. 00:45 — Toestemming gevraagd voor traanverwekkende stof',
      ]),
    );
    // What the model did is part of each point (a level below its heading), not a section beside it.
    await expect(canvas.getAllByRole('heading', { level: 4, name: 'Wat het model deed' })).toHaveLength(3);
    await expect(canvas.queryAllByRole('heading', { level: 3, name: 'Wat het model deed' })).toHaveLength(0);
    await expect(canvas.getByText('Driehonderd relschoppers, vijf gewonden.')).toBeVisible();
    // Every point says how long it took against its time, on time or late, as the feedback did.
    const timings = [...canvasElement.querySelectorAll('.drill-record__point .drill-timing')].map(
      (timing) => timing.textContent,
    );
    await expect(timings).toEqual([
      'Besloten na 2:00 · bedenktijd 4:00 · ✓ op tijd · 1 poging',
      'Besloten na 4:00 · bedenktijd 3:00 · ! te laat · 1 poging',
      'Besloten na 1:00 · bedenktijd 4:00 · ✓ op tijd · 2 pogingen',
    ]);
    await expect(canvas.getAllByText('R6').length).toBeGreaterThan(0);
    await expect(canvas.getAllByText('R4').length).toBeGreaterThan(0);
    await expect(canvas.getAllByText('geraakt').length).toBe(4);
    await expect(canvas.getByText(/Poging 2.*\(deze\)/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Afdrukken of als pdf bewaren' }));
    await expect(args.onPrint).toHaveBeenCalled();
  },
};

/** The record in English. */
export const RecordInEnglish: Story = {
  ...Record,
  parameters: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByRole('heading', { level: 2, name: /Record: Decision drill: the mayor's two decisions/ }),
    ).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
    await expect(canvas.getAllByText('touched').length).toBe(4);
  },
};
