import type { Ref } from 'react';
import { useTranslation } from '../i18n';

export interface DialogActionsProps {
  onCancel: () => void;
  submitLabel: string;
  /** The submit button, for a form that puts focus back on it (a two-step dialog coming back to its first step). */
  submitRef?: Ref<HTMLButtonElement>;
}

/** The foot of a form in a dialog: cancel first, the primary submit last, as everywhere in Paraat. */
export function DialogActions({ onCancel, submitLabel, submitRef }: DialogActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="dialog__actions">
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button--primary" ref={submitRef}>
        {submitLabel}
      </button>
    </div>
  );
}
