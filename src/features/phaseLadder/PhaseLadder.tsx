import { useState } from 'react';
import { MEANS, type PhaseDefinition } from '../../../machines/phases';
import type { PhaseNumber } from '../../../machines/types';
import { useLanguage, useTranslation } from '../../i18n';
import { AssumptionBadge } from '../../ui/AssumptionBadge';

export interface PhaseLadderProps {
  phases: readonly PhaseDefinition[];
  current: PhaseNumber;
  /** In the console: details for the current phase only, the others one line each. */
  compact?: boolean;
  /**
   * On the start screen: every description shown, the facts (who acts, means,
   * source) of the other phases behind a disclosure, so the whole model fits
   * one projected screen.
   */
  foldFacts?: boolean;
}

/** The five phases from the catalogue, the current one marked by more than colour. */
export function PhaseLadder({ phases, current, compact = false, foldFacts = false }: PhaseLadderProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section
      className={compact ? 'phase-ladder phase-ladder--compact' : 'phase-ladder'}
      aria-labelledby="phase-ladder-title"
    >
      <h2 id="phase-ladder-title">{t('phaseLadder.title')}</h2>
      <ol>
        {phases.map((phase) => {
          const isCurrent = phase.number === current;
          const detailed = !compact || isCurrent;
          return (
            <li
              key={phase.number}
              className={isCurrent ? 'phase phase--current' : 'phase'}
              aria-current={isCurrent ? 'step' : undefined}
              data-phase={phase.number}
            >
              <div className="phase__header">
                <span className="phase__number" aria-hidden="true">
                  {phase.number}
                </span>
                {/* Name and badges wrap beside the number, never leaving it alone on a line (the console's narrow column). */}
                <div className="phase__title">
                  <h3 className="phase__name">
                    <span className="visually-hidden">{t('phaseLadder.phase', { number: phase.number })}: </span>
                    {phase.name[language]}
                  </h3>
                  {isCurrent && <span className="badge badge--current">{t('phaseLadder.current')}</span>}
                  {phase.assumption && <AssumptionBadge />}
                </div>
              </div>
              {detailed && <p className="phase__description">{phase.description[language]}</p>}
              {detailed && (foldFacts && !isCurrent ? <FoldedFacts phase={phase} /> : <PhaseFacts phase={phase} />)}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The facts behind a disclosure, rendered once it is opened (the start screen draws less before it responds). */
function FoldedFacts({ phase }: { phase: PhaseDefinition }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details
      className="phase__more"
      onToggle={(event) => {
        setOpen(event.currentTarget.open);
      }}
    >
      <summary>{t('phaseLadder.facts')}</summary>
      {open && <PhaseFacts phase={phase} />}
    </details>
  );
}

/** Who acts, the means (with the mayor's decisions and the pilot marked) and the source of one phase. */
function PhaseFacts({ phase }: { phase: PhaseDefinition }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <dl className="phase__facts">
      <dt>{t('phaseLadder.whoActs')}</dt>
      <dd>{phase.whoActs[language]}</dd>
      <dt>{t('phaseLadder.means')}</dt>
      <dd>
        <ul className="means-list">
          {phase.means.map((id) => {
            const means = MEANS[id];
            return (
              <li key={id}>
                {means.name[language]}
                {means.needsDecision && <span className="tag">{t('phaseLadder.needsDecision')}</span>}
                {means.pilot && <span className="tag">{t('phaseLadder.pilot')}</span>}
                {means.assumption && !phase.assumption && <AssumptionBadge of="means" />}
              </li>
            );
          })}
        </ul>
      </dd>
      <dt>{t('phaseLadder.source')}</dt>
      <dd>{phase.source[language]}</dd>
    </dl>
  );
}
