/**
 * The exercise record: who plays, where, from when, and the log of every
 * attempt. The log is append-only and hash-chained; nothing in it is ever
 * edited or deleted (a correction is a new entry pointing at the old one).
 *
 * Written once, as zod schemas; the TypeScript types are `z.infer` of them,
 * so what the code writes and what an import or a server accepts cannot
 * drift apart. The exercise file (src/session/exerciseFileSchema.ts) is built
 * from these schemas.
 *
 * The schemas only check; they never change a value (no trimming, no
 * defaults): the log's hashes were computed over the entries exactly as they
 * were written, so a host stores the value it was given, not zod's output.
 * Values that come from outside (a file, a device) are capped (LOG_LIMITS)
 * and every closed vocabulary (roles, event types, means, clock speeds) is
 * checked against the model's own lists.
 *
 * The scenario schema (src/scenarios/schema.ts) is imported here: it is pure
 * data validation (zod and the model's roles only), a leaf the core may use.
 */
import * as z from 'zod/mini';
import {
  MEANS,
  ROLES,
  SUBJECTS,
  VERDICTS,
  type EscalationEventType,
  type MeansId,
  type RuleId,
} from '../../machines';
import { scenarioSchema } from '../scenarios/schema';

// The built app's CSP has no 'unsafe-eval': keep zod from probing `new Function`.
z.config({ jitless: true });

export const EXERCISE_FORMAT = 'paraat.exercise/1';

/** Caps on what a log may hold, so a hostile file or device cannot make a host slow or blow it up. */
export const LOG_LIMITS = {
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

const LIMITS = LOG_LIMITS;

const HASH = /^[0-9a-f]{64}$/;
/** The app's routes accept these (src/app/route.ts). */
const EXERCISE_ID = /^[0-9a-f]{8,64}$/;
const NAIVE_LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const RULE = /^R\d+$/;

const text = (max: number = LIMITS.text) => z.string().check(z.maxLength(max));
const filled = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const hashSchema = z.string().check(
  z.refine((value) => HASH.test(value), {
    params: {
      nl: 'moet een SHA-256-vingerafdruk zijn: 64 tekens 0–9 en a–f',
      en: 'must be a SHA-256 fingerprint: 64 characters 0–9 and a–f',
    },
  }),
);

export const exerciseIdSchema = z.string().check(
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

/** Exercise time: naive local ISO, "2026-12-31T22:07:00". */
export const exerciseTimeSchema = z.string().check(
  z.maxLength(19),
  z.refine(isNaiveLocalTime, {
    params: {
      nl: 'moet een oefentijd zijn in de vorm JJJJ-MM-DDTuu:mm:ss, bijvoorbeeld "2026-12-31T22:07:00"',
      en: 'must be an exercise time written YYYY-MM-DDThh:mm:ss, for example "2026-12-31T22:07:00"',
    },
  }),
);

/** Wall-clock time: ISO 8601 UTC, "2026-12-31T21:07:00.000Z". */
export const instantSchema = z.string().check(
  z.maxLength(30),
  z.refine((value) => INSTANT.test(value) && Number.isFinite(Date.parse(value)), {
    params: {
      nl: 'moet een tijdstip in UTC zijn, bijvoorbeeld "2026-12-31T21:07:00.000Z"',
      en: 'must be a moment in UTC, for example "2026-12-31T21:07:00.000Z"',
    },
  }),
);

const bilingual = z.object({ nl: text(), en: text() });

/** Who acts. `municipality` matters for the mayor's competence (R5). The model's `By`. */
export const bySchema = z.object({
  role: z.enum(ROLES),
  name: text(LIMITS.name),
  municipality: z.optional(text(LIMITS.name)),
});

/** The model's `Refusal`: the rule that refused (R10) and why, in both languages. */
export const refusalSchema = z.object({
  rule: z.custom<RuleId>(
    (value) => typeof value === 'string' && value.length <= 8 && RULE.test(value),
    { params: { nl: 'moet een regel zijn, bijvoorbeeld "R3"', en: 'must be a rule, for example "R3"' } },
  ),
  message: bilingual,
});

const MEANS_IDS = Object.keys(MEANS) as [MeansId, ...MeansId[]];
const decisionState = z.nullable(z.enum([...VERDICTS, 'revoked']));
const phaseSchema = z.literal([1, 2, 3, 4, 5]);

/** What the model looked like around an attempt; enough for the log and the debrief. */
const modelSummarySchema = z.object({
  phase: phaseSchema,
  means: z.array(z.enum(MEANS_IDS)).check(z.maxLength(LIMITS.means)),
  warned: z.boolean(),
  decisions: z.object({ waterCannon: decisionState, tearGas: decisionState }),
});

const eventBase = {
  by: bySchema,
  at: z.optional(z.object({ exercise: exerciseTimeSchema, wall: instantSchema })),
};
const eventOf = <T extends EscalationEventType, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.object({ ...eventBase, type: z.literal(type), ...shape });

/**
 * The model's events (machines/types.ts, the public contract) as the log holds
 * them: each type with the fields the model reads. Strict on shape, lenient on
 * content on purpose: a blank reason or grounds is the model's to judge (R6) on
 * replay, so an escalation with an empty reason that is logged as accepted
 * shows up as a divergence, said in the model's own words.
 */
const escalationEventSchema = z.discriminatedUnion('type', [
  eventOf('phase.escalate', { reason: text() }),
  eventOf('phase.deescalate', { reason: text() }),
  eventOf('crowd.warn', {}),
  eventOf('mayor.decide', {
    subject: z.enum(SUBJECTS),
    verdict: z.enum(VERDICTS),
    grounds: text(),
    bob: z.optional(z.object({ beeld: z.optional(text()), oordeel: z.optional(text()) })),
    conditions: z.optional(text()),
  }),
  eventOf('mayor.revoke', { subject: z.enum(SUBJECTS), grounds: text() }),
  eventOf('waterCannon.deploy', {}),
  eventOf('waterCannon.withdraw', {}),
  eventOf('tearGas.add', {}),
  eventOf('tearGas.stop', {}),
]);

const entryBase = {
  seq: z.int().check(z.gte(1), z.lte(LIMITS.entries * 10)),
  /** Wall-clock time, ISO 8601 UTC. */
  wall: instantSchema,
  /** Exercise time, naive local ISO ("2026-12-31T22:07:00"). */
  exercise: exerciseTimeSchema,
  by: bySchema,
  prevHash: hashSchema,
  hash: hashSchema,
};

const clockSpeedSchema = z.literal([1, 2, 5, 10]);
export const CLOCK_SPEEDS: readonly ClockSpeed[] = clockSpeedSchema.def.values;

const clockActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('speed'), speed: clockSpeedSchema }),
  // A week of exercise time either way is more than any tabletop jumps.
  z.object({ type: z.literal('jump'), minutes: z.number().check(z.gte(-7 * 24 * 60), z.lte(7 * 24 * 60)) }),
]);

/** An attempt on the model: accepted or refused, with the rule that refused it (R10). */
const attemptEntrySchema = z
  .object({
    ...entryBase,
    kind: z.literal('attempt'),
    event: escalationEventSchema,
    outcome: z.enum(['accepted', 'refused']),
    refusal: z.optional(refusalSchema),
    before: modelSummarySchema,
    after: modelSummarySchema,
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

/** A note by the trainer or an observer, optionally about an earlier entry. */
const noteEntrySchema = z.object({
  ...entryBase,
  kind: z.literal('note'),
  text: text(),
  refersTo: z.optional(z.int().check(z.gte(1))),
});

/** A correction: never an edit, always a new entry that points at the old one (JESIP). */
const correctionEntrySchema = z.object({
  ...entryBase,
  kind: z.literal('correction'),
  text: text(),
  corrects: z.int().check(z.gte(1)),
});

const clockEntrySchema = z.object({ ...entryBase, kind: z.literal('clock'), action: clockActionSchema });

/** An inject of the scenario, released, held or skipped by the trainer (R13: only the trainer steers). */
const injectEntrySchema = z.object({
  ...entryBase,
  kind: z.literal('inject'),
  /** The inject's id in `setup.scenario.injects`. */
  injectId: filled(LIMITS.id),
  action: z.enum(['released', 'held', 'skipped']),
});

/** A steering action (note, clock) refused because of who tried it (R13). */
const steeringRefusedEntrySchema = z.object({
  ...entryBase,
  kind: z.literal('steeringRefused'),
  action: text(LIMITS.id),
  refusal: refusalSchema,
});

/** A line of an exercise: the exercise, the line, that line's hash, and the exercise's title then. */
const branchPointSchema = z.object({
  id: exerciseIdSchema,
  seq: z.int().check(z.gte(1), z.lte(LIMITS.entries)),
  hash: hashSchema,
  title: filled(LIMITS.name),
});

/** The exercise's first line: it was created. */
const exerciseCreatedEntrySchema = z.object({ ...entryBase, kind: z.literal('exercise'), action: z.literal('created') });

/**
 * A branch's first own line (src/core/branch.ts): it goes on from line
 * `branchedFrom.seq` of another exercise. Its exercise time is that line's,
 * where the branch's clock stands paused; its wall time is the branching.
 */
const exerciseBranchedEntrySchema = z.object({
  ...entryBase,
  kind: z.literal('exercise'),
  action: z.literal('branched'),
  branchedFrom: branchPointSchema,
});

/** One line of the log, of any kind. */
export const logEntrySchema = z.discriminatedUnion('kind', [
  attemptEntrySchema,
  noteEntrySchema,
  correctionEntrySchema,
  clockEntrySchema,
  injectEntrySchema,
  steeringRefusedEntrySchema,
  z.discriminatedUnion('action', [exerciseCreatedEntrySchema, exerciseBranchedEntrySchema]),
]);

/** One person in the exercise: the role they play and their name. */
const castMemberSchema = z.object({
  id: filled(LIMITS.id),
  role: z.enum(ROLES),
  /** The person: "Jeroen Visser". */
  name: text(LIMITS.name),
  /**
   * Their position from the scenario, in both languages ("Algemeen Commandant
   * SGBO" / "Commander, SGBO"); shown in the UI's language. Only present when
   * the scenario gave one, so set-ups from before it hash as they did.
   */
  position: z.optional(z.object({ nl: text(LIMITS.name), en: text(LIMITS.name) })),
  /** Mayors only: their municipality (R5). Defaults to the exercise's. */
  municipality: z.optional(text(LIMITS.name)),
});

export const exerciseSetupSchema = z.object({
  title: filled(LIMITS.name),
  municipality: filled(LIMITS.name),
  /** Naive local ISO time, e.g. "2026-12-31T22:00". */
  startTime: exerciseTimeSchema,
  cast: z.array(castMemberSchema).check(z.minLength(1), z.maxLength(LIMITS.cast)),
  startPhase: z.optional(phaseSchema),
  scenarioId: z.optional(text(LIMITS.id)),
  /** The scenario the exercise runs from, kept whole: the exercise file holds it (injects, objectives, questions). */
  scenario: z.optional(scenarioSchema),
});

/**
 * The exercise clock. Exercise time is a naive local time (no time zone)
 * kept as milliseconds on a UTC scale, so 22:00 stays 22:00 everywhere.
 */
const clockStateSchema = z.object({
  running: z.boolean(),
  speed: clockSpeedSchema,
  /** Exercise time (naive ms) at the anchor. */
  exerciseAtAnchor: z.number(),
  /** Wall-clock time (epoch ms) at the anchor. */
  wallAtAnchor: z.number(),
});

/** Where a branch came from: the exercise, the line, and that line's hash. */
const branchedFromSchema = z.object({
  id: exerciseIdSchema,
  seq: z.int().check(z.gte(1), z.lte(LIMITS.entries)),
  hash: hashSchema,
  /** The id the original's chain was sealed under (its `chainId`, or else its `id`). */
  chainId: exerciseIdSchema,
  createdAt: instantSchema,
  title: filled(LIMITS.name),
});

/**
 * The statechart's persisted snapshot: an object, checked against the replayed
 * log, not here. Typed `unknown`: only XState reads it (src/core/exerciseState.ts).
 */
const snapshotSchema = z.custom(
  (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { params: { nl: 'moet een object ({ … }) zijn', en: 'must be an object ({ … })' } },
);

/** Everything stored about one exercise except its log entries. */
export const exerciseHeadSchema = z.object({
  format: z.literal(EXERCISE_FORMAT),
  id: exerciseIdSchema,
  /**
   * The id the log's hash chain was sealed under (its genesis), when it differs
   * from `id`: an imported exercise whose id was already taken on this device
   * gets a new one, and its log keeps proving what it proved.
   */
  chainId: z.optional(exerciseIdSchema),
  setup: exerciseSetupSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
  /** The persisted statechart snapshot after the last accepted attempt. */
  snapshot: snapshotSchema,
  clock: clockStateSchema,
  /** Entries stored so far: the commit point for two tabs (optimistic concurrency). */
  length: z.int().check(z.gte(1), z.lte(LIMITS.entries)),
  /** Hash of the last entry; the genesis hash before any. */
  headHash: hashSchema,
  /**
   * Set when this exercise was branched from another one at line `seq`
   * (src/core/branch.ts). Its first `seq` entries are that exercise's,
   * copied verbatim, so its chain starts at that exercise's genesis: `chainId`,
   * `createdAt` and `title` are the ones the chain was sealed under.
   */
  branchedFrom: z.optional(branchedFromSchema),
});

export type CastMember = z.infer<typeof castMemberSchema>;
export type ClockSpeed = z.infer<typeof clockSpeedSchema>;
export type ClockState = z.infer<typeof clockStateSchema>;
export type ClockAction = z.infer<typeof clockActionSchema>;
export type ExerciseSetup = z.infer<typeof exerciseSetupSchema>;
export type ModelSummary = z.infer<typeof modelSummarySchema>;
export type AttemptEntry = z.infer<typeof attemptEntrySchema>;
export type NoteEntry = z.infer<typeof noteEntrySchema>;
export type CorrectionEntry = z.infer<typeof correctionEntrySchema>;
export type ClockEntry = z.infer<typeof clockEntrySchema>;
export type SteeringRefusedEntry = z.infer<typeof steeringRefusedEntrySchema>;
export type InjectEntry = z.infer<typeof injectEntrySchema>;
export type ExerciseCreatedEntry = z.infer<typeof exerciseCreatedEntrySchema>;
export type ExerciseBranchedEntry = z.infer<typeof exerciseBranchedEntrySchema>;
export type ExerciseEntry = ExerciseCreatedEntry | ExerciseBranchedEntry;
export type LogEntry = z.infer<typeof logEntrySchema>;
export type LogEntryKind = LogEntry['kind'];
export type ExerciseHead = z.infer<typeof exerciseHeadSchema>;
export type BranchPoint = z.infer<typeof branchPointSchema>;
export type BranchedFrom = z.infer<typeof branchedFromSchema>;
