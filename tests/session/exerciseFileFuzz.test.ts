/**
 * `parseExerciseFile` against hostile and broken input: it never throws,
 * never pollutes a prototype, and never accepts a file that differs from what
 * was exported.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import {
  MAX_EXERCISE_FILE_CHARS,
  MAX_EXERCISE_FILE_DEPTH,
  parseExerciseFile,
  validateExerciseFile,
  type ExerciseFileResult,
} from '../../src/session';
import { expectPrototypesClean, hostileKey, locations, type Location } from '../fixtures/hostileJson';
import { copy, errorsOf, exportedFile, text } from './exerciseFileHelpers';

const FILE = await exportedFile();
const FILE_TEXT = text(FILE);

/** A verdict, and a refusal that names what is wrong in both languages. */
function expectRefused(result: ExerciseFileResult) {
  expect(result.ok).toBe(false);
  for (const error of errorsOf(result)) {
    expect(typeof error.path).toBe('string');
    expect(error.message.nl.length).toBeGreaterThan(5);
    expect(error.message.en.length).toBeGreaterThan(5);
  }
}

afterAll(expectPrototypesClean);

describe('any input gets a verdict, never a throw', () => {
  test('random strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 500 })),
        (input) => {
          expectRefused(parseExerciseFile(input));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('random JSON values, as text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectRefused(parseExerciseFile(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  test('random values under the file’s own keys', () => {
    const key = fc.constantFrom('format', 'exportedAt', 'finalHash', 'head', 'entries', '__proto__', 'constructor');
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue({ maxDepth: 4 }), { minKeys: 1 }), (value) => {
        expectRefused(parseExerciseFile(JSON.stringify({ ...copy(FILE), ...value })));
      }),
      { numRuns: 200 },
    );
  });

  test('anything at all, handed in from code', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBoxedValues: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withBigInt: true,
          withDate: true,
          withTypedArray: true,
          withSparseArray: true,
          key: hostileKey('head', 'entries'),
        }),
        (value) => {
          expectRefused(validateExerciseFile(value));
        },
      ),
      { numRuns: 300 },
    );
    expectRefused(parseExerciseFile(undefined as unknown as string));
    expectRefused(parseExerciseFile(42 as unknown as string));
  });

  test('a cyclic or very deep value from code', () => {
    const cyclic = copy(FILE);
    (cyclic.head as unknown as Record<string, unknown>).snapshot = cyclic;
    expectRefused(validateExerciseFile(cyclic));
    let deep: unknown = {};
    for (let level = 0; level < 20_000; level++) deep = { value: deep };
    const withDeepSnapshot = copy(FILE);
    withDeepSnapshot.head.snapshot = deep;
    expectRefused(validateExerciseFile(withDeepSnapshot));
  });

  test('deep nesting, as text', () => {
    for (const input of [
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
      FILE_TEXT.replace(
        '"entries": [',
        `"deep": ${'['.repeat(MAX_EXERCISE_FILE_DEPTH)}${']'.repeat(MAX_EXERCISE_FILE_DEPTH)}, "entries": [`,
      ),
    ]) {
      const result = parseExerciseFile(input);
      expect(errorsOf(result)[0]?.message.nl).toMatch(/te diep genest/);
    }
  });

  test('huge strings', () => {
    const tooLarge = parseExerciseFile('x'.repeat(MAX_EXERCISE_FILE_CHARS + 1));
    expect(errorsOf(tooLarge)[0]?.message.en).toMatch(/too large/);

    const hugeNote = copy(FILE);
    const note = hugeNote.entries.find((entry) => entry.kind === 'note');
    if (note?.kind !== 'note') throw new Error('the fixture has a note');
    note.text = 'x'.repeat(MAX_EXERCISE_FILE_CHARS + 10);
    expect(errorsOf(parseExerciseFile(text(hugeNote)))[0]?.message.nl).toMatch(/te groot/);

    note.text = 'x'.repeat(300_000);
    const long = errorsOf(parseExerciseFile(text(hugeNote)));
    expect(long[0]).toEqual({
      path: `entries[${String(hugeNote.entries.indexOf(note))}].text`,
      message: {
        nl: `Regel ${String(note.seq)} van het logboek (entries[${String(hugeNote.entries.indexOf(note))}].text) is te lang: hoogstens 20.000 tekens.`,
        en: `Log line ${String(note.seq)} (entries[${String(hugeNote.entries.indexOf(note))}].text) is too long: at most 20,000 characters.`,
      },
    });
  });

  test('wrong types name the field', () => {
    const wrong = copy(FILE) as unknown as { head: { length: unknown; setup: { cast: unknown } }; entries: unknown[] };
    wrong.head.length = '21';
    wrong.head.setup.cast = { mayor: 'Marieke' };
    (wrong.entries[1] as Record<string, unknown>).kind = 'rumour';
    const errors = errorsOf(parseExerciseFile(text(wrong)));
    expect(errors.map((error) => error.message.nl)).toEqual(
      expect.arrayContaining([
        'Het veld head.length moet een getal zijn, maar is tekst.',
        'Het veld head.setup.cast moet een lijst ([ … ]) zijn, maar is een object.',
        expect.stringMatching(
          /^Regel 2 van het logboek \(entries\[1\]\.kind\) moet een van deze waarden zijn: "attempt", .*; maar is "rumour"\.$/,
        ),
      ]),
    );
  });

  test('a scenario file or another program’s file is told apart', () => {
    expect(errorsOf(parseExerciseFile('{"format":"paraat.scenario/1"}'))[0]?.message.nl).toMatch(/scenariobestand/);
    expect(errorsOf(parseExerciseFile('{"name":"x"}'))[0]?.message.nl).toMatch(/geen oefenbestand van Paraat/);
    expect(errorsOf(parseExerciseFile('{"format": ')).map((error) => error.message.nl)[0]).toMatch(/geen geldige JSON/);
    expect(errorsOf(parseExerciseFile('   '))[0]?.message.nl).toBe('Het bestand is leeg.');
  });
});

describe('no key reaches a prototype', () => {
  const HOSTILE = [
    '{"__proto__":{"polluted":"yes"}}',
    '{"constructor":{"prototype":{"polluted":"yes"}}}',
    '{"prototype":{"polluted":"yes"}}',
  ];

  test('hostile keys anywhere in a real file are refused, by name and place', () => {
    const places = ['', '"head": {', '"setup": {', '"snapshot": {', '"event": {'];
    for (const hostile of HOSTILE) {
      for (const place of places) {
        const inner = hostile.slice(1, -1);
        const input =
          place === '' ? FILE_TEXT.replace('{', `{${inner},`) : FILE_TEXT.replace(place, `${place}${inner},`);
        const result = parseExerciseFile(input);
        const errors = errorsOf(result);
        expect(errors[0]?.message.nl).toMatch(/is niet toegestaan/);
        expect(errors[0]?.path).toMatch(/(__proto__|constructor|prototype)"?\]?$/);
        expectPrototypesClean();
      }
    }
    expect(
      errorsOf(parseExerciseFile(FILE_TEXT.replace('"event": {', `"event": {${HOSTILE[0]?.slice(1, -1) ?? ''},`)))[0]
        ?.path,
    ).toBe('entries[1].event.__proto__');
  });

  test('random objects with hostile keys', () => {
    const key = hostileKey('polluted');
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue({ maxDepth: 3 })), fc.jsonValue({ maxDepth: 2 }), (value, extra) => {
        const hostile = `{"__proto__": ${JSON.stringify(extra)}, "head": ${JSON.stringify(value)}}`;
        expectRefused(parseExerciseFile(hostile));
        expectPrototypesClean();
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------
// The real file, changed in one place: never accepted.

/** Places whose change makes no difference to what the file says: when it was exported. */
const HARMLESS = /^exportedAt$/;

function pathOf(root: unknown, target: Location): string {
  const walk = (value: unknown, path: string): string | null => {
    if (typeof value !== 'object' || value === null) return null;
    for (const key of Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value)) {
      const here = path === '' ? String(key) : `${path}.${String(key)}`;
      if (value === target.parent && key === target.key) return here;
      const deeper = walk((value as Record<string | number, unknown>)[key], here);
      if (deeper) return deeper;
    }
    return null;
  };
  return walk(root, '') ?? '';
}

describe('a changed file is never accepted', () => {
  test('one value replaced, anywhere in the file', () => {
    const count = locations(copy(FILE)).length;
    fc.assert(
      fc.property(
        fc.nat({ max: count - 1 }),
        fc.oneof(
          fc.jsonValue({ maxDepth: 2 }),
          fc.constantFrom<unknown>(null, 0, -1, 1.5, 1e308, '', ' ', 'x', true, [], {}, 'ja', 5, 'granted'),
        ),
        (index, value) => {
          const file = copy(FILE);
          const place = locations(file)[index];
          if (!place) return;
          const before = (place.parent as Record<string | number, unknown>)[place.key];
          if (JSON.stringify(before) === JSON.stringify(value) || HARMLESS.test(pathOf(file, place))) return;
          (place.parent as Record<string | number, unknown>)[place.key] = value;
          expectRefused(parseExerciseFile(text(file)));
        },
      ),
      { numRuns: 400 },
    );
  });

  test('one value removed, anywhere in the file', () => {
    const count = locations(copy(FILE)).length;
    fc.assert(
      fc.property(fc.nat({ max: count - 1 }), (index) => {
        const file = copy(FILE);
        const place = locations(file)[index];
        if (!place || HARMLESS.test(pathOf(file, place))) return;
        if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
        else Reflect.deleteProperty(place.parent, place.key);
        expectRefused(parseExerciseFile(text(file)));
      }),
      { numRuns: 300 },
    );
  });

  test('one line dropped, duplicated or moved', () => {
    const lines = FILE.entries.length;
    fc.assert(
      fc.property(
        fc.constantFrom('drop', 'duplicate', 'move'),
        fc.nat({ max: lines - 1 }),
        fc.nat({ max: lines - 1 }),
        (change, from, to) => {
          const file = copy(FILE);
          const [entry] = file.entries.splice(from, 1);
          if (!entry) return;
          if (change === 'duplicate') file.entries.splice(from, 0, entry, copy(FILE).entries[from] as never);
          if (change === 'move') {
            if (from === to) return;
            file.entries.splice(to, 0, entry);
          }
          expectRefused(parseExerciseFile(text(file)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
