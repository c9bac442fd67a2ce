import { useId } from 'react';
import {
  decisionInForce,
  isTearGasInUse,
  isWaterCannonInUse,
  SUBJECTS,
  type EscalationSnapshot,
  type Refusal,
  type Subject,
} from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import { AdvanceVerdict } from '../../ui/AdvanceVerdict';
import { ResultLine, type AttemptResult } from '../../ui/ResultLine';
import { formatExerciseMinuteText } from '../../i18n/format';
import { VerdictLabel, whoAsLabel } from './parts';
import './decisions.css';

/**
 * The outcome of the last attempt from this panel, as the session logged it. `pending`: judged, not
 * yet stored; a guarded decision is never shown as done before it is (ARCHITECTURE.md).
 * `notRecorded`: the server did not take it (an error, not a rule of the model): nothing was logged.
 */
export type DecisionResult = AttemptResult;

/** The model's verdict, asked in advance, on deciding and on revoking each subject: `null` when it would accept. */
export type AdvanceVerdicts = Record<Subject, { decide: Refusal | null; revoke: Refusal | null }>;

const sameRefusal = (a: Refusal | null, b: Refusal | null) =>
  a === b || (a !== null && b !== null && a.rule === b.rule && a.message.nl === b.message.nl);

export interface DecisionsInForceProps {
  snapshot: EscalationSnapshot;
  /** Show the decide and revoke buttons (the console hides them for roles that do not decide). */
  canDecide: boolean;
  /** What the model would say to each button now; without it the buttons say nothing in advance. */
  advance?: AdvanceVerdicts | undefined;
  onDecide?: (subject: Subject) => void;
  onRevoke?: (subject: Subject) => void;
  /** Announced politely in a live region. */
  lastResult?: DecisionResult | undefined;
  /** Receives each subject's "Besluit …" button, so focus can go there when the button that opened a dialog is gone. */
  decideButtonRef?: (subject: Subject, button: HTMLButtonElement | null) => void;
}

/**
 * The two decisions of the mayor side by side, each on its own: the verdict
 * in force (R8: the latest word), who, on what grounds, when, and whether the
 * means is in use now. The tear agent is a pilot (R11).
 */
export function DecisionsInForce({
  snapshot,
  canDecide,
  advance,
  onDecide,
  onRevoke,
  lastResult,
  decideButtonRef,
}: DecisionsInForceProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const inUse: Record<Subject, boolean> = {
    waterCannon: isWaterCannonInUse(snapshot),
    tearGas: isTearGasInUse(snapshot),
  };
  return (
    <section className="panel decisions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('decisions.title')}</h2>
      <p className="decisions__intro">{t('decisions.intro')}</p>
      <div className="decisions__subjects">
        {SUBJECTS.map((subject) => {
          const decision = decisionInForce(snapshot, subject);
          const titleId = `${id}-${subject}`;
          const used = inUse[subject];
          const canRevoke = decision !== null && decision.verdict !== 'revoked';
          const verdict = advance?.[subject];
          // One line when both buttons would get the same answer (as they do for a mayor who may not
          // decide here at all), a line each when the model tells them apart.
          const decideVerdictId = `${id}-${subject}-decide-verdict`;
          const revokeVerdictId =
            verdict && canRevoke && !sameRefusal(verdict.decide, verdict.revoke)
              ? `${id}-${subject}-revoke-verdict`
              : decideVerdictId;
          return (
            <article
              key={subject}
              className={`decision-card decision-card--${decision?.verdict ?? 'none'}`}
              aria-labelledby={titleId}
              data-subject={subject}
            >
              <header className="decision-card__header">
                <h3 id={titleId} className="decision-card__title">
                  {t(`subject.${subject}`)}
                </h3>
                {subject === 'tearGas' && (
                  <span className="badge decision-pilot" title={t('decisions.pilotExplained')}>
                    {t('decisions.pilot')}
                  </span>
                )}
              </header>
              {subject === 'tearGas' && <p className="decision-card__separate">{t('decisions.separate')}</p>}
              <dl className="decision-facts">
                <dt>{t('decisions.status')}</dt>
                <dd>
                  <VerdictLabel decision={decision} />
                </dd>
                {decision && (
                  <>
                    <dt>{t('decisions.by')}</dt>
                    <dd>{whoAsLabel(decision.by, t)}</dd>
                    <dt>{t('decisions.grounds')}</dt>
                    <dd className="decision-card__grounds">{decision.grounds}</dd>
                    {decision.at && (
                      <>
                        <dt>{t('decisions.time')}</dt>
                        <dd>
                          <time dateTime={decision.at.exercise}>
                            {formatExerciseMinuteText(decision.at.exercise, language)}
                          </time>
                        </dd>
                      </>
                    )}
                  </>
                )}
                <dt>{t('decisions.inUse')}</dt>
                <dd>
                  <span
                    className={used ? 'decision-in-use decision-in-use--yes' : 'decision-in-use decision-in-use--no'}
                  >
                    <span aria-hidden="true">{used ? '●' : '○'}</span>{' '}
                    {used
                      ? subject === 'tearGas'
                        ? t('decisions.inUsePilot')
                        : t('decisions.inUseYes')
                      : t('decisions.inUseNo')}
                  </span>
                </dd>
              </dl>
              {canDecide && (
                <div className="decision-card__actions">
                  <button
                    type="button"
                    className={verdict?.decide ? undefined : 'button--primary'}
                    aria-describedby={verdict ? decideVerdictId : undefined}
                    ref={(button) => {
                      decideButtonRef?.(subject, button);
                    }}
                    onClick={() => {
                      onDecide?.(subject);
                    }}
                  >
                    {t(`decisions.decide.${subject}`)}
                  </button>
                  {canRevoke && (
                    <button
                      type="button"
                      className="button--danger"
                      aria-describedby={verdict ? revokeVerdictId : undefined}
                      onClick={() => {
                        onRevoke?.(subject);
                      }}
                    >
                      {t('decisions.revoke')}
                      <span className="visually-hidden"> {t(`decisions.revokeWhat.${subject}`)}</span>
                    </button>
                  )}
                  {verdict && <AdvanceVerdict id={decideVerdictId} refusal={verdict.decide} />}
                  {verdict && revokeVerdictId !== decideVerdictId && (
                    <AdvanceVerdict id={revokeVerdictId} refusal={verdict.revoke} />
                  )}
                </div>
              )}
            </article>
          );
        })}
      </div>
      {!canDecide && <p className="decisions__only">{t('decisions.onlyCompetent')}</p>}
      <p className="decisions__result" role="status" aria-live="polite">
        {lastResult && <ResultLine result={lastResult} />}
      </p>
    </section>
  );
}
