/**
 * Issue #15, "done when": the drill's decisions are refused and accepted by
 * the model exactly as in the console. Every point of every built-in drill is
 * played twice with the same attempts:
 *
 * - the console's way: an exercise made as the set-up form makes it, the
 *   situation built with the attempts the console's action buttons and
 *   decision dialog make (attemptFor, decideAttemptOf), sent through the
 *   session's door;
 * - the drill's way: the drill runner, from the user's answer.
 *
 * The attempts must be the same events, and each must get the same verdict,
 * the same rule and the same model afterwards.
 */
import { describe, expect, test } from 'vitest';
import type { By, Subject } from '../../../machines';
import { attemptFor } from '../../../src/features/actions/ActionsPanel';
import { decideAttemptOf } from '../../../src/features/decisions/DecisionDialog';
import { scenarioToSetup, type DrillPoint, type DrillStep } from '../../../src/scenarios';
import {
  createExercise,
  openSession,
  type Attempt,
  type AttemptEntry,
  type CastMember,
  type LogEntry,
} from '../../../src/session';
import { MemoryRepository } from '../../../src/session/local/memoryRepository';
import { answerAt, drillRunner, drillScenario, type DrillScenario } from '../../fixtures/drill';
import type { BuiltInId } from '../../fixtures/scenario';

const BUILT_IN: BuiltInId[] = ['ggp-go-in-de-wijk', 'jaarwisseling', 'demonstratie-loopt-uit-de-hand'];

/** What the console sends as "Handelt als" this member. */
const actingAs = (member: CastMember): By =>
  member.municipality === undefined
    ? { role: member.role, name: member.name }
    : { role: member.role, name: member.name, municipality: member.municipality };

/** A scenario step as the console would make it: an action button, or the decision dialog. */
function consoleAttempt(step: DrillStep, cast: readonly CastMember[]): Attempt {
  const member = cast.find((candidate) => candidate.id === step.by);
  if (!member) throw new Error(`no ${step.by}`);
  const by = actingAs(member);
  switch (step.type) {
    case 'mayor.decide':
      return decideAttemptOf(step.subject, by, {
        verdict: step.verdict,
        grounds: step.grounds.nl,
        beeld: '',
        oordeel: '',
        conditions: '',
      });
    case 'mayor.revoke':
      return { type: 'mayor.revoke', by, subject: step.subject, grounds: step.grounds.nl };
    case 'phase.escalate':
    case 'phase.deescalate':
      return attemptFor(step.type, by, step.reason.nl);
    default:
      return attemptFor(step.type, by);
  }
}

interface Variant {
  name: string;
  deciderId: string;
  verdicts: Partial<Record<Subject, 'granted' | 'refused' | 'none'>>;
  grounds: string;
}

/** Every decider with a grant and a refusal, a grant without grounds, and no decision at all. */
function variantsOf(point: DrillPoint): Variant[] {
  const all = (verdict: 'granted' | 'refused' | 'none') =>
    Object.fromEntries(point.subjects.map((subject) => [subject, verdict])) as Variant['verdicts'];
  const first = point.deciders[0] ?? '';
  return [
    ...point.deciders.flatMap((deciderId) => [
      { name: `${deciderId} grants`, deciderId, verdicts: all('granted'), grounds: 'Ernstig gevaar voor agenten.' },
      { name: `${deciderId} refuses`, deciderId, verdicts: all('refused'), grounds: 'Omstanders kunnen niet weg.' },
    ]),
    { name: `${first} grants without grounds`, deciderId: first, verdicts: all('granted'), grounds: '  ' },
    { name: 'no decision now', deciderId: first, verdicts: all('none'), grounds: '' },
  ];
}

/** An attempt's verdict as compared: the event as sent (its time aside), outcome, rule, and the model after. */
function verdictOf(entry: LogEntry) {
  if (entry.kind !== 'attempt') throw new Error(`line ${String(entry.seq)} is not an attempt`);
  const event: Partial<AttemptEntry['event']> = { ...entry.event };
  delete event.at;
  return { event, outcome: entry.outcome, rule: entry.refusal?.rule ?? null, after: entry.after };
}

/** The console's way: the set-up form's exercise, the situation and the answer sent as the console sends them. */
async function throughTheConsole(scenario: DrillScenario, point: DrillPoint, variant: Variant) {
  const repository = new MemoryRepository();
  const head = await createExercise(repository, { ...scenarioToSetup(scenario, 'nl'), scenario });
  const session = await openSession(repository, head.id);
  if (!session) throw new Error('no session');
  const cast = session.getState().head.setup.cast;
  for (const step of point.before ?? []) await session.dispatch(consoleAttempt(step, cast));
  const from = session.getState().log.length;
  const decider = cast.find((member) => member.id === variant.deciderId);
  if (!decider) throw new Error(`no ${variant.deciderId}`);
  for (const subject of point.subjects) {
    const verdict = variant.verdicts[subject];
    if (verdict === 'granted' || verdict === 'refused')
      await session.dispatch(
        decideAttemptOf(subject, actingAs(decider), {
          verdict,
          grounds: variant.grounds,
          beeld: 'Groep van driehonderd, vijf gewonden.',
          oordeel: 'Geen lichter middel dat nog werkt.',
          conditions: 'Niet richting het plein.',
        }),
      );
  }
  for (const step of point.after ?? []) await session.dispatch(consoleAttempt(step, cast));
  const verdicts = session.getState().log.slice(from).map(verdictOf);
  session.dispose();
  return verdicts;
}

/** The drill's way: the runner at this point, from the user's answer. */
async function throughTheDrill(id: BuiltInId, index: number, variant: Variant) {
  const run = drillRunner(id);
  await run.runner.begin(index);
  run.runner.decide();
  const subjects = Object.fromEntries(
    Object.entries(variant.verdicts).map(([subject, verdict]) => [
      subject,
      { verdict, grounds: variant.grounds, conditions: 'Niet richting het plein.' },
    ]),
  );
  await run.runner.commit(
    answerAt(run.scenario, index, subjects, {
      deciderId: variant.deciderId,
      beeld: 'Groep van driehonderd, vijf gewonden.',
      oordeel: 'Geen lichter middel dat nog werkt.',
    }),
  );
  // A refusal could be tried again; here the user goes on to the feedback, as they may.
  if (run.runner.getState().step === 'refused') await run.runner.finish();
  expect(run.runner.getState().step).toBe('feedback');
  const record = run.runner.getState().run.points.at(-1);
  const head = record ? await run.storage.exercises.head(record.exerciseId) : null;
  if (!head) throw new Error('no exercise');
  const log = await run.storage.exercises.entries(head);
  const before = 1 + (run.scenario.drill.points[index]?.before?.length ?? 0);
  run.runner.dispose();
  return { verdicts: log.slice(before).map(verdictOf), record };
}

describe.each(BUILT_IN)('%s: the drill and the console get the same verdicts', (id) => {
  const scenario = drillScenario(id);
  const cases = scenario.drill.points.flatMap((point, index) =>
    variantsOf(point).map((variant) => ({ label: `${point.id}: ${variant.name}`, point, index, variant })),
  );

  test.each(cases)('$label', async ({ point, index, variant }) => {
    const console = await throughTheConsole(scenario, point, variant);
    const { verdicts: drill, record } = await throughTheDrill(id, index, variant);
    expect(drill).toEqual(console);
    // The drill's own record says the same as its log.
    const judged = [...(record?.tries.flatMap((attempt) => attempt.judged) ?? []), ...(record?.after ?? [])];
    expect(judged.map((attempt) => [attempt.type, attempt.outcome, attempt.refusal?.rule ?? null])).toEqual(
      console.map((verdict) => [verdict.event.type, verdict.outcome, verdict.rule]),
    );
  });

  test('among them refusals and acceptances both', async () => {
    const outcomes = new Set<string>();
    for (const [index, point] of scenario.drill.points.entries())
      for (const variant of variantsOf(point))
        for (const verdict of (await throughTheDrill(id, index, variant)).verdicts)
          outcomes.add(verdict.rule ?? 'accepted');
    expect(outcomes).toContain('accepted');
    expect([...outcomes].some((outcome) => /^R\d+$/.test(outcome))).toBe(true);
  });
});
