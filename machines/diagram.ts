/**
 * The statechart as a graph, read from the machine definition itself (its
 * state nodes, transitions, guards and descriptions), so a diagram drawn from
 * it cannot drift from the code. Pure: no React, no layout.
 *
 * Guards are shown by rule id. The rules of a guard are found by asking the
 * same `refusalFor` that the guard and `whyRefused` ask, in the guard's own
 * phase and stage, over every role, competence, decision in force and blank
 * or given text: the rules that can refuse there are the guard's rules.
 */
import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { escalationMachine } from './escalation';
import { phaseByNumber } from './phases';
import { refusalFor, type RiotStage } from './rules';
import { whyRefused, type EscalationSnapshot } from './queries';
import {
  EVENT_TYPES,
  ROLES,
  SUBJECTS,
  VERDICTS,
  type By,
  type DecisionInForce,
  type EscalationContext,
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
  type: string;
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
// Guards to rules.

const PROBE_MUNICIPALITY = 'Gemeente';
const DECISION_STATES: (DecisionInForce | null)[] = [
  null,
  ...VERDICTS.map((verdict) => ({ verdict, grounds: 'gronden', by: { role: 'mayor' as const, name: 'probe' } })),
];

const probeContexts = (): EscalationContext[] =>
  DECISION_STATES.flatMap((waterCannon) =>
    DECISION_STATES.map((tearGas) => ({
      municipality: PROBE_MUNICIPALITY,
      startPhase: 1 as const,
      decisions: { waterCannon, tearGas },
      lastWarning: null,
    })),
  );

const probeActors = (): By[] =>
  ROLES.flatMap((role) => [
    { role, name: 'probe', municipality: PROBE_MUNICIPALITY },
    { role, name: 'probe', municipality: 'Elders' },
  ]);

const TEXTS = ['', 'tekst'];

/** Every well-formed event of `type` with the text and choices it can carry. */
function probeEvents(type: EscalationEventType, subject: Subject | null): EscalationEvent[] {
  const subjects = subject ? [subject] : SUBJECTS;
  return probeActors().flatMap((by): EscalationEvent[] => {
    switch (type) {
      case 'phase.escalate':
      case 'phase.deescalate':
        return TEXTS.map((reason) => ({ type, by, reason }));
      case 'mayor.decide':
        return subjects.flatMap((s) =>
          VERDICTS.flatMap((verdict) => TEXTS.map((grounds) => ({ type, by, subject: s, verdict, grounds }))),
        );
      case 'mayor.revoke':
        return subjects.flatMap((s) => TEXTS.map((grounds) => ({ type, by, subject: s, grounds })));
      default:
        return [{ type, by }];
    }
  });
}

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

/** The rules `refusalFor` can answer with for `type` in the guard's phase and stage. */
function refusingRules(type: EscalationEventType, params: Readonly<Record<string, unknown>>): RuleId[] {
  const { phase, stage, subject } = params;
  if (!isPhaseNumber(phase)) throw new Error(`A guard without a phase: ${JSON.stringify(params)}`);
  const situationStage = isRiotStage(stage) ? stage : null;
  const rules = new Set<RuleId>();
  for (const context of probeContexts())
    for (const event of probeEvents(type, isSubject(subject) ? subject : null)) {
      const refusal = refusalFor({ phase: phaseByNumber(phase), stage: situationStage, context }, event);
      if (refusal) rules.add(refusal.rule);
    }
  return [...rules].sort(byRuleNumber);
}

/**
 * Each guard of the machine to the rules behind it. A guard the machine gains
 * without an entry here is an error, so the diagram never shows a guard
 * without its rule.
 */
function rulesOf(guard: ModelGuard | null, event: EscalationEventType | null): RuleId[] {
  if (!guard) return [];
  switch (guard.type) {
    case 'allowed':
      if (!event) throw new Error('An eventless transition guarded by the rules');
      return refusingRules(event, guard.params);
    // R8: a refusal or revocation that ends consent takes this path.
    case 'allowedAndEndsConsent':
      if (!event) throw new Error('An eventless transition guarded by the rules');
      return [...new Set<RuleId>([...refusingRules(event, guard.params), 'R8'])].sort(byRuleNumber);
    // R1: the exercise starts in phase 1 unless the scenario says otherwise.
    case 'startsIn':
      return ['R1'];
    default:
      throw new Error(`No rule known for the guard "${guard.type}"`);
  }
}

// ---------------------------------------------------------------------------
// The walk.

function guardOf(definition: AnyTransitionDefinition): ModelGuard | null {
  const guard: unknown = definition.guard;
  if (guard === undefined) return null;
  if (typeof guard === 'string') return { type: guard, params: {} };
  if (typeof guard === 'object' && guard !== null && 'type' in guard && typeof guard.type === 'string') {
    const params = 'params' in guard && typeof guard.params === 'object' && guard.params !== null ? guard.params : {};
    return { type: guard.type, params: params as Record<string, unknown> };
  }
  throw new Error(`A guard the diagram cannot name, on ${definition.source.id}`);
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
    rules: rulesOf(guard, event),
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

/**
 * Text a transition needs, given as a placeholder so the judgement is about
 * the step itself: the console judges its buttons the same way.
 */
const PROBE_TEXT = '…';

/** The attempt a transition stands for, as `by` would make it (reason and grounds as placeholders). */
export function attemptForTransition(
  transition: ModelTransition,
  by: By,
  subject: Subject = transition.subject ?? 'waterCannon',
): EscalationEvent | null {
  switch (transition.event) {
    case null:
      return null;
    case 'phase.escalate':
    case 'phase.deescalate':
      return { type: transition.event, by, reason: PROBE_TEXT };
    // A decision transition that names its subject ends consent (R8): judged as a refusal of it.
    case 'mayor.decide':
      return {
        type: 'mayor.decide',
        by,
        subject,
        verdict: transition.subject ? 'refused' : 'granted',
        grounds: PROBE_TEXT,
      };
    case 'mayor.revoke':
      return { type: 'mayor.revoke', by, subject, grounds: PROBE_TEXT };
    default:
      return { type: transition.event, by };
  }
}

/** What the model says now to `by` taking this transition: `null` when it would be accepted (whyRefused). */
export function judgeTransition(snapshot: EscalationSnapshot, transition: ModelTransition, by: By): Refusal | null {
  const attempt = attemptForTransition(transition, by);
  return attempt ? whyRefused(snapshot, attempt) : null;
}
