import { useId, useRef, useState, type ReactNode, type Ref } from 'react';
import {
  FieldError,
  Label,
  RadioButton,
  RadioField,
  RadioGroup,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import type { Subject } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import type { DrillPoint } from '../../scenarios';
import type { ExerciseSetup } from '../../session';
import { ANSWER_VERDICTS, type AnswerVerdict } from '../../session/drillRuns';
import { unchosen, type AnswerDraft, type SubjectDraft } from './drill';
import { memberLabel } from './words';

export interface DecisionFormProps {
  point: DrillPoint;
  setup: ExerciseSetup;
  answer: AnswerDraft;
  onChange: (answer: AnswerDraft) => void;
  /** Subjects already decided and accepted at this point: shown as done, not sent again. */
  accepted?: readonly Subject[];
  onCommit: (answer: AnswerDraft) => void;
  /** The answer is with the model: the button waits. */
  committing?: boolean;
  /** What is known about the tear agent, where it is at stake (the screen gives the evidence feature's disclosure). */
  evidence?: ReactNode;
  headingRef?: Ref<HTMLHeadingElement>;
}

const VERDICT_ICON: Record<AnswerVerdict, string> = { granted: '✓', refused: '✗', none: '–' };
const VERDICT_WORD = { granted: 'grant', refused: 'refuse', none: 'none' } as const;

/** A text to write, with its label and (optionally) help, from react-aria: label and help are tied to it. */
function Writing({
  label,
  help,
  value,
  onChange,
}: {
  label: string;
  help?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField className="field" value={value} onChange={onChange}>
      <Label>{label}</Label>
      <TextArea />
      {help && (
        <Text slot="description" className="field__help">
          {help}
        </Text>
      )}
    </TextField>
  );
}

interface SubjectFieldsProps {
  draft: SubjectDraft;
  invalid: boolean;
  onChange: (changes: Partial<SubjectDraft>) => void;
  verdictRef: Ref<HTMLInputElement>;
}

/** One subject's decision: the outcome, the grounds (judged by the model, R6), conditions and a review moment. */
function SubjectFields({ draft, invalid, onChange, verdictRef }: SubjectFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <RadioGroup
        className="drill-verdict"
        value={draft.verdict}
        onChange={(value) => {
          onChange({
            verdict: (ANSWER_VERDICTS as readonly string[]).includes(value) ? (value as AnswerVerdict) : null,
          });
        }}
        isRequired
        isInvalid={invalid}
        validationBehavior="aria"
      >
        <Label className="drill-verdict__label">
          {t('drill.form.verdict')} ({t('common.required')})
        </Label>
        <div className="drill-verdict__options">
          {ANSWER_VERDICTS.map((verdict, index) => (
            <RadioField key={verdict} value={verdict} {...(index === 0 ? { inputRef: verdictRef } : {})}>
              <RadioButton className={`drill-verdict__option drill-verdict__option--${verdict}`}>
                <span aria-hidden="true" className="drill-verdict__icon">
                  {VERDICT_ICON[verdict]}
                </span>
                {t(`drill.form.${VERDICT_WORD[verdict]}`)}
              </RadioButton>
            </RadioField>
          ))}
        </div>
        <FieldError className="field__error">{t('drill.form.verdictRequired')}</FieldError>
      </RadioGroup>
      <Writing
        label={`${t('drill.form.grounds')} (${t('common.required')})`}
        help={t('drill.form.groundsHelp')}
        value={draft.grounds}
        onChange={(grounds) => {
          onChange({ grounds });
        }}
      />
      <Writing
        label={t('drill.form.conditions')}
        help={t('drill.form.conditionsHelp')}
        value={draft.conditions}
        onChange={(conditions) => {
          onChange({ conditions });
        }}
      />
      <Writing
        label={t('drill.form.review')}
        help={t('drill.form.reviewHelp')}
        value={draft.review}
        onChange={(review) => {
          onChange({ review });
        }}
      />
    </>
  );
}

/**
 * Deciding with BOB: beeldvorming and oordeelsvorming as prompts with room
 * for notes (optional), then besluitvorming: who decides, and per subject an
 * outcome, grounds, conditions and when to review. Only the outcome is asked
 * for before committing; blank grounds go to the model, which refuses them
 * (R6) and says so, as it would in the console.
 */
export function DecisionForm({
  point,
  setup,
  answer,
  onChange,
  accepted = [],
  onCommit,
  committing = false,
  evidence,
  headingRef,
}: DecisionFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [showErrors, setShowErrors] = useState(false);
  const firstVerdict = useRef<Map<Subject, HTMLInputElement>>(new Map());
  const firstDecider = useRef<HTMLInputElement>(null);
  const open = answer.subjects.filter((draft) => !accepted.includes(draft.subject));
  const missing = unchosen({ ...answer, subjects: open });
  const deciders = point.deciders.flatMap((deciderId) => {
    const member = setup.cast.find((candidate) => candidate.id === deciderId);
    return member ? [member] : [];
  });
  const change = (subject: Subject, changes: Partial<SubjectDraft>) => {
    onChange({
      ...answer,
      subjects: answer.subjects.map((draft) => (draft.subject === subject ? { ...draft, ...changes } : draft)),
    });
  };

  return (
    <form
      className="drill-decide"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (committing) return;
        const [first] = missing;
        if (answer.deciderId === '' || first) {
          setShowErrors(true);
          if (answer.deciderId === '') firstDecider.current?.focus();
          else if (first) firstVerdict.current.get(first)?.focus();
          return;
        }
        onCommit(answer);
      }}
    >
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('drill.bob.title')}
      </h3>
      <p className="field__help">{t('drill.bob.help')}</p>

      <section className="drill-bob" aria-labelledby={`${id}-beeld`}>
        <h4 id={`${id}-beeld`}>{t('drill.bob.beeld')}</h4>
        <p className="drill-bob__prompts">{t('drill.bob.beeldPrompts')}</p>
        <Writing
          label={t('drill.bob.beeldNotes')}
          value={answer.beeld}
          onChange={(beeld) => {
            onChange({ ...answer, beeld });
          }}
        />
      </section>

      <section className="drill-bob" aria-labelledby={`${id}-oordeel`}>
        <h4 id={`${id}-oordeel`}>{t('drill.bob.oordeel')}</h4>
        <p className="drill-bob__prompts">{t('drill.bob.oordeelPrompts')}</p>
        {point.subjects.includes('tearGas') && evidence}
        <Writing
          label={t('drill.bob.oordeelNotes')}
          value={answer.oordeel}
          onChange={(oordeel) => {
            onChange({ ...answer, oordeel });
          }}
        />
      </section>

      <section className="drill-bob drill-bob--besluit" aria-labelledby={`${id}-besluit`}>
        <h4 id={`${id}-besluit`}>{t('drill.bob.besluit')}</h4>
        <p className="drill-bob__prompts">{t('drill.bob.besluitPrompts')}</p>
        <RadioGroup
          className="drill-who"
          value={answer.deciderId === '' ? null : answer.deciderId}
          onChange={(deciderId) => {
            onChange({ ...answer, deciderId });
          }}
          aria-describedby={`${id}-who-help`}
          isRequired
          isInvalid={showErrors && answer.deciderId === ''}
          validationBehavior="aria"
        >
          <Label className="drill-verdict__label">
            {t('drill.form.who')} ({t('common.required')})
          </Label>
          <span id={`${id}-who-help`} className="field__help">
            {t('drill.form.whoHelp')}
          </span>
          <div className="drill-who__options">
            {deciders.map((member, index) => (
              <RadioField key={member.id} value={member.id} {...(index === 0 ? { inputRef: firstDecider } : {})}>
                <RadioButton className="drill-who__option">{memberLabel(member, t, language)}</RadioButton>
              </RadioField>
            ))}
          </div>
          <FieldError className="field__error">{t('drill.form.whoRequired')}</FieldError>
        </RadioGroup>
        {point.subjects.length > 1 && <p className="drill-separate">{t('drill.form.separate')}</p>}
        {answer.subjects.map((draft) => (
          <fieldset key={draft.subject} className={`drill-subject drill-subject--${draft.subject}`}>
            <legend>{t(`drill.form.subject.${draft.subject}`)}</legend>
            {accepted.includes(draft.subject) ? (
              <p className="drill-subject__done">
                <span aria-hidden="true">✓ </span>
                {t('drill.form.decided', {
                  verdict:
                    draft.verdict === 'granted' || draft.verdict === 'refused' ? t(`verdict.${draft.verdict}`) : '',
                })}
              </p>
            ) : (
              <SubjectFields
                draft={draft}
                invalid={showErrors && draft.verdict === null}
                onChange={(changes) => {
                  change(draft.subject, changes);
                }}
                verdictRef={(input) => {
                  if (input) firstVerdict.current.set(draft.subject, input);
                  else firstVerdict.current.delete(draft.subject);
                }}
              />
            )}
          </fieldset>
        ))}
      </section>

      <div className="drill-actions">
        <button type="submit" className="button--primary" aria-disabled={committing || undefined}>
          {t('drill.form.commit')}
        </button>
        <span className="drill-actions__status" role="status">
          {committing && <span className="outcome outcome--pending">{t('drill.form.committing')}</span>}
        </span>
      </div>
    </form>
  );
}
