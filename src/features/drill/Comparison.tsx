import { useLanguage, useTranslation } from '../../i18n';
import { formatWallDateTime } from '../../i18n/format';
import type { Drill } from '../../scenarios';
import type { DrillRun } from '../../session/drillRuns';
import { summarizeRun, type PointSummary } from './comparison';
import { clockText } from './drill';

function Cell({ summary }: { summary: PointSummary | undefined }) {
  const { t } = useTranslation();
  if (!summary || summary.seconds === null)
    return <td className="drill-compare__none">{t('drill.compare.notDone')}</td>;
  return (
    <td>
      <span className="drill-compare__time">{clockText(summary.seconds)}</span>{' '}
      <span className={summary.late ? 'outcome outcome--refused' : 'outcome outcome--accepted'}>
        <span aria-hidden="true">{summary.late ? '!' : '✓'}</span>{' '}
        {summary.late ? t('drill.feedback.late') : t('drill.feedback.onTime')}
      </span>
      <br />
      {t('drill.compare.refusedCount', { count: summary.refused })} ·{' '}
      {t('drill.compare.touched', { count: summary.touched, total: summary.considerations })}
    </td>
  );
}

export interface ComparisonProps {
  drill: Drill;
  /** Oldest first; the current run among them. */
  runs: readonly DrillRun[];
  currentId?: string;
  /** Only this point (the feedback of one point); every point by default. */
  pointId?: string;
  title?: string;
}

/** The user's attempts at this drill side by side: one column per run, one row per point. */
export function Comparison({ drill, runs, currentId, pointId, title }: ComparisonProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const points = drill.points.filter((point) => pointId === undefined || point.id === pointId);
  const summaries = runs.map((run) => new Map(summarizeRun(run, drill).map((summary) => [summary.pointId, summary])));
  return (
    <section className="drill-compare" aria-label={title ?? t('drill.compare.title')}>
      {title !== '' && <h3>{title ?? t('drill.compare.title')}</h3>}
      <div className="drill-compare__scroll">
        <table className="drill-compare__table">
          <caption>{t('drill.compare.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('drill.compare.moment')}</th>
              {runs.map((run, index) => (
                <th key={run.id} scope="col">
                  {t('drill.compare.attempt', {
                    number: index + 1,
                    date: formatWallDateTime(run.startedAt, language),
                  })}
                  {run.id === currentId && <> {t('drill.compare.current')}</>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.id}>
                <th scope="row">{point.title[language]}</th>
                {summaries.map((byPoint, index) => (
                  <Cell key={runs[index]?.id ?? index} summary={byPoint.get(point.id)} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
