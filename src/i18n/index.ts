/**
 * The languages of Paraat: Dutch bundled, English loaded when it is chosen.
 * The English catalogue is its own chunk, so a Dutch user's first screen
 * neither downloads nor parses it (initialJs, npm run bench:check); the
 * service worker precaches it with the rest, so switching works offline too.
 * Dutch by default; the choice is remembered on this device.
 *
 * Texts are looked up by ./translate.ts. Paraat used i18next until the
 * benchmark showed its start-up (module, init, language resolution) as a
 * tenth of the first screen's time under CPU throttling (`load`); what
 * Paraat needs of it — nested keys, `{{variables}}`, plurals by count, a
 * fallback to Dutch, a lazily loaded language — is what translate.ts does,
 * with the same catalogues. `i18n` keeps the few calls of i18next's API that
 * the app and its tests use.
 */
import { useSyncExternalStore } from 'react';
import type { Catalogue } from './catalogues/nl';
import { nl } from './catalogues/nl';
import { interpolate, textOf, type MessageKey, type MessageValues, type TFunction } from './translate';
import { readPreference, writePreference } from '../session/local/preferences';

export type { MessageKey, MessageValues, TFunction } from './translate';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'paraat.language';

function rememberedLanguage(): Language {
  return readPreference('device', STORAGE_KEY) === 'en' ? 'en' : 'nl';
}

const catalogues: Partial<Record<Language, Catalogue>> = { nl };
let current: Language = 'nl';
let initialized = false;
const listeners = new Set<() => void>();

function show(language: Language) {
  if (current === language) return;
  current = language;
  // The page's language follows the catalogue shown (screen readers choose their voice by it).
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  for (const listener of listeners) listener();
}

/** Loads a catalogue that is not bundled (English); false when it cannot be had (offline before caching). */
async function load(language: Language): Promise<boolean> {
  if (catalogues[language]) return true;
  try {
    const { en } = await import('./catalogues/en');
    catalogues.en = en;
    translators.delete('en');
    return true;
  } catch {
    return false;
  }
}

/**
 * Switch once the catalogue is in, so a switch never shows keys or a
 * half-translated screen: the old language stays until the new one is ready.
 * English that cannot be loaded leaves Dutch, not a mix.
 */
let latestRequest = 0;
function changeLanguage(language: Language): Promise<void> {
  const request = ++latestRequest;
  if (catalogues[language]) {
    show(language);
    return Promise.resolve();
  }
  return load(language).then((loaded) => {
    // A later choice made while this one loaded wins.
    if (request === latestRequest) show(loaded ? language : 'nl');
  });
}

const translators = new Map<Language, TFunction>();

/** One translate function per language, so a component that memoises on `t` recomputes after a switch. */
function translatorFor(language: Language): TFunction {
  let t = translators.get(language);
  if (!t) {
    const catalogue = catalogues[language];
    t = (key: MessageKey, values?: MessageValues) => {
      const text = textOf(catalogue, language, key, values) ?? textOf(nl, 'nl', key, values) ?? key;
      return interpolate(text, values);
    };
    translators.set(language, t);
  }
  return t;
}

/** The part of i18next's API that the app and its tests use, on Paraat's own catalogues. */
export const i18n = {
  get language(): Language {
    return current;
  },
  /** True once the starting language can be shown (a remembered English: after its chunk). */
  get isInitialized(): boolean {
    return initialized;
  },
  changeLanguage,
  t: (key: MessageKey, values?: MessageValues): string => translatorFor(current)(key, values),
  getFixedT: (language: Language): TFunction => translatorFor(language),
  hasResourceBundle: (language: Language): boolean => catalogues[language] !== undefined,
  loadLanguages: async (language: Language): Promise<void> => {
    await load(language);
  },
  /** For tests and stories that want both languages at once (./bothLanguages.ts). */
  addCatalogue(language: Language, catalogue: Catalogue): void {
    catalogues[language] = catalogue;
    translators.delete(language);
  },
};

/**
 * Settles once the starting language can be shown: at once for Dutch, after
 * its chunk for English (src/app/main.tsx waits for it, so a remembered
 * English is never preceded by a Dutch first screen).
 */
export const i18nReady: Promise<void> = (async () => {
  const language = rememberedLanguage();
  if (typeof document !== 'undefined') document.documentElement.lang = 'nl';
  if (language !== 'nl') await changeLanguage(language);
  initialized = true;
})();

export function setLanguage(language: Language): void {
  void changeLanguage(language);
  writePreference('device', STORAGE_KEY, language);
}

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
  };
}

const currentLanguage = (): Language => current;

/** The current language; a switch re-renders. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
}

/** The translate function in the current language. */
export function useTranslation(): { t: TFunction; i18n: typeof i18n } {
  return { t: translatorFor(useLanguage()), i18n };
}
