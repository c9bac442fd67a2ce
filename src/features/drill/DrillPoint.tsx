import './drill.css';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLanguage, useTranslation } from '../../i18n';
import type { Drill, Scenario } from '../../scenarios';
import type { DrillRun } from '../../session/drillRuns';
import { Countdown, useSecondsSince } from './Countdown';
import { DecisionForm } from './DecisionForm';
import { emptyAnswer, type AnswerDraft } from './drill';
import { Feedback } from './Feedback';
import type { DrillRunner } from './runner';
import { Situation } from './Situation';
import { useDrillState } from './useDrill';
import { Verdicts } from './Verdicts';

export interface DrillPointProps {
  runner: DrillRunner;
  scenario: Scenario & { drill: Drill };
  /** Earlier runs of this drill, oldest first (the current one is the runner's). */
  earlierRuns?: readonly DrillRun[];
  /** What is known about the tear agent, where it is at stake (the screen gives it). */
  evidence?: ReactNode;
  /** Wall clock (epoch ms) for the countdown; stories fix it. */
  now?: () => number;
}

/**
 * One decision point through its states: reading the situation (the
 * countdown already runs), deciding with BOB, late once the time is up,
 * refused by the model (decide again, or go on), and the feedback. Focus
 * moves to the heading of each new state, so a screen reader hears where it
 * is and a keyboard user goes on from there.
 */
export function DrillPoint({ runner, scenario, earlierRuns = [], evidence, now = Date.now }: DrillPointProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const state = useDrillState(runner);
  const drill = scenario.drill;
  const point = drill.points[state.index];
  const record = state.run.points.at(-1);
  const recordHere = record && point && record.pointId === point.id ? record : undefined;
  const [answer, setAnswer] = useState<{ pointId: string; draft: AnswerDraft } | null>(null);
  const draft = point && answer?.pointId === point.id ? answer.draft : point ? emptyAnswer(point) : null;
  const elapsed = useSecondsSince(recordHere?.openedAt ?? '', now);

  const pointHeading = useRef<HTMLHeadingElement>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const refusedHeading = useRef<HTMLHeadingElement>(null);
  const feedbackHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const target =
      state.step === 'reading'
        ? pointHeading
        : state.step === 'deciding'
          ? formHeading
          : state.step === 'refused'
            ? refusedHeading
            : state.step === 'feedback'
              ? feedbackHeading
              : null;
    target?.current?.focus();
  }, [state.step, state.index]);

  if (!point || !draft) return null;
  const limit = recordHere?.limitSeconds ?? null;
  const late = limit !== null && elapsed > limit;
  const timed = state.step === 'reading' || state.step === 'deciding' || state.step === 'refused';
  const runs = [...earlierRuns.filter((run) => run.id !== state.run.id), state.run];

  return (
    <article className={`drill-point drill-point--${state.step}${late && timed ? ' drill-point--late' : ''}`}>
      <header className="drill-point__header">
        <div>
          <p className="drill-point__progress">
            {t('drill.point.progress', { number: state.index + 1, total: drill.points.length })}
          </p>
          <h2 ref={pointHeading} tabIndex={-1}>
            {point.title[language]}
          </h2>
        </div>
        {recordHere && timed && <Countdown elapsed={elapsed} limitSeconds={limit} />}
      </header>

      {state.step === 'opening' && (
        <p role="status" className="outcome outcome--pending">
          {t('drill.point.opening')}
        </p>
      )}
      {state.step === 'failed' && state.problem && (
        <p role="alert" className="banner banner--error">
          {state.problem.kind === 'situation'
            ? t('drill.point.failedSituation', {
                step: state.problem.step,
                rule: state.problem.rule,
                message: state.problem.message[language],
              })
            : t('drill.point.failedStorage', { detail: state.problem.detail })}
        </p>
      )}

      {state.setup && state.step !== 'opening' && state.step !== 'failed' && (
        <Situation point={point} setup={state.setup} model={state.model} startTime={scenario.startTime} />
      )}

      {state.step === 'reading' && (
        <div className="drill-actions">
          <button
            type="button"
            className="button--primary"
            aria-describedby={`${point.id}-decide-help`}
            onClick={() => {
              runner.decide();
            }}
          >
            {t('drill.point.decide')} <span aria-hidden="true">→</span>
          </button>
          <span id={`${point.id}-decide-help`} className="field__help">
            {t('drill.point.decideHelp')}
          </span>
        </div>
      )}

      {state.setup && (state.step === 'deciding' || state.step === 'committing') && (
        <DecisionForm
          point={point}
          setup={state.setup}
          answer={draft}
          onChange={(next) => {
            setAnswer({ pointId: point.id, draft: next });
          }}
          accepted={runner.accepted()}
          committing={state.step === 'committing'}
          onCommit={(committed) => {
            void runner.commit(committed);
          }}
          evidence={evidence}
          headingRef={formHeading}
        />
      )}

      {(state.step === 'refused' || state.step === 'finishing') && recordHere && (
        <div className="drill-refused">
          <Verdicts
            record={recordHere}
            setup={state.setup}
            show="lastTry"
            title={t('drill.verdicts.refusedTitle')}
            headingRef={refusedHeading}
          />
          <p className="field__help">{t('drill.verdicts.retryHelp')}</p>
          <div className="drill-actions">
            <button
              type="button"
              className="button--primary"
              onClick={() => {
                runner.retry();
              }}
            >
              {t('drill.verdicts.retry')}
            </button>
            <button
              type="button"
              aria-disabled={state.step === 'finishing' || undefined}
              onClick={() => {
                if (state.step === 'refused') void runner.finish();
              }}
            >
              {t('drill.verdicts.toFeedback')}
            </button>
            <span role="status">
              {state.step === 'finishing' && (
                <span className="outcome outcome--pending">{t('drill.verdicts.finishing')}</span>
              )}
            </span>
          </div>
        </div>
      )}

      {/* Below what the user is working on, so running out of time moves nothing they are reading or typing. */}
      {late && timed && <p className="drill-late">{t('drill.countdown.timeUp')}</p>}

      {state.step === 'feedback' && recordHere && (
        <Feedback
          drill={drill}
          point={point}
          record={recordHere}
          setup={state.setup}
          onTouch={(ids) => {
            void runner.touch(ids);
          }}
          runs={runs}
          currentId={state.run.id}
          isLast={state.index + 1 >= drill.points.length}
          onNext={() => {
            void runner.next();
          }}
          headingRef={feedbackHeading}
        />
      )}
    </article>
  );
}
