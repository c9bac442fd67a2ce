import { useEffect, useId, useRef, type ChangeEvent } from 'react';
import { useLanguage, useTranslation } from '../../i18n';
import { shortHash } from './FinalHash';
import type { ImportState } from './importExercise';
import './exercises.css';

export interface ImportExerciseControlProps {
  /** A file was chosen; the same file chosen again counts again. */
  onChoose: (file: File) => void;
}

/**
 * "Oefening importeren": a real file input with its label, styled as a
 * button. The input stays focusable (Tab, then Enter or Space opens the
 * browser's file chooser); the focus ring shows on the label.
 */
export function ImportExerciseControl({ onChoose }: ImportExerciseControlProps) {
  const { t } = useTranslation();
  const id = useId();
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so choosing the same file again (after fixing it, say) is a new choice.
    event.target.value = '';
    if (file) onChoose(file);
  };
  return (
    <span className="exercise-import">
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        className="exercise-import__input visually-hidden"
        aria-describedby={`${id}-help`}
        onChange={choose}
      />
      <label htmlFor={id} className="exercise-import__button">
        {t('exerciseFile.choose')}
      </label>
      <span id={`${id}-help`} className="visually-hidden">
        {t('exerciseFile.chooseHelp')}
      </span>
    </span>
  );
}

/**
 * What became of the last import, as the screen's status says it (reading,
 * imported). Rendered inside the screen's one status region, which is always
 * in the page: live regions announce only what changes inside them.
 * Once imported, focus moves to the message, so a screen reader reads it in
 * full and the next Tab goes on from there; otherwise focus stays on the
 * hidden file input, or on <body> when the file came in some other way.
 */
export function ImportStatus({ state }: { state: ImportState }) {
  const { t } = useTranslation();
  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.status === 'imported') message.current?.focus();
  }, [state]);
  if (state.status === 'reading')
    return (
      <p className="exercises-banner exercises-banner--progress">
        {t('exerciseFile.reading', { name: state.fileName })}
      </p>
    );
  if (state.status !== 'imported') return null;
  return (
    <p className="exercises-banner exercises-banner--notice" ref={message} tabIndex={-1}>
      <span aria-hidden="true">✓ </span>
      {t('exerciseFile.imported', {
        title: state.title,
        name: state.fileName,
        count: state.entries,
        hash: shortHash(state.finalHash),
      })}
      {state.renumbered && ` ${t('exerciseFile.renumbered')}`}
    </p>
  );
}

/**
 * Why the last import was refused, inside the screen's one alert region: each
 * problem with the field or line it is about, and that nothing was changed.
 */
export function ImportAlert({ state }: { state: ImportState }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (state.status === 'notStored')
    return (
      <p className="exercises-banner exercises-banner--error">
        <span aria-hidden="true">⚠ </span>
        {t('exerciseFile.notStored', { name: state.fileName, reason: t(`exercises.problem.${state.reason}`) })}
      </p>
    );
  if (state.status !== 'refused') return null;
  return (
    <div className="exercises-banner exercises-banner--error import-errors">
      <p>
        <span aria-hidden="true">⚠ </span>
        {t('exerciseFile.refused', { name: state.fileName })}
      </p>
      <p className="import-errors__lead">{t('exerciseFile.refusedNothingChanged')}</p>
      <ul>
        {state.errors.map((error, index) => (
          // Each message names its field or log line itself, in words; the bare path would only distract.
          <li key={index}>{error.message[language]}</li>
        ))}
      </ul>
    </div>
  );
}
