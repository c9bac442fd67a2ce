import { useId } from 'react';
import { PHASES, type PhaseNumber } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';

export interface StartPhaseFieldProps {
  value: PhaseNumber;
  onChange: (phase: PhaseNumber) => void;
}

/** The phase the exercise starts in, one of the five, ours (2–4) marked as assumptions. */
export function StartPhaseField({ value, onChange }: StartPhaseFieldProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  return (
    <fieldset className="new-exercise__group" aria-describedby={`${id}-phase-help`}>
      <legend>{t('exercises.form.startPhase')}</legend>
      <p id={`${id}-phase-help`} className="field__help">
        {t('exercises.form.startPhaseHelp')}
      </p>
      <div className="phase-options">
        {PHASES.map((phase) => (
          <label key={phase.number} className="phase-option">
            <input
              type="radio"
              name={`${id}-startPhase`}
              value={phase.number}
              checked={value === phase.number}
              onChange={() => {
                onChange(phase.number);
              }}
            />
            <span className="phase-option__text">
              <span className="phase-option__number">{t('exercises.form.phase', { number: phase.number })}</span>{' '}
              {phase.name[language]}
              {phase.assumption && (
                <>
                  {' '}
                  <span className="badge badge--assumption">{t('exercises.form.assumption')}</span>
                </>
              )}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
