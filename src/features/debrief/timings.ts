/**
 * How long the room took. For each released inject that is a decision point:
 * the time from its release to the decision on its subject. For each granted
 * decision: the time from the decision to the action it allowed (deploying
 * the water cannon, adding the tear agent). Cf. the 2023 blockade in The
 * Hague: consent at 12:07, water cannons at 12:11 (NJB blog, BRIEF.md §5).
 */
import type { By, EscalationEventType } from '../../../machines';
import type { DecisionPointSubject, Inject } from '../../scenarios/schema';
import type { AttemptEntry, ExerciseSetup, LogEntry } from '../../session';
import type { DecisionRecord } from './decisions';
import { intervalBetween, momentOf, type Interval, type Moment } from './moment';

export interface DecisionPointResponse {
  at: Moment;
  by: By;
  /** 'mayor.decide' for a decision, 'phase.escalate' / 'phase.deescalate' for a phase change. */
  type: EscalationEventType;
  /** For a decision: its verdict. */
  verdict: 'granted' | 'refused' | null;
}

export interface DecisionPointTiming {
  inject: Inject;
  released: Moment;
  releasedBy: By;
  /** What the decision point is about; undefined: any decision or phase change answers it. */
  subject: DecisionPointSubject | undefined;
  /** The first answer after the release; null when none came before the log ends. */
  response: DecisionPointResponse | null;
  /** The latest answer that came before the release: the room anticipated the inject. */
  anticipated: DecisionPointResponse | null;
  interval: Interval | null;
}

export interface DecisionToAction {
  decision: DecisionRecord;
  /** Null when the means was never used while the decision was in force. */
  interval: Interval | null;
}

function answers(entry: LogEntry, subject: DecisionPointSubject | undefined): entry is AttemptEntry {
  if (entry.kind !== 'attempt' || entry.outcome !== 'accepted') return false;
  const { event } = entry;
  const phaseChange = event.type === 'phase.escalate' || event.type === 'phase.deescalate';
  if (subject === 'phase') return phaseChange;
  if (subject === undefined) return phaseChange || event.type === 'mayor.decide';
  return event.type === 'mayor.decide' && event.subject === subject;
}

function responseOf(entry: AttemptEntry): DecisionPointResponse {
  const { event } = entry;
  return {
    at: momentOf(entry),
    by: entry.by,
    type: event.type,
    verdict: event.type === 'mayor.decide' ? event.verdict : null,
  };
}

/** Every release of a decision-point inject of the exercise's scenario, in log order. */
export function decisionPointTimings(setup: ExerciseSetup, entries: readonly LogEntry[]): DecisionPointTiming[] {
  const injects = new Map((setup.scenario?.injects ?? []).map((inject) => [inject.id, inject]));
  const timings: DecisionPointTiming[] = [];
  entries.forEach((entry, index) => {
    if (entry.kind !== 'inject' || entry.action !== 'released') return;
    const inject = injects.get(entry.injectId);
    if (!inject?.decisionPoint) return;
    const subject = inject.decisionPoint.subject;
    const released = momentOf(entry);
    const response = entries.slice(index + 1).find((other) => answers(other, subject));
    const anticipated = entries.slice(0, index).findLast((other) => answers(other, subject));
    timings.push({
      inject,
      released,
      releasedBy: entry.by,
      subject,
      response: response ? responseOf(response) : null,
      anticipated: anticipated ? responseOf(anticipated) : null,
      interval: response ? intervalBetween(released, momentOf(response)) : null,
    });
  });
  return timings;
}

/** Each granted decision and how long until the means it allowed was used. */
export function decisionToAction(records: readonly DecisionRecord[]): DecisionToAction[] {
  return records
    .filter((decision) => decision.verdict === 'granted')
    .map((decision) => ({
      decision,
      interval: decision.used ? intervalBetween(decision.at, decision.used.at) : null,
    }));
}
