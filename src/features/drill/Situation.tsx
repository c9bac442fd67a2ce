import type { ReactNode } from 'react';
import { SUBJECTS, phaseByNumber } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import type { DrillPoint } from '../../scenarios';
import type { ExerciseSetup, ModelSummary } from '../../session';
import { AssumptionBadge } from '../../ui/AssumptionBadge';
import { momentOf } from './drill';
import { meansText, memberLabel } from './words';

/** Where the model stands at the point, read from it (never from the scenario's words): phase, warning, means, decisions. */
export function Standing({ model }: { model: ModelSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <dl className="drill-standing" aria-label={t('drill.point.standing')}>
      <div>
        <dt>{t('drill.point.phase')}</dt>
        <dd>
          {model.phase}: {phaseByNumber(model.phase).shortName[language]}{' '}
          {phaseByNumber(model.phase).assumption && <AssumptionBadge />}
        </dd>
      </div>
      <div>
        <dt>{t('drill.point.warned')}</dt>
        <dd>{model.warned ? t('drill.point.warnedYes') : t('drill.point.warnedNo')}</dd>
      </div>
      <div>
        <dt>{t('drill.point.means')}</dt>
        <dd>{meansText(model.means, t, language)}</dd>
      </div>
      <div>
        <dt>{t('drill.point.decisions')}</dt>
        <dd>
          {SUBJECTS.map((subject) => {
            const verdict = model.decisions[subject];
            return (
              <span key={subject} className="drill-standing__decision">
                {t(`subject.${subject}`)}: {verdict ? t(`verdict.${verdict}`) : t('drill.point.noDecision')}
              </span>
            );
          })}
        </dd>
      </div>
    </dl>
  );
}

export interface SituationProps {
  point: DrillPoint;
  setup: ExerciseSetup;
  model: ModelSummary | null;
  /** The scenario's start time: the point's moment is counted from it. */
  startTime: string;
}

function Facts({ title, facts }: { title: string; facts: DrillPoint['known'] }) {
  const language = useLanguage();
  if (facts.length === 0) return null;
  return (
    <div className="drill-facts">
      <h4>{title}</h4>
      <ul>
        {facts.map((fact) => (
          <li key={fact.nl}>{fact[language]}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The situation picture at the point: what has happened, what is known and
 * not known, the request on the table and who makes it, what is at stake,
 * and where the model stands.
 */
export function Situation({ point, setup, model, startTime }: SituationProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const from = point.request.from ? setup.cast.find((member) => member.id === point.request.from) : undefined;
  let stake: ReactNode = point.subjects.map((subject) => t(`subject.${subject}`)).join(' · ');
  if (point.subjects.length > 1)
    stake = (
      <>
        {stake} — {t('drill.form.separate')}
      </>
    );
  return (
    <section className="drill-situation" aria-labelledby={`${point.id}-situation`}>
      <h3 id={`${point.id}-situation`}>{t('drill.point.situation')}</h3>
      <p className="drill-situation__moment">
        {t('drill.point.moment', { time: momentOf(startTime, point.offsetMinutes) })}
      </p>
      <p className="drill-situation__text">{point.situation[language]}</p>
      {model && <Standing model={model} />}
      <div className="drill-situation__facts">
        <Facts title={t('drill.point.known')} facts={point.known} />
        <Facts title={t('drill.point.unknown')} facts={point.unknown} />
      </div>
      <div className="drill-request">
        <h4>{t('drill.point.request')}</h4>
        <blockquote className="drill-request__text">{point.request.text[language]}</blockquote>
        {from && <p className="drill-request__from">— {memberLabel(from, t, language)}</p>}
      </div>
      <p className="drill-stake">
        <strong>{t('drill.point.atStake')}:</strong> {stake}
      </p>
    </section>
  );
}
