import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { EvidenceDisclosure } from '../src/features/evidence/EvidenceDisclosure';
import { DrillPoint } from '../src/features/drill/DrillPoint';
import type { DrillRunner } from '../src/features/drill/runner';
import type { DrillRun } from '../src/session/drillRuns';
import { answerAt, drillRunner, drillStorage, type DrillScenario } from '../tests/fixtures/drill';
import type { BuiltInId } from '../tests/fixtures/scenario';

interface Loaded {
  runner: DrillRunner;
  scenario: DrillScenario;
  now: () => number;
  earlierRuns: DrillRun[];
}

/** A runner on memory storage, taken to the state a story shows, through the real door. */
async function at(
  id: BuiltInId,
  index: number,
  to: (run: ReturnType<typeof drillRunner>) => Promise<void> = () => Promise.resolve(),
  { language = 'nl', earlier = false }: { language?: 'nl' | 'en'; earlier?: boolean } = {},
): Promise<Loaded> {
  const storage = drillStorage();
  if (earlier) {
    // An earlier run of the same drill: this point decided late, nothing ticked.
    const before = drillRunner(id, { storage, language });
    await before.runner.begin(index);
    before.runner.decide();
    before.clock.advance(6);
    await before.runner.commit(answerAt(before.scenario, index, { all: { verdict: 'none' } }));
    before.runner.dispose();
  }
  const run = drillRunner(id, { storage, language });
  if (earlier) run.clock.advance(60 * 24);
  await run.runner.begin(index);
  await to(run);
  return {
    runner: run.runner,
    scenario: run.scenario,
    now: run.clock.now,
    earlierRuns: await storage.runs.list(),
  };
}

const deciding = async ({ runner }: ReturnType<typeof drillRunner>) => {
  runner.decide();
  await Promise.resolve();
};

const meta = {
  title: 'Drill/DecisionPoint',
  parameters: { layout: 'padded' },
  render: (_args, { loaded }) => {
    const { runner, scenario, now, earlierRuns } = loaded as Loaded;
    return (
      <div className="drill">
        <DrillPoint
          runner={runner}
          scenario={scenario}
          now={now}
          earlierRuns={earlierRuns}
          evidence={<EvidenceDisclosure />}
        />
      </div>
    );
  },
  loaders: [() => at('jaarwisseling', 0)],
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Reading: the situation at 00:20 as the model stands (phase 5, no warning,
 * no decision), what is known and not, the commander's request, and the
 * countdown already running. The decision form is not open yet.
 */
export const Reading: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByRole('heading', { level: 2, name: '00:20 — De commandant vraagt om de waterwerper' }),
    ).toHaveFocus();
    await expect(canvas.getByText('Moment 1 van 3')).toBeVisible();
    await expect(canvas.getByRole('timer')).toHaveTextContent('nog 4:00');
    await expect(canvas.getByText('5: Riot control')).toBeVisible();
    await expect(canvas.getByText('niet gegeven')).toBeVisible();
    await expect(canvas.getByText(/Ik vraag uw toestemming voor de inzet van de waterwerper/)).toBeVisible();
    await expect(canvas.getByText(/Jeroen Visser, commandant \(Algemeen Commandant SGBO\)/)).toBeVisible();
    await expect(canvas.queryByRole('form')).toBeNull();
    // Feedback comes only after committing: none of the author's considerations shows yet.
    await expect(canvas.queryByText(/Overwegingen van de scenario-auteur/)).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: /Besluiten/ }));
    await waitFor(() => expect(canvas.getByRole('heading', { name: 'Besluiten met BOB' })).toHaveFocus());
  },
};

/**
 * Deciding: BOB prompts (beeld, oordeel, besluit) with room for notes, who
 * decides (the mayor or the acting mayor), and the outcome. Continuing
 * without an outcome says so and puts focus on it; then the decision is
 * recorded and the model's verdict and the feedback follow.
 */
export const Deciding: Story = {
  loaders: [() => at('jaarwisseling', 0, deciding)],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const form = canvas.getByRole('form', { name: 'Besluiten met BOB' });
    await expect(within(form).getByText(/Wat weet ik, en wat weet ik niet/)).toBeVisible();
    const mayor = within(form).getByRole('radio', { name: /Ingrid Scholten, burgemeester, Lindenburg/ });
    // Among several who may decide, none is chosen for the user: choosing is part of the decision (R5).
    await expect(mayor).not.toBeChecked();
    await expect(
      within(form).getByRole('radio', { name: /Bram Hofstede, locoburgemeester \(wethouder\)/ }),
    ).toBeVisible();
    await userEvent.click(within(form).getByRole('button', { name: 'Besluit vastleggen' }));
    await expect(within(form).getByText('Kies wie het besluit neemt.')).toBeVisible();
    await expect(mayor).toHaveFocus();
    await userEvent.click(mayor);
    await userEvent.click(within(form).getByRole('button', { name: 'Besluit vastleggen' }));
    await expect(within(form).getByText('Kies een uitkomst: verlenen, weigeren, of nu geen besluit.')).toBeVisible();
    await expect(within(form).getByRole('radio', { name: /Toestemming verlenen/ })).toHaveFocus();

    await userEvent.type(
      within(form).getByRole('textbox', { name: 'Mijn beeld (optioneel)' }),
      'Driehonderd relschoppers.',
    );
    await userEvent.click(within(form).getByRole('radio', { name: /Toestemming verlenen/ }));
    await userEvent.type(within(form).getByRole('textbox', { name: /Gronden/ }), 'Ernstig gevaar voor agenten.');
    await userEvent.click(within(form).getByRole('button', { name: 'Besluit vastleggen' }));
    await waitFor(() => expect(canvas.getByRole('heading', { name: 'Terugkoppeling' })).toHaveFocus());
    const { runner } = loaded as Loaded;
    await expect(runner.getState().run.points[0]?.tries[0]?.judged[0]).toMatchObject({
      type: 'mayor.decide',
      outcome: 'accepted',
    });
  },
};

/** Two subjects, two separate decisions (R4): each its own outcome and grounds. */
export const TwoSeparateDecisions: Story = {
  loaders: [() => at('ggp-go-in-de-wijk', 2, deciding)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByText(/Twee onderwerpen, twee aparte besluiten \(R4\)/, { selector: '.drill-separate' }),
    ).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Besluit over de waterwerper' })).toBeVisible();
    await expect(
      canvas.getByRole('group', { name: 'Besluit over traanverwekkende stof in de waterwerper' }),
    ).toBeVisible();
    await expect(canvas.getAllByRole('radiogroup', { name: /Uitkomst/ })).toHaveLength(2);
  },
};

/**
 * Late: the four minutes are up. The countdown says how late, in words and
 * with a mark, the banner says deciding is still allowed, and the decision
 * is recorded as late.
 */
export const Late: Story = {
  loaders: [
    () =>
      at('jaarwisseling', 0, async (run) => {
        run.runner.decide();
        run.clock.advance(5);
        await Promise.resolve();
      }),
  ],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('timer')).toHaveTextContent('tijd om: 1:00 te laat');
    const banner = canvas.getByText(
      'De bedenktijd is om. U kunt nog besluiten; het besluit wordt vastgelegd als te laat.',
      { selector: '.drill-late' },
    );
    await expect(banner).toBeVisible();
    const form = canvas.getByRole('form', { name: 'Besluiten met BOB' });
    // Below the form: the time running out moves nothing the user is reading or typing.
    await expect(form.compareDocumentPosition(banner) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await userEvent.click(within(form).getByRole('radio', { name: /Ingrid Scholten/ }));
    await userEvent.click(within(form).getByRole('radio', { name: /Toestemming weigeren/ }));
    await userEvent.type(within(form).getByRole('textbox', { name: /Gronden/ }), 'Omstanders op het Stationsplein.');
    await userEvent.click(within(form).getByRole('button', { name: 'Besluit vastleggen' }));
    await waitFor(() => expect(canvas.getByRole('heading', { name: 'Terugkoppeling' })).toHaveFocus());
    await expect(canvas.getByText(/Besloten na 5:00/)).toBeVisible();
    await expect(canvas.getByText('te laat', { selector: '.drill-timing *' })).toBeVisible();
    const { runner } = loaded as Loaded;
    await expect(runner.getState().run.points[0]?.tries[0]?.late).toBe(true);
  },
};

/**
 * Refused by the model: the regional mayor of Dalstad takes the decision he
 * offered. The model refuses it with R5, the rule's title and its source;
 * the user can decide again (the acting mayor) or go on to the feedback.
 */
export const RefusedByTheModel: Story = {
  loaders: [
    () =>
      at('demonstratie-loopt-uit-de-hand', 1, async (run) => {
        run.runner.decide();
        await run.runner.commit(
          answerAt(run.scenario, 1, { all: { verdict: 'granted' } }, { deciderId: 'regioburgemeester-dalstad' }),
        );
      }),
  ],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('heading', { name: 'Het model weigerde uw besluit' })).toHaveFocus());
    await expect(canvas.getByText('R5')).toBeVisible();
    await expect(canvas.getByText('Alleen de bevoegde burgemeester besluit')).toBeVisible();
    await expect(
      canvas.getByText(/een burgemeester van een andere gemeente \(ook een regioburgemeester\) niet/),
    ).toBeVisible();
    await expect(canvas.getByText(/Bron: Gemeentewet art. 77, 172; Politiewet 2012 art. 11/)).toBeVisible();
    await expect(canvas.getByText('geverifieerd')).toBeVisible();
    // Still no considerations: they come after the user is done deciding.
    await expect(canvas.queryByText(/Overwegingen van de scenario-auteur/)).toBeNull();

    await userEvent.click(canvas.getByRole('button', { name: 'Opnieuw besluiten' }));
    const form = canvas.getByRole('form', { name: 'Besluiten met BOB' });
    await userEvent.click(within(form).getByRole('radio', { name: /Koen Wijnands, locoburgemeester/ }));
    await userEvent.click(within(form).getByRole('radio', { name: /Toestemming verlenen/ }));
    await userEvent.type(
      within(form).getByRole('textbox', { name: /Gronden/ }),
      'Het stadhuis is niet anders te beschermen.',
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Besluit vastleggen' }));
    await waitFor(() => expect(canvas.getByRole('heading', { name: 'Terugkoppeling' })).toHaveFocus());
    const { runner } = loaded as Loaded;
    const record = runner.getState().run.points[0];
    await expect(record?.tries.map((attempt) => attempt.judged[0]?.refusal?.rule ?? 'ok')).toEqual(['R5', 'ok']);
    await expect(record?.after.map((attempt) => attempt.outcome)).toEqual(['accepted', 'accepted']);
  },
};

const decidedAt00_20 = async (run: ReturnType<typeof drillRunner>) => {
  run.runner.decide();
  run.clock.advance(2);
  await run.runner.commit(
    answerAt(
      run.scenario,
      0,
      {
        all: {
          verdict: 'granted',
          grounds: 'Ernstig gevaar voor agenten en hulpverleners; de barricades zijn niet anders vrij te krijgen.',
          conditions: 'Alleen in de Oosterpoort, niet richting het Stationsplein. Eerst waarschuwen.',
          review: 'Om 00:45, of eerder als het publiek het Stationsplein verlaat.',
        },
      },
      { beeld: 'Driehonderd relschoppers, vijf agenten gewond.', oordeel: 'Geen lichter middel dat nog werkt.' },
    ),
  );
};

/**
 * Feedback, after committing: what the model did (the decision accepted,
 * then the warning and the deployment), the time taken, and the user's
 * grounds beside the author's considerations, each with its source or marked
 * "aanname", ticked by the user; nothing is scored. Earlier attempts at this
 * point stand beside this one.
 */
export const Feedback: Story = {
  loaders: [() => at('jaarwisseling', 0, decidedAt00_20, { earlier: true })],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Terugkoppeling' })).toHaveFocus();
    await expect(canvas.getByText(/Besloten na 2:00/)).toBeVisible();
    await expect(canvas.getByText(/zet de waterwerper in/)).toBeVisible();
    await expect(canvas.getByText(/Alleen in de Oosterpoort, niet richting het Stationsplein/)).toBeVisible();
    const considerations = canvas.getByRole('group', { name: 'Overwegingen van de scenario-auteur' });
    await expect(
      within(considerations).getByText(/Geen wet of politiedoctrine/, { selector: '.drill-considerations__note' }),
    ).toBeVisible();
    await expect(within(considerations).getAllByText('aanname').length).toBeGreaterThan(0);
    await expect(within(considerations).getAllByText(/Gemeentewet art. 175 lid 2/).length).toBeGreaterThan(0);
    const warn = within(considerations).getByRole('checkbox', { name: /Eerst waarschuwen/ });
    await userEvent.click(warn);
    await expect(warn).toBeChecked();
    await expect(canvas.getByText('1 van 7 aangevinkt')).toBeVisible();
    const { runner } = loaded as Loaded;
    await waitFor(() => expect(runner.getState().run.points[0]?.touched).toEqual(['waarschuwen']));
    // The earlier attempt, late, beside this one.
    const earlier = canvas.getByRole('table');
    await expect(within(earlier).getByText(/Poging 1/)).toBeVisible();
    await expect(within(earlier).getByText(/Poging 2.*\(deze\)/)).toBeVisible();
    await expect(within(earlier).getByText('te laat')).toBeVisible();
  },
};

/** The tear agent at 00:45: what is known about it can be opened beside the judgement (the evidence feature). */
export const TearAgentWithEvidence: Story = {
  loaders: [() => at('jaarwisseling', 2, deciding)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByText('Traanverwekkende stof in de waterwerper', { selector: '.drill-stake *, .drill-stake' }),
    ).toBeVisible();
    await expect(canvas.getByRole('button', { expanded: false })).toBeVisible();
  },
};

/** The same point in English: the situation, the refusal and its source in English, the log's words too. */
export const RefusedInEnglish: Story = {
  parameters: { locale: 'en' },
  loaders: [
    () =>
      at(
        'jaarwisseling',
        1,
        async (run) => {
          run.runner.decide();
          await run.runner.commit(answerAt(run.scenario, 1, { all: { verdict: 'none' } }));
        },
        { language: 'en' },
      ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('heading', { name: 'Feedback' })).toHaveFocus());
    await expect(canvas.getByText(/No decision taken/)).toBeVisible();
    await expect(canvas.getByText(/adds tear agent/)).toBeVisible();
    await expect(canvas.getByText('Tear agent needs its own decision')).toBeVisible();
    await expect(
      canvas.getByText(/Source: LOVP feedback, 24 November 2025; police announcement of the pilot start/),
    ).toBeVisible();
    await expect(canvas.getByText("The scenario author's considerations")).toBeVisible();
  },
};
