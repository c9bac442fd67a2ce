/**
 * i18next with the catalogues bundled (no network: the app works offline).
 * Dutch by default; the choice is remembered on this device.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './catalogues/en';
import { nl } from './catalogues/nl';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'paraat.language';

function rememberedLanguage(): Language {
  try {
    return globalThis.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: rememberedLanguage(),
  fallbackLng: 'nl',
  // React escapes text itself; user text is never HTML.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  try {
    globalThis.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage unavailable: the choice holds for this visit only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** The current language, narrowed to the ones Paraat has catalogues for. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return instance.language === 'en' ? 'en' : 'nl';
}

export { useTranslation };
