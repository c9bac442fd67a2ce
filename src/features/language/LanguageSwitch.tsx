import { LANGUAGES, setLanguage, useLanguage, useTranslation } from '../../i18n';

/** Dutch first, English second; a pair of toggle buttons, usable by keyboard. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div role="group" aria-label={t('language.label')} className="language-switch">
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={language === option}
          onClick={() => {
            setLanguage(option);
          }}
        >
          {t(`language.${option}`)}
        </button>
      ))}
    </div>
  );
}
