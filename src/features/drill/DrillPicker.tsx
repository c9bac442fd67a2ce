import './drill.css';
import { useId, type Ref } from 'react';
import { Label, RadioButton, RadioField, RadioGroup, Text } from 'react-aria-components';
import { useLanguage, useTranslation } from '../../i18n';
import { formatWallDateTime } from '../../i18n/format';
import type { Text as Words } from '../../../machines';
import type { BuiltInScenario, Drill, Scenario } from '../../scenarios';
import { DRILL_PACES, type DrillPace, type DrillRun } from '../../session/drillRuns';
import { runsOf } from './comparison';

export type DrillScenario = Scenario & { drill: Drill };

/** A built-in scenario as the picker has it: being read, read (with or without a drill), or not readable. */
export type DrillChoice =
  | { entry: BuiltInScenario; state: 'loading' }
  | { entry: BuiltInScenario; state: 'loaded'; scenario: DrillScenario }
  | { entry: BuiltInScenario; state: 'noDrill' }
  | { entry: BuiltInScenario; state: 'failed'; problem: Words };

export interface DrillPickerProps {
  choices: readonly DrillChoice[];
  /** Every stored run, to say what was done before. */
  runs: readonly DrillRun[];
  pace: DrillPace;
  onPace: (pace: DrillPace) => void;
  onStart: (scenario: DrillScenario) => void;
  onRecord: (run: DrillRun, scenario: DrillScenario) => void;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** Choose a drill and the time to decide; what was done before on this device is said beside each. */
export function DrillPicker({ choices, runs, pace, onPace, onStart, onRecord, headingRef }: DrillPickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const loaded = choices.filter((choice) => choice.state !== 'noDrill');
  return (
    <section className="drill-picker" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('drill.choose.title')}
      </h2>
      <RadioGroup
        className="drill-pace"
        value={pace}
        onChange={(value) => {
          const chosen = DRILL_PACES.find((candidate) => candidate === value);
          if (chosen) onPace(chosen);
        }}
        orientation="horizontal"
      >
        <Label className="drill-verdict__label">{t('drill.pace.label')}</Label>
        <div className="drill-pace__options">
          {DRILL_PACES.map((option) => (
            <RadioField key={option} value={option}>
              <RadioButton className="drill-who__option">{t(`drill.pace.${option}`)}</RadioButton>
            </RadioField>
          ))}
        </div>
        <Text slot="description" className="field__help">
          {t('drill.pace.help')}
        </Text>
      </RadioGroup>

      {choices.some((choice) => choice.state === 'loading') && (
        <p role="status" className="outcome outcome--pending">
          {t('drill.choose.loading')}
        </p>
      )}
      {loaded.length === 0 && <p>{t('drill.choose.none')}</p>}
      <ul className="drill-picker__list">
        {loaded.map((choice) => {
          if (choice.state === 'loading') return null;
          if (choice.state === 'failed')
            return (
              <li key={choice.entry.id} className="drill-card">
                <p role="alert" className="banner banner--error">
                  {t('drill.choose.loadFailed', {
                    title: choice.entry.title[language],
                    problem: choice.problem[language],
                  })}
                </p>
              </li>
            );
          const { scenario } = choice;
          const earlier = runsOf(runs, scenario.id);
          const last = earlier.at(-1);
          const title = scenario.drill.title[language];
          return (
            <li key={choice.entry.id} className="drill-card">
              <article aria-labelledby={`${id}-${scenario.id}`}>
                <h3 id={`${id}-${scenario.id}`}>{title}</h3>
                <p className="drill-card__from">
                  {t('drill.choose.fromScenario', {
                    title: scenario.title[language],
                    municipality: scenario.municipality,
                  })}{' '}
                  · {t('drill.choose.points', { count: scenario.drill.points.length })}
                </p>
                <p>{scenario.drill.intro[language]}</p>
                <p className="drill-card__earlier">
                  {last
                    ? t('drill.choose.earlier', {
                        count: earlier.length,
                        date: formatWallDateTime(last.startedAt, language),
                      })
                    : t('drill.choose.never')}
                </p>
                <div className="drill-actions">
                  <button
                    type="button"
                    className="button--primary"
                    aria-label={t('drill.choose.startLabel', { title })}
                    onClick={() => {
                      onStart(scenario);
                    }}
                  >
                    {t('drill.choose.start')} <span aria-hidden="true">→</span>
                  </button>
                  {last && (
                    <button
                      type="button"
                      aria-label={t('drill.choose.lastRecordLabel', { title })}
                      onClick={() => {
                        onRecord(last, scenario);
                      }}
                    >
                      {t('drill.choose.lastRecord')}
                    </button>
                  )}
                </div>
              </article>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
