import { useId, useState } from 'react';
import type { Refusal } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import { ModalDialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';

export interface ReasonDialogProps {
  direction: 'escalate' | 'deescalate';
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** What the model says about this reason, asked as the user types. */
  judge: (reason: string) => Refusal | null;
  onSubmit: (reason: string) => void;
}

/** Escalation and de-escalation are explicit, with a reason (R1). */
export function ReasonDialog({ direction, isOpen, onOpenChange, judge, onSubmit }: ReasonDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const id = useId();
  const refusal = judge(reason);
  return (
    <ModalDialog isOpen={isOpen} onOpenChange={onOpenChange} title={t(`actions.reasonDialog.${direction}`)}>
      {(close) => (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit(reason);
            setReason('');
            setTouched(false);
            close();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-reason`}>
              {t('actions.reasonDialog.reason')} ({t('common.required')})
            </label>
            <textarea
              id={`${id}-reason`}
              value={reason}
              autoFocus
              aria-describedby={`${id}-help ${id}-judgement`}
              onChange={(event) => {
                setReason(event.target.value);
                setTouched(true);
              }}
            />
            <span id={`${id}-help`} className="field__help">
              {t('actions.reasonDialog.help')}
            </span>
            <span id={`${id}-judgement`} className={refusal && touched ? 'field__error' : 'visually-hidden'}>
              {refusal ? `${refusal.rule}: ${refusal.message[language]}` : ''}
            </span>
          </div>
          <DialogActions onCancel={close} submitLabel={t('actions.reasonDialog.submit')} />
        </form>
      )}
    </ModalDialog>
  );
}
