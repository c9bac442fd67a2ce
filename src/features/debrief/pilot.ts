/**
 * Pilot cases (R11): every time the tear agent went into the water cannon's
 * water. The LOVP feedback of 24 November 2025 calls such a use a pilot
 * deployment (large-scale disorder and a mayoral decision); the pilot runs
 * two years from 25 December 2025, and each case is recorded for evaluation.
 */
import type { By, PhaseNumber } from '../../../machines';
import type { AttemptEntry, LogEntry } from '../../session';
import type { DecisionRecord } from './decisions';
import { intervalBetween, momentOf, type Interval, type Moment } from './moment';

export type PilotStop =
  /** The commander stopped the agent, or withdrew the water cannon and the agent with it. */
  | 'stopped'
  /** The mayor revoked or refused a decision, which ends the consent (R8). */
  | 'R8'
  /** De-escalation out of riot control withdrew the means (R9). */
  | 'R9';

export interface PilotCase {
  at: Moment;
  by: By;
  phase: PhaseNumber;
  /** The tear-agent decision in force when the agent was added. */
  decision: DecisionRecord | null;
  /** The moment the agent stopped; null when still in use when the log ends. */
  stopped: { at: Moment; why: PilotStop } | null;
  interval: Interval | null;
}

const accepted = (entry: LogEntry): entry is AttemptEntry => entry.kind === 'attempt' && entry.outcome === 'accepted';

function stopReason(entry: AttemptEntry): PilotStop {
  if (entry.after.phase < entry.before.phase) return 'R9';
  if (entry.event.type === 'mayor.revoke' || entry.event.type === 'mayor.decide') return 'R8';
  return 'stopped';
}

export function pilotCases(entries: readonly LogEntry[], records: readonly DecisionRecord[]): PilotCase[] {
  const cases: PilotCase[] = [];
  entries.forEach((entry, index) => {
    if (!accepted(entry) || !entry.after.means.includes('tearAgent') || entry.before.means.includes('tearAgent'))
      return;
    const stop = entries
      .slice(index + 1)
      .find(
        (other): other is AttemptEntry =>
          accepted(other) && other.before.means.includes('tearAgent') && !other.after.means.includes('tearAgent'),
      );
    const decision =
      records.filter((record) => record.subject === 'tearGas' && record.at.seq < entry.seq).at(-1) ?? null;
    const at = momentOf(entry);
    const stopped = stop ? { at: momentOf(stop), why: stopReason(stop) } : null;
    cases.push({
      at,
      by: entry.by,
      phase: entry.after.phase,
      decision,
      stopped,
      interval: stopped ? intervalBetween(at, stopped.at) : null,
    });
  });
  return cases;
}
