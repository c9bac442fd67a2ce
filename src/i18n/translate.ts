/**
 * Looking a text up in a catalogue: nested keys ('phaseLadder.title'),
 * `{{name}}` variables, and plural forms chosen by `count` through
 * Intl.PluralRules under the key suffixes `_one`, `_other` (and `_zero`,
 * `_two`, `_few`, `_many` where a language has them). These are the
 * catalogue conventions of i18next, which Paraat used until its start-up
 * cost showed on the first screen (npm run bench, `load`); the catalogues
 * did not change.
 */
import type { Catalogue } from './catalogues/nl';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** Every text's key, as dotted paths into the Dutch catalogue. */
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

type Base<K> = K extends `${infer B}_${PluralSuffix}` ? B : K;

/** A key `t` accepts: a text, or the shared stem of a text's plural forms (given a `count`). */
export type MessageKey = Base<Leaves<Catalogue>>;

export type MessageValues = Readonly<Record<string, string | number>>;

export type TFunction = (key: MessageKey, values?: MessageValues) => string;

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralCategory(language: string, count: number): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}

function lookUp(catalogue: unknown, key: string): string | undefined {
  let node = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The text for `key` in `catalogue`, its plural form when `count` is given; undefined when it has none. */
export function textOf(
  catalogue: unknown,
  language: string,
  key: string,
  values: MessageValues | undefined,
): string | undefined {
  const count = values?.count;
  if (typeof count === 'number') {
    const plural = lookUp(catalogue, `${key}_${pluralCategory(language, count)}`) ?? lookUp(catalogue, `${key}_other`);
    if (plural !== undefined) return plural;
  }
  return lookUp(catalogue, key);
}

/** `{{name}}` replaced by its value; a variable without a value stays as written, so it shows. */
export function interpolate(text: string, values: MessageValues | undefined): string {
  if (!values || !text.includes('{{')) return text;
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (placeholder, name: string) => {
    const value = values[name];
    return value === undefined ? placeholder : String(value);
  });
}
