/**
 * The scenario's injects as the log tells them: when each is due on the
 * exercise clock, and whether the trainer has released, held or skipped it.
 * Pure functions of the set-up and the log, shared by the session (which
 * checks an inject action before it logs it), replay and the screens.
 *
 * An inject's course: queued → released, held or skipped; a held or skipped
 * inject can still be released (or moved between held and skipped). A
 * released inject has been told to the room and cannot be taken back — the
 * trainer writes a note or a correction instead (JESIP: never erase).
 */
import { steeringRefusal, type Text } from '../../machines';
import type { Inject, InjectAudience } from '../scenarios/schema';
import { parseExerciseTime } from './clock';
import type { ExerciseSetup, InjectEntry, LogEntry } from './log';

export type InjectAction = InjectEntry['action'];
export const INJECT_ACTIONS: readonly InjectAction[] = ['released', 'held', 'skipped'];

export type InjectStatus = 'queued' | InjectAction;

export interface InjectState {
  inject: Inject;
  /** Exercise time (naive ms) from which the inject is due: the exercise's start plus its offset. */
  dueAt: number;
  status: InjectStatus;
  /** The entry that set the status; null while queued. */
  entry: InjectEntry | null;
  /** The entry that released it, once released. */
  released: InjectEntry | null;
}

const MINUTE = 60_000;

/** When an inject is due: offsets count from the exercise's own start time, so a moved start moves the injects. */
export function injectDueAt(setup: ExerciseSetup, inject: Inject): number {
  return parseExerciseTime(setup.startTime) + inject.offsetMinutes * MINUTE;
}

/** Why an inject action would change nothing or is not possible; null when it is a real step. */
export function injectActionProblem(
  setup: ExerciseSetup,
  status: InjectStatus | undefined,
  injectId: string,
  action: InjectAction,
): Text | null {
  if (!INJECT_ACTIONS.includes(action))
    return {
      nl: 'Een inject kan alleen worden vrijgegeven, aangehouden of overgeslagen.',
      en: 'An inject can only be released, held or skipped.',
    };
  if (!setup.scenario)
    return {
      nl: 'Deze oefening heeft geen scenario, en dus geen injects.',
      en: 'This exercise has no scenario, and so no injects.',
    };
  if (status === undefined)
    return {
      nl: `Het scenario van deze oefening heeft geen inject "${injectId}".`,
      en: `This exercise's scenario has no inject "${injectId}".`,
    };
  if (status === 'released')
    return {
      nl: 'Deze inject is al vrijgegeven; dat kan niet ongedaan worden gemaakt. Schrijf zo nodig een aantekening of correctie.',
      en: 'This inject has already been released; that cannot be undone. Write a note or a correction if needed.',
    };
  if (status === action)
    return action === 'held'
      ? { nl: 'Deze inject wordt al aangehouden.', en: 'This inject is already being held.' }
      : { nl: 'Deze inject is al overgeslagen.', en: 'This inject has already been skipped.' };
  return null;
}

/**
 * Every inject of the exercise's scenario in scenario order, with its status
 * after the first `count` entries. An inject entry the session would not have
 * logged (R13, an unknown inject, a step that changes nothing) changes nothing
 * here and is handed to `onInvalid` (replay names it).
 */
export function injectStates(
  setup: ExerciseSetup,
  log: readonly LogEntry[],
  count = log.length,
  onInvalid?: (entry: InjectEntry) => void,
): InjectState[] {
  const injects = setup.scenario?.injects ?? [];
  const states = new Map<string, InjectState>(
    injects.map((inject) => [
      inject.id,
      { inject, dueAt: injectDueAt(setup, inject), status: 'queued', entry: null, released: null },
    ]),
  );
  for (let index = 0; index < count; index++) {
    const entry = log[index];
    if (entry?.kind !== 'inject') continue;
    const state = states.get(entry.injectId);
    if (
      !state ||
      steeringRefusal(entry.by, 'inject.release') ||
      injectActionProblem(setup, state.status, entry.injectId, entry.action)
    ) {
      onInvalid?.(entry);
      continue;
    }
    state.status = entry.action;
    state.entry = entry;
    if (entry.action === 'released') state.released = entry;
  }
  return [...states.values()];
}

/** Queued and due now: what the trainer should release, hold or skip. Held injects wait for the trainer. */
export const isDue = (state: InjectState, exerciseTime: number) =>
  state.status === 'queued' && exerciseTime >= state.dueAt;

/** Audience `everyone` goes to all; every other inject only to its own audience. */
export const isForAudience = (inject: Inject, audience: InjectAudience) =>
  inject.audience === 'everyone' || inject.audience === audience;

/** The released injects an audience sees, in the order they were released. */
export function releasedFor(setup: ExerciseSetup, log: readonly LogEntry[], audience: InjectAudience) {
  return injectStates(setup, log)
    .filter(
      (state): state is InjectState & { released: InjectEntry } =>
        state.released !== null && isForAudience(state.inject, audience),
    )
    .sort((a, b) => a.released.seq - b.released.seq);
}
