import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../i18n';

/** Where "Live zetten" stands for one exercise; nothing shown while it is not asked for. */
export type MakeLiveState =
  { state: 'askSecret' } | { state: 'uploading' } | { state: 'refused'; message: string; problems: readonly string[] };

/** The admin secret, asked for where it is needed: the server takes nothing from this device without it. */
export function AdminSecretField({
  value,
  onChange,
  invalid = false,
  error,
  autoFocus = false,
  inputRef,
}: {
  value: string;
  onChange: (secret: string) => void;
  invalid?: boolean;
  /** What to do when it is wrong; shown with `invalid`. */
  error?: string;
  autoFocus?: boolean;
  /** The form's focus handle, for a submit that focuses the first wrong field. */
  inputRef?: (element: HTMLInputElement | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement | null>(null);
  // Only on the way in: the field appears because the trainer just asked to go live.
  const focusOnMount = useRef(autoFocus);
  useEffect(() => {
    if (focusOnMount.current) input.current?.focus();
  }, []);
  const showError = invalid && error !== undefined;
  const describedBy = [`${id}-help`, showError ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={invalid ? 'field field--invalid admin-secret' : 'field admin-secret'}>
      <label htmlFor={id}>
        {t('exercises.live.secret')} <span className="field__requirement">({t('common.required')})</span>
      </label>
      <span id={`${id}-help`} className="field__help">
        {t('exercises.live.secretHelp')}
      </span>
      {showError && (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      )}
      <input
        ref={(element) => {
          input.current = element;
          inputRef?.(element);
        }}
        id={id}
        type="password"
        autoComplete="off"
        required
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}

/** The secret asked for inside one exercise's card, then "Live zetten" again. */
function SecretForm({
  title,
  onSecret,
  onCancel,
}: {
  title: string;
  onSecret: (secret: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  const [tried, setTried] = useState(false);
  return (
    <form
      className="make-live__secret"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (secret.trim() !== '') onSecret(secret.trim());
      }}
    >
      <AdminSecretField
        value={secret}
        onChange={setSecret}
        invalid={tried && secret.trim() === ''}
        error={t('exercises.live.secretMissing')}
        autoFocus
      />
      <div className="make-live__secret-actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button--primary">
          {t('exercises.live.makeLive')} <span className="visually-hidden">{title}</span>
        </button>
      </div>
    </form>
  );
}

/**
 * How moving one exercise to the server goes, in its own card: the secret
 * when this tab has none, "being sent", or the server's refusal with every
 * problem it found (nothing was stored then).
 */
export function MakeLiveStatus({
  title,
  status,
  onSecret,
  onCancel,
}: {
  title: string;
  status: MakeLiveState | undefined;
  onSecret: (secret: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div role="status" className="make-live__status">
        {status?.state === 'uploading' && <p>{t('exercises.live.uploading', { title })}</p>}
      </div>
      <div role="alert" className="make-live__alert">
        {status?.state === 'refused' && (
          <div className="exercises-banner exercises-banner--error">
            <p>
              <span aria-hidden="true">⚠ </span>
              {t('exercises.live.refused', { title })} {status.message}
            </p>
            {status.problems.length > 0 && (
              <ul>
                {status.problems.map((problem, index) => (
                  <li key={index}>{problem}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {status?.state === 'askSecret' && <SecretForm title={title} onSecret={onSecret} onCancel={onCancel} />}
    </>
  );
}
