/**
 * Pure questions asked of a snapshot: the contract's queries and the
 * selectors the UI and the log need. None of them throws.
 */
import type { SnapshotFrom } from 'xstate';
import type { escalationMachine } from './escalation';
import { PHASES, phaseByStateId, type MeansId, type PhaseDefinition } from './phases';
import { refusalFor, refusalForStep, type Step } from './checks';
import { AUTHORITY, tearAgentInUse, waterCannonInUse, type RiotStage, type Situation } from './rules';
import type { DecisionInForce, EscalationEventType, PhaseNumber, Refusal, Role, Subject } from './types';

export type EscalationSnapshot = SnapshotFrom<typeof escalationMachine>;

const STAGES: readonly RiotStage[] = ['notWarned', 'warned', 'waterCannon', 'tearAgent'];

function stageOf(inner: unknown): RiotStage | null {
  if (typeof inner === 'string') return (STAGES as readonly string[]).includes(inner) ? (inner as RiotStage) : null;
  if (typeof inner === 'object' && inner !== null && 'waterCannon' in inner) {
    return inner.waterCannon === 'tearAgent' ? 'tearAgent' : 'waterCannon';
  }
  return null;
}

/** The phase and stage a snapshot stands in, read from its state value. */
export function situationOf(snapshot: EscalationSnapshot): Situation {
  const value: unknown = snapshot.value;
  const [stateId, inner] =
    typeof value === 'string' ? [value, undefined] : (Object.entries(value as Record<string, unknown>)[0] ?? []);
  const phase = phaseByStateId(String(stateId)) ?? PHASES[0];
  if (!phase) throw new Error('The phase catalogue is empty');
  return { phase, stage: stageOf(inner), context: snapshot.context };
}

export function phaseOf(snapshot: EscalationSnapshot): PhaseNumber {
  return situationOf(snapshot).phase.number;
}

export function currentPhase(snapshot: EscalationSnapshot): PhaseDefinition {
  return situationOf(snapshot).phase;
}

export function isWaterCannonInUse(snapshot: EscalationSnapshot): boolean {
  return waterCannonInUse(situationOf(snapshot).stage);
}

export function isTearGasInUse(snapshot: EscalationSnapshot): boolean {
  return tearAgentInUse(situationOf(snapshot).stage);
}

/** Has the crowd been warned in the current deployment (R7)? */
export function isWarned(snapshot: EscalationSnapshot): boolean {
  const stage = situationOf(snapshot).stage;
  return stage !== null && stage !== 'notWarned';
}

/** The mayor's latest word on a subject: the one in force (R8). */
export function decisionInForce(snapshot: EscalationSnapshot, subject: Subject): DecisionInForce | null {
  return snapshot.context.decisions[subject];
}

/** The means actually in use: what the log records before and after each attempt. */
export function meansInUse(snapshot: EscalationSnapshot): MeansId[] {
  const stage = situationOf(snapshot).stage;
  const inUse: MeansId[] = [];
  if (waterCannonInUse(stage)) inUse.push('waterCannon');
  if (tearAgentInUse(stage)) inUse.push('tearAgent');
  return inUse;
}

/** Is the tear agent in use, and so a pilot case to record (R11)? */
export function isPilotCase(snapshot: EscalationSnapshot): boolean {
  return snapshot.hasTag('pilot');
}

/**
 * `null` exactly when `event` would be accepted in `snapshot`; otherwise the
 * rule that refuses it and why. Never throws, whatever the event.
 */
export function whyRefused(snapshot: EscalationSnapshot, event: unknown): Refusal | null {
  try {
    return refusalFor(situationOf(snapshot), event);
  } catch {
    return {
      rule: 'R10',
      message: {
        nl: 'Deze actie kan niet worden beoordeeld; er verandert niets.',
        en: 'This action cannot be judged; nothing changes.',
      },
    };
  }
}

/**
 * The model's word on a step before its words are given: `null` when the
 * step can be taken here by `step.by` once the reason, verdict or grounds are
 * filled in. What a button says before it is pressed. Never throws.
 */
export function whyRefusedStep(snapshot: EscalationSnapshot, step: Step): Refusal | null {
  try {
    return refusalForStep(situationOf(snapshot), step);
  } catch {
    return whyRefused(snapshot, undefined);
  }
}

export type { Step };

/** The actions a role may take at all (R13, R5): what the console offers when acting as that role. */
export function actionsFor(role: Role): EscalationEventType[] {
  return (Object.keys(AUTHORITY) as EscalationEventType[]).filter((type) => AUTHORITY[type].includes(role));
}
