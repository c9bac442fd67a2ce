/**
 * i18next with Dutch bundled and English loaded when it is chosen: the English
 * catalogue is its own chunk, so a Dutch user's first screen neither downloads
 * nor parses it (initialJs, npm run bench:check). The service worker precaches
 * that chunk with the rest, so switching works offline too. Dutch by default;
 * the choice is remembered on this device.
 */
import i18next, { type BackendModule, type TFunction } from 'i18next';
import { useSyncExternalStore } from 'react';
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

/**
 * Loads the catalogues that are not bundled (English). i18next switches
 * language only once the catalogue is in, so a switch never shows keys or a
 * half-translated screen: the old language stays until the new one is ready.
 */
const lazyCatalogues: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init: () => undefined,
  read(language, _namespace, callback) {
    if (language !== 'en') {
      callback(new Error(`No catalogue for language '${language}'`), false);
      return;
    }
    import('./catalogues/en').then(
      ({ en }) => {
        callback(null, en);
      },
      (error: unknown) => {
        callback(error instanceof Error ? error : String(error), false);
      },
    );
  },
};

export const i18n = i18next.createInstance();

// The page's language follows the catalogue shown (screen readers choose their voice by it).
i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});

const hasCatalogue = (language: string) => i18n.hasResourceBundle(language, 'translation');

/**
 * Settles once the starting language can be shown: at once for Dutch, after
 * its chunk for English (src/app/main.tsx waits for it, so a remembered
 * English is never preceded by a Dutch first screen).
 */
export const i18nReady: Promise<void> = i18n
  .use(lazyCatalogues)
  .init({
    resources: { nl: { translation: nl } },
    // Dutch is bundled; only what is missing (English) goes through the backend.
    partialBundledLanguages: true,
    lng: rememberedLanguage(),
    fallbackLng: 'nl',
    // React escapes text itself; user text is never HTML.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  })
  .then(async () => {
    // English could not be loaded (offline before the service worker cached it): Dutch, not a mix.
    if (!hasCatalogue(i18n.language)) await i18n.changeLanguage('nl');
  });

export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language).then(async () => {
    if (!hasCatalogue(language)) await i18n.changeLanguage('nl');
  });
  try {
    globalThis.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage unavailable: the choice holds for this visit only.
  }
}

function subscribe(onChange: () => void) {
  i18n.on('languageChanged', onChange);
  return () => {
    i18n.off('languageChanged', onChange);
  };
}

const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'nl');

/** The current language, narrowed to the ones Paraat has catalogues for; a switch re-renders. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
}

type Translate = TFunction;

/**
 * One translate function per language, so a component that memoises on `t`
 * recomputes after a switch. A key asked for without options gives the same
 * text until the catalogues change, so it is resolved once: the first screen
 * asks for the same labels many times, and each i18next lookup is costly
 * while nothing is compiled yet (npm run bench, `load`).
 */
const translators = new Map<Language, Translate>();
const forgetTranslations = () => {
  translators.clear();
};
i18n.store.on('added', forgetTranslations);
i18n.store.on('removed', forgetTranslations);

/**
 * A catalogue text that i18next would give back unchanged (no variables, no
 * nesting), looked up directly: i18next's key resolution and interpolation
 * pass cost the first screen more than its render (npm run bench, `load`).
 * Anything else, a missing key included (the fallback to Dutch), goes to
 * i18next; tests/i18n/catalogues.test.tsx holds both to the same text for
 * every key.
 */
function plainText(language: Language, key: string): string | undefined {
  let node: unknown = i18n.store.data[language]?.translation;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && !node.includes('{{') && !node.includes('$t(') ? node : undefined;
}

function translatorFor(language: Language): Translate {
  const known = translators.get(language);
  if (known) return known;
  // getFixedT's overloads cannot be forwarded generically; the wrapper takes and returns what it does.
  const fixed = i18n.getFixedT(language) as unknown as (...args: unknown[]) => string;
  const plain = new Map<string, string>();
  const translate = (...args: unknown[]): string => {
    const [key] = args;
    if (args.length !== 1 || typeof key !== 'string') return fixed(...args);
    let text = plain.get(key);
    if (text === undefined) {
      text = plainText(language, key) ?? fixed(key);
      plain.set(key, text);
    }
    return text;
  };
  const t = translate as unknown as Translate;
  translators.set(language, t);
  return t;
}

/**
 * The translate function in the current language, with react-i18next's
 * hook's shape. That hook merges its options, checks the namespaces and
 * subscribes to the store in every component that translates, which showed
 * in the first screen's render (`load`); here each catalogue is in before
 * its language is switched to, so a switch is all there is to follow.
 */
export function useTranslation(): { t: Translate; i18n: typeof i18n } {
  return { t: translatorFor(useLanguage()), i18n };
}
