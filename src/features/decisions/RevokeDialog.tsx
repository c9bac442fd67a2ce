import { useState } from 'react';
import { decisionInForce, ruleById, whyRefused, whyRefusedStep, type By, type Subject } from '../../../machines';
import type { Attempt } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import { DialogActions } from '../../ui/DialogActions';
import {
  AttemptDialog,
  ConfirmStep,
  type AttemptDialogProps,
  type AttemptFormProps,
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
export function RevokeDialog(props: RevokeDialogProps) {
  return <AttemptDialog kind="revoke" {...props} form={(form) => <RevokeForm {...form} />} />;
}

function RevokeForm({ subject, by, snapshot, onCancel, onConfirm }: AttemptFormProps<RevokeAttempt>) {
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
      <DialogActions onCancel={onCancel} submitLabel={t('decisions.form.next')} submitRef={nextRef} />
    </form>
  );
}
