import { useLanguage, useTranslation } from '../../i18n';
import type { ExerciseSetup } from '../../session';
import { ReportSection } from './parts';

/** The scenario's learning objectives and debrief questions: what the room talks through. */
export function ScenarioSection({ setup }: { setup: ExerciseSetup }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { scenario } = setup;
  return (
    <ReportSection heading={t('debrief.scenarioSection.heading')} className="debrief-scenario">
      {!scenario ? (
        <p className="debrief-empty">{t('debrief.scenarioSection.noScenario')}</p>
      ) : (
        <div className="scenario-lists">
          <div>
            <h3>{t('debrief.scenarioSection.objectives')}</h3>
            {scenario.learningObjectives.length === 0 ? (
              <p className="debrief-empty">{t('debrief.scenarioSection.noneListed')}</p>
            ) : (
              <ol>
                {scenario.learningObjectives.map((item) => (
                  <li key={item.nl}>{item[language]}</li>
                ))}
              </ol>
            )}
          </div>
          <div>
            <h3>{t('debrief.scenarioSection.questions')}</h3>
            {scenario.debriefQuestions.length === 0 ? (
              <p className="debrief-empty">{t('debrief.scenarioSection.noneListed')}</p>
            ) : (
              <ol>
                {scenario.debriefQuestions.map((item) => (
                  <li key={item.nl}>{item[language]}</li>
                ))}
              </ol>
            )}
          </div>
        </div>
      )}
    </ReportSection>
  );
}
