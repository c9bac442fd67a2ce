/**
 * The statechart as a graph, read from the machine definition itself (its
 * state nodes, transitions, guards and descriptions), so a diagram drawn from
 * it cannot drift from the code. Pure: no React, no layout.
 *
 * Guards are shown by rule id, read from the guards' names: each named guard
 * stands for one rule (checks.ts), the same checks `whyRefused` asks.
 */
import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { escalationMachine } from './escalation';
import { FORM_CHECK, ruleOfCheck } from './checks';
import type { RiotStage } from './rules';
import { whyRefusedStep, type EscalationSnapshot, type Step } from './queries';
import {
  EVENT_TYPES,
  SUBJECTS,
  type By,
  type EscalationEvent,
  type EscalationEventType,
  type PhaseNumber,
  type Refusal,
  type RuleId,
  type Subject,
} from './types';

export interface ModelState {
  /** The machine's own state id, e.g. "escalation.riotControl.warned". */
  id: string;
  key: string;
  /** The enclosing state's id; `null` directly under the machine. */
  parent: string | null;
  kind: 'atomic' | 'compound';
  /** The state its parent (or the machine) enters first. */
  initial: boolean;
  description: string | null;
  /** The phase this state belongs to (its own, or its enclosing phase's). */
  phase: PhaseNumber | null;
  /** Where the exercise stands inside a phase with the water cannon. */
  stage: RiotStage | null;
  /** Tagged as a pilot deployment (R11). */
  pilot: boolean;
}

export interface ModelGuard {
  /** The named guards, each named by its rule: `R3.mayorConsents`, `R8.endsConsent`, … */
  names: string[];
  /** Their parameters together: the phase and stage, the subject of a decision. */
  params: Readonly<Record<string, unknown>>;
}

export interface ModelTransition {
  /** `<source id>#<event or "always">#<index among the source's handlers of that event>`. */
  id: string;
  source: string;
  /** `null`: the transition stays in its state (it records, it does not move). */
  target: string | null;
  /** `null`: an eventless transition, taken as soon as its guard holds. */
  event: EscalationEventType | null;
  guard: ModelGuard | null;
  /** The rules that can refuse this transition, in order. */
  rules: RuleId[];
  /** The subject a decision transition is about, where its guard names one. */
  subject: Subject | null;
  description: string | null;
}

export interface ModelGraph {
  states: ModelState[];
  transitions: ModelTransition[];
  /** The state the machine starts in. */
  initial: string;
}

// ---------------------------------------------------------------------------
// Guards to rules: each guard is named by its rule (checks.ts).

const ruleNumber = (rule: RuleId) => Number(rule.slice(1));
const byRuleNumber = (a: RuleId, b: RuleId) => ruleNumber(a) - ruleNumber(b);

function isRiotStage(value: unknown): value is RiotStage {
  return value === 'notWarned' || value === 'warned' || value === 'waterCannon' || value === 'tearAgent';
}

function isPhaseNumber(value: unknown): value is PhaseNumber {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}

function isSubject(value: unknown): value is Subject {
  return (SUBJECTS as readonly unknown[]).includes(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** One named guard as the machine holds it: `{ type, params }`, or just its name. */
function namedGuard(guard: unknown, where: string): { type: string; params: Record<string, unknown> } {
  if (typeof guard === 'string') return { type: guard, params: {} };
  if (isRecord(guard) && typeof guard.type === 'string')
    return { type: guard.type, params: isRecord(guard.params) ? guard.params : {} };
  throw new Error(`A guard the diagram cannot name, on ${where}`);
}

/**
 * The named guards of a transition: one, or those inside its `and([...])`
 * (xstate keeps them on the combinator as `guards`).
 */
function guardOf(definition: AnyTransitionDefinition): ModelGuard | null {
  const guard: unknown = definition.guard;
  if (guard === undefined) return null;
  const where = definition.source.id;
  const inner: unknown = typeof guard === 'function' ? (guard as unknown as { guards?: unknown }).guards : undefined;
  const parts = Array.isArray(inner) ? inner.map((part) => namedGuard(part, where)) : [namedGuard(guard, where)];
  return {
    names: parts.map((part) => part.type),
    params: Object.assign({}, ...parts.map((part) => part.params)) as Record<string, unknown>,
  };
}

/** The rules a transition's guards stand for, in rule order. */
function rulesOf(guard: ModelGuard | null): RuleId[] {
  if (!guard) return [];
  const names = guard.names.filter((name) => name !== FORM_CHECK);
  return [...new Set(names.map(ruleOfCheck))].sort(byRuleNumber);
}

function eventOf(eventType: string): EscalationEventType {
  if ((EVENT_TYPES as readonly string[]).includes(eventType)) return eventType as EscalationEventType;
  throw new Error(`A transition on an event outside the contract: "${eventType}"`);
}

function transitionOf(definition: AnyTransitionDefinition, event: EscalationEventType | null, index: number) {
  const targets = definition.target ?? [];
  if (targets.length > 1) throw new Error(`A transition with several targets, from ${definition.source.id}`);
  const guard = guardOf(definition);
  const subject = guard?.params.subject;
  const transition: ModelTransition = {
    id: `${definition.source.id}#${event ?? 'always'}#${String(index)}`,
    source: definition.source.id,
    target: targets[0]?.id ?? null,
    event,
    guard,
    rules: rulesOf(guard),
    subject: isSubject(subject) ? subject : null,
    description: definition.description ?? null,
  };
  return transition;
}

function phaseOfNode(node: AnyStateNode): PhaseNumber | null {
  for (let current: AnyStateNode | undefined = node; current; current = current.parent) {
    const meta: unknown = current.meta;
    if (typeof meta === 'object' && meta !== null && 'phase' in meta && isPhaseNumber(meta.phase)) return meta.phase;
  }
  return null;
}

function stageOfNode(node: AnyStateNode): RiotStage | null {
  for (let current: AnyStateNode | undefined = node; current; current = current.parent)
    if (isRiotStage(current.key)) return current.key;
  return null;
}

/** Read the graph out of a machine: every state node below the root, every transition. */
export function graphOf(machine: { root: AnyStateNode } = escalationMachine): ModelGraph {
  const root = machine.root;
  if (root.transitions.size > 0 || (root.always?.length ?? 0) > 0)
    throw new Error('Transitions on the machine itself are not drawn');
  const states: ModelState[] = [];
  const transitions: ModelTransition[] = [];

  const visit = (node: AnyStateNode) => {
    if (node.type !== 'atomic' && node.type !== 'compound')
      throw new Error(`A ${node.type} state the diagram does not draw: ${node.id}`);
    const parent = node.parent;
    const initialOfParent = parent?.initial.target[0];
    states.push({
      id: node.id,
      key: node.key,
      parent: parent && parent !== root ? parent.id : null,
      kind: node.type,
      initial: initialOfParent === node,
      description: node.description ?? null,
      phase: phaseOfNode(node),
      stage: stageOfNode(node),
      pilot: node.tags.includes('pilot'),
    });
    for (const [eventType, definitions] of node.transitions)
      definitions.forEach((definition, index) => {
        transitions.push(transitionOf(definition, eventOf(eventType), index));
      });
    (node.always ?? []).forEach((definition, index) => {
      transitions.push(transitionOf(definition, null, index));
    });
    for (const child of Object.values(node.states)) visit(child);
  };
  for (const child of Object.values(root.states)) visit(child);

  const initial = root.initial.target[0]?.id;
  if (!initial) throw new Error('The machine has no initial state');
  return { states, transitions, initial };
}

// ---------------------------------------------------------------------------
// Live: where the exercise stands, and what each path out of it would meet.

/** The ids of the states a snapshot is in, outermost first. */
export function activeStateIds(snapshot: EscalationSnapshot, machineId = escalationMachine.id): string[] {
  const ids: string[] = [];
  let value: unknown = snapshot.value;
  let prefix = machineId;
  while (value !== undefined) {
    if (typeof value === 'string') {
      ids.push(`${prefix}.${value}`);
      break;
    }
    if (typeof value !== 'object' || value === null) break;
    const [key, inner] = Object.entries(value as Record<string, unknown>)[0] ?? [];
    if (key === undefined) break;
    prefix = `${prefix}.${key}`;
    ids.push(prefix);
    value = inner;
  }
  return ids;
}

/** The transitions that leave the states the snapshot is in: the paths open to try from here. */
export function outgoingTransitions(graph: ModelGraph, snapshot: EscalationSnapshot): ModelTransition[] {
  const active = new Set(activeStateIds(snapshot));
  return graph.transitions.filter((transition) => transition.event !== null && active.has(transition.source));
}

/** The step a transition stands for, taken by `by`: a decision transition names its subject, or any. */
export function stepOfTransition(
  transition: ModelTransition,
  by: By,
  subject: Subject = transition.subject ?? 'waterCannon',
): Step | null {
  switch (transition.event) {
    case null:
      return null;
    case 'mayor.decide':
    case 'mayor.revoke':
      return { type: transition.event, by, subject };
    default:
      return { type: transition.event, by };
  }
}

/**
 * The attempt a transition makes on its own: only for a step that carries no
 * words. A phase change asks for a reason (R1), a decision for its verdict and
 * grounds (R6): `null`, the person gives them.
 */
export function attemptForTransition(transition: ModelTransition, by: By): EscalationEvent | null {
  switch (transition.event) {
    case null:
    case 'phase.escalate':
    case 'phase.deescalate':
    case 'mayor.decide':
    case 'mayor.revoke':
      return null;
    default:
      return { type: transition.event, by };
  }
}

/** What the model says now to `by` taking this transition, before any words are given: `null` when it would be accepted. */
export function judgeTransition(snapshot: EscalationSnapshot, transition: ModelTransition, by: By): Refusal | null {
  const step = stepOfTransition(transition, by);
  return step ? whyRefusedStep(snapshot, step) : null;
}
