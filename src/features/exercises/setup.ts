/**
 * The new-exercise form as data: what the trainer typed, what is missing, and
 * the `ExerciseSetup` it becomes. Pure, so the rules of the form are tested
 * without a browser.
 */
import type { PhaseNumber } from '../../../machines';
import { parseExerciseTime, type CastMember, type ExerciseSetup } from '../../session';

/** The roles the form asks one name for, in the order it asks them. */
export const NAMED_ROLES = ['mayor', 'locoMayor', 'commander', 'prosecutor', 'trainer'] as const;
export type NamedRole = (typeof NAMED_ROLES)[number];

export interface ExerciseDraft {
  title: string;
  municipality: string;
  names: Record<NamedRole, string>;
  /** Blank rows are left out of the cast. */
  observers: string[];
  /** As a datetime-local input gives it: "2026-12-31T22:00". */
  startTime: string;
  startPhase: PhaseNumber;
}

/** The fields that can be wrong, in the order they appear (focus goes to the first). */
export const DRAFT_FIELDS = ['title', 'municipality', ...NAMED_ROLES, 'startTime'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];
export type DraftErrors = Partial<Record<DraftField, true>>;

/**
 * The coming New Year's Eve at 22:00, the usual start of a tabletop on the
 * jaarwisseling, counted on the trainer's own calendar from `now` (epoch ms).
 */
export function comingNewYearsEve(now: number): string {
  const today = new Date(now);
  const year = today.getFullYear();
  const eve = new Date(year, 11, 31, 22, 0).getTime();
  return `${String(now < eve ? year : year + 1)}-12-31T22:00`;
}

export function emptyDraft(now: number): ExerciseDraft {
  return {
    title: '',
    municipality: '',
    names: { mayor: '', locoMayor: '', commander: '', prosecutor: '', trainer: '' },
    observers: [],
    startTime: comingNewYearsEve(now),
    startPhase: 1,
  };
}

/** Every field is required except the observers; the start time must be a readable date and time. */
export function validateDraft(draft: ExerciseDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.title.trim()) errors.title = true;
  if (!draft.municipality.trim()) errors.municipality = true;
  for (const role of NAMED_ROLES) if (!draft.names[role].trim()) errors[role] = true;
  if (Number.isNaN(parseExerciseTime(draft.startTime.trim()))) errors.startTime = true;
  return errors;
}

export function firstInvalid(errors: DraftErrors): DraftField | undefined {
  return DRAFT_FIELDS.find((field) => errors[field]);
}

/** The set-up the session stores. Mayors carry the exercise's municipality: it makes them competent (R5). */
export function setupOf(draft: ExerciseDraft): ExerciseSetup {
  const municipality = draft.municipality.trim();
  const cast: CastMember[] = NAMED_ROLES.map((role) => ({
    id: role,
    role,
    name: draft.names[role].trim(),
    ...(role === 'mayor' || role === 'locoMayor' ? { municipality } : {}),
  }));
  draft.observers
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .forEach((name, index) => {
      cast.push({ id: `observer-${String(index + 1)}`, role: 'observer', name });
    });
  return {
    title: draft.title.trim(),
    municipality,
    startTime: draft.startTime.trim(),
    cast,
    startPhase: draft.startPhase,
  };
}

/** Back from a set-up to the form, e.g. to keep the input after a failed save. */
export function draftOf(setup: ExerciseSetup): ExerciseDraft {
  const nameOf = (role: NamedRole) =>
    (setup.cast.find((member) => member.id === role) ?? setup.cast.find((member) => member.role === role))?.name ?? '';
  return {
    title: setup.title,
    municipality: setup.municipality,
    names: {
      mayor: nameOf('mayor'),
      locoMayor: nameOf('locoMayor'),
      commander: nameOf('commander'),
      prosecutor: nameOf('prosecutor'),
      trainer: nameOf('trainer'),
    },
    observers: setup.cast.filter((member) => member.role === 'observer').map((member) => member.name),
    startTime: setup.startTime,
    startPhase: setup.startPhase ?? 1,
  };
}
