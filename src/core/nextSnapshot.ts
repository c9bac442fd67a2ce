/**
 * The model's next snapshot after an event, pure, as xstate's `transition()`
 * gives it — without building a new actor for every call. `transition()`
 * makes an inert actor each time, and the actor's constructor computes the
 * machine's initial snapshot: about a tenth of an attempt's whole cost through
 * the door (bench `dispatch`), for an actor that is never started.
 *
 * One inert scope serves every call: the statechart invokes and spawns
 * nothing and has no delayed events (machines/escalation.ts), so nothing is
 * registered with, deferred to or emitted through the scope; its own actions
 * (assign) are resolved inside the transition, and any other action is
 * dropped as `transition()` callers drop them (the core executes none: it
 * only logs).
 */
import { createActor, type ActorScope } from 'xstate';
import { escalationMachine, type EscalationEvent, type EscalationSnapshot } from '../../machines';

type Scope = ActorScope<EscalationSnapshot, EscalationEvent>;

let scope: Scope | null = null;

function inertScope(): Scope {
  if (scope) return scope;
  // Never started: it runs nothing, it only lends the transition a `self`. Its input is never read:
  // a transition takes the context from the snapshot it is given.
  const self = createActor(escalationMachine, { input: { municipality: '' } });
  scope = {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    logger: () => {},
    defer: () => {},
    stopChild: () => {},
    emit: () => {},
    actionExecutor: () => {},
  };
  return scope;
}

export function nextSnapshot(snapshot: EscalationSnapshot, event: EscalationEvent): EscalationSnapshot {
  return escalationMachine.transition(snapshot, event, inertScope());
}
