/**
 * The shape of an exercise file, `paraat.exercise-file/1` (./exerciseFile.ts):
 * head, log entries, final hash. An imported file comes from outside (a USB
 * stick, an e-mail), so every string and list is capped and every closed
 * vocabulary (roles, event types, means, clock speeds) is checked against the
 * model's own lists.
 *
 * The schema only checks; it never changes a value (no trimming, no
 * defaults): the log's hashes were computed over the entries exactly as they
 * were written, so what is stored after an import is the file's own value,
 * not zod's output.
 */
import * as z from 'zod/mini';
import { EVENT_TYPES, MEANS, ROLES, SUBJECTS, VERDICTS, type MeansId } from '../../machines';
import { scenarioSchema } from '../scenarios/schema';
import { EXERCISE_FILE_FORMAT } from './exerciseFile';
import { CLOCK_SPEEDS, EXERCISE_FORMAT } from '../core/log';

// The built app's CSP has no 'unsafe-eval': keep zod from probing `new Function`.
z.config({ jitless: true });

export const EXERCISE_FILE_LIMITS = {
  /** Names, titles, municipalities. */
  name: 200,
  /** Cast and inject ids, action names. */
  id: 80,
  /** Reasons, grounds, notes, refusal messages. */
  text: 20_000,
  cast: 100,
  /** About ten times the longest tabletop we know of; the file's size caps it anyway. */
  entries: 100_000,
  means: 20,
} as const;

const LIMITS = EXERCISE_FILE_LIMITS;

const HASH = /^[0-9a-f]{64}$/;
/** The app's routes accept these (src/app/route.ts). */
const EXERCISE_ID = /^[0-9a-f]{8,64}$/;
const NAIVE_LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

const text = (max: number = LIMITS.text) => z.string().check(z.maxLength(max));
const filled = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

const hash = z.string().check(
  z.refine((value) => HASH.test(value), {
    params: {
      nl: 'moet een SHA-256-vingerafdruk zijn: 64 tekens 0–9 en a–f',
      en: 'must be a SHA-256 fingerprint: 64 characters 0–9 and a–f',
    },
  }),
);

const exerciseId = z.string().check(
  z.refine((value) => EXERCISE_ID.test(value), {
    params: {
      nl: 'moet een oefeningnummer zijn van 8 tot 64 tekens 0–9 en a–f',
      en: 'must be an exercise number of 8 to 64 characters 0–9 and a–f',
    },
  }),
);

/** A naive local time that exists ("2026-02-30T10:00" does not). */
function isNaiveLocalTime(value: string): boolean {
  if (!NAIVE_LOCAL_TIME.test(value)) return false;
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  const ms = Date.parse(`${withSeconds}Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 19) === withSeconds;
}

const exerciseTime = z.string().check(
  z.maxLength(19),
  z.refine(isNaiveLocalTime, {
    params: {
      nl: 'moet een oefentijd zijn in de vorm JJJJ-MM-DDTuu:mm:ss, bijvoorbeeld "2026-12-31T22:07:00"',
      en: 'must be an exercise time written YYYY-MM-DDThh:mm:ss, for example "2026-12-31T22:07:00"',
    },
  }),
);

const instant = z.string().check(
  z.maxLength(30),
  z.refine((value) => INSTANT.test(value) && Number.isFinite(Date.parse(value)), {
    params: {
      nl: 'moet een tijdstip in UTC zijn, bijvoorbeeld "2026-12-31T21:07:00.000Z"',
      en: 'must be a moment in UTC, for example "2026-12-31T21:07:00.000Z"',
    },
  }),
);

const bilingual = z.object({ nl: text(), en: text() });

export const bySchema = z.object({
  role: z.enum(ROLES),
  name: text(LIMITS.name),
  municipality: z.optional(text(LIMITS.name)),
});

const refusalSchema = z.object({
  rule: z.string().check(
    z.maxLength(8),
    z.refine((value) => /^R\d+$/.test(value), {
      params: { nl: 'moet een regel zijn, bijvoorbeeld "R3"', en: 'must be a rule, for example "R3"' },
    }),
  ),
  message: bilingual,
});

const MEANS_IDS = Object.keys(MEANS) as [MeansId, ...MeansId[]];
const decisionState = z.nullable(z.enum([...VERDICTS, 'revoked']));

const summarySchema = z.object({
  phase: z.literal([1, 2, 3, 4, 5]),
  means: z.array(z.enum(MEANS_IDS)).check(z.maxLength(LIMITS.means)),
  warned: z.boolean(),
  decisions: z.object({ waterCannon: decisionState, tearGas: decisionState }),
});

/**
 * Lenient per event type on purpose: the model judges an event on replay, so
 * an escalation without a reason that is logged as accepted shows up as a
 * divergence, said in the model's own words.
 */
const eventSchema = z.object({
  type: z.enum(EVENT_TYPES),
  by: bySchema,
  at: z.optional(z.object({ exercise: exerciseTime, wall: instant })),
  reason: z.optional(text()),
  grounds: z.optional(text()),
  subject: z.optional(z.enum(SUBJECTS)),
  verdict: z.optional(z.enum(VERDICTS)),
  conditions: z.optional(text()),
  bob: z.optional(z.object({ beeld: z.optional(text()), oordeel: z.optional(text()) })),
});

const entryBase = {
  seq: z.int().check(z.gte(1), z.lte(LIMITS.entries * 10)),
  wall: instant,
  exercise: exerciseTime,
  by: bySchema,
  prevHash: hash,
  hash,
};

const clockActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('speed'), speed: z.literal([...CLOCK_SPEEDS]) }),
  // A week of exercise time either way is more than any tabletop jumps.
  z.object({ type: z.literal('jump'), minutes: z.number().check(z.gte(-7 * 24 * 60), z.lte(7 * 24 * 60)) }),
]);

const attemptSchema = z
  .object({
    ...entryBase,
    kind: z.literal('attempt'),
    event: eventSchema,
    outcome: z.enum(['accepted', 'refused']),
    refusal: z.optional(refusalSchema),
    before: summarySchema,
    after: summarySchema,
  })
  .check(
    z.superRefine((entry, ctx) => {
      // R10: a refusal always names its rule; an accepted attempt has none.
      if ((entry.outcome === 'refused') !== (entry.refusal !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['refusal'],
          input: entry.refusal,
          params:
            entry.outcome === 'refused'
              ? {
                  nl: 'ontbreekt: een geweigerde handeling noemt altijd de regel die haar weigert',
                  en: 'is missing: a refused action always names the rule that refused it',
                }
              : { nl: 'hoort niet bij een uitgevoerde handeling', en: 'does not belong to an accepted action' },
        });
      }
    }),
  );

const entrySchema = z.discriminatedUnion('kind', [
  attemptSchema,
  z.object({
    ...entryBase,
    kind: z.literal('note'),
    text: text(),
    refersTo: z.optional(z.int().check(z.gte(1))),
  }),
  z.object({ ...entryBase, kind: z.literal('correction'), text: text(), corrects: z.int().check(z.gte(1)) }),
  z.object({ ...entryBase, kind: z.literal('clock'), action: clockActionSchema }),
  z.object({
    ...entryBase,
    kind: z.literal('inject'),
    injectId: filled(LIMITS.id),
    action: z.enum(['released', 'held', 'skipped']),
  }),
  z.object({ ...entryBase, kind: z.literal('steeringRefused'), action: text(LIMITS.id), refusal: refusalSchema }),
  z.discriminatedUnion('action', [
    z.object({ ...entryBase, kind: z.literal('exercise'), action: z.literal('created') }),
    // A branch's own first line: where it goes on from (src/session/branch.ts).
    z.object({
      ...entryBase,
      kind: z.literal('exercise'),
      action: z.literal('branched'),
      branchedFrom: z.object({
        id: exerciseId,
        seq: z.int().check(z.gte(1), z.lte(LIMITS.entries)),
        hash,
        title: filled(LIMITS.name),
      }),
    }),
  ]),
]);

const castMemberSchema = z.object({
  id: filled(LIMITS.id),
  role: z.enum(ROLES),
  name: text(LIMITS.name),
  /** From a scenario with positions; files from before it have none (the name may hold it). */
  position: z.optional(z.object({ nl: text(LIMITS.name), en: text(LIMITS.name) })),
  municipality: z.optional(text(LIMITS.name)),
});

const setupSchema = z.object({
  title: filled(LIMITS.name),
  municipality: filled(LIMITS.name),
  startTime: exerciseTime,
  cast: z.array(castMemberSchema).check(z.minLength(1), z.maxLength(LIMITS.cast)),
  startPhase: z.optional(z.literal([1, 2, 3, 4, 5])),
  scenarioId: z.optional(text(LIMITS.id)),
  scenario: z.optional(scenarioSchema),
});

const clockSchema = z.object({
  running: z.boolean(),
  speed: z.literal([...CLOCK_SPEEDS]),
  exerciseAtAnchor: z.number(),
  wallAtAnchor: z.number(),
});

/** The statechart's persisted snapshot: checked against the replayed log, not here. */
const snapshotSchema = z.custom<Record<string, unknown>>(
  (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { params: { nl: 'moet een object ({ … }) zijn', en: 'must be an object ({ … })' } },
);

export const exerciseHeadSchema = z.object({
  format: z.literal(EXERCISE_FORMAT),
  id: exerciseId,
  chainId: z.optional(exerciseId),
  setup: setupSchema,
  createdAt: instant,
  updatedAt: instant,
  snapshot: snapshotSchema,
  clock: clockSchema,
  length: z.int().check(z.gte(1), z.lte(LIMITS.entries)),
  headHash: hash,
  branchedFrom: z.optional(
    z.object({
      id: exerciseId,
      seq: z.int().check(z.gte(1), z.lte(LIMITS.entries)),
      hash,
      chainId: exerciseId,
      createdAt: instant,
      title: filled(LIMITS.name),
    }),
  ),
});

export const exerciseFileSchema = z.object({
  format: z.literal(EXERCISE_FILE_FORMAT),
  exportedAt: instant,
  finalHash: hash,
  head: exerciseHeadSchema,
  entries: z.array(entrySchema).check(z.minLength(1), z.maxLength(LIMITS.entries)),
});
