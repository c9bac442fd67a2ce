/**
 * Scenarios: the format, reading a file, the built-in scenarios, and turning
 * a scenario into the set-up of a new exercise.
 */
import type { CastMember, ExerciseSetup } from '../core/log';
import type { Text } from '../../machines';
import type { Scenario } from './schema';

export {
  SCENARIO_FORMAT,
  SCENARIO_LIMITS,
  INJECT_AUDIENCES,
  DECISION_POINT_SUBJECTS,
  scenarioSchema,
  type Scenario,
  type ScenarioInput,
  type Inject,
  type InjectAudience,
  type DecisionPoint,
  type DecisionPointSubject,
  type ScenarioCastMember,
  type Drill,
  type DrillPoint,
  type DrillStep,
  type Consideration,
} from './schema';
export {
  parseScenario,
  validateScenario,
  formatPath,
  MAX_SCENARIO_CHARS,
  MAX_SCENARIO_DEPTH,
  MAX_SCENARIO_ERRORS,
  type ScenarioError,
  type ScenarioResult,
} from './parseScenario';

export interface BuiltInScenario {
  id: string;
  /** Relative to the app's base URL: fetch `${import.meta.env.BASE_URL}${file}`. */
  file: `scenarios/${string}.json`;
  title: Text;
}

/** The scenarios shipped in public/scenarios, in the order the set-up screen offers them. */
export const BUILT_IN_SCENARIOS: readonly BuiltInScenario[] = [
  {
    id: 'ggp-go-in-de-wijk',
    file: 'scenarios/ggp-go-in-de-wijk.json',
    title: { nl: 'GGP-GO in de wijk', en: 'GGP-GO in the neighbourhood' },
  },
  {
    id: 'jaarwisseling',
    file: 'scenarios/jaarwisseling.json',
    title: { nl: 'Jaarwisseling', en: "New Year's Eve" },
  },
  {
    id: 'demonstratie-loopt-uit-de-hand',
    file: 'scenarios/demonstratie-loopt-uit-de-hand.json',
    title: { nl: 'Demonstratie loopt uit de hand', en: 'A demonstration turns violent' },
  },
];

/**
 * The set-up of a new exercise from a scenario. Mayors and acting mayors
 * without a municipality of their own get the scenario's, so the competent
 * mayor is recognised as such (R5). Each member's position comes along in
 * both languages: the title is chosen once, but the console may switch.
 */
export function scenarioToSetup(scenario: Scenario, language: keyof Text = 'nl'): ExerciseSetup {
  const cast = scenario.cast.map((member): CastMember => {
    const municipality =
      member.municipality ??
      (member.role === 'mayor' || member.role === 'locoMayor' ? scenario.municipality : undefined);
    return {
      id: member.id,
      role: member.role,
      name: member.name,
      // Only when the scenario gives one: a set-up without it hashes as before.
      ...(member.position === undefined ? {} : { position: { nl: member.position.nl, en: member.position.en } }),
      ...(municipality === undefined ? {} : { municipality }),
    };
  });
  return {
    title: scenario.title[language],
    municipality: scenario.municipality,
    startTime: scenario.startTime,
    cast,
    startPhase: scenario.startPhase,
    scenarioId: scenario.id,
  };
}
