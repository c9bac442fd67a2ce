import { useId } from 'react';
import type { Scenario } from '../../scenarios';
import { useLanguage, useTranslation } from '../../i18n';
import { formatStartTimeInWords } from '../../i18n/format';
import './scenarioPicker.css';

export interface ScenarioSummaryProps {
  scenario: Scenario;
}

/**
 * What a trainer should know before starting from a scenario: what happens,
 * for whom, what it is meant to teach, and what in it is invented
 * ("aanname"). The debrief questions stay for the debrief.
 */
export function ScenarioSummary({ scenario }: ScenarioSummaryProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const lastOffset = Math.max(...scenario.injects.map((inject) => inject.offsetMinutes));
  const decisionPoints = scenario.injects.filter((inject) => inject.decisionPoint).length;
  return (
    <section className="scenario-summary" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        {t('scenarioPicker.summary.heading')}: {scenario.title[language]}
      </h3>
      <p className="scenario-summary__description">{scenario.description[language]}</p>
      <dl className="scenario-summary__facts">
        <dt>{t('scenarioPicker.summary.audience')}</dt>
        <dd>{scenario.audience[language]}</dd>
        <dt>{t('scenarioPicker.summary.where')}</dt>
        <dd>
          {t('scenarioPicker.summary.whereText', {
            municipality: scenario.municipality,
            time: formatStartTimeInWords(scenario.startTime, language),
            phase: scenario.startPhase,
          })}
        </dd>
        <dt>{t('scenarioPicker.summary.injectsLabel')}</dt>
        <dd>
          {t('scenarioPicker.summary.injects', { count: scenario.injects.length, minutes: lastOffset })}
          {decisionPoints > 0 && <>, {t('scenarioPicker.summary.decisions', { count: decisionPoints })}</>}
        </dd>
      </dl>
      {scenario.learningObjectives.length > 0 && (
        <>
          <h4>{t('scenarioPicker.summary.objectives')}</h4>
          <ul className="scenario-summary__list">
            {scenario.learningObjectives.map((objective, index) => (
              <li key={index}>{objective[language]}</li>
            ))}
          </ul>
        </>
      )}
      {scenario.toleranceLimits && (
        <>
          <h4>{t('scenarioPicker.summary.tolerance')}</h4>
          <p>{scenario.toleranceLimits.text[language]}</p>
        </>
      )}
      {scenario.assumptions && scenario.assumptions.length > 0 && (
        <>
          <h4>{t('scenarioPicker.summary.assumptions')}</h4>
          <ul className="scenario-summary__list scenario-summary__assumptions">
            {scenario.assumptions.map((assumption, index) => (
              <li key={index}>
                <span className="badge badge--assumption">{t('scenarioPicker.summary.assumption')}</span>{' '}
                {assumption[language]}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
