import { useTranslation } from '../i18n';

/** The page's first stop for a keyboard: past the header, to the screen's <main>. */
export function SkipToMain() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('app.skipToMain')}
    </a>
  );
}
