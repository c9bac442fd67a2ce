/**
 * R13 for what happens around the model: trainers and observers steer the
 * exercise (clock, injects, notes) but take no operational action inside the
 * model; operational roles do not steer the exercise. The session asks these
 * before it logs a note, a correction, a clock change or an inject release.
 */
import { isValidBy, ROLE_NAMES } from './rules';
import type { Refusal, Role } from './types';

export const STEERING_ACTIONS = ['exercise.note', 'exercise.correct', 'exercise.clock', 'inject.release'] as const;
export type SteeringAction = (typeof STEERING_ACTIONS)[number];

export const STEERING_AUTHORITY: Record<SteeringAction, readonly Role[]> = {
  'exercise.note': ['trainer', 'observer'],
  'exercise.correct': ['trainer', 'observer'],
  'exercise.clock': ['trainer'],
  'inject.release': ['trainer'],
};

export function steeringRefusal(by: unknown, action: SteeringAction): Refusal | null {
  if (!isValidBy(by))
    return {
      rule: 'R13',
      message: {
        nl: 'Bij elke actie hoort wie handelt: een bekende rol en een naam.',
        en: 'Every action must name who acts: a known role and a name.',
      },
    };
  if (STEERING_AUTHORITY[action].includes(by.role)) return null;
  const who = ROLE_NAMES[by.role];
  const onlyTrainer = STEERING_AUTHORITY[action].length === 1;
  return {
    rule: 'R13',
    message: onlyTrainer
      ? {
          nl: `Alleen de oefenleider stuurt de oefening (klok, injects); ${who.nl} niet.`,
          en: `Only the exercise controller steers the exercise (clock, injects); not ${who.en}.`,
        }
      : {
          nl: `Alleen de oefenleider en waarnemers maken aantekeningen; ${who.nl} niet.`,
          en: `Only the exercise controller and observers write notes; not ${who.en}.`,
        },
  };
}

export function maySteer(role: Role, action: SteeringAction): boolean {
  return STEERING_AUTHORITY[action].includes(role);
}
