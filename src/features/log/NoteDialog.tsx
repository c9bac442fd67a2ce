import { useId, useState } from 'react';
import { useTranslation } from '../../i18n';
import { ModalDialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';

export interface NoteDialogProps {
  mode: 'note' | 'correction';
  /** The entry the note is about, or the entry being corrected. */
  seq: number;
  /** That entry in one line, so the writer sees what they are writing about. */
  about: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onSubmit: (text: string) => void;
}

/** A note on an entry, or a correction of one: always a new entry, never an edit (JESIP). */
export function NoteDialog({ mode, seq, about, isOpen, onOpenChange, onSubmit }: NoteDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [showError, setShowError] = useState(false);
  const empty = text.trim() === '';
  const title = mode === 'note' ? t('log.dialog.noteTitle', { seq }) : t('log.dialog.correctionTitle', { seq });
  const help = mode === 'note' ? t('log.dialog.noteHelp') : t('log.dialog.correctionHelp', { seq });
  return (
    <ModalDialog isOpen={isOpen} onOpenChange={onOpenChange} title={title} className="log-note-dialog">
      {(close) => (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (empty) {
              setShowError(true);
              return;
            }
            onSubmit(text.trim());
            close();
          }}
        >
          <p className="log-note-dialog__about">
            <strong>{t('log.dialog.about', { seq })}</strong> {about}
          </p>
          <div className="field">
            <label htmlFor={`${id}-text`}>
              {t('log.dialog.text')} ({t('common.required')})
            </label>
            <textarea
              id={`${id}-text`}
              value={text}
              autoFocus
              required
              aria-invalid={showError && empty}
              aria-describedby={`${id}-help ${id}-error`}
              onChange={(event) => {
                setText(event.target.value);
              }}
            />
            <span id={`${id}-help`} className="field__help">
              {help}
            </span>
            <span id={`${id}-error`} className={showError && empty ? 'field__error' : 'visually-hidden'}>
              {showError && empty ? t('log.dialog.required') : ''}
            </span>
          </div>
          <DialogActions onCancel={close} submitLabel={t('log.dialog.submit')} />
        </form>
      )}
    </ModalDialog>
  );
}
