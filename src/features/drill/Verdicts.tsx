import { useId, type Ref } from 'react';
import { useLanguage, useTranslation } from '../../i18n';
import type { ExerciseSetup } from '../../session';
import type { DrillPointRecord, JudgedAttempt } from '../../session/drillRuns';
import { actionText, ruleOf, whoLabel } from './words';

/** One attempt as the model judged it: outcome by icon and word, and for a refusal the rule, why, and where the rule comes from. */
export function JudgedLine({ attempt, setup }: { attempt: JudgedAttempt; setup: ExerciseSetup | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rule = ruleOf(attempt);
  const refused = attempt.outcome === 'refused';
  return (
    <li className={refused ? 'drill-judged drill-judged--refused' : 'drill-judged drill-judged--accepted'}>
      <p className="drill-judged__what">
        <span className={refused ? 'outcome outcome--refused' : 'outcome outcome--accepted'}>
          <span aria-hidden="true">{refused ? '✗' : '✓'}</span>{' '}
          {refused ? t('drill.verdicts.refused') : t('drill.verdicts.accepted')}
        </span>{' '}
        <span className="drill-judged__who">{whoLabel(attempt.by, setup, t, language)}</span>: {actionText(attempt, t)}
      </p>
      {attempt.refusal && (
        <div className="drill-judged__refusal">
          <p>
            <span className="rule-id">{attempt.refusal.rule}</span>
            {rule && <strong> {rule.title[language]}</strong>}: {attempt.refusal.message[language]}
          </p>
          {rule && (
            <p className="drill-judged__source">
              {t('drill.verdicts.source')}: {rule.source[language]}{' '}
              <span
                className={
                  rule.basis === 'assumption'
                    ? 'badge badge--assumption'
                    : `badge drill-basis drill-basis--${rule.basis}`
                }
              >
                {t(`drill.verdicts.basis.${rule.basis}`)}
              </span>
            </p>
          )}
        </div>
      )}
    </li>
  );
}

export interface VerdictsProps {
  record: DrillPointRecord;
  setup: ExerciseSetup | null;
  /** Only the last try (after a refusal), or everything the model judged at the point (feedback). */
  show: 'lastTry' | 'all';
  headingRef?: Ref<HTMLHeadingElement>;
  title: string;
  /** The title's heading level (its parts one below): 4 in the record, under the point's own heading. */
  level?: 3 | 4;
}

/** What the model did: the user's decisions, try by try, and what the one who asked did next. */
export function Verdicts({ record, setup, show, headingRef, title, level = 3 }: VerdictsProps) {
  const { t } = useTranslation();
  const Title = level === 3 ? 'h3' : 'h4';
  const Part = level === 3 ? 'h4' : 'h5';
  const id = useId();
  const tries = show === 'lastTry' ? record.tries.slice(-1) : record.tries;
  // A group, not a region: the record shows one per point, all with the same title.
  return (
    <div className="drill-verdicts" role="group" aria-labelledby={`${id}-title`}>
      <Title id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </Title>
      <Part>{t('drill.verdicts.yours')}</Part>
      {tries.every((attempt) => attempt.judged.length === 0) ? (
        <p className="drill-verdicts__none">{t('drill.verdicts.none')}</p>
      ) : (
        <ol className="drill-verdicts__list">
          {tries.flatMap((attempt) =>
            attempt.judged.map((judged) => <JudgedLine key={judged.seq} attempt={judged} setup={setup} />),
          )}
        </ol>
      )}
      {show === 'all' && record.after.length > 0 && (
        <>
          <Part>{t('drill.verdicts.then')}</Part>
          <ol className="drill-verdicts__list">
            {record.after.map((judged) => (
              <JudgedLine key={judged.seq} attempt={judged} setup={setup} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
