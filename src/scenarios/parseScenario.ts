/**
 * Reading a scenario file. `parseScenario` never throws, whatever it is
 * given: too much text, broken JSON, deep nesting, `__proto__` keys, wrong
 * types. Every error names the field (`injects[2].offsetMinutes`) and says
 * what is wrong, in Dutch and in English, so a trainer can fix the file.
 */
import type { Text } from '../../machines';
import { invalidJsonMessage, nestingDepth } from '../validation/jsonText';
import { count, describeZodIssue, formatPath, sentence, type ZodIssue } from '../validation/zodIssueWords';
import { scenarioSchema, type Scenario } from './schema';

export { formatPath } from '../validation/zodIssueWords';

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

// Keys that could reach an object's prototype if someone later copies the result with assignment.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const fileError = (nl: string, en: string): ScenarioResult => ({
  ok: false,
  errors: [{ path: '', message: { nl, en } }],
});

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
    if (nestingDepth(body, MAX_SCENARIO_DEPTH) > MAX_SCENARIO_DEPTH) return tooDeep();
    let value: unknown;
    try {
      // The reviver drops keys that could reach a prototype (defence in depth: the schema drops unknown keys too).
      value = JSON.parse(body, (key, child: unknown) => (FORBIDDEN_KEYS.has(key) ? undefined : child));
    } catch (error) {
      const message = invalidJsonMessage(body, error, {
        nl: "Let op komma's, aanhalingstekens en haakjes.",
        en: 'Check commas, quotation marks and brackets.',
      });
      return fileError(message.nl, message.en);
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

// ---------------------------------------------------------------------------
// Zod issues → sentences a trainer can act on.

function subjectOf(path: string): Text {
  return path === '' ? { nl: 'Het bestand', en: 'The file' } : { nl: `Het veld ${path}`, en: `The field ${path}` };
}

function describeIssues(issues: readonly ZodIssue[]): ScenarioError[] {
  const errors = issues.slice(0, MAX_SCENARIO_ERRORS).map((issue) => {
    const path = formatPath(issue.path);
    return { path, message: sentence(subjectOf(path), describeZodIssue(issue)) };
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
