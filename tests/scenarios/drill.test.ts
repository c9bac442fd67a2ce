/**
 * The decision drill in the scenario format (issue #15): optional, so every
 * scenario written before it still reads; checked field by field like the
 * rest, each error named by its path in Dutch and English; a consideration
 * without a source must say it is an assumption; and the built-in drills cite
 * only the kinds of sources the domain brief names.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../machines';
import { SCENARIO_LIMITS, parseScenario, validateScenario, type ScenarioResult } from '../../src/scenarios';
import { BUILT_IN_TEXTS, minimalScenario } from './helpers';

type Json = Record<string, unknown>;

/** A small valid drill for the minimal scenario: one point on the water cannon. */
function minimalDrill(): Json {
  return {
    title: { nl: 'Beslisoefening', en: 'Decision drill' },
    intro: { nl: 'Eén moment.', en: 'One moment.' },
    points: [
      {
        id: 'waterwerper',
        title: { nl: 'De waterwerper', en: 'The water cannon' },
        offsetMinutes: 20,
        injectId: 'waterwerper',
        timeLimitSeconds: 180,
        situation: { nl: 'Het loopt uit de hand.', en: 'It is getting out of hand.' },
        known: [{ nl: 'Fase 5.', en: 'Phase 5.' }],
        unknown: [],
        request: { from: 'commandant', text: { nl: '‘Mag de waterwerper?’', en: '‘May I use the water cannon?’' } },
        subjects: ['waterCannon'],
        deciders: ['burgemeester'],
        before: [
          { type: 'phase.escalate', by: 'commandant', reason: { nl: 'Onrust.', en: 'Unrest.' } },
          {
            type: 'mayor.decide',
            by: 'burgemeester',
            subject: 'tearGas',
            verdict: 'refused',
            grounds: { nl: 'Nee.', en: 'No.' },
          },
        ],
        after: [{ type: 'waterCannon.deploy', by: 'commandant' }],
        considerations: [
          {
            id: 'r3',
            text: { nl: 'Een eigen besluit.', en: 'Its own decision.' },
            source: { nl: 'LOVP-terugkoppeling', en: 'LOVP feedback' },
            rules: ['R3'],
          },
          { id: 'eigen', text: { nl: 'Onze afweging.', en: 'Our weighing.' }, assumption: true },
        ],
      },
    ],
  };
}

function withDrill(change: (drill: Json, point: Json) => void = () => undefined): Json {
  const scenario = minimalScenario();
  const drill = minimalDrill();
  change(drill, (drill.points as Json[])[0] as Json);
  return { ...scenario, drill };
}

function errorsOf(result: ScenarioResult) {
  if (result.ok) expect.fail('expected the scenario to be refused');
  return result.errors;
}

/** The one error at `path`, in words in both languages that name it. */
function expectErrorAt(value: unknown, path: string, nl?: RegExp) {
  const errors = errorsOf(validateScenario(value));
  const error = errors.find((candidate) => candidate.path === path);
  if (!error) expect.fail(`no error at ${path}: ${JSON.stringify(errors)}`);
  expect(error.message.nl).toContain(path);
  expect(error.message.en).toContain(path);
  expect(error.message.nl).not.toBe(error.message.en);
  if (nl) expect(error.message.nl).toMatch(nl);
}

describe('the drill in the scenario format', () => {
  test('is optional: a scenario without one reads as before', () => {
    const result = validateScenario(minimalScenario());
    if (!result.ok) expect.fail(JSON.stringify(result.errors));
    expect(result.scenario.drill).toBeUndefined();
  });

  test('a valid drill reads, with its steps, considerations and references', () => {
    const result = validateScenario(withDrill());
    if (!result.ok) expect.fail(JSON.stringify(result.errors));
    const point = result.scenario.drill?.points[0];
    expect(point?.subjects).toEqual(['waterCannon']);
    expect(point?.considerations.map((consideration) => consideration.id)).toEqual(['r3', 'eigen']);
    expect(point?.before?.[1]).toMatchObject({ type: 'mayor.decide', subject: 'tearGas' });
  });

  test.each([
    {
      name: 'a decider not in the cast',
      change: (_d: Json, p: Json) => (p.deciders = ['regioburgemeester']),
      path: 'drill.points[0].deciders[0]',
      nl: /niemand uit de cast/,
    },
    {
      name: 'a step by someone not in the cast',
      change: (_d: Json, p: Json) => ((p.after as Json[])[0] = { type: 'waterCannon.deploy', by: 'ovd-p' }),
      path: 'drill.points[0].after[0].by',
    },
    {
      name: 'a request from someone not in the cast',
      change: (_d: Json, p: Json) => ((p.request as Json).from = 'wethouder'),
      path: 'drill.points[0].request.from',
    },
    {
      name: 'an inject that does not exist',
      change: (_d: Json, p: Json) => (p.injectId = 'bestaat-niet'),
      path: 'drill.points[0].injectId',
      nl: /niet in injects/,
    },
    {
      name: 'a consideration without a source that does not say it is an assumption',
      change: (_d: Json, p: Json) =>
        ((p.considerations as Json[])[1] = { id: 'x', text: { nl: 'Iets.', en: 'Something.' } }),
      path: 'drill.points[0].considerations[1].assumption',
      nl: /aanname/,
    },
    {
      name: 'a rule the model does not have',
      change: (_d: Json, p: Json) =>
        ((p.considerations as Json[])[0] = { ...(p.considerations as Json[])[0], rules: ['R99'] }),
      path: 'drill.points[0].considerations[0].rules[0]',
      nl: /R1, R2/,
    },
    {
      name: 'the same subject twice',
      change: (_d: Json, p: Json) => (p.subjects = ['waterCannon', 'waterCannon']),
      path: 'drill.points[0].subjects',
    },
    {
      name: 'a time limit under half a minute',
      change: (_d: Json, p: Json) => (p.timeLimitSeconds = 5),
      path: 'drill.points[0].timeLimitSeconds',
    },
    {
      name: 'a step the model does not know',
      change: (_d: Json, p: Json) => ((p.before as Json[])[0] = { type: 'noodbevel.geven', by: 'burgemeester' }),
      path: 'drill.points[0].before[0].type',
    },
    {
      name: 'a decision in a step without a verdict',
      change: (_d: Json, p: Json) =>
        ((p.before as Json[])[1] = {
          type: 'mayor.decide',
          by: 'burgemeester',
          subject: 'waterCannon',
          grounds: { nl: 'a', en: 'b' },
        }),
      path: 'drill.points[0].before[1].verdict',
    },
    {
      name: 'two points with one id',
      change: (d: Json) => (d.points = [...(d.points as Json[]), (d.points as Json[])[0]]),
      path: 'drill.points[1].id',
      nl: /komt al eerder/,
    },
    {
      name: 'no points',
      change: (d: Json) => (d.points = []),
      path: 'drill.points',
    },
    {
      name: 'no considerations',
      change: (_d: Json, p: Json) => (p.considerations = []),
      path: 'drill.points[0].considerations',
    },
    {
      name: 'more points than a drill may hold',
      change: (d: Json) =>
        (d.points = Array.from({ length: SCENARIO_LIMITS.drillPoints + 1 }, (_, index) => ({
          ...(d.points as Json[])[0],
          id: `punt-${String(index)}`,
        }))),
      path: 'drill.points',
    },
  ])('refuses $name, naming the field', ({ change, path, nl }) => {
    expectErrorAt(withDrill(change), path, nl);
  });

  test('unknown keys are dropped and prototypes stay clean', () => {
    const text = JSON.stringify(withDrill()).replace('"points":', '"__proto__":{"polluted":true},"extra":1,"points":');
    const result = parseScenario(text);
    if (!result.ok) expect.fail(JSON.stringify(result.errors));
    expect(({} as Json).polluted).toBeUndefined();
    expect(result.scenario.drill).not.toHaveProperty('extra');
  });

  test('any value in place of the drill gets a verdict in both languages, never a throw', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const result = validateScenario({ ...minimalScenario(), drill: value });
        if (!result.ok)
          for (const error of result.errors) {
            expect(error.message.nl.trim()).not.toBe('');
            expect(error.message.en.trim()).not.toBe('');
          }
      }),
      { numRuns: 300 },
    );
  });
});

/** The kinds of sources the domain brief names; a built-in consideration cites only these. */
const BRIEF_SOURCES =
  /LOVP|Gemeentewet|Politiewet|politie\.nl|politiebericht|politie, december 2025|JESIP|NJB|Physicians for Human Rights|domeinbrief|openbare berichtgeving/;
const BRIEF_SOURCES_EN =
  /LOVP|Municipalities Act|Police Act|politie\.nl|police announcement|Dutch police, December 2025|JESIP|NJB|Physicians for Human Rights|domain brief|public reporting/;

describe.each(BUILT_IN_TEXTS)('the drill of $entry.file', ({ text }) => {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const drill = result.scenario.drill;

  test('has at least three points, each with considerations and someone to decide', () => {
    expect(drill?.points.length).toBeGreaterThanOrEqual(3);
    for (const point of drill?.points ?? []) {
      expect(point.considerations.length).toBeGreaterThan(0);
      expect(point.deciders.length).toBeGreaterThan(0);
    }
  });

  test('every consideration cites a source the domain brief names, or is marked as an assumption', () => {
    const known = new Set(RULES.map((rule) => rule.id));
    for (const point of drill?.points ?? [])
      for (const consideration of point.considerations) {
        if (consideration.source) {
          expect(consideration.source.nl, consideration.id).toMatch(BRIEF_SOURCES);
          expect(consideration.source.en, consideration.id).toMatch(BRIEF_SOURCES_EN);
        } else expect(consideration.assumption, `${point.id}/${consideration.id}`).toBe(true);
        for (const rule of consideration.rules ?? []) expect(known.has(rule as never)).toBe(true);
      }
  });

  test('Dutch and English are both written, and differ', () => {
    for (const point of drill?.points ?? []) {
      expect(point.title.nl).not.toBe(point.title.en);
      expect(point.situation.nl).not.toBe(point.situation.en);
      for (const consideration of point.considerations) expect(consideration.text.nl).not.toBe(consideration.text.en);
    }
  });
});
