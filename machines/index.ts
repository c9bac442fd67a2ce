/**
 * The escalation model's public contract (../shared/design/CONTRACT.md).
 * Scenarios, saved logs, the UI and any outside driver use only this.
 */
export { escalationMachine } from './escalation';
export {
  phaseOf,
  isWaterCannonInUse,
  isTearGasInUse,
  whyRefused,
  whyRefusedStep,
  type Step,
  isWarned,
  isPilotCase,
  decisionInForce,
  meansInUse,
  currentPhase,
  actionsFor,
  situationOf,
  type EscalationSnapshot,
} from './queries';
export {
  PHASES,
  MEANS,
  phaseByNumber,
  adjacentPhase,
  type PhaseDefinition,
  type MeansDefinition,
  type MeansId,
} from './phases';
export { RULES, type RuleDefinition } from './ruleCatalogue';
export { ROLE_NAMES, SUBJECT_NAMES, AUTHORITY } from './rules';
export * from './types';
export { STEERING_ACTIONS, STEERING_AUTHORITY, steeringRefusal, maySteer, type SteeringAction } from './steering';
export { ruleById, type RuleBasis } from './ruleCatalogue';
