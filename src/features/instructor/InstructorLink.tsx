import { useTranslation } from '../../i18n';
import { instructorHref } from './routes';
import './instructorLink.css';

/** On the start screen: the way into the instructor mode (loaded only when opened). */
export function InstructorLink() {
  const { t } = useTranslation();
  return (
    <a className="instructor-link" href={instructorHref()}>
      <span className="instructor-link__title">
        {t('instructor.open')} <span aria-hidden="true">→</span>
      </span>
      <span className="instructor-link__hint">{t('instructor.openHint')}</span>
    </a>
  );
}
