/**
 * Two runs of the same exercise side by side: which stored exercises count
 * as runs of the same scenario, and the refusal counts of two runs rule by
 * rule. Times are compared from each run's own start.
 */
import { ruleById, type RuleDefinition, type RuleId } from '../../../machines';
import type { ExerciseHead, ExerciseReader, ExerciseSetup } from '../../session';
import type { Debrief } from './debrief';
import type { RefusalGroup } from './refusals';

/** Same scenario id; without a scenario on either side, the same title. */
export function isSameExercise(a: ExerciseSetup, b: ExerciseSetup): boolean {
  if (a.scenarioId || b.scenarioId) return a.scenarioId === b.scenarioId;
  return a.title.trim().toLocaleLowerCase('nl') === b.title.trim().toLocaleLowerCase('nl');
}

/** Other stored runs of the same exercise, most recently changed first. */
export async function otherRuns(store: ExerciseReader, current: ExerciseHead): Promise<ExerciseHead[]> {
  const others = (await store.list()).filter((summary) => summary.id !== current.id);
  const heads = await Promise.all(others.map((summary) => store.head(summary.id)));
  return heads.filter((head): head is ExerciseHead => head !== null && isSameExercise(head.setup, current.setup));
}

export interface RefusalComparisonRow {
  rule: RuleId;
  definition: RuleDefinition | undefined;
  counts: [number, number];
}

const ruleNumber = (rule: RuleId) => Number(rule.slice(1));

/** Every rule that refused something in either run, in rule order, with the count in each. */
export function refusalComparison(a: readonly RefusalGroup[], b: readonly RefusalGroup[]): RefusalComparisonRow[] {
  const rules = [...new Set([...a, ...b].map((group) => group.rule))].sort(
    (x, y) => ruleNumber(x) - ruleNumber(y) || x.localeCompare(y),
  );
  const count = (groups: readonly RefusalGroup[], rule: RuleId) =>
    groups.find((group) => group.rule === rule)?.attempts.length ?? 0;
  return rules.map((rule) => ({ rule, definition: ruleById(rule), counts: [count(a, rule), count(b, rule)] }));
}

/** The exercise time a run spans, so two charts can share one scale. */
export function exerciseSpan(debrief: Debrief): number {
  const { timeline } = debrief;
  if (!timeline) return 0;
  const span = timeline.end.exerciseMs - timeline.start.exerciseMs;
  return Number.isFinite(span) ? span : 0;
}
