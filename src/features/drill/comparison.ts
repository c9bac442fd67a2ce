/**
 * Runs of one drill side by side (issue #15, "repeat and progress"): per
 * point, how long the user took, whether it was late, how many of their
 * decisions the model refused, and how many considerations they ticked.
 * Counts only; nothing here scores what was written.
 */
import type { Drill } from '../../scenarios';
import type { AnswerVerdict, DrillPointRecord, DrillRun } from '../../session/drillRuns';
import { secondsBetween } from './drill';

export interface PointSummary {
  pointId: string;
  done: boolean;
  /** Seconds from the situation to the first decision; null when nothing was committed. */
  seconds: number | null;
  late: boolean;
  /** Decisions the model refused, over every try. */
  refused: number;
  tries: number;
  touched: number;
  considerations: number;
  /** The outcome per subject, as last committed. */
  verdicts: AnswerVerdict[];
}

/** The last record of `pointId` in the run: the one its summary is made of. */
export const recordOf = (run: DrillRun, pointId: string): DrillPointRecord | undefined =>
  run.points.findLast((record) => record.pointId === pointId);

export function summarizeRun(run: DrillRun, drill: Drill): PointSummary[] {
  return drill.points.map((point) => {
    const record = recordOf(run, point.id);
    const first = record?.tries[0];
    return {
      pointId: point.id,
      done: record?.finishedAt !== undefined,
      seconds: record && first ? secondsBetween(record.openedAt, first.at) : null,
      late: first?.late ?? false,
      refused: (record?.tries ?? []).reduce(
        (count, attempt) => count + attempt.judged.filter((judged) => judged.outcome === 'refused').length,
        0,
      ),
      tries: record?.tries.length ?? 0,
      touched: record?.touched.filter((id) => point.considerations.some((c) => c.id === id)).length ?? 0,
      considerations: point.considerations.length,
      verdicts: record?.tries.at(-1)?.answers.map((answer) => answer.verdict) ?? [],
    };
  });
}

/** The runs of this drill, oldest first, the current one included. */
export function runsOf(runs: readonly DrillRun[], scenarioId: string): DrillRun[] {
  return runs
    .filter((run) => run.scenarioId === scenarioId && run.points.length > 0)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}
