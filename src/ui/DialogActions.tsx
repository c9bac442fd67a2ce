import { useTranslation } from '../i18n';

export interface DialogActionsProps {
  onCancel: () => void;
  submitLabel: string;
}

/** The foot of a form in a dialog: cancel first, the primary submit last, as everywhere in Paraat. */
export function DialogActions({ onCancel, submitLabel }: DialogActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="dialog__actions">
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button--primary">
        {submitLabel}
      </button>
    </div>
  );
}
