/**
 * Reading a scenario file. `parseScenario` never throws, whatever it is
 * given: too much text, broken JSON, deep nesting, `__proto__` keys, wrong
 * types. Every error names the field (`injects[2].offsetMinutes`) and says
 * what is wrong, in Dutch and in English, so a trainer can fix the file.
 */
import type * as z from 'zod/mini';
import type { Text } from '../../machines';
import { scenarioSchema, type Scenario } from './schema';

/** 2 MiB of text: the three built-in scenarios are each well under 50 kB. */
export const MAX_SCENARIO_CHARS = 2 * 1024 * 1024;
/** The format itself is five levels deep; anything much deeper is not a scenario. */
export const MAX_SCENARIO_DEPTH = 64;
/** No list in a scenario is longer than 500 items, no object has more than a dozen fields. */
const MAX_CONTAINER_SIZE = 1_000;
/** Values visited before giving up on a value handed in from code (which may share or cycle). */
const MAX_NODES = 200_000;
/** Errors reported; the rest are counted in one last entry. */
export const MAX_SCENARIO_ERRORS = 50;

export interface ScenarioError {
  /** The field, e.g. `injects[2].offsetMinutes`; empty for the file as a whole. */
  path: string;
  message: Text;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

type Issue = z.core.$ZodIssue;

// Keys that could reach an object's prototype if someone later copies the result with assignment.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const fileError = (nl: string, en: string): ScenarioResult => ({
  ok: false,
  errors: [{ path: '', message: { nl, en } }],
});

const nlNumber = new Intl.NumberFormat('nl-NL');
const enNumber = new Intl.NumberFormat('en-GB');
const count = (value: number | bigint): Text => ({ nl: nlNumber.format(value), en: enNumber.format(value) });

/** Read a scenario from the text of a file. Never throws. */
export function parseScenario(text: string): ScenarioResult {
  try {
    const input: unknown = text;
    if (typeof input !== 'string') {
      return fileError('Er is geen tekst om te lezen.', 'There is no text to read.');
    }
    if (input.length > MAX_SCENARIO_CHARS) {
      return fileError(
        `Het bestand is te groot: meer dan ${count(MAX_SCENARIO_CHARS).nl} tekens (ongeveer 2 MB). Een scenario is veel kleiner; is dit het goede bestand?`,
        `The file is too large: more than ${count(MAX_SCENARIO_CHARS).en} characters (about 2 MB). A scenario is much smaller; is this the right file?`,
      );
    }
    const body = input.startsWith('\uFEFF') ? input.slice(1) : input;
    if (body.trim() === '') return fileError('Het bestand is leeg.', 'The file is empty.');
    if (nestingDepth(body) > MAX_SCENARIO_DEPTH) return tooDeep();
    let value: unknown;
    try {
      // The reviver drops keys that could reach a prototype (defence in depth: the schema drops unknown keys too).
      value = JSON.parse(body, (key, child: unknown) => (FORBIDDEN_KEYS.has(key) ? undefined : child));
    } catch (error) {
      return invalidJson(body, error);
    }
    return validateScenario(value);
  } catch {
    return fileError('Het bestand kon niet worden gelezen.', 'The file could not be read.');
  }
}

/** Check a value that is already parsed (from code, or from storage). Never throws. */
export function validateScenario(value: unknown): ScenarioResult {
  try {
    const limit = exceedsLimits(value);
    if (limit) return { ok: false, errors: [limit] };
    const result = scenarioSchema.safeParse(value, { reportInput: true, jitless: true });
    if (result.success) return { ok: true, scenario: result.data };
    return { ok: false, errors: describeIssues(result.error.issues) };
  } catch {
    return fileError('Het bestand kon niet worden gelezen.', 'The file could not be read.');
  }
}

// ---------------------------------------------------------------------------
// Guards before the schema: bounded work whatever comes in.

/** The deepest nesting of `{` and `[` outside strings, scanning the text once. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > MAX_SCENARIO_DEPTH) return deepest;
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
  return deepest;
}

const TOO_DEEP: ScenarioError = {
  path: '',
  message: {
    nl: `Het bestand is te diep genest (meer dan ${MAX_SCENARIO_DEPTH} niveaus van { } en [ ]). Een scenario heeft er hooguit vijf.`,
    en: `The file is nested too deeply (more than ${MAX_SCENARIO_DEPTH} levels of { } and [ ]). A scenario has five at most.`,
  },
};

const TOO_COMPLEX: ScenarioError = {
  path: '',
  message: {
    nl: `Het bestand bevat te veel onderdelen (meer dan ${count(MAX_NODES).nl} objecten en lijsten). Een scenario is veel kleiner.`,
    en: `The file has too many parts (more than ${count(MAX_NODES).en} objects and lists). A scenario is much smaller.`,
  },
};

const tooDeep = (): ScenarioResult => ({ ok: false, errors: [TOO_DEEP] });

interface Visit {
  value: unknown;
  depth: number;
  parent: Visit | null;
  key: PropertyKey;
}

function pathOf(visit: Visit): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at = visit; at.parent; at = at.parent) path.unshift(at.key);
  return path;
}

/** A value handed in from code may be deep, huge, shared or cyclic: walk it iteratively with a budget. */
function exceedsLimits(root: unknown): ScenarioError | null {
  const seen = new WeakSet<object>();
  const stack: Visit[] = [{ value: root, depth: 0, parent: null, key: '' }];
  let visited = 0;
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { value, depth } = visit;
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (depth >= MAX_SCENARIO_DEPTH) return TOO_DEEP;
    if (++visited > MAX_NODES) return TOO_COMPLEX;
    const keys = Array.isArray(value) ? null : Object.keys(value);
    const size = keys ? keys.length : (value as unknown[]).length;
    if (size > MAX_CONTAINER_SIZE) {
      const path = formatPath(pathOf(visit));
      const where = subjectOf(path);
      return {
        path,
        message: {
          nl: `${where.nl} is te groot: meer dan ${count(MAX_CONTAINER_SIZE).nl} onderdelen.`,
          en: `${where.en} is too large: more than ${count(MAX_CONTAINER_SIZE).en} items.`,
        },
      };
    }
    if (keys) {
      const record = value as Record<string, unknown>;
      for (const key of keys) stack.push({ value: record[key], depth: depth + 1, parent: visit, key });
    } else {
      (value as unknown[]).forEach((child, index) => {
        stack.push({ value: child, depth: depth + 1, parent: visit, key: index });
      });
    }
  }
  return null;
}

/** JSON.parse's own message is English only; say where the mistake is when the engine tells us. */
function invalidJson(text: string, error: unknown): ScenarioResult {
  const detail = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(detail);
  const position = /position (\d+)/.exec(detail);
  let where: { line: number; column: number } | null = null;
  if (lineColumn) where = { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  else if (position) {
    const before = text.slice(0, Number(position[1]));
    const lines = before.split('\n');
    where = { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
  }
  const at = where
    ? {
        nl: ` De fout zit rond regel ${where.line}, kolom ${where.column}.`,
        en: ` The mistake is near line ${where.line}, column ${where.column}.`,
      }
    : { nl: '', en: '' };
  return fileError(
    `Het bestand is geen geldige JSON.${at.nl} Let op komma's, aanhalingstekens en haakjes.`,
    `The file is not valid JSON.${at.en} Check commas, quotation marks and brackets.`,
  );
}

// ---------------------------------------------------------------------------
// Zod issues → sentences a trainer can act on.

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

function subjectOf(path: string): Text {
  return path === '' ? { nl: 'Het bestand', en: 'The file' } : { nl: `Het veld ${path}`, en: `The field ${path}` };
}

function describeIssues(issues: readonly Issue[]): ScenarioError[] {
  const errors = issues.slice(0, MAX_SCENARIO_ERRORS).map((issue) => {
    const path = formatPath(issue.path);
    const subject = subjectOf(path);
    const tail = describeIssue(issue);
    return { path, message: { nl: `${subject.nl} ${tail.nl}.`, en: `${subject.en} ${tail.en}.` } };
  });
  const rest = issues.length - errors.length;
  if (rest > 0) {
    errors.push({
      path: '',
      message: {
        nl: `En nog ${count(rest).nl} andere fouten. Verbeter eerst de fouten hierboven.`,
        en: `And ${count(rest).en} more errors. Fix the errors above first.`,
      },
    });
  }
  return errors;
}

const EXPECTED: Record<string, Text> = {
  string: { nl: 'tekst', en: 'text' },
  number: { nl: 'een getal', en: 'a number' },
  int: { nl: 'een geheel getal', en: 'a whole number' },
  boolean: { nl: 'true of false', en: 'true or false' },
  object: { nl: 'een object ({ … })', en: 'an object ({ … })' },
  array: { nl: 'een lijst ([ … ])', en: 'a list ([ … ])' },
};

function received(input: unknown): Text {
  if (input === null) return { nl: 'leeg (null)', en: 'empty (null)' };
  if (Array.isArray(input)) return { nl: 'een lijst', en: 'a list' };
  switch (typeof input) {
    case 'string':
      return { nl: 'tekst', en: 'text' };
    case 'number':
      return Number.isInteger(input)
        ? { nl: `het getal ${input}`, en: `the number ${input}` }
        : { nl: `het getal ${input} (met decimalen)`, en: `the number ${input} (with decimals)` };
    case 'boolean':
      return { nl: String(input), en: String(input) };
    case 'object':
      return { nl: 'een object', en: 'an object' };
    default:
      return { nl: 'iets anders', en: 'something else' };
  }
}

/** A short, safe rendering of a value for a message. */
function shown(input: unknown): string | null {
  if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  return null;
}

const MISSING: Text = { nl: 'ontbreekt', en: 'is missing' };

function describeIssue(issue: Issue): Text {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return MISSING;
      const expected = EXPECTED[issue.expected] ?? { nl: 'iets anders', en: 'something else' };
      const got = received(issue.input);
      return { nl: `moet ${expected.nl} zijn, maar is ${got.nl}`, en: `must be ${expected.en}, but is ${got.en}` };
    }
    case 'invalid_value': {
      if (issue.input === undefined) return MISSING;
      const options = issue.values.map((option) => JSON.stringify(option)).join(', ');
      const got = shown(issue.input);
      const but = got === null ? received(issue.input) : { nl: got, en: got };
      return issue.values.length === 1
        ? { nl: `moet ${options} zijn, maar is ${but.nl}`, en: `must be ${options}, but is ${but.en}` }
        : {
            nl: `moet een van deze waarden zijn: ${options}; maar is ${but.nl}`,
            en: `must be one of these values: ${options}; but is ${but.en}`,
          };
    }
    case 'too_small':
      return tooSmall(issue.origin, issue.minimum, issue.inclusive !== false);
    case 'too_big':
      return tooBig(issue.origin, issue.maximum, issue.inclusive !== false);
    case 'custom': {
      const params: unknown = issue.params;
      if (typeof params === 'object' && params !== null && 'nl' in params && 'en' in params) {
        const { nl, en } = params;
        if (typeof nl === 'string' && typeof en === 'string') return { nl, en };
      }
      return { nl: 'is ongeldig', en: 'is not valid' };
    }
    default:
      return { nl: 'is ongeldig', en: 'is not valid' };
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
  if (origin === 'array') {
    return { nl: `bevat te veel onderdelen: hoogstens ${n.nl}`, en: `has too many items: at most ${n.en}` };
  }
  return inclusive
    ? { nl: `mag hoogstens ${n.nl} zijn`, en: `must be ${n.en} or less` }
    : { nl: `moet kleiner zijn dan ${n.nl}`, en: `must be less than ${n.en}` };
}
