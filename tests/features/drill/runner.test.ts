/**
 * The drill runner (issue #15): every built-in drill point can be set up in
 * the model, the user's decisions and what follows are judged by the model
 * and stored, late decisions are recorded as late, refused decisions can be
 * tried again, and each built-in drill has a point where the request on the
 * table is refused by the model when it is followed.
 */
import { describe, expect, test } from 'vitest';
import { genesisOf, verifyChain } from '../../../src/session';
import type { JudgedAttempt } from '../../../src/session/drillRuns';
import { answerAt, drillRunner, drillScenario, drillStorage, type Decision } from '../../fixtures/drill';
import type { BuiltInId } from '../../fixtures/scenario';

const BUILT_IN: BuiltInId[] = ['ggp-go-in-de-wijk', 'jaarwisseling', 'demonstratie-loopt-uit-de-hand'];

const said = (judged: readonly JudgedAttempt[]) =>
  judged.map(
    (attempt) => `${attempt.type}${attempt.subject ? `(${attempt.subject})` : ''}:${attempt.refusal?.rule ?? 'ok'}`,
  );

type Run = ReturnType<typeof drillRunner>;

/** Open point `index` (from the start of a fresh run) and answer it once. */
async function answerPoint(
  run: Run,
  index: number,
  decisions: Partial<Record<'waterCannon' | 'tearGas' | 'all', Decision>>,
  deciderId?: string,
) {
  const { runner, scenario } = run;
  await runner.begin();
  for (let at = 0; at < index; at++) {
    runner.decide();
    await runner.commit(answerAt(scenario, at, { all: { verdict: 'none' } }));
    await runner.next();
  }
  expect(runner.getState().step).toBe('reading');
  runner.decide();
  await runner.commit(answerAt(scenario, index, decisions, deciderId ? { deciderId } : {}));
  return runner.getState();
}

describe('the built-in drills', () => {
  test.each(BUILT_IN)('%s: at least three points, each set up by the model as the situation says', async (id) => {
    const scenario = drillScenario(id);
    expect(scenario.drill.points.length).toBeGreaterThanOrEqual(3);
    const run = drillRunner(id);
    await run.runner.begin();
    for (const [index, point] of scenario.drill.points.entries()) {
      const state = run.runner.getState();
      expect(state.problem, point.id).toBeNull();
      expect(state.step).toBe('reading');
      expect(state.index).toBe(index);
      run.runner.decide();
      await run.runner.commit(answerAt(scenario, index, { all: { verdict: 'none' } }));
      expect(run.runner.getState().step).toBe('feedback');
      await run.runner.next();
    }
    expect(run.runner.getState().step).toBe('done');
    const stored = await run.storage.runs.list();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.points.map((point) => point.pointId)).toEqual(scenario.drill.points.map((point) => point.id));
    // Every point's exercise is a sealed, verifiable log in the repository.
    for (const point of stored[0]?.points ?? []) {
      const head = await run.storage.exercises.head(point.exerciseId);
      if (!head) expect.fail(`no exercise for ${point.pointId}`);
      const log = await run.storage.exercises.entries(head);
      expect(verifyChain(genesisOf(head), log)).toBeNull();
    }
  });

  test.each([
    // Tear agent "under" the water-cannon consent, no separate decision: the commander's add is refused (R4).
    { id: 'jaarwisseling' as const, point: 1, decisions: { all: { verdict: 'none' as const } }, refused: 'R4' },
    // The regional mayor of Dalstad decides as he offers: refused, not competent (R5).
    {
      id: 'demonstratie-loopt-uit-de-hand' as const,
      point: 1,
      decisions: { all: { verdict: 'granted' as const } },
      decider: 'regioburgemeester-dalstad',
      refused: 'R5',
    },
    // The water cannon now, in GGP-GO: consent given, and the deployment still refused (R2: no ME in phase 1).
    { id: 'ggp-go-in-de-wijk' as const, point: 1, decisions: { all: { verdict: 'granted' as const } }, refused: 'R2' },
  ])('$id has a point where the request, followed, is refused by the model ($refused)', async (example) => {
    const run = drillRunner(example.id);
    await answerPoint(run, example.point, example.decisions, example.decider);
    if (run.runner.getState().step === 'refused') await run.runner.finish();
    const record = run.runner.getState().run.points[example.point];
    const rules = [...(record?.tries.flatMap((attempt) => attempt.judged) ?? []), ...(record?.after ?? [])].map(
      (attempt) => attempt.refusal?.rule,
    );
    expect(rules).toContain(example.refused);
  });
});

describe('a point, step by step', () => {
  test('the water cannon granted by the mayor: accepted, then warned and deployed', async () => {
    const run = drillRunner('jaarwisseling');
    const state = await answerPoint(run, 0, { all: { verdict: 'granted' } });
    expect(state.step).toBe('feedback');
    const record = state.run.points[0];
    expect(said(record?.tries[0]?.judged ?? [])).toEqual(['mayor.decide(waterCannon):ok']);
    expect(said(record?.after ?? [])).toEqual(['crowd.warn:ok', 'waterCannon.deploy:ok']);
    expect(record?.tries[0]?.late).toBe(false);
  });

  test('refused by the mayor: the water cannon is not deployed (R3)', async () => {
    const run = drillRunner('jaarwisseling');
    const state = await answerPoint(run, 0, { all: { verdict: 'refused', grounds: 'Omstanders op het plein.' } });
    expect(said(state.run.points[0]?.after ?? [])).toEqual(['crowd.warn:ok', 'waterCannon.deploy:R3']);
  });

  test('blank grounds go to the model, which refuses them (R6); a second try sends only what was refused', async () => {
    const run = drillRunner('ggp-go-in-de-wijk');
    const state = await answerPoint(run, 2, {
      waterCannon: { verdict: 'refused', grounds: 'Geen ME-inzet nodig.' },
      tearGas: { verdict: 'refused', grounds: '   ' },
    });
    expect(state.step).toBe('refused');
    expect(said(state.run.points[2]?.tries[0]?.judged ?? [])).toEqual([
      'mayor.decide(waterCannon):ok',
      'mayor.decide(tearGas):R6',
    ]);
    expect(run.runner.accepted()).toEqual(['waterCannon']);
    run.runner.retry();
    await run.runner.commit(
      answerAt(run.scenario, 2, { all: { verdict: 'refused', grounds: 'Niet nodig in fase 2; apart gewogen.' } }),
    );
    const after = run.runner.getState();
    expect(after.step).toBe('feedback');
    expect(said(after.run.points[2]?.tries[1]?.judged ?? [])).toEqual(['mayor.decide(tearGas):ok']);
  });

  test('deciding after the time limit is allowed, and recorded as late', async () => {
    const run = drillRunner('jaarwisseling');
    await run.runner.begin();
    run.runner.decide();
    run.clock.advance(5); // 5 minutes; the point allows 4
    await run.runner.commit(answerAt(run.scenario, 0, { all: { verdict: 'granted' } }));
    expect(run.runner.getState().run.points[0]?.tries[0]?.late).toBe(true);
  });

  test('twice the time: the same five minutes are not late; without a countdown nothing is', async () => {
    for (const pace of ['double', 'none'] as const) {
      const run = drillRunner('jaarwisseling', { pace });
      await run.runner.begin();
      expect(run.runner.getState().run.points[0]?.limitSeconds).toBe(pace === 'double' ? 480 : null);
      run.runner.decide();
      run.clock.advance(5);
      await run.runner.commit(answerAt(run.scenario, 0, { all: { verdict: 'granted' } }));
      expect(run.runner.getState().run.points[0]?.tries[0]?.late).toBe(false);
    }
  });

  test('the considerations ticked are stored with the run', async () => {
    const run = drillRunner('jaarwisseling');
    await answerPoint(run, 0, { all: { verdict: 'granted' } });
    await run.runner.touch(['eigen-besluit', 'waarschuwen']);
    const [stored] = await run.storage.runs.list();
    expect(stored?.points[0]?.touched).toEqual(['eigen-besluit', 'waarschuwen']);
  });

  test('a run that cannot be stored says so and goes on', async () => {
    const storage = drillStorage();
    const run = drillRunner('jaarwisseling', { storage });
    storage.runs.failWith = 'quota';
    await run.runner.begin();
    expect(run.runner.getState().storage).toBe('failed');
    expect(run.runner.getState().step).toBe('reading');
    storage.runs.failWith = null;
    run.runner.decide();
    await run.runner.commit(answerAt(run.scenario, 0, { all: { verdict: 'granted' } }));
    expect(run.runner.getState().storage).toBe('saved');
  });

  test('a scenario whose steps the model refuses is said, not played', async () => {
    const scenario = drillScenario('jaarwisseling');
    const broken = structuredClone(scenario);
    const first = broken.drill.points[0];
    if (!first) expect.fail('no point');
    // Warning in phase 2: the warning belongs to riot control (R7).
    first.before = [{ type: 'crowd.warn', by: 'commandant' }];
    const { startDrill } = await import('../../../src/features/drill/runner');
    const runner = startDrill({ storage: drillStorage(), scenario: broken, language: 'nl', pace: 'scenario' });
    await runner.begin();
    expect(runner.getState().step).toBe('failed');
    expect(runner.getState().problem).toMatchObject({ kind: 'situation', step: 1, rule: 'R7' });
  });
});
