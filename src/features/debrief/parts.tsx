import { useId, type ReactNode } from 'react';
import type { By, RuleId } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import type { Moment } from './moment';
import { exerciseTimeText, wallTimeText, whoName } from './words';

/** A section of the report with its own heading, so the page reads as an outline. */
export function ReportSection({
  heading,
  className,
  children,
  level = 2,
}: {
  heading: ReactNode;
  className?: string;
  children: ReactNode;
  level?: 2 | 3;
}) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={`report-section${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <Heading id={id}>{heading}</Heading>
      {children}
    </section>
  );
}

/** Exercise time first (what the scenario's times mean), the wall clock after it. */
export function Times({ at, compact = false }: { at: Moment; compact?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <span className="debrief-times">
      <time dateTime={at.exercise} className="debrief-times__exercise">
        {exerciseTimeText(at, language)}
      </time>
      {!compact && (
        <span className="debrief-times__wall">
          {' '}
          ({t('debrief.wallClock')} <time dateTime={at.wall}>{wallTimeText(at, language)}</time>)
        </span>
      )}
    </span>
  );
}

/** The log entry a line comes from, so the debrief can be checked against the log. */
export function Seq({ seq }: { seq: number }) {
  const { t } = useTranslation();
  return (
    <span className="debrief-seq">
      <span aria-hidden="true">#{seq}</span>
      <span className="visually-hidden">{t('debrief.line', { seq })}</span>
    </span>
  );
}

/** Role and name; a mayor of another municipality with it, since that decides competence (R5). */
export function Who({ by, municipality }: { by: By; municipality: string }) {
  const { t } = useTranslation();
  return <span className="debrief-who">{whoName(by, t, municipality)}</span>;
}

export function RuleLabel({ rule, title }: { rule: RuleId; title?: string }) {
  return (
    <>
      <span className="rule-id">{rule}</span>
      {title ? <> {title}</> : null}
    </>
  );
}
