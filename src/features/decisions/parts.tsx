/**
 * Small pieces the decision dialogs and the panel share: who acts in words,
 * a verdict by icon and word, the model's judgement in
 * advance, a required grounds field, and the two steps (edit, then confirm)
 * with the facts above the form and the summary of the confirm step.
 */
import { useEffect, useId, useRef, useState, type ReactNode, type Ref } from 'react';
import type { TFunction } from '../../i18n';
import {
  ruleById,
  type By,
  type DecisionInForce,
  type EscalationSnapshot,
  type Refusal,
  type Subject,
} from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import { ModalDialog } from '../../ui/Dialog';

/**
 * The municipality after the name, unless the name already says it: a scenario's cast may name
 * "Frank Dekker (burgemeester van Dalstad, regioburgemeester)", which needs no "(Dalstad)" after it.
 * Compared as a whole word, so "Ede" is not found inside "Frederike".
 */
function withMunicipality(who: string, by: By): string {
  const municipality = by.municipality?.trim();
  if (!municipality) return who;
  const escaped = municipality.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const named = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(by.name);
  return named ? who : `${who} (${municipality})`;
}

/** Inside a sentence: "burgemeester Marieke de Boer (Utrecht)". */
export function whoInSentence(by: By, t: TFunction): string {
  return withMunicipality(`${t(`decisions.roleInSentence.${by.role}`)} ${by.name}`, by);
}

/** As a label: "Burgemeester Marieke de Boer (Utrecht)". */
export function whoAsLabel(by: By, t: TFunction): string {
  return withMunicipality(`${t(`role.${by.role}`)} ${by.name}`, by);
}

const VERDICT_ICONS = { granted: '✓', refused: '✗', revoked: '↩' } as const;

/** The verdict in force, by icon and word, never colour alone. */
export function VerdictLabel({ decision }: { decision: DecisionInForce | null }) {
  const { t } = useTranslation();
  if (!decision)
    return (
      <span className="decision-verdict-label decision-verdict-label--none">
        <span aria-hidden="true">–</span> {t('decisions.noDecision')}
      </span>
    );
  return (
    <span className={`decision-verdict-label decision-verdict-label--${decision.verdict}`}>
      <span aria-hidden="true">{VERDICT_ICONS[decision.verdict]}</span> {t(`verdict.${decision.verdict}`)}
    </span>
  );
}

/**
 * What the model would say to this attempt, asked in advance. A refusal is
 * shown with its rule and message, and the attempt can still be made: it is
 * logged with the refusal (R10).
 */
export function ModelJudgement({ refusal }: { refusal: Refusal | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className={refusal ? 'decision-model decision-model--refused' : 'decision-model decision-model--accepted'}>
      <p className="decision-model__title">{t('decisions.model.title')}</p>
      {refusal ? (
        <>
          <p className="decision-model__verdict">
            <span className="outcome outcome--refused">
              <span aria-hidden="true">✗</span> {t('decisions.model.willRefuse')}
            </span>{' '}
            <span className="rule-id" title={ruleById(refusal.rule)?.title[language]}>
              {refusal.rule}
            </span>
            : {refusal.message[language]}
          </p>
          <p className="decision-model__try">{t('decisions.model.tryAnyway')}</p>
        </>
      ) : (
        <p className="decision-model__verdict">
          <span className="outcome outcome--accepted">
            <span aria-hidden="true">✓</span> {t('decisions.model.willAccept')}
          </span>
        </p>
      )}
    </div>
  );
}

export interface GroundsFieldProps {
  value: string;
  onChange: (value: string) => void;
  help: string;
  inputRef?: Ref<HTMLTextAreaElement>;
}

/**
 * The grounds of a decision (R6). Not blocked when blank: the model judges
 * the attempt, the confirm step says what it will say, and a blank attempt is
 * logged with its refusal like any other (R10).
 */
export function GroundsField({ value, onChange, help, inputRef }: GroundsFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-grounds`}>
        {t('decisions.form.grounds')} ({t('common.required')})
      </label>
      <textarea
        id={`${id}-grounds`}
        ref={inputRef}
        value={value}
        aria-describedby={`${id}-help`}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      <span id={`${id}-help`} className="field__help">
        {help}
      </span>
    </div>
  );
}

/** The grounds as the writer typed them, shown back as text (never markup); said so when there are none. */
export function QuotedText({ text }: { text: string }) {
  const { t } = useTranslation();
  if (text.trim() === '') return <p className="decision-summary__none">{t('decisions.form.noGrounds')}</p>;
  return <blockquote className="decision-summary__quote">{text}</blockquote>;
}

export type FormStep = 'edit' | 'confirm';

/**
 * Edit, then confirm. Moving between the steps moves focus with it, so a
 * screen reader hears the summary (or is back at "continue").
 */
export function useFormSteps() {
  const [step, setStep] = useState<FormStep>('edit');
  const nextRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLHeadingElement>(null);
  const movedStep = useRef(false);
  useEffect(() => {
    if (!movedStep.current) return;
    if (step === 'confirm') summaryRef.current?.focus();
    else nextRef.current?.focus();
  }, [step]);
  const goTo = (next: FormStep) => {
    movedStep.current = true;
    setStep(next);
  };
  return { step, goTo, nextRef, summaryRef };
}

/** Who acts, and what is in force now, above the form. */
export function DecisionFacts({ by, current }: { by: By; current: DecisionInForce | null }) {
  const { t } = useTranslation();
  return (
    <dl className="decision-facts">
      <dt>{t('decisions.form.who')}</dt>
      <dd>{whoAsLabel(by, t)}</dd>
      <dt>{t('decisions.form.current')}</dt>
      <dd>
        <VerdictLabel decision={current} />
      </dd>
    </dl>
  );
}

export interface SummarySentenceProps {
  before: string;
  /** The verdict in one word, shown strong and with its own modifier class (not by colour alone: it is a word). */
  word: string;
  modifier: string;
  after: string;
}

/** "De burgemeester VERLEENT toestemming voor …" */
export function SummarySentence({ before, word, modifier, after }: SummarySentenceProps) {
  return (
    <p className="decision-summary__sentence">
      {before} <strong className={`decision-summary__verdict decision-summary__verdict--${modifier}`}>{word}</strong>{' '}
      {after}
    </p>
  );
}

export interface ConfirmStepProps {
  titleRef: Ref<HTMLHeadingElement>;
  /** A revocation ends what is in force: its confirm button says so by style too. */
  danger?: boolean;
  onBack: () => void;
  onConfirm: () => void;
  children: ReactNode;
}

/** The confirm step: a focusable title, the summary, then back or confirm. */
export function ConfirmStep({ titleRef, danger = false, onBack, onConfirm, children }: ConfirmStepProps) {
  const { t } = useTranslation();
  return (
    <div className="decision-summary">
      <h3 className="decision-summary__title" ref={titleRef} tabIndex={-1}>
        {t('decisions.form.summaryTitle')}
      </h3>
      {children}
      <div className="dialog__actions">
        <button type="button" onClick={onBack}>
          {t('decisions.form.back')}
        </button>
        <button
          type="button"
          className={danger ? 'button--primary button--danger' : 'button--primary'}
          onClick={onConfirm}
        >
          {t('decisions.form.confirm')}
        </button>
      </div>
    </div>
  );
}

/** What both decision dialogs (decide, revoke) are given. */
export interface AttemptDialogProps<A> {
  /** The one subject this dialog is about: never both (R4). */
  subject: Subject;
  /** Who acts. Anyone may try; the model refuses who is not competent (R5) and the attempt is logged. */
  by: By;
  /** The model now, asked what it would say before anything is recorded. */
  snapshot: EscalationSnapshot;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onSubmit: (attempt: A) => void;
}

/** What the form inside either dialog is given: the facts it is about, and a way out or on. */
export type AttemptFormProps<A> = Pick<AttemptDialogProps<A>, 'subject' | 'by' | 'snapshot'> & {
  onCancel: () => void;
  onConfirm: (attempt: A) => void;
};

/**
 * The one shape of the decide and revoke dialogs: a modal about one subject, titled by what is
 * done to it, whose form hands back one attempt; submitted, then the dialog closes.
 */
export function AttemptDialog<A>({
  kind,
  subject,
  by,
  snapshot,
  isOpen,
  onOpenChange,
  onSubmit,
  form,
}: AttemptDialogProps<A> & {
  kind: 'decide' | 'revoke';
  form: (props: AttemptFormProps<A>) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={t(`decisions.${kind}Dialog.title.${subject}`)}
      className={`decision-dialog${kind === 'revoke' ? ' decision-dialog--revoke' : ''} decision-dialog--${subject}`}
    >
      {(close) =>
        form({
          subject,
          by,
          snapshot,
          onCancel: close,
          onConfirm: (attempt) => {
            onSubmit(attempt);
            close();
          },
        })
      }
    </ModalDialog>
  );
}
