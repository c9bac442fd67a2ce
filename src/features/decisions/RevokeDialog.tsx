import { useState } from 'react';
import {
  decisionInForce,
  ruleById,
  whyRefused,
  whyRefusedStep,
  type By,
  type EscalationSnapshot,
  type Subject,
} from '../../../machines';
import type { Attempt } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import {
  AttemptDialog,
  ConfirmStep,
  type AttemptDialogProps,
  DecisionFacts,
  GroundsField,
  ModelJudgement,
  QuotedText,
  SummarySentence,
  useFormSteps,
  whoInSentence,
} from './parts';
import './decisions.css';

export type RevokeAttempt = Extract<Attempt, { type: 'mayor.revoke' }>;

export type RevokeDialogProps = AttemptDialogProps<RevokeAttempt>;

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
    <AttemptDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={onSubmit}
      title={t(`decisions.revokeDialog.title.${subject}`)}
      className={`decision-dialog decision-dialog--revoke decision-dialog--${subject}`}
      form={(actions) => <RevokeForm subject={subject} by={by} snapshot={snapshot} {...actions} />}
    />
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
  const { step, goTo, nextRef, summaryRef } = useFormSteps();
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
      <ConfirmStep
        titleRef={summaryRef}
        danger
        onBack={() => {
          goTo('edit');
        }}
        onConfirm={() => {
          onConfirm(attempt);
        }}
      >
        <SummarySentence
          before={t('decisions.revokeDialog.summaryBefore')}
          word={t('decisions.revokeDialog.revokeWord')}
          modifier="revoked"
          after={t('decisions.revokeDialog.summaryAfter', {
            subject: t(`decisions.subjectInSentence.${subject}`),
            who: whoInSentence(by, t),
          })}
        />
        <QuotedText text={attempt.grounds} />
        {effect}
        <ModelJudgement refusal={whyRefused(snapshot, attempt)} />
      </ConfirmStep>
    );
  }

  return (
    <form
      noValidate
      className="decision-form"
      onSubmit={(event) => {
        event.preventDefault();
        goTo('confirm');
      }}
    >
      <DecisionFacts by={by} current={current} />
      {/* Who revokes, when, what: the grounds are judged on the confirm step (R6). */}
      <ModelJudgement refusal={whyRefusedStep(snapshot, { type: 'mayor.revoke', by, subject })} />
      {effect}
      <GroundsField value={grounds} onChange={setGrounds} help={t('decisions.revokeDialog.groundsHelp')} />
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
