import { useTranslation } from '../i18n';

/** Marks what is Paraat's assumption, never presented as law or police doctrine. */
export function AssumptionBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge--assumption" title={t('phaseLadder.assumptionExplained')}>
      {t('phaseLadder.assumption')}
      <span className="visually-hidden">: {t('phaseLadder.assumptionExplained')}</span>
    </span>
  );
}
