import { useId } from 'react';
import { useTranslation } from '../../i18n';
import type { ExercisePlace } from './useNewExerciseForm';

export interface PlaceFieldProps {
  value: ExercisePlace;
  onChange: (place: ExercisePlace) => void;
}

const PLACES = ['local', 'live'] as const satisfies readonly ExercisePlace[];

/** On a Paraat server: whether the new exercise stays on this device or runs as a live session there. */
export function PlaceField({ value, onChange }: PlaceFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="new-exercise__group" aria-describedby={`${id}-place-help`}>
      <legend>{t('exercises.live.where')}</legend>
      <p id={`${id}-place-help`} className="field__help">
        {t('exercises.live.whereHelp')}
      </p>
      <div className="phase-options">
        {PLACES.map((place) => (
          <label key={place} className="phase-option">
            <input
              type="radio"
              name={`${id}-place`}
              value={place}
              checked={value === place}
              onChange={() => {
                onChange(place);
              }}
            />
            <span className="phase-option__text">
              {place === 'local' ? t('exercises.live.whereLocal') : t('exercises.live.whereLive')}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
