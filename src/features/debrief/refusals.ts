/**
 * Refused attempts grouped by the rule that refused them (R10): what a
 * debrief is made of. Operational attempts refused by the model and steering
 * actions refused because of who tried them (R13) alike.
 */
import {
  ruleById,
  type By,
  type Refusal,
  type RuleDefinition,
  type RuleId,
  type Subject,
  type Text,
} from '../../../machines';
import type { LogEntry } from '../../session';
import { momentOf, type Moment } from './moment';

export interface RefusedAttempt {
  at: Moment;
  by: By;
  /** An event type of the model (EscalationEventType), or a steering action ("inject.release", "exercise.note", …). */
  action: string;
  /** For the mayor's decisions and revocations. */
  subject: Subject | null;
  message: Text;
}

export interface RefusalGroup {
  rule: RuleId;
  /** The rule as the model's catalogue has it; undefined for an id the catalogue does not know (an old log). */
  definition: RuleDefinition | undefined;
  attempts: RefusedAttempt[];
}

function refusedAttempt(entry: LogEntry): { rule: RuleId; attempt: RefusedAttempt } | null {
  if (entry.kind === 'steeringRefused')
    return {
      rule: entry.refusal.rule,
      attempt: {
        at: momentOf(entry),
        by: entry.by,
        action: entry.action,
        subject: null,
        message: entry.refusal.message,
      },
    };
  if (entry.kind !== 'attempt' || entry.outcome !== 'refused') return null;
  const { event } = entry;
  const subject = 'subject' in event ? event.subject : null;
  // A refused attempt always names its rule (R10); an old log without one is filed under R10 itself.
  const refusal: Refusal = entry.refusal ?? { rule: 'R10', message: { nl: '', en: '' } };
  return {
    rule: refusal.rule,
    attempt: { at: momentOf(entry), by: entry.by, action: event.type, subject, message: refusal.message },
  };
}

const ruleNumber = (rule: RuleId) => Number(rule.slice(1));

/** Groups in rule order (R1 before R13); attempts in log order within a group. */
export function refusalsByRule(entries: readonly LogEntry[]): RefusalGroup[] {
  const groups = new Map<RuleId, RefusedAttempt[]>();
  for (const entry of entries) {
    const refused = refusedAttempt(entry);
    if (!refused) continue;
    const group = groups.get(refused.rule) ?? [];
    group.push(refused.attempt);
    groups.set(refused.rule, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => ruleNumber(a) - ruleNumber(b) || a.localeCompare(b))
    .map(([rule, attempts]) => ({ rule, definition: ruleById(rule), attempts }));
}

export const refusalCount = (groups: readonly RefusalGroup[]) =>
  groups.reduce((sum, group) => sum + group.attempts.length, 0);
