/**
 * Small drivers so a model test reads like a script: the situation, the act,
 * the expectation.
 */
import { createActor, type Actor } from 'xstate';
import { escalationMachine, type By, type EscalationEvent, type Subject } from '../../machines';

export const MUNICIPALITY = 'Utrecht';

export const mayor: By = { role: 'mayor', name: 'Dijksma', municipality: MUNICIPALITY };
export const locoMayor: By = { role: 'locoMayor', name: 'Eerenberg', municipality: MUNICIPALITY };
export const otherMayor: By = { role: 'mayor', name: 'Halsema', municipality: 'Amsterdam' };
export const commander: By = { role: 'commander', name: 'De Vries' };
export const prosecutor: By = { role: 'prosecutor', name: 'Bakker' };
export const trainer: By = { role: 'trainer', name: 'Jansen' };
export const observer: By = { role: 'observer', name: 'Visser' };

export type EscalationActor = Actor<typeof escalationMachine>;

export function startExercise(startPhase?: 1 | 2 | 3 | 4 | 5): EscalationActor {
  return createActor(escalationMachine, {
    input: { municipality: MUNICIPALITY, ...(startPhase ? { startPhase } : {}) },
  }).start();
}

export const escalate = (by: By = commander, reason = 'onrust neemt toe'): EscalationEvent => ({
  type: 'phase.escalate',
  by,
  reason,
});
export const deescalate = (by: By = commander, reason = 'rust keert terug'): EscalationEvent => ({
  type: 'phase.deescalate',
  by,
  reason,
});
export const warn = (by: By = commander): EscalationEvent => ({ type: 'crowd.warn', by });
export const grant = (subject: Subject, by: By = mayor, grounds = 'ernstige ongeregeldheden'): EscalationEvent => ({
  type: 'mayor.decide',
  by,
  subject,
  verdict: 'granted',
  grounds,
});
export const refuse = (subject: Subject, by: By = mayor, grounds = 'niet proportioneel'): EscalationEvent => ({
  type: 'mayor.decide',
  by,
  subject,
  verdict: 'refused',
  grounds,
});
export const revoke = (subject: Subject, by: By = mayor, grounds = 'situatie gekalmeerd'): EscalationEvent => ({
  type: 'mayor.revoke',
  by,
  subject,
  grounds,
});
export const deploy = (by: By = commander): EscalationEvent => ({ type: 'waterCannon.deploy', by });
export const withdraw = (by: By = commander): EscalationEvent => ({ type: 'waterCannon.withdraw', by });
export const addTearGas = (by: By = commander): EscalationEvent => ({ type: 'tearGas.add', by });
export const stopTearGas = (by: By = commander): EscalationEvent => ({ type: 'tearGas.stop', by });

/** An exercise standing in riot control (phase 5), nothing decided yet. */
export function inRiotControl(): EscalationActor {
  return startExercise(5);
}

/** Riot control with the water cannon in use: granted, warned, deployed. */
export function withWaterCannonInUse(): EscalationActor {
  const actor = inRiotControl();
  actor.send(grant('waterCannon'));
  actor.send(warn());
  actor.send(deploy());
  return actor;
}

/** Water cannon and tear agent both in use, each with its own grant. */
export function withTearAgentInUse(): EscalationActor {
  const actor = withWaterCannonInUse();
  actor.send(grant('tearGas'));
  actor.send(addTearGas());
  return actor;
}
