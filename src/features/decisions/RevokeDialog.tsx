import { useEffect, useRef, useState } from 'react';
import {
  decisionInForce,
  ruleById,
  whyRefused,
  type By,
  type EscalationSnapshot,
  type Subject,
} from '../../../machines';
import type { Attempt } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import { ModalDialog } from '../../ui/Dialog';
import { GroundsField, isBlank, ModelJudgement, QuotedText, VerdictLabel, whoAsLabel, whoInSentence } from './parts';
import './decisions.css';

export type RevokeAttempt = Extract<Attempt, { type: 'mayor.revoke' }>;

export interface RevokeDialogProps {
  /** The one subject whose decision is revoked. */
  subject: Subject;
  /** Who acts. Anyone may try; the model refuses who is not competent (R5) and the attempt is logged. */
  by: By;
  snapshot: EscalationSnapshot;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onSubmit: (attempt: RevokeAttempt) => void;
}

const PROBE_GROUNDS = '…';

export const revokeAttemptOf = (subject: Subject, by: By, grounds: string): RevokeAttempt => ({
  type: 'mayor.revoke',
  by,
  subject,
  grounds: grounds.trim(),
});

/**
 * Revoking the decision on one subject, with grounds (R6, R8). The effect is
 * said before it happens: the water cannon takes the tear agent with it and
 * the warning lapses; the tear agent stops alone.
 */
export function RevokeDialog({ subject, by, snapshot, isOpen, onOpenChange, onSubmit }: RevokeDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={t(`decisions.revokeDialog.title.${subject}`)}
      className={`decision-dialog decision-dialog--revoke decision-dialog--${subject}`}
    >
      {(close) => (
        <RevokeForm
          subject={subject}
          by={by}
          snapshot={snapshot}
          onCancel={close}
          onConfirm={(attempt) => {
            onSubmit(attempt);
            close();
          }}
        />
      )}
    </ModalDialog>
  );
}

interface RevokeFormProps {
  subject: Subject;
  by: By;
  snapshot: EscalationSnapshot;
  onCancel: () => void;
  onConfirm: (attempt: RevokeAttempt) => void;
}

function RevokeForm({ subject, by, snapshot, onCancel, onConfirm }: RevokeFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [grounds, setGrounds] = useState('');
  const [showError, setShowError] = useState(false);
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const groundsRef = useRef<HTMLTextAreaElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLHeadingElement>(null);
  const movedStep = useRef(false);

  useEffect(() => {
    if (!movedStep.current) return;
    if (step === 'confirm') summaryRef.current?.focus();
    else nextRef.current?.focus();
  }, [step]);

  const goTo = (next: 'edit' | 'confirm') => {
    movedStep.current = true;
    setStep(next);
  };
  const current = decisionInForce(snapshot, subject);
  const revocation = ruleById('R8');
  const effect = (
    <div className="decision-note decision-note--effect">
      <p className="decision-note__title">{t('decisions.revokeDialog.effectTitle')}</p>
      <p>{t(`decisions.revokeDialog.effect.${subject}`)}</p>
      {revocation && (
        <p className="decision-note__rule">
          <span className="rule-id">{revocation.id}</span> {revocation.title[language]}
        </p>
      )}
    </div>
  );

  if (step === 'confirm') {
    const attempt = revokeAttemptOf(subject, by, grounds);
    return (
      <div className="decision-summary">
        <h3 className="decision-summary__title" ref={summaryRef} tabIndex={-1}>
          {t('decisions.form.summaryTitle')}
        </h3>
        <p className="decision-summary__sentence">
          {t('decisions.revokeDialog.summaryBefore')}{' '}
          <strong className="decision-summary__verdict decision-summary__verdict--revoked">
            {t('decisions.revokeDialog.revokeWord')}
          </strong>{' '}
          {t('decisions.revokeDialog.summaryAfter', {
            subject: t(`decisions.subjectInSentence.${subject}`),
            who: whoInSentence(by, t),
          })}
        </p>
        <QuotedText text={attempt.grounds} />
        {effect}
        <ModelJudgement refusal={whyRefused(snapshot, attempt)} />
        <div className="dialog__actions">
          <button
            type="button"
            onClick={() => {
              goTo('edit');
            }}
          >
            {t('decisions.form.back')}
          </button>
          <button
            type="button"
            className="button--primary button--danger"
            onClick={() => {
              onConfirm(attempt);
            }}
          >
            {t('decisions.form.confirm')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      noValidate
      className="decision-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (isBlank(grounds)) {
          setShowError(true);
          groundsRef.current?.focus();
          return;
        }
        goTo('confirm');
      }}
    >
      <dl className="decision-facts">
        <dt>{t('decisions.form.who')}</dt>
        <dd>{whoAsLabel(by, t)}</dd>
        <dt>{t('decisions.form.current')}</dt>
        <dd>
          <VerdictLabel decision={current} />
        </dd>
      </dl>
      <ModelJudgement
        refusal={whyRefused(snapshot, revokeAttemptOf(subject, by, isBlank(grounds) ? PROBE_GROUNDS : grounds))}
      />
      {effect}
      <GroundsField
        value={grounds}
        onChange={setGrounds}
        help={t('decisions.revokeDialog.groundsHelp')}
        showError={showError}
        inputRef={groundsRef}
      />
      <div className="dialog__actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button--primary" ref={nextRef}>
          {t('decisions.form.next')}
        </button>
      </div>
    </form>
  );
}
