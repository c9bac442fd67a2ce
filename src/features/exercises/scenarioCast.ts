/**
 * The cast of an exercise started from a scenario, as the form edits it: one
 * row per role the scenario brings (two mayors, say, or no prosecutor), and
 * its observers. Pure, so the form's rules are tested without a browser.
 */
import type { Role, Text } from '../../../machines';
import type { Scenario } from '../../scenarios';
import type { CastMember, ExerciseSetup } from '../../session';

export interface CastRow {
  id: string;
  role: Exclude<Role, 'observer'>;
  name: string;
  /** The scenario's position for this role, in both languages: kept when the trainer renames who plays it. */
  position?: Text;
  /** A mayor or acting mayor of another municipality keeps it: the scenario may be about who is not competent (R5). */
  municipality?: string;
  /** A mayor or acting mayor of the exercise's own municipality: follows it when the trainer changes it (R5). */
  local: boolean;
}

export interface ObserverDraft {
  /** The scenario's id for this observer; new rows get one when the set-up is made. */
  id?: string;
  name: string;
  /** The scenario's position for this observer ("evaluator"); rows the trainer adds have none. */
  position?: Text;
}

const positionOf = (member: { position?: Text }) =>
  member.position === undefined ? {} : { position: member.position };

const isMayor = (role: Role) => role === 'mayor' || role === 'locoMayor';

/** The rows and observers of a set-up made from a scenario (`scenarioToSetup`) or kept after a failed save. */
export function castRowsOf(setup: ExerciseSetup): { rows: CastRow[]; observers: ObserverDraft[] } {
  const rows: CastRow[] = [];
  const observers: ObserverDraft[] = [];
  for (const member of setup.cast) {
    if (member.role === 'observer') {
      observers.push({ id: member.id, name: member.name, ...positionOf(member) });
      continue;
    }
    const local = isMayor(member.role) && (member.municipality ?? setup.municipality) === setup.municipality;
    rows.push({
      id: member.id,
      role: member.role,
      name: member.name,
      ...positionOf(member),
      ...(member.municipality !== undefined && !local ? { municipality: member.municipality } : {}),
      local,
    });
  }
  return { rows, observers };
}

/** The form field of a cast row: its name and the key its error goes under. */
export const castField = (row: Pick<CastRow, 'id'>) => `cast-${row.id}`;

/** Every role the scenario brings needs a name. */
export function castRowErrors(rows: readonly CastRow[]): Record<string, true> {
  const errors: Record<string, true> = {};
  for (const row of rows) if (!row.name.trim()) errors[castField(row)] = true;
  return errors;
}

export interface ScenarioSetupInput {
  title: string;
  municipality: string;
  startTime: string;
  startPhase: NonNullable<ExerciseSetup['startPhase']>;
  rows: readonly CastRow[];
  observers: readonly ObserverDraft[];
  scenario: Scenario;
}

/** The set-up the session stores, with the scenario kept whole (its injects, objectives and questions). */
export function setupFromScenario(input: ScenarioSetupInput): ExerciseSetup {
  const municipality = input.municipality.trim();
  const cast: CastMember[] = input.rows.map((row) => {
    const own = row.local ? municipality : row.municipality;
    return {
      id: row.id,
      role: row.role,
      name: row.name.trim(),
      ...positionOf(row),
      ...(own === undefined ? {} : { municipality: own }),
    };
  });
  const taken = new Set(cast.map((member) => member.id));
  let next = 1;
  for (const observer of input.observers) {
    const name = observer.name.trim();
    if (name === '') continue;
    let id = observer.id;
    if (id === undefined || taken.has(id)) {
      while (taken.has(`observer-${String(next)}`)) next++;
      id = `observer-${String(next)}`;
    }
    taken.add(id);
    cast.push({ id, role: 'observer', name, ...positionOf(observer) });
  }
  return {
    title: input.title.trim(),
    municipality,
    startTime: input.startTime.trim(),
    cast,
    startPhase: input.startPhase,
    scenarioId: input.scenario.id,
    scenario: input.scenario,
  };
}
