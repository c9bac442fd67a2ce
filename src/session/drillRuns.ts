/**
 * A run of a decision drill (issue #15): the small record the drill keeps
 * beside the exercises its decisions went into. Each decision point is an
 * exercise of its own in an ExerciseRepository (the same door as the
 * console: the core judges every attempt into a sealed log entry); this
 * record holds what a log cannot: when the situation was shown, the time
 * limit, whether the decision came late, the user's BOB notes and review
 * moment, and which of the author's considerations the user says their
 * grounds touched. The model's verdicts are copied in from the log, named by
 * exercise and line, so earlier runs can be compared without reading every
 * log again; the log stays the record of what the model did.
 *
 * Stored records are read back through `drillRunSchema`: whatever does not fit
 * (another version, a hand edit) is left out of the list, never shown half.
 */
import * as z from 'zod/mini';
import { EVENT_TYPES, SUBJECTS, VERDICTS } from '../../machines';
import { bySchema, exerciseIdSchema, instantSchema, refusalSchema } from '../core/log';

z.config({ jitless: true });

export const DRILL_RUN_FORMAT = 'paraat.drillRun/1';

/** The time to decide: as the scenario gives it, twice that, or none (no countdown: WCAG 2.2.1). */
export const DRILL_PACES = ['scenario', 'double', 'none'] as const;
export type DrillPace = (typeof DRILL_PACES)[number];

/** What the user can answer on one subject: a decision either way, or none now. */
export const ANSWER_VERDICTS = [...VERDICTS, 'none'] as const;
export type AnswerVerdict = (typeof ANSWER_VERDICTS)[number];

const TEXT = 20_000;
const ID = 80;
const text = (max = TEXT) => z.string().check(z.maxLength(max));
const bilingual = z.object({ nl: text(), en: text() });

/** One attempt as the model judged it, copied from log line `seq` of the point's exercise. */
const judgedSchema = z.object({
  seq: z.int().check(z.gte(1)),
  type: z.enum(EVENT_TYPES),
  by: bySchema,
  subject: z.optional(z.enum(SUBJECTS)),
  verdict: z.optional(z.enum(VERDICTS)),
  outcome: z.enum(['accepted', 'refused']),
  refusal: z.optional(refusalSchema),
});

/** The user's answer on one subject. `none`: no decision now, so nothing for the model to judge. */
const answerSchema = z.object({
  subject: z.enum(SUBJECTS),
  verdict: z.enum(ANSWER_VERDICTS),
  /** The cast member who decides (the scenario's id). */
  deciderId: text(ID),
  grounds: text(),
  conditions: text(),
  /** When the decision is to be looked at again. */
  review: text(),
});

/** One commit: the answers as given, and what the model made of those it judged. */
const trySchema = z.object({
  at: instantSchema,
  /** Committed after the time limit (deciding late is allowed, and recorded). */
  late: z.boolean(),
  answers: z.array(answerSchema).check(z.maxLength(SUBJECTS.length)),
  judged: z.array(judgedSchema).check(z.maxLength(SUBJECTS.length)),
});

const pointRecordSchema = z.object({
  pointId: text(ID),
  exerciseId: exerciseIdSchema,
  /** When the situation was shown and the countdown began. */
  openedAt: instantSchema,
  /** Seconds allowed; null without a countdown. */
  limitSeconds: z.nullable(z.int().check(z.gte(1))),
  /** BOB: beeldvorming and oordeelsvorming, as last written. */
  beeld: text(),
  oordeel: text(),
  tries: z.array(trySchema).check(z.maxLength(100)),
  /** What the one who asked did next, as the model judged it. */
  after: z.array(judgedSchema).check(z.maxLength(100)),
  /** The considerations the user says their grounds touched (ids from the scenario). */
  touched: z.array(text(ID)).check(z.maxLength(100)),
  finishedAt: z.optional(instantSchema),
});

export const drillRunSchema = z.object({
  format: z.literal(DRILL_RUN_FORMAT),
  id: exerciseIdSchema,
  scenarioId: text(ID),
  scenarioTitle: bilingual,
  drillTitle: bilingual,
  language: z.enum(['nl', 'en']),
  pace: z.enum(DRILL_PACES),
  startedAt: instantSchema,
  updatedAt: instantSchema,
  points: z.array(pointRecordSchema).check(z.maxLength(100)),
});

export type DrillRun = z.infer<typeof drillRunSchema>;
export type DrillPointRecord = z.infer<typeof pointRecordSchema>;
export type DrillTry = z.infer<typeof trySchema>;
export type DrillAnswer = z.infer<typeof answerSchema>;
export type JudgedAttempt = z.infer<typeof judgedSchema>;

/** A stored value read back: the run, or null when it is not one. */
export function readDrillRun(value: unknown): DrillRun | null {
  const result = drillRunSchema.safeParse(value);
  return result.success ? (value as DrillRun) : null;
}

/** Where the runs are kept: the port, as the exercises have theirs (./repository.ts). */
export interface DrillRunStore {
  /** Every readable run, oldest first. */
  list(): Promise<DrillRun[]>;
  /** Store the run as it is now, replacing an earlier version of it. */
  put(run: DrillRun): Promise<void>;
  remove(id: string): Promise<void>;
}

export const byStart = (a: DrillRun, b: DrillRun) => a.startedAt.localeCompare(b.startedAt);
