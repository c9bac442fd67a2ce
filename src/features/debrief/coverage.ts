/**
 * What the exercise touched, out of everything the model knows: rules R1–R13
 * and phases 1–5. A rule counts as touched when it refused an attempt, when
 * an accepted action was what the rule is about ("applied"; not every action
 * that merely passed it), or when the scenario itself puts it in play (R12:
 * the triangle's tolerance limits).
 */
import { PHASES, RULES, type PhaseDefinition, type RuleDefinition, type RuleId } from '../../../machines';
import type { AttemptEntry, ExerciseSetup, LogEntry } from '../../session';
import type { RefusalGroup } from './refusals';
import type { PhaseTimeline } from './timeline';

export interface RuleCoverage {
  rule: RuleDefinition;
  refused: number;
  applied: number;
  /** The scenario puts the rule in play by itself (R12). */
  inScenario: boolean;
  touched: boolean;
}

export interface PhaseCoverage {
  phase: PhaseDefinition;
  visited: boolean;
  /** Exercise time spent in the phase. */
  exerciseMs: number;
  /** How many times the exercise entered the phase (the start counts). */
  entered: number;
}

export interface Coverage {
  rules: RuleCoverage[];
  phases: PhaseCoverage[];
}

const stopped = (entry: AttemptEntry) => entry.before.means.some((means) => !entry.after.means.includes(means));

/** The rules an accepted attempt applied: what the rule is about, not every check it passed. */
export function rulesApplied(entry: AttemptEntry): RuleId[] {
  if (entry.outcome !== 'accepted') return [];
  const { event } = entry;
  switch (event.type) {
    case 'phase.escalate':
      return ['R1'];
    case 'phase.deescalate':
      // Leaving a phase withdraws the means it allowed (R9).
      return stopped(entry) ? ['R1', 'R9'] : ['R1'];
    case 'crowd.warn':
      return ['R7'];
    case 'mayor.decide': {
      const subjectRule: RuleId = event.subject === 'waterCannon' ? 'R3' : 'R4';
      // A refusal after a grant ends the consent and stops the means (R8).
      return stopped(entry) ? ['R5', 'R6', subjectRule, 'R8'] : ['R5', 'R6', subjectRule];
    }
    case 'mayor.revoke':
      return ['R5', 'R8'];
    case 'waterCannon.deploy':
      return ['R3', 'R7'];
    case 'tearGas.add':
      return ['R4', 'R11'];
    case 'waterCannon.withdraw':
    case 'tearGas.stop':
      return [];
  }
}

export function coverage(
  setup: ExerciseSetup,
  entries: readonly LogEntry[],
  groups: readonly RefusalGroup[],
  timeline: PhaseTimeline | null,
): Coverage {
  const applied = new Map<RuleId, number>();
  const add = (rule: RuleId, count = 1) => applied.set(rule, (applied.get(rule) ?? 0) + count);
  for (const entry of entries) if (entry.kind === 'attempt') for (const rule of rulesApplied(entry)) add(rule);
  // R10 is what makes a refusal part of the record: each logged refusal applies it.
  const refusals = groups.reduce((sum, group) => sum + group.attempts.length, 0);
  if (refusals > 0) add('R10', refusals);

  const rules = RULES.map((rule): RuleCoverage => {
    const refused = groups.find((group) => group.rule === rule.id)?.attempts.length ?? 0;
    const count = applied.get(rule.id) ?? 0;
    const inScenario = rule.id === 'R12' && setup.scenario?.toleranceLimits?.setBy === 'localTriangle';
    return { rule, refused, applied: count, inScenario, touched: refused > 0 || count > 0 || inScenario };
  });

  const phases = PHASES.map((phase): PhaseCoverage => {
    const periods = timeline?.periods.filter((period) => period.phase === phase.number) ?? [];
    const exerciseMs = periods.reduce((sum, period) => {
      const span = period.to.exerciseMs - period.from.exerciseMs;
      return sum + (Number.isFinite(span) ? span : 0);
    }, 0);
    return { phase, visited: periods.length > 0, exerciseMs, entered: periods.length };
  });
  return { rules, phases };
}
