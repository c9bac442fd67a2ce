/**
 * Every decision of the mayor as the log records it (R6): who, when, the
 * verdict and its grounds, the BOB notes and conditions, what it allowed,
 * what ended it (a revocation or a later decision on the same subject, R8)
 * and whether the means it allowed was then used. Refused attempts to decide
 * (an incompetent mayor, R5; no grounds, R6) are refusals, not decisions.
 */
import type { BobNotes, By, MeansId, PhaseNumber, Subject, Verdict } from '../../../machines';
import type { AttemptEntry, LogEntry } from '../../session';
import { momentOf, type Moment } from './moment';

/** The means a granted decision on a subject allows, each only with its own decision (R3, R4). */
export const MEANS_OF_SUBJECT: Record<Subject, MeansId> = { waterCannon: 'waterCannon', tearGas: 'tearAgent' };

export interface Revocation {
  at: Moment;
  by: By;
  subject: Subject;
  grounds: string;
  /** The decision it revoked (the one in force on the subject); null when none was. */
  revokes: number | null;
}

export type DecisionEnd =
  { kind: 'revoked'; revocation: Revocation } | { kind: 'superseded'; at: Moment; verdict: Verdict };

export interface DecisionRecord {
  at: Moment;
  by: By;
  subject: Subject;
  verdict: Verdict;
  grounds: string;
  bob: BobNotes | null;
  conditions: string | null;
  /** The phase when it was taken: a decision may come in anticipation and take effect only in phase 5. */
  phase: PhaseNumber;
  /** The means it allowed; null for a refusal. */
  allows: MeansId | null;
  /** What ended it; null while still in force when the log ends. */
  ended: DecisionEnd | null;
  /** The first time the means it allowed came into use while it was in force. */
  used: { at: Moment; by: By } | null;
}

type Decide = AttemptEntry & { event: Extract<AttemptEntry['event'], { type: 'mayor.decide' }> };
type Revoke = AttemptEntry & { event: Extract<AttemptEntry['event'], { type: 'mayor.revoke' }> };

const accepted = (entry: LogEntry): entry is AttemptEntry => entry.kind === 'attempt' && entry.outcome === 'accepted';
const isDecide = (entry: LogEntry): entry is Decide => accepted(entry) && entry.event.type === 'mayor.decide';
const isRevoke = (entry: LogEntry): entry is Revoke => accepted(entry) && entry.event.type === 'mayor.revoke';

const nonEmpty = (text: string | undefined) => (text !== undefined && text.trim() !== '' ? text : null);

function bobOf(notes: BobNotes | undefined): BobNotes | null {
  const beeld = nonEmpty(notes?.beeld);
  const oordeel = nonEmpty(notes?.oordeel);
  if (!beeld && !oordeel) return null;
  return { ...(beeld ? { beeld } : {}), ...(oordeel ? { oordeel } : {}) };
}

/** Every accepted revocation, with the decision it revoked. */
export function revocations(entries: readonly LogEntry[]): Revocation[] {
  const inForce: Record<Subject, number | null> = { waterCannon: null, tearGas: null };
  const list: Revocation[] = [];
  for (const entry of entries) {
    if (isDecide(entry)) inForce[entry.event.subject] = entry.seq;
    if (isRevoke(entry)) {
      const { subject, grounds } = entry.event;
      list.push({ at: momentOf(entry), by: entry.by, subject, grounds, revokes: inForce[subject] });
      inForce[subject] = null;
    }
  }
  return list;
}

export function decisions(entries: readonly LogEntry[]): DecisionRecord[] {
  const revoked = revocations(entries);
  return entries.filter(isDecide).map((entry) => {
    const { subject, verdict, grounds, bob, conditions } = entry.event;
    const means = MEANS_OF_SUBJECT[subject];
    const later = entries.filter((other) => other.seq > entry.seq);
    const endEntry = later.find((other) => (isDecide(other) || isRevoke(other)) && other.event.subject === subject) as
      Decide | Revoke | undefined;
    const revocation =
      endEntry && isRevoke(endEntry) ? revoked.find((item) => item.at.seq === endEntry.seq) : undefined;
    const ended: DecisionEnd | null = !endEntry
      ? null
      : revocation
        ? { kind: 'revoked', revocation }
        : { kind: 'superseded', at: momentOf(endEntry), verdict: (endEntry as Decide).event.verdict };
    const endSeq = endEntry?.seq ?? Number.POSITIVE_INFINITY;
    const usedEntry =
      verdict === 'granted'
        ? later.find(
            (other): other is AttemptEntry =>
              other.seq < endSeq &&
              accepted(other) &&
              other.after.means.includes(means) &&
              !other.before.means.includes(means),
          )
        : undefined;
    return {
      at: momentOf(entry),
      by: entry.by,
      subject,
      verdict,
      grounds,
      bob: bobOf(bob),
      conditions: nonEmpty(conditions),
      phase: entry.before.phase,
      allows: verdict === 'granted' ? means : null,
      ended,
      used: usedEntry ? { at: momentOf(usedEntry), by: usedEntry.by } : null,
    };
  });
}
