import { useTranslation } from '../../i18n';
import { drillHref } from './routes';
import './drillLink.css';

/** On the start screen: the way into the decision drill for the mayor's staff (loaded only when opened). */
export function DrillLink() {
  const { t } = useTranslation();
  return (
    <a className="drill-link" href={drillHref()}>
      <span className="drill-link__title">
        {t('drill.open')} <span aria-hidden="true">→</span>
      </span>
      <span className="drill-link__hint">{t('drill.openHint')}</span>
    </a>
  );
}
