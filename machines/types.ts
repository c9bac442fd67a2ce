/**
 * The vocabulary of the escalation model: who acts, on what, and the events of
 * the public contract (../shared/design/CONTRACT.md).
 */

export type PhaseNumber = 1 | 2 | 3 | 4 | 5;

export const ROLES = ['mayor', 'locoMayor', 'commander', 'prosecutor', 'trainer', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** Who acts. `municipality` matters for the mayor's competence (R5, Gemeentewet art. 77, 172). */
export interface By {
  role: Role;
  name: string;
  municipality?: string;
}

/** The two things the mayor decides on, each separately (LOVP 24-11-2025). */
export const SUBJECTS = ['waterCannon', 'tearGas'] as const;
export type Subject = (typeof SUBJECTS)[number];

export const VERDICTS = ['granted', 'refused'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Bilingual text: Dutch first. */
export interface Text {
  nl: string;
  en: string;
}

/**
 * When an event happened. Times travel in events (never read inside the
 * machine), so a log replays to the same state.
 */
export interface EventTime {
  /** The exercise clock, ISO 8601 local time, e.g. "2026-12-31T22:07:00". */
  exercise: string;
  /** Wall-clock time, ISO 8601 UTC. */
  wall: string;
}

/** Optional fields any event may carry; the model records them where they matter (R6). */
interface Common {
  by: By;
  at?: EventTime;
}

/** BOB: beeldvorming, oordeelsvorming (besluitvorming is the verdict itself). */
export interface BobNotes {
  beeld?: string;
  oordeel?: string;
}

export type EscalationEvent =
  | (Common & { type: 'phase.escalate'; reason: string })
  | (Common & { type: 'phase.deescalate'; reason: string })
  | (Common & { type: 'crowd.warn' })
  | (Common & {
      type: 'mayor.decide';
      subject: Subject;
      verdict: Verdict;
      grounds: string;
      bob?: BobNotes;
      conditions?: string;
    })
  | (Common & { type: 'mayor.revoke'; subject: Subject; grounds: string })
  | (Common & { type: 'waterCannon.deploy' })
  | (Common & { type: 'waterCannon.withdraw' })
  | (Common & { type: 'tearGas.add' })
  | (Common & { type: 'tearGas.stop' });

export type EscalationEventType = EscalationEvent['type'];

export const EVENT_TYPES = [
  'phase.escalate',
  'phase.deescalate',
  'crowd.warn',
  'mayor.decide',
  'mayor.revoke',
  'waterCannon.deploy',
  'waterCannon.withdraw',
  'tearGas.add',
  'tearGas.stop',
] as const satisfies readonly EscalationEventType[];

export interface EscalationInput {
  /** Where the disorder is; decides who the competent mayor is (R5). */
  municipality: string;
  /** Default 1 (GGP-GO). */
  startPhase?: PhaseNumber;
}

/** The latest word of the mayor on one subject; the one in force (R8). */
export interface DecisionInForce {
  verdict: Verdict | 'revoked';
  grounds: string;
  by: By;
  at?: EventTime;
}

export interface WarningGiven {
  by: By;
  at?: EventTime;
}

export interface EscalationContext {
  municipality: string;
  startPhase: PhaseNumber;
  decisions: Record<Subject, DecisionInForce | null>;
  /** The latest warning, for the record; the state says whether it still holds (R7). */
  lastWarning: WarningGiven | null;
}

export type RuleId = `R${number}`;

export interface Refusal {
  rule: RuleId;
  message: Text;
}
