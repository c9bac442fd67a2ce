/**
 * What each role's device may see of an exercise: the projection a server
 * sends, worked out here once so every host agrees. The trainer and the
 * observers see everything (they steer and evaluate). The players see the
 * model's log (every attempt, refusals included, and the clock) and the
 * injects released to their audience — never an inject before it is told to
 * the room, nor what the scenario expects of them, nor the trainer's and
 * observers' notes.
 *
 * Which role hears which audience is Paraat's assumption ("aanname"), kept as
 * data below: the scenario format names audiences, not roles.
 *
 * A hidden entry is not left out but sent as its seq and hashes only, so a
 * device can still check that the chain has no gaps and links up.
 */
import type { Role } from '../../machines';
import { INJECT_AUDIENCES, type InjectAudience } from '../scenarios/audiences';
import type { Inject, Scenario } from '../scenarios/schema';
import { isForAudience } from './injects';
import type { ExerciseHead, ExerciseSetup, InjectEntry, LogEntry } from './log';

export interface Visibility {
  /** Sees the whole log and the whole scenario: steers or evaluates. */
  everything: boolean;
  /** Whose injects this role hears once released. */
  audiences: readonly InjectAudience[];
  /** Aanname: where this comes from. */
  assumption: string;
}

export const VISIBILITY: Record<Role, Visibility> = {
  trainer: { everything: true, audiences: INJECT_AUDIENCES, assumption: 'de oefenleider stuurt de oefening (R13)' },
  observer: {
    everything: true,
    audiences: INJECT_AUDIENCES,
    assumption: 'aanname: waarnemers beoordelen en zien alles',
  },
  mayor: { everything: false, audiences: ['everyone', 'mayorStaff'], assumption: 'aanname: de burgemeester en staf' },
  locoMayor: { everything: false, audiences: ['everyone', 'mayorStaff'], assumption: 'aanname: als de burgemeester' },
  prosecutor: {
    everything: false,
    audiences: ['everyone', 'mayorStaff'],
    assumption: 'aanname: de officier van justitie zit in de driehoek naast de burgemeester',
  },
  commander: { everything: false, audiences: ['everyone', 'commander'], assumption: 'aanname: de ME-commandant' },
};

/** An entry a role may not read: where it stands in the chain, nothing more. */
export interface RedactedEntry {
  kind: 'redacted';
  seq: number;
  prevHash: string;
  hash: string;
}

/** An inject as a player hears it: what is said, not what the scenario expects of them. */
export type ToldInject = Omit<Inject, 'decisionPoint'>;

/** One entry as a role's device gets it; a released inject comes with what it says. */
export interface ProjectedEntry {
  entry: LogEntry | RedactedEntry;
  inject?: ToldInject;
}

// An allow-list: a field the scenario format gains later stays with the trainer until added here.
const told = (inject: Inject): ToldInject => ({
  id: inject.id,
  offsetMinutes: inject.offsetMinutes,
  title: inject.title,
  text: inject.text,
  audience: inject.audience,
});

const redacted = (entry: LogEntry): RedactedEntry => ({
  kind: 'redacted',
  seq: entry.seq,
  prevHash: entry.prevHash,
  hash: entry.hash,
});

/** The released inject an inject entry tells `role`, or `null`: held, skipped, or for another audience. */
function injectTold(setup: ExerciseSetup, entry: InjectEntry, role: Role): Inject | null {
  if (entry.action !== 'released') return null;
  const inject = setup.scenario?.injects.find((candidate) => candidate.id === entry.injectId);
  if (!inject) return null;
  return VISIBILITY[role].audiences.some((audience) => isForAudience(inject, audience)) ? inject : null;
}

/** One log entry as `role`'s device may see it. */
export function projectEntry(setup: ExerciseSetup, entry: LogEntry, role: Role): ProjectedEntry {
  const everything = VISIBILITY[role].everything;
  switch (entry.kind) {
    case 'exercise':
    case 'attempt':
    case 'clock':
      return { entry };
    case 'inject': {
      const inject = injectTold(setup, entry, role);
      if (inject) return { entry, inject: everything ? inject : told(inject) };
      return { entry: everything ? entry : redacted(entry) };
    }
    case 'note':
    case 'correction':
    case 'steeringRefused':
      return { entry: everything ? entry : redacted(entry) };
  }
}

/**
 * The scenario as a player's device holds it: the framing (title, place,
 * cast, start, tolerance limits, what is assumed) and the injects released to
 * them so far, without what is expected of them, the learning objectives or
 * the debrief questions.
 */
function projectScenario(scenario: Scenario, released: readonly Inject[]): Scenario {
  return { ...scenario, injects: released.map(told), learningObjectives: [], debriefQuestions: [] };
}

/** The head and log of an exercise as `role`'s device may see them. */
export function projectExercise(
  head: ExerciseHead,
  log: readonly LogEntry[],
  role: Role,
): { head: ExerciseHead; entries: ProjectedEntry[] } {
  const entries = log.map((entry) => projectEntry(head.setup, entry, role));
  const { scenario } = head.setup;
  if (VISIBILITY[role].everything || !scenario) return { head, entries };
  const released = entries.flatMap((projected) => {
    const inject = projected.entry.kind === 'inject' ? injectTold(head.setup, projected.entry, role) : null;
    return inject ? [inject] : [];
  });
  return { head: { ...head, setup: { ...head.setup, scenario: projectScenario(scenario, released) } }, entries };
}
