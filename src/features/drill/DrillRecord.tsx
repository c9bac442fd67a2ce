import './drill.css';
import { useState, type Ref } from 'react';
import { useLanguage, useTranslation } from '../../i18n';
import { formatWallDateTime } from '../../i18n/format';
import type { Drill, Scenario } from '../../scenarios';
import { scenarioToSetup } from '../../scenarios';
import type { DrillPointRecord, DrillRun } from '../../session/drillRuns';
import { downloadText } from '../../ui/download';
import { Comparison } from './Comparison';
import { recordOf, summarizeRun } from './comparison';
import { momentOf } from './drill';
import { drillFileName, drillMarkdown } from './drillMarkdown';
import { ConsiderationBasis, DrillTiming, YourGrounds } from './Feedback';
import { Verdicts } from './Verdicts';

/** The log lines of the point's exercise the model judged the user's attempts and what followed on. */
const seqsOf = (record: DrillPointRecord) =>
  [...record.tries.flatMap((each) => each.judged), ...record.after].map((attempt) => attempt.seq);

export interface DrillRecordProps {
  run: DrillRun;
  scenario: Scenario & { drill: Drill };
  /** Every run of this drill, oldest first, this one among them. */
  runs: readonly DrillRun[];
  onAgain: () => void;
  onOther: () => void;
  /** Print; the browser's own dialog (and its "save as PDF") by default. */
  onPrint?: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * The record of one run: every decision point with the situation, the BOB
 * notes, the decision, what the model did and the considerations (ticked or
 * not), then the runs of this drill side by side. Printed (print CSS leaves
 * the buttons out) or saved as Markdown: a decision log for a portfolio.
 */
export function DrillRecord({
  run,
  scenario,
  runs,
  onAgain,
  onOther,
  onPrint = () => {
    window.print();
  },
  headingRef,
}: DrillRecordProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [saved, setSaved] = useState('');
  const setup = scenarioToSetup(scenario, language);
  const summaries = summarizeRun(run, scenario.drill);
  return (
    <section className="drill-record" aria-labelledby="drill-record-title">
      <h2 id="drill-record-title" ref={headingRef} tabIndex={-1}>
        {t('drill.record.title')}: {scenario.drill.title[language]}
      </h2>
      <p>{t('drill.record.intro')}</p>
      <dl className="drill-record__facts">
        <dt>{t('drill.record.started')}</dt>
        <dd>{formatWallDateTime(run.startedAt, language)}</dd>
        <dt>{t('drill.record.pace')}</dt>
        <dd>{t(`drill.pace.${run.pace}`)}</dd>
      </dl>
      <p className="drill-material">
        <span className="badge badge--assumption">{t('drill.trainingBadge')}</span> {t('drill.trainingMaterial')}
      </p>
      <div className="drill-actions drill-record__actions">
        <button type="button" className="button--primary" onClick={onPrint}>
          {t('drill.record.print')}
        </button>
        <button
          type="button"
          onClick={() => {
            const file = drillFileName(run, t);
            downloadText(file, drillMarkdown(run, scenario, t, language), 'text/markdown');
            setSaved(t('drill.record.downloaded', { file }));
          }}
        >
          {t('drill.record.markdown')}
        </button>
        <button type="button" onClick={onAgain}>
          {t('drill.record.again')}
        </button>
        <button type="button" onClick={onOther}>
          {t('drill.record.other')}
        </button>
        <span role="status">{saved}</span>
      </div>

      {scenario.drill.points.map((point, index) => {
        const record = recordOf(run, point.id);
        const summary = summaries.find((each) => each.pointId === point.id);
        return (
          <article key={point.id} className="drill-record__point" aria-labelledby={`record-${point.id}`}>
            <h3 id={`record-${point.id}`}>
              {index + 1}. {point.title[language]}
            </h3>
            <p className="drill-situation__moment">
              {t('drill.point.moment', { time: momentOf(scenario.startTime, point.offsetMinutes) })}
            </p>
            <p>{point.situation[language]}</p>
            <blockquote className="drill-request__text">{point.request.text[language]}</blockquote>
            {!record || record.tries.length === 0 ? (
              <p className="drill-none">{t('drill.record.notDone')}</p>
            ) : (
              <>
                {summary && <DrillTiming record={record} summary={summary} />}
                <h4>{t('drill.feedback.yours')}</h4>
                <YourGrounds record={record} />
                <Verdicts record={record} setup={setup} show="all" title={t('drill.verdicts.title')} level={4} />
                <p className="drill-record__log">
                  {t('drill.record.log')}:{' '}
                  {t('drill.record.logLine', {
                    id: record.exerciseId.slice(0, 12),
                    seq: seqsOf(record).join(', '),
                    count: seqsOf(record).length,
                  })}
                </p>
                <h4>{t('drill.feedback.considerations')}</h4>
                <ul className="drill-record__considerations">
                  {point.considerations.map((consideration) => {
                    const touched = record.touched.includes(consideration.id);
                    return (
                      <li key={consideration.id}>
                        <span className={touched ? 'drill-mark drill-mark--touched' : 'drill-mark'}>
                          <span aria-hidden="true">{touched ? '☑' : '☐'} </span>
                          {touched ? t('drill.record.touchedMark') : t('drill.record.notTouchedMark')}
                        </span>{' '}
                        {consideration.text[language]} <ConsiderationBasis consideration={consideration} />
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
          </article>
        );
      })}

      <Comparison drill={scenario.drill} runs={runs} currentId={run.id} />
    </section>
  );
}
