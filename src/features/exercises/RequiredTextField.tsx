import { useId } from 'react';
import { useTranslation } from '../../i18n';

export interface RequiredTextFieldProps {
  /** The input's name, and the key of its error. */
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown when the field is wrong: what to do. */
  error: string;
  invalid: boolean;
  help?: string | undefined;
  inputRef: (element: HTMLInputElement | null) => void;
}

/** A required line of text in the set-up form: label, help, the error once wrong, then the input. */
export function RequiredTextField({
  field,
  label,
  value,
  onChange,
  error,
  invalid,
  help,
  inputRef,
}: RequiredTextFieldProps) {
  const { t } = useTranslation();
  const inputId = `${useId()}-${field}`;
  const describedBy = [help ? `${inputId}-help` : null, invalid ? `${inputId}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={invalid ? 'field field--invalid' : 'field'}>
      <label htmlFor={inputId}>
        {label} <span className="field__requirement">({t('common.required')})</span>
      </label>
      {help && (
        <span id={`${inputId}-help`} className="field__help">
          {help}
        </span>
      )}
      {invalid && (
        <span id={`${inputId}-error`} className="field__error">
          {error}
        </span>
      )}
      <input
        ref={inputRef}
        id={inputId}
        name={field}
        type="text"
        value={value}
        required
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy || undefined}
        autoComplete="off"
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}
