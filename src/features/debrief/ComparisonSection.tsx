import { useEffect, useId, useMemo, useState } from 'react';
import { useStoredExercise, type ExerciseHead, type ExerciseReader } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import { formatWallDateTime } from '../../i18n/format';
import { exerciseSpan, otherRuns, refusalComparison } from './comparison';
import type { Debrief } from './debrief';
import { ReportSection, RuleLabel } from './parts';
import { ChartLegend, PhaseChart } from './PhaseChart';
import { debriefOf } from './storedExercise';
import { durationText, elapsedText } from './words';

function RunSummary({ debrief, label, spanMs }: { debrief: Debrief; label: string; spanMs: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { timeline } = debrief;
  const start = timeline?.start.exerciseMs ?? 0;
  return (
    <div className="comparison-run">
      <h3>
        {label}: {debrief.head.setup.title}
      </h3>
      <p className="debrief-muted">
        {t('debrief.compare.created', { date: formatWallDateTime(debrief.head.createdAt, language) })} ·{' '}
        {t('debrief.integrity.entries', { count: debrief.entries.length })}
      </p>
      {timeline && <PhaseChart timeline={timeline} compact elapsed minSpanMs={spanMs} legend={false} />}
      <h4>{t('debrief.compare.decisions')}</h4>
      {debrief.decisions.length === 0 ? (
        <p className="debrief-empty">{t('debrief.compare.noDecisions')}</p>
      ) : (
        <ol className="comparison-decisions">
          {debrief.decisions.map((decision) => (
            <li key={decision.at.seq}>
              <span className="comparison-decisions__time">{elapsedText(decision.at.exerciseMs - start, t)}</span>{' '}
              {t(`subject.${decision.subject}`)}: <strong>{t(`verdict.${decision.verdict}`)}</strong>
              {decision.used && (
                <span className="debrief-muted">
                  {' '}
                  · {t(`debrief.timings.actions.${decision.subject}`)}{' '}
                  {durationText(decision.used.at.exerciseMs - decision.at.exerciseMs, t)}
                </span>
              )}
              {decision.ended?.kind === 'revoked' && (
                <span className="debrief-muted">
                  {' '}
                  · <span aria-hidden="true">⊘ </span>
                  {t('verdict.revoked')} {elapsedText(decision.ended.revocation.at.exerciseMs - start, t)}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Other stored runs of the same exercise, read again when any exercise on this device changes. */
/** The other runs, once read (null until then: "none" is said only once it is known). */
function useOtherRuns(store: ExerciseReader, head: ExerciseHead): ExerciseHead[] | null {
  const [runs, setRuns] = useState<ExerciseHead[] | null>(null);
  useEffect(() => {
    let current = true;
    const load = () => {
      otherRuns(store, head).then(
        (found) => {
          if (current) setRuns(found);
        },
        () => {
          // Unreadable now: the list stays as it was; the debrief itself says what it can read.
        },
      );
    };
    load();
    const unsubscribe = store.subscribe(load);
    return () => {
      current = false;
      unsubscribe();
    };
  }, [store, head]);
  return runs;
}

/**
 * Two runs of the same scenario side by side: the phases over time on one
 * scale, the decisions with their times from the start, and the refusals
 * counted rule by rule.
 */
export function ComparisonSection({ debrief, store }: { debrief: Debrief; store: ExerciseReader }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const selectId = useId();
  const runs = useOtherRuns(store, debrief.head);
  const [otherId, setOtherId] = useState('');
  const otherStored = useStoredExercise(store, otherId);
  const other = useMemo(() => (otherId && otherStored ? debriefOf(otherStored) : null), [otherId, otherStored]);
  const byScenario = Boolean(debrief.head.setup.scenarioId);

  return (
    <ReportSection heading={t('debrief.compare.heading')} className="debrief-compare">
      {runs === null ? (
        <p className="debrief-empty" role="status">
          {t('debrief.compare.loading')}
        </p>
      ) : runs.length === 0 ? (
        <p className="debrief-empty">{t('debrief.compare.none')}</p>
      ) : (
        <div className="field comparison-picker">
          <label htmlFor={selectId}>{t('debrief.compare.label')}</label>
          <select
            id={selectId}
            value={otherId}
            onChange={(event) => {
              setOtherId(event.target.value);
            }}
          >
            <option value="">{t('debrief.compare.choose')}</option>
            {runs.map((run) => (
              <option key={run.id} value={run.id}>
                {t('debrief.compare.option', {
                  title: run.setup.title,
                  date: formatWallDateTime(run.createdAt, language),
                  count: run.length,
                })}
              </option>
            ))}
          </select>
          <span className="field__help">
            {byScenario ? t('debrief.compare.sameScenario') : t('debrief.compare.sameTitle')}
          </span>
        </div>
      )}
      {other?.state === 'notFound' && (
        <p className="banner banner--error" role="alert">
          {t('debrief.notFound')}
        </p>
      )}
      {other?.state === 'unreadable' && (
        <p className="banner banner--error" role="alert">
          {t('debrief.compare.unreadable', { problem: other.problem })}
        </p>
      )}
      {other?.state === 'ready' && <SideBySide current={debrief} other={other.debrief} />}
    </ReportSection>
  );
}

function SideBySide({ current, other }: { current: Debrief; other: Debrief }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const spanMs = Math.max(exerciseSpan(current), exerciseSpan(other));
  const rows = refusalComparison(current.refusals, other.refusals);
  const total = (index: 0 | 1) => rows.reduce((sum, row) => sum + row.counts[index], 0);
  return (
    <div className="comparison">
      <p className="debrief-muted">{t('debrief.compare.chartNote')}</p>
      <div className="comparison__runs">
        <RunSummary debrief={current} label={t('debrief.compare.thisRun')} spanMs={spanMs} />
        <RunSummary debrief={other} label={t('debrief.compare.otherRun')} spanMs={spanMs} />
      </div>
      <ChartLegend />
      <p className="phase-chart__note">{t('debrief.chart.assumptionNote')}</p>
      <table className="debrief-table comparison__refusals">
        <caption>{t('debrief.compare.refusalCounts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('debrief.coverage.rule')}</th>
            <th scope="col" className="numeric">
              {t('debrief.compare.thisRun')}
            </th>
            <th scope="col" className="numeric">
              {t('debrief.compare.otherRun')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={3}>{t('debrief.refusals.none')}</td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.rule}>
              <th scope="row">
                <RuleLabel rule={row.rule} title={row.definition?.title[language]} />
              </th>
              <td className="numeric">{row.counts[0]}</td>
              <td className="numeric">{row.counts[1]}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('debrief.compare.total')}</th>
            <td className="numeric">{total(0)}</td>
            <td className="numeric">{total(1)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
