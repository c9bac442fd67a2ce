/**
 * The debrief (after-action review) of one exercise, derived from its stored
 * head and log alone: no live session, no snapshot. Language-neutral data;
 * the components and the exports put it into words.
 */
import type { ExerciseHead, LogEntry } from '../../session';
import { coverage, type Coverage } from './coverage';
import { decisions, revocations, type DecisionRecord, type Revocation } from './decisions';
import { integrityOf, type Integrity } from './integrity';
import { notesAndCorrections, type NoteRecord } from './notes';
import { pilotCases, type PilotCase } from './pilot';
import { refusalsByRule, type RefusalGroup } from './refusals';
import { phaseTimeline, type PhaseTimeline } from './timeline';
import { decisionPointTimings, decisionToAction, type DecisionPointTiming, type DecisionToAction } from './timings';

export interface Debrief {
  head: ExerciseHead;
  entries: readonly LogEntry[];
  timeline: PhaseTimeline | null;
  decisions: DecisionRecord[];
  revocations: Revocation[];
  refusals: RefusalGroup[];
  decisionPoints: DecisionPointTiming[];
  decisionToAction: DecisionToAction[];
  pilotCases: PilotCase[];
  coverage: Coverage;
  notes: NoteRecord[];
  integrity: Integrity;
}

export function buildDebrief(head: ExerciseHead, entries: readonly LogEntry[]): Debrief {
  const { setup } = head;
  const timeline = phaseTimeline(setup, entries);
  const records = decisions(entries);
  const refusals = refusalsByRule(entries);
  return {
    head,
    entries,
    timeline,
    decisions: records,
    revocations: revocations(entries),
    refusals,
    decisionPoints: decisionPointTimings(setup, entries),
    decisionToAction: decisionToAction(records),
    pilotCases: pilotCases(entries, records),
    coverage: coverage(setup, entries, refusals, timeline),
    notes: notesAndCorrections(entries),
    integrity: integrityOf(head, entries),
  };
}
