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
import { ROLES } from '../../machines';

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
    }),
  );

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Inject = z.output<typeof injectSchema>;
export type ScenarioCastMember = z.output<typeof castMemberSchema>;
export type DecisionPoint = z.output<typeof decisionPointSchema>;
