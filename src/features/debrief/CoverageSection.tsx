import { useLanguage, useTranslation } from '../../i18n';
import type { Coverage } from './coverage';
import { ReportSection, RuleLabel } from './parts';
import { durationText } from './words';

function Mark({ yes, label }: { yes: boolean; label: string }) {
  return (
    <span className={yes ? 'coverage-mark coverage-mark--yes' : 'coverage-mark coverage-mark--no'}>
      <span aria-hidden="true">{yes ? '● ' : '○ '}</span>
      {label}
    </span>
  );
}

/** Which of R1–R13 and which of the five phases the exercise touched. */
export function CoverageSection({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const touched = coverage.rules.filter((rule) => rule.touched).length;
  const visited = coverage.phases.filter((phase) => phase.visited).length;
  return (
    <ReportSection heading={t('debrief.coverage.heading')} className="debrief-coverage">
      <p className="debrief-explain">{t('debrief.coverage.explain')}</p>
      <div className="coverage-grid">
        <table className="debrief-table">
          <caption>{t('debrief.coverage.rulesSummary', { touched, total: coverage.rules.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('debrief.coverage.rule')}</th>
              <th scope="col">{t('debrief.coverage.touchedColumn')}</th>
              <th scope="col" className="numeric">
                {t('debrief.coverage.refusedColumn')}
              </th>
              <th scope="col" className="numeric">
                {t('debrief.coverage.appliedColumn')}
              </th>
            </tr>
          </thead>
          <tbody>
            {coverage.rules.map((rule) => (
              <tr key={rule.rule.id} className={rule.touched ? undefined : 'coverage-row--untouched'}>
                <th scope="row">
                  <RuleLabel rule={rule.rule.id} title={rule.rule.title[language]} />
                </th>
                <td>
                  <Mark
                    yes={rule.touched}
                    label={
                      rule.touched
                        ? rule.refused + rule.applied === 0
                          ? t('debrief.coverage.inScenario')
                          : t('debrief.coverage.yes')
                        : t('debrief.coverage.no')
                    }
                  />
                </td>
                <td className="numeric">{rule.refused}</td>
                <td className="numeric">{rule.applied}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="debrief-table">
          <caption>{t('debrief.coverage.phasesSummary', { visited })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('debrief.coverage.phase')}</th>
              <th scope="col">{t('debrief.coverage.visitedColumn')}</th>
              <th scope="col">{t('debrief.coverage.timeColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {coverage.phases.map((phase) => (
              <tr key={phase.phase.number} className={phase.visited ? undefined : 'coverage-row--untouched'}>
                <th scope="row">
                  <span className="debrief-phase">{phase.phase.number}</span> {phase.phase.shortName[language]}
                  {phase.phase.assumption && <span className="tag">{t('debrief.assumption')}</span>}
                </th>
                <td>
                  <Mark
                    yes={phase.visited}
                    label={phase.visited ? t('debrief.coverage.yes') : t('debrief.coverage.no')}
                  />
                </td>
                <td>{phase.visited ? durationText(phase.exerciseMs, t) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ReportSection>
  );
}
