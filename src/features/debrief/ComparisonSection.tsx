import { useEffect, useId, useMemo, useState } from 'react';
import { useStoredExercise, type ExerciseHead, type ExerciseReader, type ExerciseSummary } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import { formatWallDateTime } from '../../i18n/format';
import { exerciseSpan, isSameExercise, otherRuns, refusalComparison } from './comparison';
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

/**
 * Where the other runs are found: `heads` reads every stored exercise's head
 * (cheap on this device) and offers only runs of the same exercise;
 * `listing` asks only for the list (a server's, where each head is a whole
 * file to fetch) and fetches just the run chosen, then checks it is one.
 */
export type RunsFrom = 'heads' | 'listing';

/** A run to choose: its id and what its option says. */
interface RunChoice {
  id: string;
  title: string;
  createdAt: string;
  entries: number;
}

const choiceOfHead = (head: ExerciseHead): RunChoice => ({
  id: head.id,
  title: head.setup.title,
  createdAt: head.createdAt,
  entries: head.length,
});

const choiceOfSummary = (summary: ExerciseSummary): RunChoice => ({
  id: summary.id,
  title: summary.title,
  createdAt: summary.createdAt,
  entries: summary.entries,
});

const sameTitle = (a: string, b: string) => a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

/** The other runs, once found (null until then: "none" is said only once it is known); found again when the store changes. */
function useOtherRuns(store: ExerciseReader, head: ExerciseHead, from: RunsFrom): RunChoice[] | null {
  const [runs, setRuns] = useState<RunChoice[] | null>(null);
  useEffect(() => {
    let current = true;
    const find = async (): Promise<RunChoice[]> => {
      if (from === 'heads') return (await otherRuns(store, head)).map(choiceOfHead);
      const others = (await store.list()).filter((summary) => summary.id !== head.id);
      // Stable: the server's order within each group.
      const titled = others.filter((summary) => sameTitle(summary.title, head.setup.title));
      const rest = others.filter((summary) => !sameTitle(summary.title, head.setup.title));
      return [...titled, ...rest].map(choiceOfSummary);
    };
    const load = () => {
      find().then(
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
  }, [store, head, from]);
  return runs;
}

/**
 * Two runs of the same scenario side by side: the phases over time on one
 * scale, the decisions with their times from the start, and the refusals
 * counted rule by rule. Nothing of the other run is read until it is chosen.
 */
export function ComparisonSection({
  debrief,
  store,
  runsFrom = 'heads',
}: {
  debrief: Debrief;
  store: ExerciseReader;
  runsFrom?: RunsFrom;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const selectId = useId();
  const runs = useOtherRuns(store, debrief.head, runsFrom);
  const [otherId, setOtherId] = useState('');
  const byScenario = Boolean(debrief.head.setup.scenarioId);
  const listing = runsFrom === 'listing';

  return (
    <ReportSection heading={t('debrief.compare.heading')} className="debrief-compare">
      {runs === null ? (
        <p className="debrief-empty" role="status">
          {listing ? t('live.compareOnServer.loading') : t('debrief.compare.loading')}
        </p>
      ) : runs.length === 0 ? (
        <p className="debrief-empty">{listing ? t('live.compareOnServer.none') : t('debrief.compare.none')}</p>
      ) : (
        <div className="field comparison-picker">
          <label htmlFor={selectId}>{t('debrief.compare.label')}</label>
          <select
            id={selectId}
            value={otherId}
            aria-describedby={`${selectId}-help`}
            onChange={(event) => {
              setOtherId(event.target.value);
            }}
          >
            <option value="">{t('debrief.compare.choose')}</option>
            {runs.map((run) => (
              <option key={run.id} value={run.id}>
                {t('debrief.compare.option', {
                  title: run.title,
                  date: formatWallDateTime(run.createdAt, language),
                  count: run.entries,
                })}
              </option>
            ))}
          </select>
          <span id={`${selectId}-help`} className="field__help">
            {listing
              ? t('live.compareOnServer.help')
              : byScenario
                ? t('debrief.compare.sameScenario')
                : t('debrief.compare.sameTitle')}
          </span>
        </div>
      )}
      {otherId !== '' && <ChosenRun key={otherId} current={debrief} store={store} id={otherId} checkSame={listing} />}
    </ReportSection>
  );
}

/** The run chosen, read when chosen (and only then); from a listing, checked to be a run of the same exercise. */
function ChosenRun({
  current,
  store,
  id,
  checkSame,
}: {
  current: Debrief;
  store: ExerciseReader;
  id: string;
  checkSame: boolean;
}) {
  const { t } = useTranslation();
  const stored = useStoredExercise(store, id);
  const other = useMemo(() => (stored ? debriefOf(stored) : null), [stored]);
  if (other === null)
    return checkSame ? (
      <p className="debrief-empty" role="status">
        {t('live.compareOnServer.fetching')}
      </p>
    ) : null;
  if (other.state === 'notFound')
    return (
      <p className="banner banner--error" role="alert">
        {t('debrief.notFound')}
      </p>
    );
  if (other.state === 'unreadable')
    return (
      <p className="banner banner--error" role="alert">
        {t('debrief.compare.unreadable', { problem: other.problem })}
      </p>
    );
  if (checkSame && !isSameExercise(current.head.setup, other.debrief.head.setup))
    return (
      <p className="banner" role="status">
        {t('live.compareOnServer.notSame', { title: other.debrief.head.setup.title })}
      </p>
    );
  return <SideBySide current={current} other={other.debrief} />;
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
