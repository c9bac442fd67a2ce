/**
 * Reading an exercise file (`paraat.exercise-file/1`). `parseExerciseFile`
 * never throws, whatever it is given: too much text, broken JSON, deep
 * nesting, `__proto__` keys, wrong types. It accepts a file only when its
 * shape is right AND it can be trusted (./verifyExerciseFile.ts: the hash
 * chain holds, the head agrees with the log, the log replays to its own
 * state). Every error names the field or the log line and says what is wrong,
 * in Dutch and in English, in words a trainer understands.
 */
import type { Text } from '../../machines';
import { invalidJsonMessage, nestingDepth } from '../validation/jsonText';
import { count, describeZodIssue, formatPath, sentence, type ZodIssue } from '../validation/zodIssueWords';
import type { ExerciseFile } from './exerciseFile';
import { exerciseFileSchema } from './exerciseFileSchema';
import { verifyExerciseFile, type ExerciseFileError } from './verifyExerciseFile';

export type { ExerciseFileError } from './verifyExerciseFile';

/** 20 MiB of text: a long evening's exercise with a scenario is well under 2 MB. */
export const MAX_EXERCISE_FILE_CHARS = 20 * 1024 * 1024;
/** The format is about ten levels deep (a scenario's inject inside the head); anything much deeper is not ours. */
export const MAX_EXERCISE_FILE_DEPTH = 64;
/** Errors reported; the rest are counted in one last entry. */
export const MAX_EXERCISE_FILE_ERRORS = 50;

export type ExerciseFileResult = { ok: true; file: ExerciseFile } | { ok: false; errors: ExerciseFileError[] };

// Keys that could reach an object's prototype if the value were ever copied by assignment.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const fileError = (nl: string, en: string): ExerciseFileResult => ({
  ok: false,
  errors: [{ path: '', message: { nl, en } }],
});

const UNREADABLE = (): ExerciseFileResult =>
  fileError('Het bestand kon niet worden gelezen als oefening.', 'The file could not be read as an exercise.');

/** Read an exercise from the text of a file, and check that it can be trusted. Never throws. */
export function parseExerciseFile(text: string): ExerciseFileResult {
  try {
    const input: unknown = text;
    if (typeof input !== 'string') return fileError('Er is geen tekst om te lezen.', 'There is no text to read.');
    if (input.length > MAX_EXERCISE_FILE_CHARS) return tooLarge();
    const body = input.startsWith('\uFEFF') ? input.slice(1) : input;
    if (body.trim() === '') return fileError('Het bestand is leeg.', 'The file is empty.');
    if (nestingDepth(body, MAX_EXERCISE_FILE_DEPTH) > MAX_EXERCISE_FILE_DEPTH) return tooDeep();
    const parsed = parseJson(body);
    if (!parsed.ok) return parsed;
    if (parsed.forbidden.length > 0) return { ok: false, errors: limit(parsed.forbidden) };
    return validateExerciseFile(parsed.value);
  } catch {
    return UNREADABLE();
  }
}

/** Check a value that is already parsed (from code or a test). Never throws. */
export function validateExerciseFile(value: unknown): ExerciseFileResult {
  try {
    const wrongFormat = formatProblem(value);
    if (wrongFormat) return wrongFormat;
    const result = exerciseFileSchema.safeParse(value, { reportInput: true, jitless: true });
    if (!result.success) return { ok: false, errors: limit(result.error.issues.map(describeIssue)) };
    // The file's own value, not zod's output: the hashes were computed over it as written.
    const file = value as ExerciseFile;
    const distrust = verifyExerciseFile(file);
    return distrust.length === 0 ? { ok: true, file } : { ok: false, errors: limit(distrust) };
  } catch {
    return UNREADABLE();
  }
}

export function tooLarge(): ExerciseFileResult {
  return fileError(
    `Het bestand is te groot: meer dan ${count(MAX_EXERCISE_FILE_CHARS).nl} tekens (ongeveer 20 MB). Is dit het goede bestand?`,
    `The file is too large: more than ${count(MAX_EXERCISE_FILE_CHARS).en} characters (about 20 MB). Is this the right file?`,
  );
}

function tooDeep(): ExerciseFileResult {
  return fileError(
    `Het bestand is te diep genest (meer dan ${MAX_EXERCISE_FILE_DEPTH} niveaus van { } en [ ]). Een oefenbestand heeft er hooguit tien.`,
    `The file is nested too deeply (more than ${MAX_EXERCISE_FILE_DEPTH} levels of { } and [ ]). An exercise file has ten at most.`,
  );
}

/** A scenario, or a file of another program, is told apart before any field is checked. */
function formatProblem(value: unknown): ExerciseFileResult | null {
  const format =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>).format
      : undefined;
  if (format === 'paraat.exercise-file/1') return null;
  if (format === 'paraat.scenario/1')
    return fileError(
      'Dit is een scenariobestand, geen oefening. Een scenario kiest u bij ‘Nieuwe oefening’.',
      'This is a scenario file, not an exercise. Choose a scenario under ‘New exercise’.',
    );
  return fileError(
    'Dit is geen oefenbestand van Paraat: het veld format is niet "paraat.exercise-file/1". Kies een bestand dat Paraat met ‘Exporteren’ heeft gemaakt.',
    'This is not a Paraat exercise file: the field format is not "paraat.exercise-file/1". Choose a file Paraat made with ‘Export’.',
  );
}

function limit(errors: readonly ExerciseFileError[]): ExerciseFileError[] {
  const shown = errors.slice(0, MAX_EXERCISE_FILE_ERRORS);
  const rest = errors.length - shown.length;
  if (rest > 0)
    shown.push({
      path: '',
      message: {
        nl: `En nog ${count(rest).nl} andere problemen.`,
        en: `And ${count(rest).en} more problems.`,
      },
    });
  return shown;
}

// ---------------------------------------------------------------------------
// Text → value, with bounded work and no key that reaches a prototype.

type Parsed = { ok: true; value: unknown; forbidden: ExerciseFileError[] } | (ExerciseFileResult & { ok: false });

/**
 * JSON.parse defines `__proto__` as a plain own key (it never sets a
 * prototype), but a later copy by assignment would. Such keys are dropped
 * while parsing and reported with their place, so the file is refused.
 */
function parseJson(text: string): Parsed {
  const holders = new Map<object, string[]>();
  let value: unknown;
  try {
    value = JSON.parse(text, function (this: unknown, key, child: unknown) {
      if (FORBIDDEN_KEYS.has(key) && typeof this === 'object' && this !== null) {
        holders.set(this, [...(holders.get(this) ?? []), key]);
        return undefined;
      }
      return child;
    });
  } catch (error) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: invalidJsonMessage(text, error, {
            nl: 'Is het bestand beschadigd of met de hand bewerkt?',
            en: 'Is the file damaged or edited by hand?',
          }),
        },
      ],
    };
  }
  if (holders.size === 0) return { ok: true, value, forbidden: [] };
  return { ok: true, value, forbidden: forbiddenKeys(value, holders) };
}

/** Where the dropped keys were: walk the (depth-capped) value, naming each holder's path. */
function forbiddenKeys(root: unknown, holders: Map<object, string[]>): ExerciseFileError[] {
  const errors: ExerciseFileError[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: root, path: [] }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { value, path } = visit;
    if (typeof value !== 'object' || value === null) continue;
    for (const key of holders.get(value) ?? []) {
      const where = formatPath([...path, key]);
      errors.push({
        path: where,
        message: {
          nl: `Het veld ${where} is niet toegestaan: die naam kan de werking van het programma beïnvloeden.`,
          en: `The field ${where} is not allowed: that name can interfere with how the program works.`,
        },
      });
    }
    if (Array.isArray(value)) value.forEach((child, index) => stack.push({ value: child, path: [...path, index] }));
    else
      for (const [key, child] of Object.entries(value as Record<string, unknown>))
        stack.push({ value: child, path: [...path, key] });
  }
  return errors;
}

// ---------------------------------------------------------------------------
// Zod issues → sentences a trainer can act on.

/** "Regel 7 van het logboek (entries[6].event.reason)", "Het scenario (…)", "Het veld head.clock". */
function subjectOf(path: readonly PropertyKey[]): Text {
  const where = formatPath(path);
  if (path.length === 0) return { nl: 'Het bestand', en: 'The file' };
  if (path[0] === 'entries' && typeof path[1] === 'number') {
    const line = path[1] + 1;
    return { nl: `Regel ${line} van het logboek (${where})`, en: `Log line ${line} (${where})` };
  }
  if (path[0] === 'head' && path[1] === 'setup' && path[2] === 'scenario')
    return { nl: `Het scenario in het bestand (${where})`, en: `The scenario in the file (${where})` };
  return { nl: `Het veld ${where}`, en: `The field ${where}` };
}

function describeIssue(issue: ZodIssue): ExerciseFileError {
  return { path: formatPath(issue.path), message: sentence(subjectOf(issue.path), describeZodIssue(issue)) };
}
