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
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);

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

/** Every key of a catalogue, as `t` is asked for it ('phaseLadder.title'); plural forms by their base key too. */
function keysOf(catalogue: unknown, path = ''): string[] {
  if (typeof catalogue !== 'object' || catalogue === null) return [path];
  return Object.entries(catalogue).flatMap(([key, value]) => {
    const at = path ? `${path}.${key}` : key;
    const base = at.replace(/_(zero|one|two|few|many|other)$/, '');
    return base === at ? keysOf(value, at) : [at, base];
  });
}

describe('the translate function', () => {
  it.each(['nl', 'en'] as const)('gives what i18next gives for every key without options (%s)', async (language) => {
    const { i18n, setLanguage, useTranslation } = await freshI18n();
    await i18n.loadLanguages('en');
    act(() => {
      setLanguage(language);
    });
    await vi.waitFor(() => {
      expect(i18n.language).toBe(language);
    });
    let t: ((key: string) => string) | undefined;
    function Probe() {
      t = useTranslation().t as unknown as (key: string) => string;
      return null;
    }
    render(<Probe />);
    const keys = [...new Set(keysOf(nl))];
    expect(keys.length).toBeGreaterThan(200);
    const fixed = i18n.getFixedT(language) as unknown as (key: string) => string;
    const differing = keys.filter((key) => t?.(key) !== fixed(key));
    expect(differing).toEqual([]);
    // The direct lookup is taken for plain texts and left alone for texts i18next must work on.
    expect(t?.('phaseLadder.title')).toBe(language === 'nl' ? 'Opschalingsmodel' : 'Escalation model');
  });
});
