import { useId, useRef, useState, type ReactNode } from 'react';
import { FieldError, Label, RadioButton, RadioField, RadioGroup } from 'react-aria-components';
import { decisionInForce, whyRefused, whyRefusedStep, type By, type Subject, type Verdict } from '../../../machines';
import type { Attempt } from '../../session';
import { useTranslation } from '../../i18n';
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

export type DecideAttempt = Extract<Attempt, { type: 'mayor.decide' }>;

export interface DecisionDialogProps extends AttemptDialogProps<DecideAttempt> {
  /**
   * What is known about the tear agent, shown in its dialog so the mayor can weigh it (the screen
   * gives it: the evidence feature's disclosure). Not shown for the water cannon.
   */
  evidence?: ReactNode;
}

interface DecisionDraft {
  verdict: Verdict | null;
  grounds: string;
  beeld: string;
  oordeel: string;
  conditions: string;
}

/** The attempt as the session receives it: one subject, trimmed text, optional parts only when given. */
export function decideAttemptOf(subject: Subject, by: By, draft: DecisionDraft & { verdict: Verdict }): DecideAttempt {
  const beeld = draft.beeld.trim();
  const oordeel = draft.oordeel.trim();
  const conditions = draft.conditions.trim();
  return {
    type: 'mayor.decide',
    by,
    subject,
    verdict: draft.verdict,
    grounds: draft.grounds.trim(),
    ...(beeld || oordeel ? { bob: { ...(beeld ? { beeld } : {}), ...(oordeel ? { oordeel } : {}) } } : {}),
    ...(conditions ? { conditions } : {}),
  };
}

/**
 * The mayor's decision on ONE subject: the water cannon, or the tear agent in
 * it. Two subjects, two dialogs: no single action may record both (R4).
 * The verdict is chosen before the summary can be read back; the grounds are
 * judged by the model (R6), which the confirm step shows before anything is
 * recorded. BOB notes and conditions are optional.
 */
export function DecisionDialog({ evidence, ...props }: DecisionDialogProps) {
  return <AttemptDialog kind="decide" {...props} form={(form) => <DecisionForm {...form} evidence={evidence} />} />;
}

type DecisionFormProps = AttemptFormProps<DecideAttempt> & { evidence: ReactNode };

function DecisionForm({ subject, by, snapshot, evidence, onCancel, onConfirm }: DecisionFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<DecisionDraft>({
    verdict: null,
    grounds: '',
    beeld: '',
    oordeel: '',
    conditions: '',
  });
  const [showErrors, setShowErrors] = useState(false);
  const { step, goTo, nextRef, summaryRef } = useFormSteps();
  const verdictRef = useRef<HTMLInputElement>(null);

  const current = decisionInForce(snapshot, subject);
  const update = (changes: Partial<DecisionDraft>) => {
    setDraft((previous) => ({ ...previous, ...changes }));
  };
  // Who decides, when, on what: the words are judged on the confirm step, when they are all given.
  const refusal = whyRefusedStep(snapshot, { type: 'mayor.decide', by, subject });

  if (step === 'confirm' && draft.verdict !== null) {
    const attempt = decideAttemptOf(subject, by, { ...draft, verdict: draft.verdict });
    return (
      <ConfirmStep
        titleRef={summaryRef}
        onBack={() => {
          goTo('edit');
        }}
        onConfirm={() => {
          onConfirm(attempt);
        }}
      >
        <SummarySentence
          before={t('decisions.decideDialog.summaryBefore')}
          word={t(`decisions.decideDialog.verdictWord.${attempt.verdict}`)}
          modifier={attempt.verdict}
          after={t('decisions.decideDialog.summaryAfter', {
            subject: t(`decisions.subjectInSentence.${subject}`),
            who: whoInSentence(by, t),
          })}
        />
        <QuotedText text={attempt.grounds} />
        {(attempt.bob ?? attempt.conditions) !== undefined && (
          <dl className="decision-facts">
            {attempt.bob?.beeld && (
              <>
                <dt>{t('decisions.decideDialog.summaryBeeld')}</dt>
                <dd>{attempt.bob.beeld}</dd>
              </>
            )}
            {attempt.bob?.oordeel && (
              <>
                <dt>{t('decisions.decideDialog.summaryOordeel')}</dt>
                <dd>{attempt.bob.oordeel}</dd>
              </>
            )}
            {attempt.conditions && (
              <>
                <dt>{t('decisions.decideDialog.summaryConditions')}</dt>
                <dd>{attempt.conditions}</dd>
              </>
            )}
          </dl>
        )}
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
        if (draft.verdict === null) {
          setShowErrors(true);
          verdictRef.current?.focus();
          return;
        }
        goTo('confirm');
      }}
    >
      <p className="decision-form__lead">
        {t('decisions.decideDialog.oneSubject', { subject: t(`decisions.subjectInSentence.${subject}`) })}
      </p>
      {subject === 'tearGas' && (
        <div className="decision-note" role="note">
          <p>
            <span className="badge decision-pilot">{t('decisions.pilot')}</span>
          </p>
          <p>{t('decisions.decideDialog.separateNote')}</p>
          <p>{t('decisions.decideDialog.pilotNote')}</p>
        </div>
      )}
      {subject === 'tearGas' && evidence}
      <DecisionFacts by={by} current={current} />
      <ModelJudgement refusal={refusal} />

      <RadioGroup
        className="decision-verdict"
        value={draft.verdict}
        onChange={(value) => {
          update({ verdict: value === 'granted' || value === 'refused' ? value : null });
        }}
        isRequired
        isInvalid={showErrors && draft.verdict === null}
        validationBehavior="aria"
      >
        <Label className="decision-verdict__label">
          {t('decisions.decideDialog.verdict')} ({t('common.required')})
        </Label>
        <div className="decision-verdict__options">
          <RadioField value="granted" inputRef={verdictRef}>
            <RadioButton className="decision-verdict__option decision-verdict__option--granted">
              <span className="decision-verdict__icon" aria-hidden="true">
                ✓
              </span>
              {t('decisions.decideDialog.grant')}
            </RadioButton>
          </RadioField>
          <RadioField value="refused">
            <RadioButton className="decision-verdict__option decision-verdict__option--refused">
              <span className="decision-verdict__icon" aria-hidden="true">
                ✗
              </span>
              {t('decisions.decideDialog.refuse')}
            </RadioButton>
          </RadioField>
        </div>
        <FieldError className="field__error">{t('decisions.decideDialog.verdictRequired')}</FieldError>
      </RadioGroup>
      {draft.verdict === 'refused' && current?.verdict === 'granted' && (
        <p className="decision-note decision-note--effect">
          {t('decisions.decideDialog.refuseEnds', { effect: t(`decisions.revokeDialog.effect.${subject}`) })}
        </p>
      )}

      <GroundsField
        value={draft.grounds}
        onChange={(grounds) => {
          update({ grounds });
        }}
        help={t('decisions.decideDialog.groundsHelp')}
      />

      <fieldset className="decision-bob" aria-describedby={`${id}-bob-help`}>
        <legend>{t('decisions.decideDialog.bob')}</legend>
        <p id={`${id}-bob-help`} className="field__help">
          {t('decisions.decideDialog.bobHelp')}
        </p>
        <div className="field">
          <label htmlFor={`${id}-beeld`}>{t('decisions.decideDialog.beeld')}</label>
          <textarea
            id={`${id}-beeld`}
            value={draft.beeld}
            aria-describedby={`${id}-beeld-help`}
            onChange={(event) => {
              update({ beeld: event.target.value });
            }}
          />
          <span id={`${id}-beeld-help`} className="field__help">
            {t('decisions.decideDialog.beeldHelp')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-oordeel`}>{t('decisions.decideDialog.oordeel')}</label>
          <textarea
            id={`${id}-oordeel`}
            value={draft.oordeel}
            aria-describedby={`${id}-oordeel-help`}
            onChange={(event) => {
              update({ oordeel: event.target.value });
            }}
          />
          <span id={`${id}-oordeel-help`} className="field__help">
            {t('decisions.decideDialog.oordeelHelp')}
          </span>
        </div>
      </fieldset>

      <div className="field">
        <label htmlFor={`${id}-conditions`}>{t('decisions.decideDialog.conditions')}</label>
        <textarea
          id={`${id}-conditions`}
          value={draft.conditions}
          aria-describedby={`${id}-conditions-help`}
          onChange={(event) => {
            update({ conditions: event.target.value });
          }}
        />
        <span id={`${id}-conditions-help`} className="field__help">
          {t('decisions.decideDialog.conditionsHelp')}
        </span>
      </div>

      <DialogActions onCancel={onCancel} submitLabel={t('decisions.form.next')} submitRef={nextRef} />
    </form>
  );
}
