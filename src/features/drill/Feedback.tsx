import { useId, type Ref } from 'react';
import { CheckboxButton, CheckboxField, CheckboxGroup, Label, Text } from 'react-aria-components';
import { ruleById } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import type { Consideration, Drill, DrillPoint } from '../../scenarios';
import type { ExerciseSetup } from '../../session';
import type { DrillPointRecord, DrillRun } from '../../session/drillRuns';
import { AssumptionBadge } from '../../ui/AssumptionBadge';
import { Comparison } from './Comparison';
import { summarizeRun, type PointSummary } from './comparison';
import { clockText } from './drill';
import { Verdicts } from './Verdicts';

const VERDICT_ICON = { granted: '✓', refused: '✗', none: '–' } as const;

/** The user's own words, as committed last: BOB notes, and per subject the outcome, grounds, conditions, review. */
export function YourGrounds({ record }: { record: DrillPointRecord }) {
  const { t } = useTranslation();
  const last = record.tries.at(-1);
  const text = (value: string) =>
    value.trim() === '' ? <span className="drill-none">{t('drill.feedback.noNotes')}</span> : value;
  return (
    <dl className="drill-grounds">
      <dt>{t('drill.bob.beeld')}</dt>
      <dd>{text(record.beeld)}</dd>
      <dt>{t('drill.bob.oordeel')}</dt>
      <dd>{text(record.oordeel)}</dd>
      {last?.answers.map((answer) => (
        <div key={answer.subject} className="drill-grounds__subject">
          <dt>{t(`drill.form.subject.${answer.subject}`)}</dt>
          <dd>
            <span className={`drill-answer drill-answer--${answer.verdict}`}>
              <span aria-hidden="true">{VERDICT_ICON[answer.verdict]} </span>
              {answer.verdict === 'none' ? t('drill.form.none') : t(`verdict.${answer.verdict}`)}
            </span>
          </dd>
          {answer.verdict !== 'none' || answer.grounds.trim() !== '' ? (
            <>
              <dt>{t('drill.form.grounds')}</dt>
              <dd>{text(answer.grounds)}</dd>
            </>
          ) : null}
          {answer.conditions.trim() !== '' && (
            <>
              <dt>{t('drill.feedback.conditions')}</dt>
              <dd>{answer.conditions}</dd>
            </>
          )}
          {answer.review.trim() !== '' && (
            <>
              <dt>{t('drill.feedback.review')}</dt>
              <dd>{answer.review}</dd>
            </>
          )}
        </div>
      ))}
    </dl>
  );
}

/** Where a consideration comes from: its source, the rules it bears on, and "aanname" where it is the author's own. */
export function ConsiderationBasis({ consideration }: { consideration: Consideration }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <span className="drill-consideration__basis">
      {consideration.source && (
        <span>
          {t('drill.verdicts.source')}: {consideration.source[language]}
        </span>
      )}
      {consideration.rules && consideration.rules.length > 0 && (
        <span>
          {t('drill.feedback.rules')}:{' '}
          {consideration.rules.map((rule) => `${rule} (${ruleById(rule)?.title[language] ?? rule})`).join('; ')}
        </span>
      )}
      {consideration.assumption && <AssumptionBadge of="claim" />}
    </span>
  );
}

/** How long the user took at a point, against the time to decide: on time or late, and how many attempts. */
export function DrillTiming({ record, summary }: { record: DrillPointRecord; summary: PointSummary }) {
  const { t } = useTranslation();
  if (summary.seconds === null) return null;
  return (
    <p className="drill-timing">
      {t('drill.feedback.time', { time: clockText(summary.seconds) })} ·{' '}
      {record.limitSeconds === null
        ? t('drill.feedback.noLimit')
        : t('drill.feedback.limit', { time: clockText(record.limitSeconds) })}{' '}
      ·{' '}
      {record.limitSeconds !== null && (
        <>
          <span className={summary.late ? 'outcome outcome--refused' : 'outcome outcome--accepted'}>
            <span aria-hidden="true">{summary.late ? '!' : '✓'}</span>{' '}
            {summary.late ? t('drill.feedback.late') : t('drill.feedback.onTime')}
          </span>{' '}
          ·{' '}
        </>
      )}
      {t('drill.feedback.tries', { count: summary.tries })}
    </p>
  );
}

export interface FeedbackProps {
  drill: Drill;
  point: DrillPoint;
  record: DrillPointRecord;
  setup: ExerciseSetup | null;
  onTouch: (ids: string[]) => void;
  /** Every run of this drill, oldest first, the current one among them. */
  runs: readonly DrillRun[];
  currentId: string;
  isLast: boolean;
  onNext: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * After committing, never before: what the model did and why, the time
 * taken, and the user's grounds beside the author's considerations, where
 * the user ticks which ones their grounds touched. Nothing is scored.
 */
export function Feedback({
  drill,
  point,
  record,
  setup,
  onTouch,
  runs,
  currentId,
  isLast,
  onNext,
  headingRef,
}: FeedbackProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const current = runs.find((run) => run.id === currentId);
  const summary = current ? summarizeRun(current, drill).find((each) => each.pointId === point.id) : undefined;
  const earlier = runs.filter((run) => run.id !== currentId && run.points.some((each) => each.pointId === point.id));
  return (
    <section className="drill-feedback" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('drill.feedback.title')}
      </h3>
      {summary && <DrillTiming record={record} summary={summary} />}
      <Verdicts record={record} setup={setup} show="all" title={t('drill.verdicts.title')} />

      <section className="drill-side" aria-labelledby={`${id}-side`}>
        <h3 id={`${id}-side`}>{t('drill.feedback.sideBySide')}</h3>
        <div className="drill-side__columns">
          <div className="drill-side__yours">
            <h4>{t('drill.feedback.yours')}</h4>
            <YourGrounds record={record} />
          </div>
          <div className="drill-side__theirs">
            <CheckboxGroup
              className="drill-considerations"
              value={record.touched}
              onChange={(ids) => {
                onTouch(ids);
              }}
            >
              <Label className="drill-considerations__title">{t('drill.feedback.considerations')}</Label>
              <Text slot="description" className="drill-considerations__note">
                <span className="badge badge--assumption">{t('drill.trainingBadge')}</span>{' '}
                {t('drill.feedback.considerationsNote')}
              </Text>
              <ul className="drill-considerations__list">
                {point.considerations.map((consideration) => (
                  <li key={consideration.id}>
                    <CheckboxField value={consideration.id} className="drill-consideration">
                      <CheckboxButton className="drill-consideration__check">
                        <span className="drill-consideration__box" aria-hidden="true" />
                        <span className="drill-consideration__text">{consideration.text[language]}</span>
                      </CheckboxButton>
                      <Text slot="description" className="drill-consideration__description">
                        <ConsiderationBasis consideration={consideration} />
                      </Text>
                    </CheckboxField>
                  </li>
                ))}
              </ul>
              <p className="drill-considerations__count">
                {t('drill.feedback.touchedCount', { count: record.touched.length, total: point.considerations.length })}
              </p>
            </CheckboxGroup>
          </div>
        </div>
      </section>

      {earlier.length > 0 && (
        <Comparison
          drill={drill}
          runs={runs}
          currentId={currentId}
          pointId={point.id}
          title={t('drill.feedback.earlier')}
        />
      )}

      <div className="drill-actions">
        <button type="button" className="button--primary" onClick={onNext}>
          {isLast ? t('drill.feedback.toRecord') : t('drill.feedback.next')} <span aria-hidden="true">→</span>
        </button>
      </div>
    </section>
  );
}
