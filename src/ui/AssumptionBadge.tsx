import { useTranslation } from '../i18n';

/**
 * What an "aanname" marks, so its explanation says what is assumed: a phase of the model,
 * a means in a phase, or a claim in the instructor's walkthrough.
 */
export type AssumptionOf = 'phase' | 'means' | 'claim';

const EXPLAINED = {
  phase: 'phaseLadder.assumptionExplained',
  means: 'phaseLadder.assumptionExplainedMeans',
  claim: 'instructor.basisExplained.assumption',
} as const satisfies Record<AssumptionOf, string>;

/** Marks what is Paraat's assumption, never presented as law or police doctrine. */
export function AssumptionBadge({ of = 'phase' }: { of?: AssumptionOf }) {
  const { t } = useTranslation();
  const explained = t(EXPLAINED[of]);
  return (
    <span className="badge badge--assumption" title={explained}>
      {t('phaseLadder.assumption')}
      <span className="visually-hidden">: {explained}</span>
    </span>
  );
}
