import { SUBJECTS, type Subject } from '../../../machines';
import { useTranslation } from '../../i18n';
import { ModalDialog } from '../../ui/Dialog';

export interface SubjectDialogProps {
  action: 'decide' | 'revoke';
  onOpenChange: (isOpen: boolean) => void;
  onChoose: (subject: Subject) => void;
}

/** A decision is about one subject, never both (R4): which one, before its own dialog opens. */
export function SubjectDialog({ action, onOpenChange, onChoose }: SubjectDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog isOpen onOpenChange={onOpenChange} title={t(`diagram.subjectDialog.${action}`)} isDismissable>
      {(close) => (
        <>
          <p>{t('diagram.subjectDialog.explain')}</p>
          <div className="dialog__actions model-subject">
            {SUBJECTS.map((subject) => (
              <button
                key={subject}
                type="button"
                className="button--primary"
                onClick={() => {
                  onChoose(subject);
                }}
              >
                {t(`subject.${subject}`)}
              </button>
            ))}
            <button type="button" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
