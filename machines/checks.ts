/**
 * Which rules judge which event, in the order a trainee would want to hear
 * them. One table, read twice:
 *
 * - the statechart (escalation.ts) turns every check that reads the attempt
 *   into a named guard (`R3.mayorConsents`, …) and guards each transition
 *   with `and([...])` of its checks, in this order;
 * - `refusalFor` (and so `whyRefused`) runs the same checks in the same order
 *   and answers with the first refusal.
 *
 * A check that reads only where the exercise stands (its phase and stage) is
 * decided when the machine is built: a transition exists only where those
 * checks hold, so its guard leaves them out and the diagram shows the rules
 * that can still refuse there.
 */
import { phaseByNumber, type MeansId, type PhaseDefinition } from './phases';
import {
  actsWithinAuthority,
  decisionHasGrounds,
  decisionHasOneSubject,
  decisionHasVerdict,
  isKnownEventType,
  meansOfPhase,
  meDeployedInPhase,
  namesWhoActs,
  onlyCompetentMayor,
  phaseInRange,
  stepHasReason,
  tearAgentAddedToStop,
  tearAgentNeedsOwnDecision,
  tearAgentNeedsWaterCannon,
  tearAgentNotYetAdded,
  unknownAction,
  warningBeforeForce,
  warningIsForRiotControl,
  waterCannonInUseToWithdraw,
  waterCannonNeedsMayor,
  waterCannonNotYetInUse,
  type RiotStage,
  type Situation,
} from './rules';
import type { By, EscalationEventType, PhaseNumber, Refusal, RuleId, Subject } from './types';

/** A guard's name: the rule it stands for, then what it asks. */
export type CheckName = `R${number}.${string}`;

/** An attempt whose type is known and whose `by` names who acts (checked first, by `R13.namesWhoActs`). */
export type KnownAttempt = Record<string, unknown> & { type: EscalationEventType; by: By };

/** Decided by where the exercise stands: fixed for a transition, so settled when the machine is built. */
export interface StandingCheck {
  name: CheckName;
  reads: 'standing';
  refuses(phase: PhaseDefinition, stage: RiotStage | null, type: EscalationEventType): Refusal | null;
}

/** Decided by the attempt itself or the decisions in force: a guard the statechart runs. */
export interface AttemptCheck {
  name: CheckName;
  reads: 'attempt';
  /**
   * Reads what the person still has to write or choose when they press the
   * button: the reason, the verdict, the grounds. Left out when the model is
   * asked about the step itself (`refusalForStep`).
   */
  content?: true;
  refuses(situation: Situation, attempt: KnownAttempt): Refusal | null;
}

export type RuleCheck = StandingCheck | AttemptCheck;

const standing = (name: CheckName, refuses: StandingCheck['refuses']): StandingCheck => ({
  name,
  reads: 'standing',
  refuses,
});
const attempt = (name: CheckName, refuses: AttemptCheck['refuses']): AttemptCheck => ({
  name,
  reads: 'attempt',
  refuses,
});
const content = (name: CheckName, refuses: AttemptCheck['refuses']): AttemptCheck => ({
  name,
  reads: 'attempt',
  content: true,
  refuses,
});

const MEANS_OF: Partial<Record<EscalationEventType, MeansId>> = {
  'waterCannon.deploy': 'waterCannon',
  'tearGas.add': 'tearAgent',
};
const meansOf = (type: EscalationEventType): MeansId => {
  const means = MEANS_OF[type];
  if (!means) throw new Error(`"${type}" uses no means`);
  return means;
};

const NAMES_WHO_ACTS = attempt('R13.namesWhoActs', (_situation, event) => namesWhoActs(event));
const WITHIN_AUTHORITY = attempt('R13.withinAuthority', (_situation, event) =>
  actsWithinAuthority(event.by, event.type),
);
const COMPETENT_MAYOR = attempt('R5.competentMayor', ({ context }, event) => onlyCompetentMayor(event.by, context));
const ONE_SUBJECT = attempt('R6.oneSubject', (_situation, event) => decisionHasOneSubject(event));
const HAS_VERDICT = content('R6.hasVerdict', (_situation, event) => decisionHasVerdict(event));
const HAS_GROUNDS = content('R6.hasGrounds', (_situation, event) => decisionHasGrounds(event));
const STEP_HAS_REASON = content('R1.stepHasReason', (_situation, event) => stepHasReason(event.reason));
const ME_IN_PHASE = standing('R2.meDeployedInPhase', (phase, _stage, type) => meDeployedInPhase(phase, meansOf(type)));
const MEANS_OF_PHASE = standing('R1.meansOfPhase', (phase, _stage, type) => meansOfPhase(phase, meansOf(type)));

/** Per event, the checks in the order they are asked. `R13.namesWhoActs` comes first: the others read `by`. */
export const CHECKS: Record<EscalationEventType, readonly RuleCheck[]> = {
  'mayor.decide': [NAMES_WHO_ACTS, COMPETENT_MAYOR, ONE_SUBJECT, HAS_VERDICT, HAS_GROUNDS],
  'mayor.revoke': [NAMES_WHO_ACTS, COMPETENT_MAYOR, ONE_SUBJECT, HAS_GROUNDS],
  'phase.escalate': [
    NAMES_WHO_ACTS,
    WITHIN_AUTHORITY,
    standing('R1.belowHighestPhase', (phase) => phaseInRange(phase, 'up')),
    STEP_HAS_REASON,
  ],
  'phase.deescalate': [
    NAMES_WHO_ACTS,
    WITHIN_AUTHORITY,
    standing('R1.aboveLowestPhase', (phase) => phaseInRange(phase, 'down')),
    STEP_HAS_REASON,
  ],
  'crowd.warn': [NAMES_WHO_ACTS, WITHIN_AUTHORITY, standing('R7.warningInRiotControl', warningIsForRiotControl)],
  'waterCannon.deploy': [
    NAMES_WHO_ACTS,
    WITHIN_AUTHORITY,
    ME_IN_PHASE,
    MEANS_OF_PHASE,
    standing('R3.notYetInUse', (_phase, stage) => waterCannonNotYetInUse(stage)),
    attempt('R3.mayorConsents', ({ context }) => waterCannonNeedsMayor(context)),
    standing('R7.warnedFirst', (_phase, stage) => warningBeforeForce(stage)),
  ],
  'waterCannon.withdraw': [
    NAMES_WHO_ACTS,
    WITHIN_AUTHORITY,
    standing('R3.inUseToWithdraw', (_phase, stage) => waterCannonInUseToWithdraw(stage)),
  ],
  'tearGas.add': [
    NAMES_WHO_ACTS,
    WITHIN_AUTHORITY,
    ME_IN_PHASE,
    MEANS_OF_PHASE,
    standing('R4.notYetAdded', (_phase, stage) => tearAgentNotYetAdded(stage)),
    standing('R4.waterCannonInUse', (_phase, stage) => tearAgentNeedsWaterCannon(stage)),
    attempt('R4.ownDecision', ({ context }) => tearAgentNeedsOwnDecision(context)),
  ],
  'tearGas.stop': [
    NAMES_WHO_ACTS,
    WITHIN_AUTHORITY,
    standing('R4.addedToStop', (_phase, stage) => tearAgentAddedToStop(stage)),
  ],
};

/** Every check the statechart runs as a guard, once each, by name. */
export const ATTEMPT_CHECKS: readonly AttemptCheck[] = [
  ...new Map(
    Object.values(CHECKS)
      .flat()
      .filter((check): check is AttemptCheck => check.reads === 'attempt')
      .map((check) => [check.name, check]),
  ).values(),
];

/**
 * The check every attempt meets before any rule about the step: does it say
 * who acts? The diagram leaves it out, as it leaves out R10 (an unknown
 * action): it shows the rules that judge the step itself.
 */
export const FORM_CHECK: CheckName = NAMES_WHO_ACTS.name;

/** The rule a named guard stands for. */
export const ruleOfCheck = (name: string): RuleId => {
  const rule = name.slice(0, name.indexOf('.'));
  if (!/^R\d+$/.test(rule)) throw new Error(`A guard not named by its rule: "${name}"`);
  return rule as RuleId;
};

/**
 * The checks a transition on `type` out of (`phase`, `stage`) still has to
 * ask. A standing check that refuses there means the machine offers a path
 * the rules forbid: a fault in the machine, not an exercise.
 */
export function attemptChecksAt(
  phase: PhaseNumber,
  stage: RiotStage | null,
  type: EscalationEventType,
): AttemptCheck[] {
  const definition = phaseByNumber(phase);
  return CHECKS[type].filter((check): check is AttemptCheck => {
    if (check.reads === 'attempt') return true;
    const refusal = check.refuses(definition, stage, type);
    if (refusal)
      throw new Error(`A "${type}" transition in phase ${String(phase)} (${String(stage)}) that ${check.name} refuses`);
    return false;
  });
}

/** An attempt before its words: who takes which step, on which subject. */
export interface Step {
  type: EscalationEventType;
  by: By;
  subject?: Subject;
}

const unreadable = (): Refusal => ({
  rule: 'R10',
  message: { nl: 'Deze actie is onleesbaar; er verandert niets.', en: 'This action cannot be read; nothing changes.' },
});

/**
 * Why `event` would be refused in `situation`, or `null` if it would be
 * accepted. Never throws: whatever arrives from outside is judged, not trusted.
 */
export function refusalFor(situation: Situation, event: unknown): Refusal | null {
  return judge(situation, event, () => true);
}

/**
 * Would the model refuse this step whatever the person writes and chooses?
 * The console asks this before a button is pressed ("R3: no decision of the
 * mayor"); the reason, verdict and grounds are judged when they are given.
 */
export function refusalForStep(situation: Situation, step: Step): Refusal | null {
  return judge(situation, step, (check) => check.reads === 'standing' || check.content !== true);
}

function judge(situation: Situation, event: unknown, asks: (check: RuleCheck) => boolean): Refusal | null {
  try {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return unknownAction(event);
    const { type } = event as { type?: unknown };
    if (!isKnownEventType(type)) return unknownAction(event);
    const known = event as KnownAttempt;
    for (const check of CHECKS[type]) {
      if (!asks(check)) continue;
      const refusal =
        check.reads === 'attempt'
          ? check.refuses(situation, known)
          : check.refuses(situation.phase, situation.stage, type);
      if (refusal) return refusal;
    }
    return null;
  } catch {
    return unreadable();
  }
}

/** The named guard's answer: `true` when its check has no objection. Never throws (a throw would stop the actor). */
export function passes(check: AttemptCheck, situation: Situation, event: unknown): boolean {
  try {
    return check.refuses(situation, event as KnownAttempt) === null;
  } catch {
    return false;
  }
}
