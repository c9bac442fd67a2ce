/**
 * The phase over exercise time, from the log alone: where the exercise
 * started (the set-up's start phase, R1), each accepted phase change, and the
 * moments worth marking on the chart — the mayor's decisions and revocations,
 * every refused attempt, and each pilot case (R11).
 */
import type { By, PhaseNumber, RuleId, Subject, Verdict } from '../../../machines';
import type { AttemptEntry, ExerciseSetup, LogEntry } from '../../session';
import { momentOf, type Moment } from './moment';

export interface PhasePeriod {
  phase: PhaseNumber;
  from: Moment;
  /** Where the next period starts; the last period runs to the end of the log. */
  to: Moment;
  /** The last period is still running when the log ends. */
  open: boolean;
  /** The accepted escalation or de-escalation that began this period; null for the start phase. */
  change: { by: By; reason: string; direction: 'up' | 'down' } | null;
}

export type MarkerKind = 'granted' | 'refusedVerdict' | 'revocation' | 'refusal' | 'pilot';

export interface ChartMarker {
  kind: MarkerKind;
  at: Moment;
  /** The phase the exercise was in at that moment. */
  phase: PhaseNumber;
  subject?: Subject;
  rule?: RuleId;
}

export interface PhaseTimeline {
  start: Moment;
  end: Moment;
  periods: PhasePeriod[];
  markers: ChartMarker[];
  /**
   * 'exercise' when the exercise clock moved during the log; 'sequence' when
   * it stood still (a paused table-top), so the chart follows the log's order
   * instead of drawing everything on one instant.
   */
  axis: 'exercise' | 'sequence';
}

/** R1: the exercise starts in phase 1 unless the set-up (its scenario) says otherwise. */
const startPhaseOf = (setup: ExerciseSetup): PhaseNumber => setup.startPhase ?? 1;

const isPhaseChange = (entry: LogEntry): entry is AttemptEntry =>
  entry.kind === 'attempt' && entry.outcome === 'accepted' && entry.before.phase !== entry.after.phase;

function changeOf(entry: AttemptEntry): PhasePeriod['change'] {
  const reason = 'reason' in entry.event ? entry.event.reason : '';
  return { by: entry.by, reason, direction: entry.after.phase > entry.before.phase ? 'up' : 'down' };
}

function markerOf(entry: LogEntry, phase: PhaseNumber): ChartMarker[] {
  const at = momentOf(entry);
  if (entry.kind === 'steeringRefused') return [{ kind: 'refusal', at, phase, rule: entry.refusal.rule }];
  if (entry.kind !== 'attempt') return [];
  if (entry.outcome === 'refused')
    return [{ kind: 'refusal', at, phase, ...(entry.refusal ? { rule: entry.refusal.rule } : {}) }];
  const { event } = entry;
  const markers: ChartMarker[] = [];
  if (event.type === 'mayor.decide') {
    const kind: Record<Verdict, MarkerKind> = { granted: 'granted', refused: 'refusedVerdict' };
    markers.push({ kind: kind[event.verdict], at, phase, subject: event.subject });
  }
  if (event.type === 'mayor.revoke') markers.push({ kind: 'revocation', at, phase, subject: event.subject });
  if (entry.after.means.includes('tearAgent') && !entry.before.means.includes('tearAgent'))
    markers.push({ kind: 'pilot', at, phase: entry.after.phase, rule: 'R11' });
  return markers;
}

/** Null for a log without entries (nothing to draw). */
export function phaseTimeline(setup: ExerciseSetup, entries: readonly LogEntry[]): PhaseTimeline | null {
  const first = entries[0];
  const last = entries.at(-1);
  if (!first || !last) return null;
  const start = momentOf(first);
  const end = momentOf(last);
  const periods: PhasePeriod[] = [];
  const markers: ChartMarker[] = [];
  let current: Omit<PhasePeriod, 'to' | 'open'> = { phase: startPhaseOf(setup), from: start, change: null };
  for (const entry of entries) {
    if (isPhaseChange(entry)) {
      const at = momentOf(entry);
      periods.push({ ...current, to: at, open: false });
      current = { phase: entry.after.phase, from: at, change: changeOf(entry) };
    }
    markers.push(...markerOf(entry, current.phase));
  }
  periods.push({ ...current, to: end, open: true });
  const moved = entries.some((entry) => momentOf(entry).exerciseMs !== start.exerciseMs);
  return { start, end, periods, markers, axis: moved ? 'exercise' : 'sequence' };
}
