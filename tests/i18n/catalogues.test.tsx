import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../src/i18n/catalogues/en';
import { nl } from '../../src/i18n/catalogues/nl';

/** What keeps two catalogues from being the same shape: missing and extra keys, empty texts, other variables. */
function differences(reference: unknown, other: unknown, path = ''): string[] {
  if (typeof reference === 'string') {
    if (typeof other !== 'string') return [`${path}: not a text`];
    if (other.trim() === '') return [`${path}: empty`];
    const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((match) => match[1]).sort();
    return String(variables(reference)) === String(variables(other))
      ? []
      : [`${path}: variables ${String(variables(reference))} ≠ ${String(variables(other))}`];
  }
  if (typeof other !== 'object' || other === null) return [`${path}: missing`];
  const left = reference as Record<string, unknown>;
  const right = other as Record<string, unknown>;
  const at = (key: string) => (path ? `${path}.${key}` : key);
  return [
    ...Object.keys(left).flatMap((key) =>
      key in right ? differences(left[key], right[key], at(key)) : [`${at(key)}: missing`],
    ),
    ...Object.keys(right)
      .filter((key) => !(key in left))
      .map((key) => `${at(key)}: extra`),
  ];
}

describe('the catalogues', () => {
  it('are complete in both languages: the same keys, no empty text, the same variables', () => {
    expect(Object.keys(nl).length).toBeGreaterThan(10);
    expect(differences(nl, en)).toEqual([]);
    expect(differences(en, nl)).toEqual([]);
  });

  it('are found wanting when a key is missing or extra, a text empty or a variable lost', () => {
    const reference = { a: { b: 'Hallo {{name}}', c: 'Dag' }, d: 'Ja' };
    const broken = { a: { b: 'Hello', c: ' ' }, e: 'Yes' };
    expect(differences(reference, broken)).toEqual(['a.b: variables name ≠ ', 'a.c: empty', 'd: missing', 'e: extra']);
  });
});

/** A fresh i18n module, as a page load gets it (the test setup gives the shared one both languages). */
async function freshI18n() {
  vi.resetModules();
  return import('../../src/i18n');
}

describe('loading English only when it is chosen', () => {
  beforeEach(() => {
    localStorage.clear();
  });
  afterEach(() => {
    localStorage.clear();
    vi.doUnmock('../../src/i18n/catalogues/en');
  });

  it('starts in Dutch without the English catalogue, and switches once it is in, never showing keys', async () => {
    const { i18n, setLanguage, useTranslation } = await freshI18n();
    expect(i18n.isInitialized).toBe(true);
    expect(i18n.hasResourceBundle('en')).toBe(false);

    function Title() {
      const { t } = useTranslation();
      return <h1>{t('app.skipToMain')}</h1>;
    }
    render(<Title />);
    expect(screen.getByRole('heading')).toHaveTextContent('Naar de inhoud');

    act(() => {
      setLanguage('en');
    });
    // Until the catalogue is in, the Dutch stays: no key, no mix.
    expect(screen.getByRole('heading')).toHaveTextContent('Naar de inhoud');
    expect(await screen.findByRole('heading', { name: 'Skip to content' })).toBeInTheDocument();
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('paraat.language')).toBe('en');

    act(() => {
      setLanguage('nl');
    });
    expect(screen.getByRole('heading')).toHaveTextContent('Naar de inhoud');
    expect(document.documentElement.lang).toBe('nl');
  });

  it('loads a remembered English before the first screen is drawn', async () => {
    localStorage.setItem('paraat.language', 'en');
    const { i18n, i18nReady } = await freshI18n();
    // main.tsx renders only once initialised: English is not in yet.
    expect(i18n.isInitialized).toBeFalsy();
    await i18nReady;
    expect(i18n.isInitialized).toBe(true);
    expect(i18n.t('app.skipToMain')).toBe('Skip to content');
    expect(document.documentElement.lang).toBe('en');
  });

  it('stays in Dutch when the English catalogue cannot be loaded', async () => {
    localStorage.setItem('paraat.language', 'en');
    vi.doMock('../../src/i18n/catalogues/en', () => {
      throw new Error('offline');
    });
    const { i18n, i18nReady } = await freshI18n();
    await i18nReady;
    expect(i18n.language).toBe('nl');
    expect(i18n.t('app.skipToMain')).toBe('Naar de inhoud');
  });
});

/** Every text of a catalogue with its dotted key. */
function textsOf(catalogue: unknown, path = ''): [string, string][] {
  if (typeof catalogue === 'string') return [[path, catalogue]];
  return Object.entries(catalogue as Record<string, unknown>).flatMap(([key, value]) =>
    textsOf(value, path ? `${path}.${key}` : key),
  );
}

describe('the translate function', () => {
  it.each(['nl', 'en'] as const)(
    'gives every text of the catalogue, its variables filled in (%s)',
    async (language) => {
      const { i18n } = await freshI18n();
      await i18n.loadLanguages('en');
      const t = i18n.getFixedT(language) as unknown as (
        key: string,
        values?: Record<string, string | number>,
      ) => string;
      const texts = textsOf(language === 'nl' ? nl : en);
      expect(texts.length).toBeGreaterThan(200);
      const wrong = texts.flatMap(([key, text]) => {
        const plural = /^(.*)_(one|other)$/.exec(key);
        const variables = [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '');
        const values = Object.fromEntries(variables.map((name) => [name, name === 'count' ? 0 : `<${name}>`]));
        // A plural form is asked for by its stem and a count that selects it (1: one; 7: other, in both languages).
        if (plural) values.count = plural[2] === 'one' ? 1 : 7;
        const expected = text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_whole, name: string) => String(values[name]));
        const got = t(plural ? (plural[1] ?? '') : key, values);
        return got === expected ? [] : [`${key}: ${got} ≠ ${expected}`];
      });
      expect(wrong).toEqual([]);
    },
  );

  it('falls back to Dutch for a text English lacks, and shows a key it cannot find as the key', async () => {
    const { i18n } = await freshI18n();
    i18n.addCatalogue('en', { ...en, phaseLadder: { ...en.phaseLadder, title: undefined } } as unknown as typeof en);
    const t = i18n.getFixedT('en') as unknown as (key: string, values?: Record<string, string | number>) => string;
    expect(t('phaseLadder.title')).toBe('Opschalingsmodel');
    expect(t('phaseLadder.current')).toBe('Current phase');
    expect(t('phaseLadder.nothing')).toBe('phaseLadder.nothing');
    // A variable without a value stays visible rather than vanishing.
    expect(t('phaseLadder.phase')).toBe('Phase {{number}}');
    expect(t('phaseLadder.phase', { number: 3 })).toBe('Phase 3');
  });
});
