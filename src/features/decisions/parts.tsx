/**
 * Small pieces the decision dialogs and the panel share: who acts in words,
 * a verdict by icon and word, the exercise time, the model's judgement in
 * advance, and a required grounds field.
 */
import { useId, type Ref } from 'react';
import type { TFunction } from 'i18next';
import { ruleById, type By, type DecisionInForce, type Refusal } from '../../../machines';
import { useLanguage, useTranslation, type Language } from '../../i18n';

/** Inside a sentence: "burgemeester Marieke de Boer (Utrecht)". */
export function whoInSentence(by: By, t: TFunction): string {
  const who = `${t(`decisions.roleInSentence.${by.role}`)} ${by.name}`;
  return by.municipality ? `${who} (${by.municipality})` : who;
}

/** As a label: "Burgemeester Marieke de Boer (Utrecht)". */
export function whoAsLabel(by: By, t: TFunction): string {
  const who = `${t(`role.${by.role}`)} ${by.name}`;
  return by.municipality ? `${who} (${by.municipality})` : who;
}

/** "2026-12-31T22:07:00" → "31-12 22:07": exercise times are naive local times on a UTC scale. */
export function formatDecisionTime(text: string, language: Language): string {
  const ms = Date.parse(`${text}Z`);
  if (Number.isNaN(ms)) return text;
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(ms)
    .replace(',', '');
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
  showError: boolean;
  inputRef?: Ref<HTMLTextAreaElement>;
}

export const isBlank = (text: string) => text.trim() === '';

/** Grounds are required (R6): an error in words when empty or only spaces. */
export function GroundsField({ value, onChange, help, showError, inputRef }: GroundsFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const invalid = showError && isBlank(value);
  return (
    <div className="field">
      <label htmlFor={`${id}-grounds`}>
        {t('decisions.form.grounds')} ({t('common.required')})
      </label>
      <textarea
        id={`${id}-grounds`}
        ref={inputRef}
        value={value}
        required
        aria-invalid={invalid}
        aria-describedby={`${id}-help ${id}-error`}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      <span id={`${id}-help`} className="field__help">
        {help}
      </span>
      <span id={`${id}-error`} className={invalid ? 'field__error' : 'visually-hidden'}>
        {invalid ? t('decisions.form.groundsRequired') : ''}
      </span>
    </div>
  );
}

/** The grounds as the writer typed them, shown back as text (never markup). */
export function QuotedText({ text }: { text: string }) {
  return <blockquote className="decision-summary__quote">{text}</blockquote>;
}
