import { useEffect, useRef, type ReactNode } from 'react';
import { PHASES } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import { AssumptionBadge } from '../../ui/AssumptionBadge';
import { INSTRUCTOR_STEPS, type Basis, type InstructorStep } from '../../features/instructor/content';
import '../../features/instructor/instructor.css';

export interface InstructorScreenProps {
  /** The step shown, 1-based; out of range is brought within it. */
  step: number;
  onStep: (step: number) => void;
  headerControls: ReactNode;
  startHref: string;
  steps?: readonly InstructorStep[];
}

/** Where a claim comes from, in words as well as colour: LOVP, geverifieerd, or aanname. */
function BasisBadge({ basis }: { basis: Basis }) {
  const { t } = useTranslation();
  if (basis === 'assumption') return <AssumptionBadge of="claim" />;
  return (
    <span
      className={`badge instructor-basis instructor-basis--${basis}`}
      title={t(`instructor.basisExplained.${basis}`)}
    >
      {t(`instructor.basis.${basis}`)}
      <span className="visually-hidden">: {t(`instructor.basisExplained.${basis}`)}</span>
    </span>
  );
}

/** The five phases from the model's own catalogue, GGP-GO marked: where it sits and what has no ME. */
function PhasesPicture() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ol className="instructor-phases">
      {PHASES.map((phase) => (
        <li
          key={phase.number}
          className={phase.number === 1 ? 'instructor-phase instructor-phase--here' : 'instructor-phase'}
        >
          <span className="instructor-phase__number" aria-hidden="true">
            {phase.number}
          </span>
          <span className="instructor-phase__name">
            <span className="visually-hidden">{t('diagram.phase', { number: phase.number })}: </span>
            {phase.shortName[language]}
          </span>
          <span className="instructor-phase__who">{phase.whoActs[language]}</span>
          {phase.assumption && <AssumptionBadge />}
        </li>
      ))}
    </ol>
  );
}

/**
 * A guided walkthrough of GGP-GO for a classroom: one step at a time in large
 * type, previous and next (or the arrow keys), back to the first step in one
 * click, progress shown. Every point carries its basis, assumptions marked.
 */
export default function InstructorScreen({
  step,
  onStep,
  headerControls,
  startHref,
  steps = INSTRUCTOR_STEPS,
}: InstructorScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = steps.length;
  const number = Math.min(Math.max(1, Math.round(step) || 1), total);
  const current = steps[number - 1];
  const isFirst = number === 1;
  const isLast = number === total;

  // The step last asked for: two quick key presses turn two steps, even before the address has changed.
  const asked = useRef(number);
  useEffect(() => {
    asked.current = number;
  }, [number]);

  // The arrow keys turn the steps, as a presenter's clicker does; never while typing or in a control.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (target?.closest('input, textarea, select, [role="radiogroup"], [role="tablist"]')) return;
      const next = asked.current + (event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0);
      if (next === asked.current || next < 1 || next > total) return;
      asked.current = next;
      onStep(next);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [total, onStep]);

  if (!current) return null;
  return (
    <>
      <header className="app-header">
        <div>
          <a className="instructor__back" href={startHref}>
            <span aria-hidden="true">← </span>
            {t('instructor.back')}
          </a>
          <h1>{t('instructor.title')}</h1>
        </div>
        {headerControls}
      </header>
      <main id="main" tabIndex={-1} className="instructor">
        <nav className="instructor__progress" aria-label={t('instructor.steps')}>
          <p className="instructor__count" aria-live="polite">
            {t('instructor.progress', { step: number, total })}
            <span className="visually-hidden">: {current.title[language]}</span>
          </p>
          <progress className="instructor__bar" value={number} max={total} aria-hidden="true" />
          <ol className="instructor__steps">
            {steps.map((item, index) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="instructor__step"
                  aria-current={index + 1 === number ? 'step' : undefined}
                  onClick={() => {
                    onStep(index + 1);
                  }}
                >
                  <span className="instructor__step-number" aria-hidden="true">
                    {index + 1}
                  </span>
                  <span className="visually-hidden">{t('instructor.progress', { step: index + 1, total })}: </span>
                  {item.title[language]}
                </button>
              </li>
            ))}
          </ol>
        </nav>

        <article className="instructor__card" aria-labelledby="instructor-step-title">
          <h2 id="instructor-step-title">{current.title[language]}</h2>
          <p className="instructor__lead">{current.lead[language]}</p>
          <ul className="instructor__points">
            {current.points.map((point) => (
              <li key={point.text.nl} className={`instructor__point instructor__point--${point.basis}`}>
                <span>{point.text[language]}</span> <BasisBadge basis={point.basis} />
                {point.checkedAgainst && (
                  <span className="instructor__checked">
                    {' '}
                    ({t('instructor.source')}: {point.checkedAgainst[language]})
                  </span>
                )}
              </li>
            ))}
          </ul>
          {current.visual === 'phases' && <PhasesPicture />}
          {current.question && (
            <p className="instructor__question">
              <span aria-hidden="true">? </span>
              {current.question[language]}
            </p>
          )}
          <p className="instructor__source">
            {t('instructor.sources', { count: current.sources.length })}:{' '}
            {current.sources.map((source) => source[language]).join(' · ')}
          </p>
          {isLast && <p className="instructor__end">{t('instructor.end')}</p>}
        </article>

        <div className="instructor__nav">
          <button
            type="button"
            aria-disabled={isFirst}
            onClick={() => {
              if (!isFirst) onStep(number - 1);
            }}
          >
            <span aria-hidden="true">← </span>
            {t('instructor.previous')}
          </button>
          <button
            type="button"
            className="button--primary"
            aria-disabled={isLast}
            onClick={() => {
              if (!isLast) onStep(number + 1);
            }}
          >
            {t('instructor.next')}
            <span aria-hidden="true"> →</span>
          </button>
          <button
            type="button"
            className="instructor__restart"
            onClick={() => {
              onStep(1);
            }}
          >
            <span aria-hidden="true">↺ </span>
            {t('instructor.restart')}
          </button>
          <p className="instructor__keys">{t('instructor.keys')}</p>
        </div>
      </main>
    </>
  );
}
