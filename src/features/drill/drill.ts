/**
 * The decision drill as data (issue #15): from a scenario's decision point to
 * the exercise it runs in, the attempts a scenario's steps and a user's answer
 * become, and the times that say whether a decision came late. Pure: no
 * React, no storage, no clock of its own. What the model makes of an attempt
 * is never decided here: every attempt goes through the session's door and
 * the core judges it (src/core/applyAttempt.ts), exactly as in the console.
 */
import type { By, Subject } from '../../../machines';
import {
  formatExerciseTime,
  parseExerciseTime,
  type Attempt,
  type CastMember,
  type ExerciseSetup,
} from '../../session';
import type { AnswerVerdict, DrillPace } from '../../session/drillRuns';
import { scenarioToSetup, type DrillPoint, type DrillStep, type Scenario } from '../../scenarios';

export type DrillLanguage = 'nl' | 'en';

/** A cast member as the model names who acts: the `By` the console sends when acting as them. */
export function byOf(member: CastMember): By {
  return member.municipality === undefined
    ? { role: member.role, name: member.name }
    : { role: member.role, name: member.name, municipality: member.municipality };
}

export class UnknownCastMemberError extends Error {
  constructor(readonly id: string) {
    super(`Nobody in the cast has id "${id}"`);
  }
}

export function memberOf(setup: ExerciseSetup, id: string): CastMember {
  const member = setup.cast.find((candidate) => candidate.id === id);
  if (!member) throw new UnknownCastMemberError(id);
  return member;
}

const TITLE_MAX = 200;

/**
 * The exercise one decision point runs in: the scenario's set-up (cast,
 * municipality, start phase, the scenario kept whole as the console keeps
 * it), its clock set to the point's moment so every entry carries that
 * exercise time, and a title that says it is a drill.
 */
export function pointSetup(scenario: Scenario, point: DrillPoint, language: DrillLanguage): ExerciseSetup {
  const setup = scenarioToSetup(scenario, language);
  const moment = parseExerciseTime(scenario.startTime) + point.offsetMinutes * 60_000;
  return {
    ...setup,
    title: `${scenario.title[language]} — ${point.title[language]}`.slice(0, TITLE_MAX),
    startTime: formatExerciseTime(moment),
    scenario,
  };
}

/** A scenario's step as the attempt the cast member makes, in the drill's language. */
export function attemptOfStep(step: DrillStep, setup: ExerciseSetup, language: DrillLanguage): Attempt {
  const by = byOf(memberOf(setup, step.by));
  switch (step.type) {
    case 'phase.escalate':
    case 'phase.deescalate':
      return { type: step.type, by, reason: step.reason[language] };
    case 'mayor.decide':
      return {
        type: step.type,
        by,
        subject: step.subject,
        verdict: step.verdict,
        grounds: step.grounds[language],
      };
    case 'mayor.revoke':
      return { type: step.type, by, subject: step.subject, grounds: step.grounds[language] };
    default:
      return { type: step.type, by };
  }
}

/** What the user writes and chooses on one subject; `verdict` null until chosen. */
export interface SubjectDraft {
  subject: Subject;
  verdict: AnswerVerdict | null;
  grounds: string;
  conditions: string;
  review: string;
}

/** The user's answer at a decision point: who decides, BOB notes, and one decision per subject at stake. */
export interface AnswerDraft {
  deciderId: string;
  beeld: string;
  oordeel: string;
  subjects: SubjectDraft[];
}

export function emptyAnswer(point: DrillPoint): AnswerDraft {
  // One who may decide is chosen already; among several, choosing is part of the decision (R5).
  return {
    deciderId: point.deciders.length === 1 ? (point.deciders[0] ?? '') : '',
    beeld: '',
    oordeel: '',
    subjects: point.subjects.map((subject) => ({ subject, verdict: null, grounds: '', conditions: '', review: '' })),
  };
}

/** The subjects still without a verdict: the one thing asked before committing (grounds are the model's to judge, R6). */
export const unchosen = (answer: AnswerDraft): Subject[] =>
  answer.subjects.filter((draft) => draft.verdict === null).map((draft) => draft.subject);

export type DecideAttempt = Extract<Attempt, { type: 'mayor.decide' }>;

/**
 * The mayor's decision on one subject as the session receives it, built as
 * the console's decision dialog builds it: one subject (R4), trimmed words,
 * BOB notes and conditions only when given. The review moment is the drill's
 * own record; it is not part of the model's event.
 */
export function decideAttempt(by: By, answer: AnswerDraft, draft: SubjectDraft & { verdict: 'granted' | 'refused' }) {
  const beeld = answer.beeld.trim();
  const oordeel = answer.oordeel.trim();
  const conditions = draft.conditions.trim();
  const attempt: DecideAttempt = {
    type: 'mayor.decide',
    by,
    subject: draft.subject,
    verdict: draft.verdict,
    grounds: draft.grounds.trim(),
    ...(beeld || oordeel ? { bob: { ...(beeld ? { beeld } : {}), ...(oordeel ? { oordeel } : {}) } } : {}),
    ...(conditions ? { conditions } : {}),
  };
  return attempt;
}

/**
 * The attempts an answer makes, one per subject decided either way, in the
 * order the point names the subjects; `skip` leaves out subjects already
 * decided and accepted at this point (a second try sends only what the model
 * refused). "No decision now" makes no attempt.
 */
export function answerAttempts(
  answer: AnswerDraft,
  setup: ExerciseSetup,
  skip: readonly Subject[] = [],
): DecideAttempt[] {
  const by = byOf(memberOf(setup, answer.deciderId));
  return answer.subjects.flatMap((draft) =>
    (draft.verdict === 'granted' || draft.verdict === 'refused') && !skip.includes(draft.subject)
      ? [decideAttempt(by, answer, { ...draft, verdict: draft.verdict })]
      : [],
  );
}

/** "00:20": the point's moment, from the scenario's start time and the point's offset. */
export function momentOf(startTime: string, offsetMinutes: number): string {
  return formatExerciseTime(parseExerciseTime(startTime) + offsetMinutes * 60_000).slice(11, 16);
}

/** The seconds allowed at a point, by the pace the user chose; null: no countdown. */
export function limitSeconds(point: DrillPoint, pace: DrillPace): number | null {
  if (pace === 'none') return null;
  return pace === 'double' ? point.timeLimitSeconds * 2 : point.timeLimitSeconds;
}

/** Whole seconds from `from` to `to` (ISO instants), never negative. */
export function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 1000));
}

/** Late: committed after the limit ran out. Without a limit nothing is late. */
export function isLate(openedAt: string, at: string, limit: number | null): boolean {
  return limit !== null && secondsBetween(openedAt, at) > limit;
}

/** "2:05"; "1:02:05" past the hour. */
export function clockText(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${String(hours)}:${String(minutes).padStart(2, '0')}:${rest}` : `${String(minutes)}:${rest}`;
}
