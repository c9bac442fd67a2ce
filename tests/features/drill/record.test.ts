/**
 * The drill's record (issue #15, items 4 and 5): a run summed up per point
 * for the side-by-side view, and the Markdown record with every point's
 * situation, BOB notes, decision, the model's verdicts with rule and source,
 * and the considerations, ticked or not. What the user typed stays text.
 */
import { describe, expect, test } from 'vitest';
import { i18n } from '../../../src/i18n';
import { runsOf, summarizeRun } from '../../../src/features/drill/comparison';
import { drillFileName, drillMarkdown } from '../../../src/features/drill/drillMarkdown';
import { drillRunner, drillStorage, playedJaarwisseling } from '../../fixtures/drill';

const playedRun = (storage = drillStorage()) =>
  playedJaarwisseling({ storage, grounds: '[klik](http://x) # gevaar *groot*' });

describe('a run summed up', () => {
  test('per point: time, late, refusals, tries, considerations ticked', async () => {
    const { run, scenario } = await playedRun();
    expect(summarizeRun(run, scenario.drill)).toMatchObject([
      {
        pointId: 'waterwerper-0020',
        done: true,
        seconds: 120,
        late: false,
        refused: 0,
        tries: 1,
        touched: 3,
        considerations: 7,
        verdicts: ['granted'],
      },
      { pointId: 'stof-niet-gedekt-0035', seconds: 240, late: true, refused: 0, touched: 1, verdicts: ['none'] },
      { pointId: 'traanverwekkende-stof-0045', late: false, refused: 1, tries: 2, verdicts: ['refused'] },
    ]);
  });

  test("the runs of one drill; an empty run and another drill's are left out", async () => {
    const storage = drillStorage();
    const first = await playedRun(storage);
    const second = await playedRun(storage);
    const empty = drillRunner('jaarwisseling', { storage }).runner.getState().run;
    const other = drillRunner('ggp-go-in-de-wijk', { storage });
    await other.runner.begin();
    const runs = runsOf([second.run, empty, other.runner.getState().run, first.run], 'jaarwisseling');
    // Both started at the same (fixed) moment here, so only which runs, not their order, is asserted.
    expect(runs.map((run) => run.id).sort()).toEqual([first.run.id, second.run.id].sort());
  });
});

describe('the Markdown record', () => {
  test('every point with its situation, notes, decision, verdicts with rule and source, and considerations', async () => {
    const { run, scenario } = await playedRun();
    const text = drillMarkdown(run, scenario, i18n.getFixedT('nl'), 'nl');
    expect(text).toMatch(/^# Beslisoefening: de twee besluiten van de burgemeester — Verslag/);
    expect(text).toContain('## 1. 00:20 — De commandant vraagt om de waterwerper');
    expect(text).toContain('## 3. 00:45 — Toestemming gevraagd voor traanverwekkende stof');
    expect(text).toContain('Het is 00:20. In de Oosterpoort zijn ongeveer driehonderd relschoppers actief.');
    expect(text).toContain('- **Beeldvorming:** Driehonderd relschoppers, vijf gewonden.');
    expect(text).toContain('  - Voorwaarden: Alleen in de Oosterpoort.');
    // The user's text is escaped: no link, no heading, no emphasis.
    expect(text).toContain('  - Gronden: \\[klik\\](http://x) # gevaar \\*groot\\*');
    expect(text).toMatch(/✗ Geweigerd door het model\*\* — Jeroen Visser.*voegt traanverwekkende stof toe/);
    expect(text).toContain('R4 Traanverwekkende stof vraagt een eigen, apart besluit');
    expect(text).toContain('Bron: LOVP-terugkoppeling 24-11-2025; politiebericht start pilot (dec. 2025) (LOVP)');
    expect(text).toContain('R6 Besluiten worden gemotiveerd vastgelegd');
    expect(text).toMatch(/- \[x\] De inzet van de waterwerper is een eigen besluit/);
    expect(text).toMatch(/- \[ \] Verhouding en alternatieven.*aanname/);
    expect(text).toContain('Besloten na 4:00 (bedenktijd 3:00, te laat)');
    expect(text).toContain(
      '> **oefenmateriaal:** De situaties en de overwegingen zijn geschreven door de scenario-auteur',
    );
  });

  test('in English, with an English file name', async () => {
    const { run, scenario } = await playedRun();
    const t = i18n.getFixedT('en');
    const text = drillMarkdown(run, scenario, t, 'en');
    expect(text).toContain("# Decision drill: the mayor's two decisions — Record");
    expect(text).toContain(
      'Source: LOVP feedback, 24 November 2025; police announcement of the pilot start (Dec. 2025) (LOVP)',
    );
    expect(text).toContain('### Deciding with BOB');
    expect(drillFileName(run, t)).toMatch(/^decision-drill-jaarwisseling-\d{4}-\d{2}-\d{2}\.md$/);
  });
});
