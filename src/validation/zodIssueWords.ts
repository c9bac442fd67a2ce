/**
 * Zod issues → the tail of a sentence a trainer can act on, in Dutch and
 * English ("moet een getal zijn, maar is tekst"). Shared by the scenario
 * reader (src/scenarios/parseScenario.ts) and the exercise-file reader
 * (src/session/parseExerciseFile.ts); each names the field its own way.
 */
import type * as z from 'zod/mini';
import type { Text } from '../../machines';

export type ZodIssue = z.core.$ZodIssue;

const nlNumber = new Intl.NumberFormat('nl-NL');
const enNumber = new Intl.NumberFormat('en-GB');

/** A count in each language's own digit grouping: 20.000 / 20,000. */
export const count = (value: number | bigint): Text => ({ nl: nlNumber.format(value), en: enNumber.format(value) });

/** `injects[2].offsetMinutes`; odd keys quoted: `cast[0]["full name"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = typeof segment === 'symbol' ? (segment.description ?? '') : segment;
      if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`;
    }
  }
  return out;
}

/** "Het veld x ontbreekt." — subject and tail joined into one sentence. */
export const sentence = (subject: Text, tail: Text): Text => ({
  nl: `${subject.nl} ${tail.nl}.`,
  en: `${subject.en} ${tail.en}.`,
});

const EXPECTED: Record<string, Text> = {
  string: { nl: 'tekst', en: 'text' },
  number: { nl: 'een getal', en: 'a number' },
  int: { nl: 'een geheel getal', en: 'a whole number' },
  boolean: { nl: 'true of false', en: 'true or false' },
  object: { nl: 'een object ({ … })', en: 'an object ({ … })' },
  array: { nl: 'een lijst ([ … ])', en: 'a list ([ … ])' },
};

const SOMETHING_ELSE: Text = { nl: 'iets anders', en: 'something else' };
const NOT_VALID: Text = { nl: 'is ongeldig', en: 'is not valid' };
export const MISSING: Text = { nl: 'ontbreekt', en: 'is missing' };
/** Options listed in a message; a longer list ends in ", …". */
const MAX_OPTIONS_SHOWN = 12;

/** What kind of value was found, without echoing long or odd content. */
export function received(input: unknown): Text {
  if (input === null) return { nl: 'leeg (null)', en: 'empty (null)' };
  if (Array.isArray(input)) return { nl: 'een lijst', en: 'a list' };
  switch (typeof input) {
    case 'string':
      return { nl: 'tekst', en: 'text' };
    case 'number':
      // "with decimals" tells why 2.5 is not the whole number that was asked for.
      return Number.isInteger(input)
        ? { nl: `het getal ${input}`, en: `the number ${input}` }
        : { nl: `het getal ${input} (met decimalen)`, en: `the number ${input} (with decimals)` };
    case 'boolean':
      return { nl: String(input), en: String(input) };
    case 'object':
      return { nl: 'een object', en: 'an object' };
    default:
      return SOMETHING_ELSE;
  }
}

/** A short, safe rendering of a value for a message. */
export function shown(input: unknown): string | null {
  if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  return null;
}

/** "moet een van deze waarden zijn: "a", "b"; maar is "c"". */
export function oneOf(values: readonly unknown[], input: unknown): Text {
  if (input === undefined) return MISSING;
  const options = values
    .slice(0, MAX_OPTIONS_SHOWN)
    .map((option) => JSON.stringify(option))
    .join(', ');
  const more = values.length > MAX_OPTIONS_SHOWN ? ', …' : '';
  const got = shown(input);
  const but = got === null ? received(input) : { nl: got, en: got };
  return values.length === 1
    ? { nl: `moet ${options} zijn, maar is ${but.nl}`, en: `must be ${options}, but is ${but.en}` }
    : {
        nl: `moet een van deze waarden zijn: ${options}${more}; maar is ${but.nl}`,
        en: `must be one of these values: ${options}${more}; but is ${but.en}`,
      };
}

/** The tail of the sentence for one issue: what is wrong with the field. */
export function describeZodIssue(issue: ZodIssue): Text {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return MISSING;
      const expected = EXPECTED[issue.expected] ?? SOMETHING_ELSE;
      const got = received(issue.input);
      return { nl: `moet ${expected.nl} zijn, maar is ${got.nl}`, en: `must be ${expected.en}, but is ${got.en}` };
    }
    case 'invalid_value':
      return oneOf(issue.values, issue.input);
    case 'invalid_union': {
      // A discriminated union: the kind (of log entry, of clock step) is not one we know.
      const options = 'options' in issue && Array.isArray(issue.options) ? (issue.options as unknown[]) : [];
      const key = 'discriminator' in issue && typeof issue.discriminator === 'string' ? issue.discriminator : '';
      const input: unknown = issue.input;
      const value =
        typeof input === 'object' && input !== null && key !== '' ? (input as Record<string, unknown>)[key] : undefined;
      return options.length > 0 ? oneOf(options, value) : NOT_VALID;
    }
    case 'too_small':
      return tooSmall(issue.origin, issue.minimum, issue.inclusive !== false);
    case 'too_big':
      return tooBig(issue.origin, issue.maximum, issue.inclusive !== false);
    case 'custom': {
      // Our own refinements carry their sentence in both languages as params.
      const params: unknown = issue.params;
      if (typeof params === 'object' && params !== null && 'nl' in params && 'en' in params) {
        const { nl, en } = params;
        if (typeof nl === 'string' && typeof en === 'string') return { nl, en };
      }
      return NOT_VALID;
    }
    default:
      return NOT_VALID;
  }
}

function tooSmall(origin: string, minimum: number | bigint, inclusive: boolean): Text {
  const n = count(minimum);
  if (origin === 'string') {
    return minimum === 1
      ? { nl: 'mag niet leeg zijn', en: 'must not be empty' }
      : { nl: `moet minstens ${n.nl} tekens lang zijn`, en: `must be at least ${n.en} characters long` };
  }
  if (origin === 'array') {
    return minimum === 1
      ? { nl: 'moet minstens één onderdeel bevatten', en: 'must contain at least one item' }
      : { nl: `moet minstens ${n.nl} onderdelen bevatten`, en: `must contain at least ${n.en} items` };
  }
  return inclusive
    ? { nl: `moet ${n.nl} of meer zijn`, en: `must be ${n.en} or more` }
    : { nl: `moet groter zijn dan ${n.nl}`, en: `must be greater than ${n.en}` };
}

function tooBig(origin: string, maximum: number | bigint, inclusive: boolean): Text {
  const n = count(maximum);
  if (origin === 'string')
    return { nl: `is te lang: hoogstens ${n.nl} tekens`, en: `is too long: at most ${n.en} characters` };
  if (origin === 'array')
    return { nl: `bevat te veel onderdelen: hoogstens ${n.nl}`, en: `has too many items: at most ${n.en}` };
  return inclusive
    ? { nl: `mag hoogstens ${n.nl} zijn`, en: `must be ${n.en} or less` }
    : { nl: `moet kleiner zijn dan ${n.nl}`, en: `must be less than ${n.en}` };
}
