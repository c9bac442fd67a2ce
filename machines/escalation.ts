/**
 * The five-phase escalation statechart.
 *
 * Phases are states, generated from the phase catalogue (phases.ts), so the
 * structure follows the data. Inside a phase that allows the water cannon
 * (riot control in the default data) the stages are nested states:
 *
 *   notWarned → warned → waterCannon.water ⇄ waterCannon.tearAgent
 *
 * so "tear agent without the water cannon" and "water cannon without a
 * warning" cannot be represented at all (R4, R7). Leaving the phase exits
 * those states, which withdraws the means (R9). The guards are named by
 * their rule (`R3.mayorConsents`, `R8.endsConsent`, …), one per check of the
 * table in checks.ts, which `whyRefused` reads too.
 *
 * Pure: no timers, no clock, no randomness. Times travel in events.
 */
import { and, assign, setup, StateMachine } from 'xstate';
import { ATTEMPT_CHECKS, attemptChecksAt, passes } from './checks';
import { allowsMeans, PHASES, phaseByNumber, type PhaseDefinition } from './phases';
import { endsConsent, isKnownEventType, type RiotStage } from './rules';
import type {
  By,
  DecisionInForce,
  EscalationContext,
  EscalationEvent,
  EscalationEventType,
  EscalationInput,
  EventTime,
  PhaseNumber,
  Subject,
} from './types';

interface GuardParams {
  phase: PhaseNumber;
  stage: RiotStage | null;
}

/** Copy only what the record needs: events come from outside. */
const cleanBy = (by: By): By =>
  by.municipality === undefined
    ? { role: by.role, name: by.name }
    : { role: by.role, name: by.name, municipality: by.municipality };

const cleanTime = (at: unknown): EventTime | undefined => {
  if (typeof at !== 'object' || at === null) return undefined;
  const { exercise, wall } = at as Record<string, unknown>;
  return typeof exercise === 'string' && typeof wall === 'string' ? { exercise, wall } : undefined;
};

const startPhaseOf = (input: EscalationInput | undefined): PhaseNumber => {
  const start = input?.startPhase;
  return start === 1 || start === 2 || start === 3 || start === 4 || start === 5 ? start : 1;
};

const machineSetup = setup({
  types: {
    context: {} as EscalationContext,
    events: {} as EscalationEvent,
    input: {} as EscalationInput,
  },
  guards: {
    ...Object.fromEntries(
      ATTEMPT_CHECKS.map((check) => [
        check.name,
        ({ context, event }: { context: EscalationContext; event: EscalationEvent }, { phase, stage }: GuardParams) =>
          passes(check, { phase: phaseByNumber(phase), stage, context }, event),
      ]),
    ),
    /** R8: a refusal or revocation ends the consent in force, and so stops a means. */
    'R8.endsConsent': ({ event }, params: { subject: Subject }) => endsConsent(event, params.subject),
    /** R1: the exercise starts in phase 1 unless the scenario says otherwise. */
    'R1.startsIn': ({ context }, params: { phase: PhaseNumber }) => context.startPhase === params.phase,
  },
  actions: {
    recordDecision: assign({
      decisions: ({ context, event }) => {
        if (event.type !== 'mayor.decide' && event.type !== 'mayor.revoke') return context.decisions;
        const at = cleanTime(event.at);
        const decision: DecisionInForce = {
          verdict: event.type === 'mayor.revoke' ? 'revoked' : event.verdict,
          grounds: event.grounds,
          by: cleanBy(event.by),
          ...(at ? { at } : {}),
        };
        return { ...context.decisions, [event.subject]: decision };
      },
    }),
    recordWarning: assign({
      lastWarning: ({ event }) => {
        const at = cleanTime(event.at);
        return { by: cleanBy(event.by), ...(at ? { at } : {}) };
      },
    }),
  },
});

type NamedGuard = { type: string; params: Record<string, unknown> };

/** The rules' guards for `type` out of this phase and stage, in the order `whyRefused` asks them. */
function rulesGuard(
  phase: PhaseDefinition,
  stage: RiotStage | null,
  type: EscalationEventType,
  also: NamedGuard[] = [],
) {
  const params = { phase: phase.number, stage };
  const guards: NamedGuard[] = [
    ...attemptChecksAt(phase.number, stage, type).map((check) => ({ type: check.name, params })),
    ...also,
  ];
  // The guard names are typed as plain strings (they come from the table); `and` checks them by name.
  return and(guards as unknown as Parameters<typeof and>[0]);
}

type DecisionType = 'mayor.decide' | 'mayor.revoke';

/** The mayor may decide and revoke in any phase, in anticipation too (R5, R6). */
const recordedDecision = (phase: PhaseDefinition, stage: RiotStage | null, type: DecisionType) => ({
  guard: rulesGuard(phase, stage, type),
  actions: 'recordDecision' as const,
  description: 'R5, R6: the competent mayor decides or revokes, with grounds',
});

/** A refusal or revocation that ends consent, and so stops a means (R8). */
const endingConsent =
  (phase: PhaseDefinition, stage: RiotStage, subject: Subject, target: string) => (type: DecisionType) => ({
    guard: rulesGuard(phase, stage, type, [{ type: 'R8.endsConsent', params: { subject } }]),
    target,
    actions: 'recordDecision' as const,
    description:
      subject === 'waterCannon'
        ? 'R8: refusing or revoking the water cannon stops it and the agent; the warning lapses'
        : 'R8: refusing or revoking the tear agent stops only the agent',
  });

type Ending = ReturnType<typeof endingConsent>;

function mayorDecisions(phase: PhaseDefinition, stage: RiotStage | null, ...endings: Ending[]) {
  const handlers = (type: DecisionType) => [
    ...endings.map((ending) => ending(type)),
    recordedDecision(phase, stage, type),
  ];
  return { 'mayor.decide': handlers('mayor.decide'), 'mayor.revoke': handlers('mayor.revoke') };
}

/** The stages inside a phase that allows the water cannon. */
function waterCannonStages(phase: PhaseDefinition) {
  const notWarned = '#escalation.' + phase.stateId + '.notWarned';
  const warnAgain = (stage: RiotStage) => ({
    guard: rulesGuard(phase, stage, 'crowd.warn'),
    actions: 'recordWarning' as const,
    description: 'R7: the warning may be repeated',
  });
  const withdraw = (stage: RiotStage) => ({
    guard: rulesGuard(phase, stage, 'waterCannon.withdraw'),
    target: notWarned,
    description: 'Withdrawing the water cannon stops the agent; the warning lapses',
  });
  return {
    initial: 'notWarned' as const,
    states: {
      notWarned: {
        description: 'No warning given in this deployment (R7)',
        on: {
          'crowd.warn': {
            guard: rulesGuard(phase, 'notWarned', 'crowd.warn'),
            target: 'warned',
            actions: 'recordWarning' as const,
            description: 'R7: the warning before force',
          },
          ...mayorDecisions(phase, 'notWarned'),
        },
      },
      warned: {
        description: 'The crowd has been warned; the water cannon may be used with the mayor’s consent (R3, R7)',
        on: {
          'crowd.warn': warnAgain('warned'),
          'waterCannon.deploy': {
            guard: rulesGuard(phase, 'warned', 'waterCannon.deploy'),
            target: 'waterCannon',
            description: 'R3, R7: the mayor’s consent and a warning',
          },
          ...mayorDecisions(phase, 'warned', endingConsent(phase, 'warned', 'waterCannon', notWarned)),
        },
      },
      waterCannon: {
        description: 'The water cannon is in use',
        initial: 'water' as const,
        states: {
          water: {
            description: 'Water only',
            on: {
              'crowd.warn': warnAgain('waterCannon'),
              'waterCannon.withdraw': withdraw('waterCannon'),
              'tearGas.add': {
                guard: rulesGuard(phase, 'waterCannon', 'tearGas.add'),
                target: 'tearAgent',
                description: 'R4: a separate decision of the mayor on the tear agent',
              },
              ...mayorDecisions(phase, 'waterCannon', endingConsent(phase, 'waterCannon', 'waterCannon', notWarned)),
            },
          },
          tearAgent: {
            description: 'Tear agent in the water: a pilot deployment (R11)',
            tags: ['pilot'],
            on: {
              'crowd.warn': warnAgain('tearAgent'),
              'waterCannon.withdraw': withdraw('tearAgent'),
              'tearGas.stop': {
                guard: rulesGuard(phase, 'tearAgent', 'tearGas.stop'),
                target: 'water',
                description: 'Stop the agent',
              },
              ...mayorDecisions(
                phase,
                'tearAgent',
                endingConsent(phase, 'tearAgent', 'waterCannon', notWarned),
                endingConsent(phase, 'tearAgent', 'tearGas', 'water'),
              ),
            },
          },
        },
      },
    },
  };
}

function phaseState(phase: PhaseDefinition) {
  const next = PHASES[phase.number];
  const previous = PHASES[phase.number - 2];
  const on = {
    ...(next && {
      'phase.escalate': {
        guard: rulesGuard(phase, null, 'phase.escalate'),
        target: next.stateId,
        description: 'R1, R13: the commander escalates one phase, with a reason',
      },
    }),
    ...(previous && {
      'phase.deescalate': {
        guard: rulesGuard(phase, null, 'phase.deescalate'),
        target: previous.stateId,
        description:
          'R1, R9, R13: the commander de-escalates one phase, with a reason; means of this phase are withdrawn',
      },
    }),
    ...mayorDecisions(phase, null),
  };
  return {
    description: phase.name.en,
    meta: { phase: phase.number },
    on,
    ...(allowsMeans(phase, 'waterCannon') ? waterCannonStages(phase) : {}),
  };
}

const statechart = machineSetup.createMachine({
  id: 'escalation',
  context: ({ input }: { input: EscalationInput | undefined }) => ({
    // Input comes from outside (scenario files, drivers): read it defensively.
    municipality: typeof input?.municipality === 'string' ? input.municipality : '',
    startPhase: startPhaseOf(input),
    decisions: { waterCannon: null, tearGas: null },
    lastWarning: null,
  }),
  initial: 'start',
  states: {
    start: {
      description: 'R1: the exercise starts in phase 1 unless the scenario says otherwise',
      always: PHASES.map((phase) => ({
        guard: { type: 'R1.startsIn' as const, params: { phase: phase.number } },
        target: phase.stateId,
      })),
    },
    ...Object.fromEntries(PHASES.map((phase) => [phase.stateId, phaseState(phase)])),
  },
});

/**
 * CONTRACT.md: "An event the machine does not know ... changes nothing and
 * does not throw." XState reads `event.type` as a string before any guard
 * runs: an object without a string `type` (`{}`, `{ type: 42 }`) makes it
 * throw, which leaves the actor in status 'error', and a type starting with
 * `xstate.error.actor` is taken as a failing child and also ends in 'error'.
 * So the statechart only sees the contract's events (and XState's own
 * `xstate.stop`, sent by `actor.stop()`); anything else leaves the snapshot as
 * it is and enables no transition, which is what `whyRefused` (R10) says.
 */
const reachesStatechart = (event: unknown): boolean => {
  if (typeof event !== 'object' || event === null) return false;
  const { type } = event as { type?: unknown };
  return isKnownEventType(type) || type === 'xstate.stop';
};

type Statechart = typeof statechart;
type Snapshot = Parameters<Statechart['transition']>[0];
type Event = Parameters<Statechart['transition']>[1];
type Scope = Parameters<Statechart['transition']>[2];
type Implementations = Parameters<Statechart['provide']>[0];

// StateMachine's own type takes fifteen parameters; the statechart's instance type stands for them.
const StatechartClass = StateMachine as unknown as new (
  config: Statechart['config'],
  implementations: Statechart['implementations'],
) => Statechart;

/**
 * The statechart behind the contract's door: the same machine, as a class
 * whose transitions pass only the contract's events (above). A class rather
 * than methods replaced on the instance, so `provide()` keeps the door too.
 */
class EscalationMachine extends StatechartClass {
  override transition(snapshot: Snapshot, event: Event, actorScope: Scope): Snapshot {
    return reachesStatechart(event) ? super.transition(snapshot, event, actorScope) : snapshot;
  }

  override getTransitionData(snapshot: Snapshot, event: Event): ReturnType<Statechart['getTransitionData']> {
    return reachesStatechart(event) ? super.getTransitionData(snapshot, event) : [];
  }

  override provide(implementations: Implementations): Statechart {
    const provided = super.provide(implementations);
    return new EscalationMachine(provided.config, provided.implementations);
  }
}

export const escalationMachine: Statechart = new EscalationMachine(statechart.config, statechart.implementations);
