/**
 * The debrief at a glance: the highest phase, how many decisions and
 * refusals, pilot cases, how long it took; and the log's seal in one line.
 */
import type { PhaseNumber } from '../../../machines';
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
  /** From the first entry to the last. */
  duration: Interval | null;
  rulesTouched: number;
  phasesVisited: number;
}

export function keyFigures(debrief: Debrief): KeyFigures {
  const { timeline } = debrief;
  const phases = timeline?.periods.map((period) => period.phase) ?? [];
  return {
    highestPhase: phases.length > 0 ? (Math.max(...phases) as PhaseNumber) : null,
    granted: debrief.decisions.filter((decision) => decision.verdict === 'granted').length,
    refusedVerdicts: debrief.decisions.filter((decision) => decision.verdict === 'refused').length,
    revocations: debrief.revocations.length,
    refusals: refusalCount(debrief.refusals),
    refusalRules: debrief.refusals.length,
    pilotCases: debrief.pilotCases.length,
    duration: timeline ? intervalBetween(timeline.start, timeline.end) : null,
    rulesTouched: debrief.coverage.rules.filter((rule) => rule.touched).length,
    phasesVisited: debrief.coverage.phases.filter((phase) => phase.visited).length,
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
