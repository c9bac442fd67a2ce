/**
 * Property tests: whatever text or value comes in, parseScenario and
 * validateScenario return a verdict (never a throw), a refusal always says
 * something in both languages, and no prototype changes.
 */
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  DECISION_POINT_SUBJECTS,
  INJECT_AUDIENCES,
  parseScenario,
  scenarioToSetup,
  validateScenario,
  type ScenarioResult,
} from '../../src/scenarios';
import { ROLES } from '../../machines';
import { hostileKey, locations } from '../fixtures/hostileJson';
import { BUILT_IN_TEXTS, minimalScenario, prototypeFingerprint } from './helpers';

let clean = '';
beforeAll(() => {
  clean = prototypeFingerprint();
});
afterEach(() => {
  expect(prototypeFingerprint()).toBe(clean);
});

/** A verdict, well formed: a scenario, or at least one error with a path and two sentences. */
function expectVerdict(result: ScenarioResult) {
  if (result.ok) {
    expect(result.scenario.format).toBe('paraat.scenario/1');
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(typeof error.path).toBe('string');
    expect(error.message.nl.trim()).not.toBe('');
    expect(error.message.en.trim()).not.toBe('');
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('any input gets a verdict, never a throw', () => {
  test('random strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 500 })),
        (text) => {
          expectVerdict(parseScenario(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('random JSON values, as text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectVerdict(parseScenario(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  test('random JSON objects under scenario keys', () => {
    const key = fc.constantFrom(
      'format',
      'id',
      'title',
      'cast',
      'injects',
      'startTime',
      'startPhase',
      '__proto__',
      'constructor',
    );
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue({ maxDepth: 4 })), (value) => {
        const base = minimalScenario();
        expectVerdict(parseScenario(JSON.stringify({ ...base, ...value })));
      }),
      { numRuns: 300 },
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
          withObjectString: true,
          key: hostileKey('cast', 'injects'),
        }),
        (value) => {
          expectVerdict(validateScenario(value));
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------
// Valid scenarios, broken in one place.

const PLACEHOLDER = '@@mutation@@';
const HOSTILE_OBJECT = '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}';

const mutation = fc.oneof(
  fc.constant({ kind: 'drop' as const }),
  fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({
    kind: fc.constant('wrongType' as const),
    value: fc.constantFrom<unknown>(null, 0, -1, 1.5, 1e308, '', ' ', 'x', true, [], {}, [[]], { nl: 1 }),
  }),
  fc.record({ kind: fc.constant('text' as const), text: fc.constantFrom('x'.repeat(10_001), 'x'.repeat(300_000)) }),
  fc.record({ kind: fc.constant('text' as const), text: fc.constant(`${'['.repeat(10_000)}${']'.repeat(10_000)}`) }),
  fc.record({ kind: fc.constant('text' as const), text: fc.constant(HOSTILE_OBJECT) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(source: string, index: number, change: Mutation): string {
  const value = JSON.parse(source) as unknown;
  const all = locations(value);
  const at = all[index % all.length];
  if (!at) return source;
  const { parent, key } = at;
  switch (change.kind) {
    case 'drop':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else Reflect.deleteProperty(parent, key);
      return JSON.stringify(value);
    case 'replace':
    case 'wrongType':
      (parent as Record<string | number, unknown>)[key] = change.value;
      return JSON.stringify(value);
    case 'text':
      (parent as Record<string | number, unknown>)[key] = PLACEHOLDER;
      return JSON.stringify(value).replace(`"${PLACEHOLDER}"`, () => change.text);
  }
}

const SOURCES = [...BUILT_IN_TEXTS.map(({ text }) => text), JSON.stringify(minimalScenario())];

describe('valid scenarios broken in one place', () => {
  test('a dropped key, a wrong type, a huge string, deep nesting, __proto__: a verdict, and prototypes stay clean', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SOURCES), fc.nat(), mutation, (source, index, change) => {
        const text = mutate(source, index, change);
        const result = parseScenario(text);
        expectVerdict(result);
        if (result.ok) {
          // What is accepted reads back the same.
          const again = parseScenario(JSON.stringify(result.scenario));
          expect(again).toEqual(result);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('a hostile object inside every field of a built-in scenario', () => {
    const source = SOURCES[0] ?? '';
    const count = locations(JSON.parse(source)).length;
    for (let index = 0; index < count; index++) {
      const result = parseScenario(mutate(source, index, { kind: 'text', text: HOSTILE_OBJECT }));
      expectVerdict(result);
      expect(prototypeFingerprint()).toBe(clean);
    }
  });
});

// ---------------------------------------------------------------------------
// Generated valid scenarios are accepted, and their set-up has the competent mayor.

const nonBlank = (maxLength: number) => fc.string({ minLength: 1, maxLength }).filter((text) => text.trim() !== '');
const bilingual = (maxLength = 60) => fc.record({ nl: nonBlank(maxLength), en: nonBlank(maxLength) });
const slugs = (minLength: number, maxLength: number) =>
  fc.uniqueArray(
    fc
      .array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'x', 'y', 'z', '0', '1', '2', '9'), {
        minLength: 1,
        maxLength: 6,
      })
      .chain((head) => fc.constantFrom(head.join(''), `${head.join('')}-x`)),
    { minLength, maxLength },
  );

const validScenario = fc
  .record({
    id: slugs(1, 1),
    municipality: nonBlank(30),
    title: bilingual(),
    description: bilingual(200),
    audience: bilingual(),
    startTime: fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 16)),
    startPhase: fc.option(fc.constantFrom(1, 2, 3, 4, 5), { nil: undefined }),
    castIds: slugs(3, 10),
    extraRoles: fc.array(fc.constantFrom(...ROLES), { minLength: 7, maxLength: 7 }),
    injectIds: slugs(1, 20),
    injectParts: fc.array(
      fc.record({
        offsetMinutes: fc.nat({ max: 7 * 24 * 60 }),
        audience: fc.constantFrom(...INJECT_AUDIENCES),
        title: bilingual(),
        text: bilingual(200),
        decisionPoint: fc.option(
          fc.record({
            subject: fc.option(fc.constantFrom(...DECISION_POINT_SUBJECTS), { nil: undefined }),
            expects: bilingual(),
          }),
          { nil: undefined },
        ),
      }),
      { minLength: 20, maxLength: 20 },
    ),
    learningObjectives: fc.array(bilingual(), { maxLength: 5 }),
    debriefQuestions: fc.array(bilingual(), { maxLength: 5 }),
  })
  .map(({ id, castIds, extraRoles, injectIds, injectParts, startPhase, ...rest }) => ({
    format: 'paraat.scenario/1',
    id: id[0],
    ...rest,
    ...(startPhase === undefined ? {} : { startPhase }),
    cast: castIds.map((castId, index) => {
      const role =
        (['mayor', 'commander', 'trainer'] as const)[index] ?? extraRoles[index % extraRoles.length] ?? 'observer';
      return {
        id: castId,
        role,
        name: `Speler ${index}`,
        ...(role === 'mayor' && index === 0 ? { municipality: rest.municipality } : {}),
      };
    }),
    injects: injectIds.map((injectId, index) => {
      const { decisionPoint, ...part } = injectParts[index % injectParts.length] ?? {};
      const point = decisionPoint && {
        expects: decisionPoint.expects,
        ...(decisionPoint.subject ? { subject: decisionPoint.subject } : {}),
      };
      return { id: injectId, ...part, ...(point ? { decisionPoint: point } : {}) };
    }),
  }));

describe('generated valid scenarios', () => {
  test('are accepted, and scenarioToSetup gives a cast with the competent mayor', () => {
    fc.assert(
      fc.property(validScenario, (scenario) => {
        const result = parseScenario(JSON.stringify(scenario));
        if (!result.ok) expect.fail(JSON.stringify(result.errors, null, 2));
        expect(result.scenario.startPhase).toBe(scenario.startPhase ?? 1);
        const setup = scenarioToSetup(result.scenario);
        expect(setup.municipality).toBe(scenario.municipality.trim());
        expect(setup.cast.some((member) => member.role === 'mayor' && member.municipality === setup.municipality)).toBe(
          true,
        );
      }),
      { numRuns: 200 },
    );
  });
});
