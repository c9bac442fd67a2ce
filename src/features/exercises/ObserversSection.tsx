import { useEffect, useId, useRef } from 'react';
import { useLanguage, useTranslation } from '../../i18n';
import { ActionLabel } from './ActionLabel';
import type { ObserverRow } from './useNewExerciseForm';

export interface ObserversSectionProps {
  observers: readonly ObserverRow[];
  /** Adds an empty row and gives its key. */
  onAdd: () => number;
  onRemove: (key: number) => void;
  onRename: (key: number, name: string) => void;
}

/**
 * The observers, optional, as many as wanted. Focus follows the rows: to a
 * new row once added, to the next (or previous) once one is removed, to "add"
 * when none are left.
 */
export function ObserversSection({ observers, onAdd, onRemove, onRename }: ObserversSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const inputs = useRef(new Map<number, HTMLInputElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  // Where focus goes once an observer row is added or removed (a row's key, or the add button).
  const focusAfterRows = useRef<number | 'add' | null>(null);

  useEffect(() => {
    const target = focusAfterRows.current;
    focusAfterRows.current = null;
    if (target === 'add') addButton.current?.focus();
    else if (target !== null) inputs.current.get(target)?.focus();
  }, [observers]);

  return (
    <fieldset className="new-exercise__group" aria-describedby={`${id}-observers-help`}>
      <legend>
        {t('exercises.form.observers')} <span className="field__requirement">({t('common.optional')})</span>
      </legend>
      <p id={`${id}-observers-help`} className="field__help">
        {t('exercises.form.observersHelp')}
      </p>
      {observers.length === 0 ? (
        <p className="new-exercise__none">{t('exercises.form.noObservers')}</p>
      ) : (
        <ul className="observer-rows">
          {observers.map((row, index) => {
            const label = t('exercises.form.observer', { number: index + 1 });
            const inputId = `${id}-observer-${String(row.key)}`;
            return (
              <li key={row.key} className="observer-row">
                <div className="field">
                  <label htmlFor={inputId}>{label}</label>
                  {row.position && (
                    <span id={`${inputId}-help`} className="field__help">
                      {t('scenarioPicker.cast.position', { position: row.position[language] })}
                    </span>
                  )}
                  <input
                    ref={(element) => {
                      if (element) inputs.current.set(row.key, element);
                      else inputs.current.delete(row.key);
                    }}
                    id={inputId}
                    type="text"
                    value={row.name}
                    aria-describedby={row.position ? `${inputId}-help` : undefined}
                    autoComplete="off"
                    onChange={(event) => {
                      onRename(row.key, event.target.value);
                    }}
                  />
                </div>
                <button
                  type="button"
                  className="button--danger"
                  onClick={() => {
                    const next = observers[index + 1] ?? observers[index - 1];
                    onRemove(row.key);
                    focusAfterRows.current = next ? next.key : 'add';
                  }}
                >
                  <ActionLabel action={t('exercises.form.removeObserver')} subject={label} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button
        ref={addButton}
        type="button"
        onClick={() => {
          focusAfterRows.current = onAdd();
        }}
      >
        <span aria-hidden="true">+ </span>
        {t('exercises.form.addObserver')}
      </button>
    </fieldset>
  );
}
