/**
 * The debrief at a glance: the highest phase, how many decisions and
 * refusals, pilot cases, how long it took; and the log's seal in one line.
 */
import type { PhaseNumber } from '../../../machines';
import { exerciseNow } from '../../session';
import type { Debrief } from './debrief';
import type { Integrity } from './integrity';
import { intervalBetween, type Interval } from './moment';
import { refusalCount } from './refusals';
import type { Translate } from './words';

export interface KeyFigures {
  highestPhase: PhaseNumber | null;
  granted: number;
  refusedVerdicts: number;
  revocations: number;
  refusals: number;
  refusalRules: number;
  pilotCases: number;
  /**
   * From the first entry to where the exercise clock stands: a clock keeps running after the last
   * line (and a paused one stands where it was paused), and that time was exercised too.
   */
  duration: Interval | null;
  /** The exercise times (ms, naive scale) the duration runs from and to; null when unreadable. */
  from: number | null;
  to: number | null;
  /** The clock is still running: `to` is its reading at `wallNow`, and will move on. */
  clockRunning: boolean;
  rulesTouched: number;
  ruleCount: number;
  phasesVisited: number;
  phaseCount: number;
}

const finite = (ms: number) => (Number.isFinite(ms) ? ms : null);

/** `wallNow` reads a running clock; a paused or stopped one does not depend on it. */
export function keyFigures(debrief: Debrief, wallNow: number): KeyFigures {
  const { timeline } = debrief;
  const { clock } = debrief.head;
  // In whole seconds, as the exercise clock shows it and the log records it: 35.6 s read is 35 s.
  const clockAt = Math.floor(exerciseNow(clock, wallNow) / 1000) * 1000;
  const end = timeline && {
    ...timeline.end,
    exerciseMs: Number.isFinite(clockAt) ? Math.max(timeline.end.exerciseMs, clockAt) : timeline.end.exerciseMs,
    wallMs: clock.running ? Math.max(timeline.end.wallMs, wallNow) : timeline.end.wallMs,
  };
  const phases = timeline?.periods.map((period) => period.phase) ?? [];
  return {
    highestPhase: phases.length > 0 ? (Math.max(...phases) as PhaseNumber) : null,
    granted: debrief.decisions.filter((decision) => decision.verdict === 'granted').length,
    refusedVerdicts: debrief.decisions.filter((decision) => decision.verdict === 'refused').length,
    revocations: debrief.revocations.length,
    refusals: refusalCount(debrief.refusals),
    refusalRules: debrief.refusals.length,
    pilotCases: debrief.pilotCases.length,
    duration: timeline && end ? intervalBetween(timeline.start, end) : null,
    from: timeline ? finite(timeline.start.exerciseMs) : null,
    to: end ? finite(end.exerciseMs) : null,
    clockRunning: clock.running,
    rulesTouched: debrief.coverage.rules.filter((rule) => rule.touched).length,
    ruleCount: debrief.coverage.rules.length,
    phasesVisited: debrief.coverage.phases.filter((phase) => phase.visited).length,
    phaseCount: debrief.coverage.phases.length,
  };
}

/** "Keten gecontroleerd: intact" or where it breaks. */
export function integrityText(integrity: Integrity, t: Translate): string {
  const { chainBreak } = integrity;
  if (chainBreak)
    return t('debrief.integrity.broken', {
      position: chainBreak.position,
      problem: t(`debrief.integrity.problem.${chainBreak.problem}`),
    });
  return integrity.matchesHead ? t('debrief.integrity.intact') : t('debrief.integrity.headMismatch');
}
