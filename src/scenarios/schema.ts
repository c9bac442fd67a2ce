/**
 * The scenario format, `paraat.scenario/1`: what a trainer loads to run a
 * tabletop exercise — who plays, where, from when, the injects to release,
 * and what the debrief asks.
 *
 * Scenario files come from outside (a colleague's e-mail, a USB stick), so the
 * schema is lenient on keys it does not know (they are dropped) and strict on
 * everything it does: types, closed vocabularies, and caps on every string and
 * every list, so a hostile file cannot make the app slow or blow it up.
 *
 * Custom checks carry their own Dutch and English sentence in `params`; the
 * wording of every other issue is made in ./parseScenario.ts.
 */
import * as z from 'zod/mini';
import { RULES, ROLES, SUBJECTS, VERDICTS } from '../../machines';

// The built app runs under a CSP without 'unsafe-eval'. Without this, zod
// probes `new Function` while building object schemas, and the browser
// reports that probe as a CSP violation even though zod catches it.
z.config({ jitless: true });

export const SCENARIO_FORMAT = 'paraat.scenario/1';

/** Caps that keep a hostile file harmless. */
export const SCENARIO_LIMITS = {
  /** Titles, names, municipalities, short labels. */
  name: 200,
  /** Ids: slugs. */
  id: 80,
  /** Descriptions, inject texts, objectives, questions. */
  text: 10_000,
  injects: 500,
  cast: 100,
  /** learningObjectives, debriefQuestions, assumptions. */
  items: 100,
  /** A week of exercise time. */
  offsetMinutes: 7 * 24 * 60,
  /** A drill's decision points (issue #15). */
  drillPoints: 30,
  /** Per decision point: considerations, steps that build the situation or follow it, facts known and unknown. */
  considerations: 30,
  steps: 40,
  facts: 30,
  /** A decision point's time to decide, in seconds: half a minute to an hour. */
  minTimeLimit: 30,
  maxTimeLimit: 3600,
} as const;

import { INJECT_AUDIENCES } from './audiences';
export { INJECT_AUDIENCES, type InjectAudience } from './audiences';

/** What a decision point is about: one of the mayor's two decisions, or a phase change by the commander. */
export const DECISION_POINT_SUBJECTS = ['waterCannon', 'tearGas', 'phase'] as const;
export type DecisionPointSubject = (typeof DECISION_POINT_SUBJECTS)[number];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NAIVE_LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

/** A naive local time that exists: "2026-02-30T10:00" does not (Date.parse would roll it over to March). */
function isNaiveLocalTime(text: string): boolean {
  if (!NAIVE_LOCAL_TIME.test(text)) return false;
  const withSeconds = text.length === 16 ? `${text}:00` : text;
  const ms = Date.parse(`${withSeconds}Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 19) === withSeconds;
}

const trimmed = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

const slug = trimmed(SCENARIO_LIMITS.id).check(
  z.refine((value) => SLUG.test(value), {
    params: {
      nl: 'moet een korte naam zijn van kleine letters, cijfers en streepjes, bijvoorbeeld "waterwerper-2"',
      en: 'must be a short name of lower-case letters, digits and hyphens, for example "water-cannon-2"',
    },
  }),
);

/** Bilingual text, Dutch first; both languages are required. */
const bilingual = (max: number = SCENARIO_LIMITS.text) => z.object({ nl: trimmed(max), en: trimmed(max) });

const items = (max: number = SCENARIO_LIMITS.items) => z.array(bilingual()).check(z.maxLength(max));

/** Flags a repeated id on the second occurrence, so the error names the element. */
function uniqueIds(list: readonly { id: string }[], ctx: z.core.$RefinementCtx) {
  const seen = new Set<string>();
  list.forEach((element, index) => {
    if (seen.has(element.id)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'id'],
        input: element.id,
        params: {
          nl: `komt al eerder in de lijst voor ("${element.id}"); elke id mag maar één keer voorkomen`,
          en: `appears earlier in the list ("${element.id}"); each id may appear only once`,
        },
      });
    }
    seen.add(element.id);
  });
}

export const castMemberSchema = z.object({
  id: slug,
  role: z.enum(ROLES),
  /** The person only, "Jeroen Visser": a name reads the same in every language. */
  name: trimmed(SCENARIO_LIMITS.name),
  /**
   * Their position, in both languages ("wethouder" / "alderman"), shown after
   * the name in the UI's language. Optional: files from before it had the
   * position inside the name, and still read.
   */
  position: z.optional(bilingual(SCENARIO_LIMITS.name)),
  /** Mayors and acting mayors: their municipality (R5). Defaults to the scenario's. */
  municipality: z.optional(trimmed(SCENARIO_LIMITS.name)),
});

export const decisionPointSchema = z.object({
  subject: z.optional(z.enum(DECISION_POINT_SUBJECTS)),
  /** What the trainees are expected to do; the debrief measures the time from the inject's release to the decision. */
  expects: bilingual(),
});

export const injectSchema = z.object({
  id: slug,
  /** Exercise minutes after the scenario's start time. */
  offsetMinutes: z.int().check(z.gte(0), z.lte(SCENARIO_LIMITS.offsetMinutes)),
  title: bilingual(SCENARIO_LIMITS.name),
  text: bilingual(),
  audience: z.enum(INJECT_AUDIENCES),
  decisionPoint: z.optional(decisionPointSchema),
});

/** R12: on New Year's Eve the local triangle sets the tolerance limits, not the national plan. */
export const toleranceLimitsSchema = z.object({
  setBy: z.literal('localTriangle'),
  text: bilingual(),
});

// ---------------------------------------------------------------------------
// The decision drill (issue #15): decision points for the mayor's staff to
// rehearse alone, under time, with feedback after they commit. Each point is
// a situation of its own: the model is brought to it by `before` (attempts by
// cast members, judged by the model like any other), the user answers, and
// `after` is what the one who asked does next. The considerations are the
// scenario author's, shown as training material, never as law or doctrine.

const RULE_IDS = RULES.map((rule) => rule.id);

const castRef = slug;

/** A step someone in the cast takes in the model: the contract's events, with their words in both languages. */
export const drillStepSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('phase.escalate'), by: castRef, reason: bilingual() }),
  z.object({ type: z.literal('phase.deescalate'), by: castRef, reason: bilingual() }),
  z.object({ type: z.literal('crowd.warn'), by: castRef }),
  z.object({
    type: z.literal('mayor.decide'),
    by: castRef,
    subject: z.enum(SUBJECTS),
    verdict: z.enum(VERDICTS),
    grounds: bilingual(),
  }),
  z.object({ type: z.literal('mayor.revoke'), by: castRef, subject: z.enum(SUBJECTS), grounds: bilingual() }),
  z.object({ type: z.literal('waterCannon.deploy'), by: castRef }),
  z.object({ type: z.literal('waterCannon.withdraw'), by: castRef }),
  z.object({ type: z.literal('tearGas.add'), by: castRef }),
  z.object({ type: z.literal('tearGas.stop'), by: castRef }),
]);

const steps = z.array(drillStepSchema).check(z.maxLength(SCENARIO_LIMITS.steps));

/**
 * How an experienced practitioner might weigh the point: the scenario
 * author's words. `source` where one exists (domain brief: LOVP, a law, a
 * named public source); without one it must say it is an assumption, and it
 * is shown as "aanname".
 */
export const considerationSchema = z
  .object({
    id: slug,
    text: bilingual(),
    source: z.optional(bilingual(SCENARIO_LIMITS.name * 2)),
    /** The rules (R1–R13) it bears on, shown with their titles. */
    rules: z.optional(
      z
        .array(
          z.string().check(
            z.refine((value) => RULE_IDS.includes(value as (typeof RULE_IDS)[number]), {
              params: {
                nl: `moet een regel van het model zijn (${RULE_IDS.join(', ')})`,
                en: `must be one of the model's rules (${RULE_IDS.join(', ')})`,
              },
            }),
          ),
        )
        .check(z.maxLength(RULE_IDS.length)),
    ),
    /** The author's own weighing, not something a source says. */
    assumption: z.optional(z.boolean()),
  })
  .check(
    z.refine((consideration) => consideration.source !== undefined || consideration.assumption === true, {
      path: ['assumption'],
      params: {
        nl: 'moet true zijn als er geen bron is: een overweging zonder bron is een aanname en wordt zo getoond',
        en: 'must be true when there is no source: a consideration without a source is an assumption and is shown as one',
      },
    }),
  );

const facts = z.array(bilingual()).check(z.maxLength(SCENARIO_LIMITS.facts));

export const drillPointSchema = z.object({
  id: slug,
  title: bilingual(SCENARIO_LIMITS.name),
  /** Exercise minutes after the scenario's start time: the moment of the point. */
  offsetMinutes: z.int().check(z.gte(0), z.lte(SCENARIO_LIMITS.offsetMinutes)),
  /** The inject of the scenario this moment comes from, if any. */
  injectId: z.optional(slug),
  timeLimitSeconds: z.int().check(z.gte(SCENARIO_LIMITS.minTimeLimit), z.lte(SCENARIO_LIMITS.maxTimeLimit)),
  /** What has happened, as the user hears it at this moment. */
  situation: bilingual(),
  known: facts,
  unknown: facts,
  /** The request on the table, and who makes it (a cast member, or someone the text names). */
  request: z.object({ from: z.optional(castRef), text: bilingual() }),
  /** What the user decides on: one subject, or both, each its own decision (R4). */
  subjects: z.array(z.enum(SUBJECTS)).check(
    z.minLength(1),
    z.maxLength(SUBJECTS.length),
    z.refine((list) => new Set(list).size === list.length, {
      params: { nl: 'noemt een onderwerp twee keer', en: 'names a subject twice' },
    }),
  ),
  /** Who the user may have decide: cast members, the competent and the not competent alike (the model judges). */
  deciders: z.array(castRef).check(z.minLength(1), z.maxLength(SCENARIO_LIMITS.cast)),
  before: z.optional(steps),
  after: z.optional(steps),
  considerations: z.array(considerationSchema).check(
    z.minLength(1),
    z.maxLength(SCENARIO_LIMITS.considerations),
    z.superRefine((list, ctx) => {
      uniqueIds(list, ctx);
    }),
  ),
});

export const drillSchema = z.object({
  title: bilingual(SCENARIO_LIMITS.name),
  intro: bilingual(),
  points: z.array(drillPointSchema).check(
    z.minLength(1),
    z.maxLength(SCENARIO_LIMITS.drillPoints),
    z.superRefine((list, ctx) => {
      uniqueIds(list, ctx);
    }),
  ),
});

/** Every cast member a drill names must be in the cast, and every inject it names in the injects. */
function drillReferences(
  scenario: { cast: readonly { id: string }[]; injects: readonly { id: string }[]; drill?: Drill | undefined },
  ctx: z.core.$RefinementCtx,
) {
  if (!scenario.drill) return;
  const cast = new Set(scenario.cast.map((member) => member.id));
  const injects = new Set(scenario.injects.map((inject) => inject.id));
  const unknownMember = (path: PropertyKey[], id: string) => {
    ctx.addIssue({
      code: 'custom',
      path,
      input: id,
      params: {
        nl: `noemt "${id}", maar dat is niemand uit de cast (cast[…].id)`,
        en: `names "${id}", but nobody in the cast has that id (cast[…].id)`,
      },
    });
  };
  scenario.drill.points.forEach((point, index) => {
    const at = ['drill', 'points', index];
    if (point.injectId !== undefined && !injects.has(point.injectId))
      ctx.addIssue({
        code: 'custom',
        path: [...at, 'injectId'],
        input: point.injectId,
        params: {
          nl: `noemt inject "${point.injectId}", maar die staat niet in injects`,
          en: `names inject "${point.injectId}", which is not among the injects`,
        },
      });
    if (point.request.from !== undefined && !cast.has(point.request.from))
      unknownMember([...at, 'request', 'from'], point.request.from);
    point.deciders.forEach((id, position) => {
      if (!cast.has(id)) unknownMember([...at, 'deciders', position], id);
    });
    for (const part of ['before', 'after'] as const)
      (point[part] ?? []).forEach((step, position) => {
        if (!cast.has(step.by)) unknownMember([...at, part, position, 'by'], step.by);
      });
  });
}

const cast = z.array(castMemberSchema).check(
  z.minLength(1),
  z.maxLength(SCENARIO_LIMITS.cast),
  z.superRefine((members, ctx) => {
    uniqueIds(members, ctx);
    const required = [
      { role: 'commander', nl: 'een commandant (rol "commander")', en: 'a commander (role "commander")' },
      { role: 'trainer', nl: 'een oefenleider (rol "trainer")', en: 'an exercise controller (role "trainer")' },
    ] as const;
    for (const { role, nl, en } of required) {
      if (!members.some((member) => member.role === role)) {
        ctx.addIssue({
          code: 'custom',
          input: members,
          params: { nl: `moet ${nl} bevatten`, en: `must include ${en}` },
        });
      }
    }
  }),
);

export const scenarioSchema = z
  .object({
    format: z.literal(SCENARIO_FORMAT),
    id: slug,
    title: bilingual(SCENARIO_LIMITS.name),
    description: bilingual(),
    /** Where the disorder is: decides who the competent mayor is (R5). */
    municipality: trimmed(SCENARIO_LIMITS.name),
    cast,
    /** Naive local ISO time, e.g. "2026-12-31T22:00". */
    startTime: z.string().check(
      z.trim(),
      z.maxLength(19),
      z.refine(isNaiveLocalTime, {
        params: {
          nl: 'moet een bestaande datum en tijd zijn in de vorm JJJJ-MM-DDTuu:mm, bijvoorbeeld "2026-12-31T22:00"',
          en: 'must be an existing date and time written YYYY-MM-DDThh:mm, for example "2026-12-31T22:00"',
        },
      }),
    ),
    startPhase: z._default(z.literal([1, 2, 3, 4, 5]), 1),
    /** Who the scenario is for, e.g. "basisteams / instructeurs". */
    audience: bilingual(SCENARIO_LIMITS.name * 5),
    injects: z.array(injectSchema).check(
      z.minLength(1),
      z.maxLength(SCENARIO_LIMITS.injects),
      z.superRefine((list, ctx) => {
        uniqueIds(list, ctx);
      }),
    ),
    learningObjectives: items(),
    debriefQuestions: items(),
    toleranceLimits: z.optional(toleranceLimitsSchema),
    /** What in the scenario is invented: shown as an assumption ("aanname"), never as law or doctrine. */
    assumptions: z.optional(items()),
    /** A decision drill for the mayor's staff (issue #15); scenarios written before it have none. */
    drill: z.optional(drillSchema),
  })
  .check(
    z.superRefine((scenario, ctx) => {
      // R5: someone must be able to take the mayor's decisions in this municipality.
      const competent = scenario.cast.some(
        (member) =>
          member.role === 'mayor' &&
          (member.municipality === undefined || member.municipality === scenario.municipality),
      );
      if (!competent) {
        ctx.addIssue({
          code: 'custom',
          path: ['cast'],
          input: scenario.cast,
          params: {
            nl: `moet de burgemeester van ${scenario.municipality} bevatten (rol "mayor" met gemeente "${scenario.municipality}"); alleen die besluit over de waterwerper en de traanverwekkende stof (R5)`,
            en: `must include the mayor of ${scenario.municipality} (role "mayor" with municipality "${scenario.municipality}"); only that mayor decides on the water cannon and the tear agent (R5)`,
          },
        });
      }
      drillReferences(scenario, ctx);
    }),
  );

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Inject = z.output<typeof injectSchema>;
export type ScenarioCastMember = z.output<typeof castMemberSchema>;
export type DecisionPoint = z.output<typeof decisionPointSchema>;
export type Drill = z.output<typeof drillSchema>;
export type DrillPoint = z.output<typeof drillPointSchema>;
export type DrillStep = z.output<typeof drillStepSchema>;
export type Consideration = z.output<typeof considerationSchema>;
