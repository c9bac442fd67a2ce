/**
 * Reading a scenario file: every broken file gets an error that names the
 * field and says what is wrong in Dutch and English; limits hold; nothing
 * reaches a prototype.
 */
import { describe, expect, test } from 'vitest';
import {
  MAX_SCENARIO_CHARS,
  MAX_SCENARIO_ERRORS,
  SCENARIO_LIMITS,
  formatPath,
  parseScenario,
  validateScenario,
  type ScenarioResult,
} from '../../src/scenarios';
import { minimalScenario, prototypeFingerprint } from './helpers';

type Json = Record<string, unknown>;
interface Draft extends Json {
  cast: Json[];
  injects: Json[];
  title: unknown;
  description: Json;
  learningObjectives: unknown[];
}

/** A nested part of the draft, to change in place. */
const part = (value: unknown): Json => value as Json;

function broken(change: (draft: Draft) => void): string {
  const draft = minimalScenario() as Draft;
  change(draft);
  return JSON.stringify(draft);
}

function errorsOf(result: ScenarioResult) {
  if (result.ok) expect.fail('expected the scenario to be refused');
  return result.errors;
}

/** Every error: a path, and a real sentence in both languages (never zod's raw English). */
function expectReadable(result: ScenarioResult) {
  for (const error of errorsOf(result)) {
    expect(error.message.nl.length).toBeGreaterThan(10);
    expect(error.message.en.length).toBeGreaterThan(10);
    expect(error.message.nl).not.toBe(error.message.en);
    expect(`${error.message.nl} ${error.message.en}`).not.toMatch(/Invalid input|expected \w+, received/);
    if (error.path !== '') {
      expect(error.message.nl).toContain(error.path);
      expect(error.message.en).toContain(error.path);
    }
  }
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

const CASES: { name: string; text: string; path: string; nl?: RegExp; en?: RegExp }[] = [
  {
    name: 'not JSON',
    text: '{"format": "paraat.scenario/1",',
    path: '',
    nl: /geen geldige JSON/,
    en: /not valid JSON/,
  },
  { name: 'a trailing comma', text: '{"a": 1,}', path: '', nl: /regel 1, kolom/, en: /line 1, column/ },
  { name: 'an empty file', text: '', path: '', nl: /leeg/, en: /empty/ },
  { name: 'only white space', text: '  \n\t ', path: '', nl: /leeg/ },
  { name: 'null', text: 'null', path: '', nl: /moet een object/, en: /must be an object/ },
  { name: 'a number', text: '42', path: '', nl: /het getal 42/ },
  { name: 'a list', text: '[]', path: '', nl: /maar is een lijst/ },
  { name: 'a string', text: '"scenario"', path: '', nl: /maar is tekst/ },
  {
    name: 'another format',
    text: broken((d) => (d.format = 'paraat.scenario/2')),
    path: 'format',
    nl: /"paraat.scenario\/1"/,
  },
  { name: 'no format', text: broken((d) => delete d.format), path: 'format', nl: /ontbreekt/, en: /is missing/ },
  {
    name: 'an id with capitals and spaces',
    text: broken((d) => (d.id = 'Mijn Scenario')),
    path: 'id',
    nl: /kleine letters/,
  },
  { name: 'no English title', text: broken((d) => delete part(d.title).en), path: 'title.en', nl: /ontbreekt/ },
  {
    name: 'an empty Dutch title',
    text: broken((d) => (part(d.title).nl = '   ')),
    path: 'title.nl',
    nl: /niet leeg/,
    en: /not be empty/,
  },
  { name: 'a title that is a string', text: broken((d) => (d.title = 'Proef')), path: 'title', nl: /moet een object/ },
  {
    name: 'a description too long',
    text: broken((d) => (d.description.nl = 'x'.repeat(SCENARIO_LIMITS.text + 1))),
    path: 'description.nl',
    nl: /te lang: hoogstens 10\.000 tekens/,
    en: /too long: at most 10,000 characters/,
  },
  {
    name: 'a name too long',
    text: broken((d) => (d.cast[0] = { ...d.cast[0], name: 'n'.repeat(201) })),
    path: 'cast[0].name',
    nl: /hoogstens 200 tekens/,
  },
  { name: 'no municipality', text: broken((d) => delete d.municipality), path: 'municipality', nl: /ontbreekt/ },
  {
    name: 'an unknown role',
    text: broken((d) => (d.cast[1] = { ...d.cast[1], role: 'mayorr' })),
    path: 'cast[1].role',
    nl: /"locoMayor"/,
  },
  { name: 'an empty cast', text: broken((d) => (d.cast = [])), path: 'cast', nl: /minstens één/ },
  {
    name: 'no commander',
    text: broken((d) => (d.cast = d.cast.filter((m) => m.role !== 'commander'))),
    path: 'cast',
    nl: /commandant/,
    en: /commander/,
  },
  {
    name: 'no trainer',
    text: broken((d) => (d.cast = d.cast.filter((m) => m.role !== 'trainer'))),
    path: 'cast',
    nl: /oefenleider/,
  },
  {
    name: 'only a mayor of another municipality',
    text: broken((d) => (d.cast[0] = { ...d.cast[0], municipality: 'Dalstad' })),
    path: 'cast',
    nl: /burgemeester van Wielsum.*R5/,
    en: /mayor of Wielsum.*R5/,
  },
  {
    name: 'an acting mayor but no mayor',
    text: broken((d) => (d.cast[0] = { ...d.cast[0], role: 'locoMayor' })),
    path: 'cast',
    nl: /burgemeester van Wielsum/,
  },
  {
    name: 'two cast members with one id',
    text: broken((d) => (d.cast[2] = { ...d.cast[2], id: 'burgemeester' })),
    path: 'cast[2].id',
    nl: /"burgemeester".*één keer/,
  },
  {
    name: 'a Dutch date',
    text: broken((d) => (d.startTime = '31-12-2026 22:00')),
    path: 'startTime',
    nl: /JJJJ-MM-DDTuu:mm/,
  },
  { name: 'a date that does not exist', text: broken((d) => (d.startTime = '2026-02-30T10:00')), path: 'startTime' },
  { name: 'a time zone', text: broken((d) => (d.startTime = '2026-12-31T22:00:00Z')), path: 'startTime' },
  { name: 'phase 6', text: broken((d) => (d.startPhase = 6)), path: 'startPhase', nl: /1, 2, 3, 4, 5/ },
  { name: 'phase "1"', text: broken((d) => (d.startPhase = '1')), path: 'startPhase' },
  { name: 'no audience', text: broken((d) => delete d.audience), path: 'audience', nl: /ontbreekt/ },
  { name: 'no injects', text: broken((d) => (d.injects = [])), path: 'injects', nl: /minstens één/ },
  {
    name: 'too many injects',
    text: broken((d) => {
      const first = d.injects[0];
      d.injects = Array.from({ length: SCENARIO_LIMITS.injects + 1 }, (_, index) => ({
        ...first,
        id: `inject-${index}`,
      }));
    }),
    path: 'injects',
    nl: /te veel onderdelen: hoogstens 500/,
  },
  {
    name: 'a negative offset',
    text: broken((d) => (d.injects[1] = { ...d.injects[1], offsetMinutes: -5 })),
    path: 'injects[1].offsetMinutes',
    nl: /0 of meer/,
    en: /0 or more/,
  },
  {
    name: 'an offset as text',
    text: broken((d) => (d.injects[1] = { ...d.injects[1], offsetMinutes: '20' })),
    path: 'injects[1].offsetMinutes',
    nl: /moet een getal zijn, maar is tekst/,
  },
  {
    name: 'an offset with decimals',
    text: broken((d) => (d.injects[1] = { ...d.injects[1], offsetMinutes: 2.5 })),
    path: 'injects[1].offsetMinutes',
    nl: /geheel getal.*decimalen/,
  },
  {
    name: 'an offset beyond a week',
    text: broken((d) => (d.injects[1] = { ...d.injects[1], offsetMinutes: 99_999 })),
    path: 'injects[1].offsetMinutes',
    nl: /hoogstens 10\.080/,
  },
  {
    name: 'an unknown inject audience',
    text: broken((d) => (d.injects[0] = { ...d.injects[0], audience: 'public' })),
    path: 'injects[0].audience',
    nl: /"mayorStaff"/,
  },
  {
    name: 'an unknown decision subject',
    text: broken((d) => {
      part(d.injects[1]?.decisionPoint).subject = 'pepperSpray';
    }),
    path: 'injects[1].decisionPoint.subject',
    nl: /"waterCannon", "tearGas", "phase"/,
  },
  {
    name: 'a decision point without expects',
    text: broken((d) => {
      delete part(d.injects[1]?.decisionPoint).expects;
    }),
    path: 'injects[1].decisionPoint.expects',
  },
  {
    name: 'two injects with one id',
    text: broken((d) => (d.injects[1] = { ...d.injects[1], id: 'start' })),
    path: 'injects[1].id',
    nl: /één keer/,
  },
  {
    name: 'tolerance limits set by the national plan',
    text: broken((d) => (d.toleranceLimits = { setBy: 'nationalPlan', text: { nl: 'x', en: 'x' } })),
    path: 'toleranceLimits.setBy',
    nl: /"localTriangle"/,
  },
  {
    name: 'a learning objective as plain text',
    text: broken((d) => (d.learningObjectives = ['Leren'])),
    path: 'learningObjectives[0]',
    nl: /moet een object/,
  },
  { name: 'no debrief questions', text: broken((d) => delete d.debriefQuestions), path: 'debriefQuestions' },
  {
    name: 'an assumption without English',
    text: broken((d) => (d.assumptions = [{ nl: 'Verzonnen.' }])),
    path: 'assumptions[0].en',
    nl: /ontbreekt/,
  },
  {
    name: 'a position without English',
    text: broken((d) => (d.cast[1] = { ...d.cast[1], position: { nl: 'wethouder' } })),
    path: 'cast[1].position.en',
    nl: /ontbreekt/,
  },
  {
    name: 'a position as plain text',
    text: broken((d) => (d.cast[1] = { ...d.cast[1], position: 'wethouder' })),
    path: 'cast[1].position',
    nl: /moet een object/,
  },
  {
    name: 'a position longer than a name may be',
    text: broken((d) => (d.cast[1] = { ...d.cast[1], position: { nl: 'x'.repeat(201), en: 'x' } })),
    path: 'cast[1].position.nl',
  },
  {
    name: 'too much text',
    text: `{"format":"paraat.scenario/1","padding":"${'x'.repeat(MAX_SCENARIO_CHARS)}"}`,
    path: '',
    nl: /te groot/,
    en: /too large/,
  },
  { name: 'nesting 10,000 deep', text: nested(10_000), path: '', nl: /te diep genest/, en: /nested too deeply/ },
  {
    name: 'nesting 10,000 deep inside a field',
    text: broken((d) => (d.title = 'DEEP')).replace('"DEEP"', nested(10_000)),
    path: '',
    nl: /te diep genest/,
  },
];

describe('parseScenario refuses a broken file and names the field', () => {
  test.each(CASES)('$name → $path', ({ text, path, nl, en }) => {
    const result = parseScenario(text);
    const errors = errorsOf(result);
    const error = errors.find((candidate) => candidate.path === path);
    if (!error) expect.fail(`no error at "${path}": ${JSON.stringify(errors, null, 2)}`);
    if (nl) expect(error.message.nl).toMatch(nl);
    if (en) expect(error.message.en).toMatch(en);
    expectReadable(result);
  });
});

describe('parseScenario accepts what it should', () => {
  test('the minimal scenario, with start phase 1 by default', () => {
    const result = parseScenario(JSON.stringify(minimalScenario()));
    if (!result.ok) expect.fail(JSON.stringify(result.errors));
    expect(result.scenario.startPhase).toBe(1);
  });

  test('unknown keys are dropped, at the top and inside', () => {
    const draft = minimalScenario() as Draft;
    draft.editor = { name: 'Notepad' };
    draft.injects[0] = { ...draft.injects[0], colour: 'red' };
    const result = parseScenario(JSON.stringify(draft));
    if (!result.ok) expect.fail(JSON.stringify(result.errors));
    expect(result.scenario).not.toHaveProperty('editor');
    expect(result.scenario.injects[0]).not.toHaveProperty('colour');
  });

  test('text is trimmed, so " Wielsum " is still Wielsum (R5 compares names exactly)', () => {
    const draft = minimalScenario() as Draft;
    draft.municipality = ' Wielsum ';
    draft.cast[0] = { ...draft.cast[0], municipality: 'Wielsum\n' };
    const result = parseScenario(JSON.stringify(draft));
    if (!result.ok) expect.fail(JSON.stringify(result.errors));
    expect(result.scenario.municipality).toBe('Wielsum');
    expect(result.scenario.cast[0]?.municipality).toBe('Wielsum');
  });

  test('a cast member with a position in both languages, trimmed, and one without (older files)', () => {
    const draft = minimalScenario() as Draft;
    draft.cast[1] = { ...draft.cast[1], position: { nl: ' Algemeen Commandant SGBO ', en: 'Overall Commander, SGBO' } };
    const result = parseScenario(JSON.stringify(draft));
    if (!result.ok) expect.fail(JSON.stringify(result.errors));
    expect(result.scenario.cast[1]?.position).toEqual({
      nl: 'Algemeen Commandant SGBO',
      en: 'Overall Commander, SGBO',
    });
    expect(result.scenario.cast[0]).not.toHaveProperty('position');
  });

  test("a mayor without a municipality counts as the scenario's mayor", () => {
    const draft = minimalScenario() as Draft;
    draft.cast[0] = { id: 'burgemeester', role: 'mayor', name: 'Hanneke Verbeek' };
    expect(parseScenario(JSON.stringify(draft)).ok).toBe(true);
  });

  test('a byte-order mark, seconds in the start time, and exactly 500 injects', () => {
    const draft = minimalScenario() as Draft;
    draft.startTime = '2026-12-31T22:00:30';
    const first = draft.injects[0];
    draft.injects = Array.from({ length: SCENARIO_LIMITS.injects }, (_, index) => ({
      ...first,
      id: `inject-${index}`,
    }));
    expect(parseScenario(`\uFEFF${JSON.stringify(draft, null, 2)}`).ok).toBe(true);
  });

  test('a file of nothing but errors reports the first fifty and counts the rest', () => {
    const draft = minimalScenario() as Draft;
    draft.learningObjectives = Array.from({ length: 80 }, () => 'Leren');
    const errors = errorsOf(parseScenario(JSON.stringify(draft)));
    expect(errors).toHaveLength(MAX_SCENARIO_ERRORS + 1);
    expect(errors.at(-1)?.message.nl).toMatch(/En nog 30 andere fouten/);
  });
});

describe('nothing reaches a prototype', () => {
  test('__proto__, constructor and prototype keys are dropped, and Object.prototype stays clean', () => {
    const before = prototypeFingerprint();
    const valid = JSON.stringify(minimalScenario());
    const hostile = valid
      .replace(/^\{/, '{"__proto__":{"polluted":"yes","format":"x"},"constructor":{"prototype":{"polluted":"yes"}},')
      .replace('"cast":[{', '"cast":[{"__proto__":{"role":"commander","polluted":"yes"},');
    const result = parseScenario(hostile);
    if (!result.ok) expect.fail(JSON.stringify(result.errors));
    expect(prototypeFingerprint()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.scenario)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.scenario.cast[0])).toBe(Object.prototype);
    expect(Object.hasOwn(result.scenario, '__proto__')).toBe(false);
    expect(result.scenario.cast[0]?.role).toBe('mayor');
  });

  test('a value with an own __proto__ key handed in from code is not copied onto the result', () => {
    const value = JSON.parse(
      JSON.stringify(minimalScenario()).replace(/^\{/, '{"__proto__":{"polluted":"yes"},'),
    ) as object;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    const result = validateScenario(value);
    if (!result.ok) expect.fail(JSON.stringify(result.errors));
    expect(Object.hasOwn(result.scenario, '__proto__')).toBe(false);
    expect((result.scenario as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('validateScenario on values from code', () => {
  test('a cycle, a 10,000-deep object, a huge list, 210,000 objects, a throwing getter: a verdict, never a throw', () => {
    const cyclic: Record<string, unknown> = minimalScenario();
    cyclic.self = cyclic;
    expect(validateScenario(cyclic).ok).toBe(true);

    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let level = 0; level < 10_000; level++) {
      const next: Record<string, unknown> = {};
      deep.child = next;
      deep = next;
    }
    expect(errorsOf(validateScenario(root))[0]?.message.nl).toMatch(/te diep genest/);

    const huge = { ...minimalScenario(), injects: new Array<number>(1_000_000).fill(0) };
    const errors = errorsOf(validateScenario(huge));
    expect(errors[0]?.path).toBe('injects');
    expect(errors[0]?.message.nl).toMatch(/te groot/);

    const wide = Object.fromEntries(
      Array.from({ length: 300 }, (_, outer) => [`k${outer}`, Array.from({ length: 700 }, () => ({}))]),
    );
    expect(errorsOf(validateScenario({ ...minimalScenario(), wide }))[0]?.message.nl).toMatch(/te veel onderdelen/);

    const throwing = Object.defineProperty(minimalScenario(), 'title', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(errorsOf(validateScenario(throwing)).length).toBeGreaterThan(0);
  });

  test('non-string input to parseScenario from untyped code', () => {
    const values: unknown[] = [null, undefined, 42, {}, []];
    for (const value of values) {
      expect(parseScenario(value as string).ok).toBe(false);
    }
  });
});

describe('formatPath', () => {
  test.each([
    [[], ''],
    [['injects', 2, 'offsetMinutes'], 'injects[2].offsetMinutes'],
    [['cast', 0, 'full name'], 'cast[0]["full name"]'],
    [[Symbol('x')], 'x'],
  ] as const)('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
