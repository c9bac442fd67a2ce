// @vitest-environment node
/**
 * Issue #13 item 1: the log format is written once, as zod schemas in
 * src/core/log.ts, and its TypeScript types are `z.infer` of them. These
 * tests hold the schemas to what the core writes (every kind of entry a run
 * produces parses unchanged), to the rules they carry (R10: a refusal names
 * its rule), and the inferred types to the model's own (tsc fails the type
 * assertions below if the log's event, actor or refusal drift from
 * machines/types.ts, looser or stricter).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { By, EscalationEvent, PhaseNumber, Refusal, Role } from '../../machines';
import { applyAttempt, type ExerciseState, type Proposal } from '../../src/core/applyAttempt';
import { newExercise } from '../../src/core/exerciseState';
import {
  CLOCK_SPEEDS,
  exerciseHeadSchema,
  logEntrySchema,
  type AttemptEntry,
  type ClockSpeed,
  type ExerciseSetup,
  type LogEntry,
  type LogEntryKind,
} from '../../src/core/log';

const T0 = Date.UTC(2026, 11, 31, 21, 0);
const ID = '0123456789abcdef';
const commander: By = { role: 'commander', name: 'Jeroen Visser' };
const mayor: By = { role: 'mayor', name: 'Femke Halsema', municipality: 'Amsterdam' };
const trainer: By = { role: 'trainer', name: 'Anouk de Vries' };
const observer: By = { role: 'observer', name: 'Sanne Bakker' };
const setup: ExerciseSetup = {
  title: 'Jaarwisseling',
  municipality: 'Amsterdam',
  startTime: '2026-12-31T22:00',
  cast: [
    { id: 'ac', ...commander },
    { id: 'bm', ...mayor },
    { id: 'ol', ...trainer },
    { id: 'wn', ...observer },
  ],
};

/** Every kind of entry the core writes, refusals included. */
const RUN: Proposal[] = [
  { kind: 'clock', by: trainer, action: { type: 'start' } },
  { kind: 'clock', by: trainer, action: { type: 'speed', speed: 5 } },
  { kind: 'clock', by: trainer, action: { type: 'jump', minutes: 10 } },
  { kind: 'attempt', attempt: { type: 'phase.escalate', by: commander, reason: 'Groepen met vuurwerk' } },
  { kind: 'attempt', attempt: { type: 'waterCannon.deploy', by: commander } },
  {
    kind: 'attempt',
    attempt: {
      type: 'mayor.decide',
      by: mayor,
      subject: 'waterCannon',
      verdict: 'granted',
      grounds: 'Ernstige wanordelijkheden',
      bob: { beeld: 'Brandende barricade', oordeel: 'ME alleen houdt het niet' },
      conditions: 'Alleen op het Museumplein',
    },
  },
  { kind: 'attempt', attempt: { type: 'mayor.revoke', by: mayor, subject: 'waterCannon', grounds: 'Rustig' } },
  { kind: 'note', by: observer, text: 'Besluit binnen vijf minuten', refersTo: 6 },
  { kind: 'correction', by: trainer, text: 'Tijd klopte niet', corrects: 8 },
  { kind: 'clock', by: observer, action: { type: 'pause' } },
];

function play(): { state: ExerciseState; log: LogEntry[] } {
  const created = newExercise(setup, { id: ID, wall: T0 });
  let state = created.state;
  const log: LogEntry[] = [created.entry];
  RUN.forEach((proposal, index) => {
    const applied = applyAttempt(state, proposal, { wall: T0 + (index + 1) * 60_000 });
    if (applied.outcome === 'ignored') throw new Error(`ignored: ${applied.reason.en}`);
    state = applied.state;
    log.push(applied.entry);
  });
  return { state, log };
}

/** An attempt entry of the run, made JSON again so a test can change it. */
function attemptOf(log: readonly LogEntry[], type: EscalationEvent['type']): Record<string, unknown> {
  const entry = log.find((candidate) => candidate.kind === 'attempt' && candidate.event.type === type);
  if (!entry) throw new Error(`no ${type} in the run`);
  return JSON.parse(JSON.stringify(entry)) as Record<string, unknown>;
}

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((issue) => issue.path.map(String).join('.'));

describe('the log schemas (src/core/log.ts)', () => {
  it('accept every entry and the head the core writes, unchanged', () => {
    const { state, log } = play();
    const kinds = new Set<LogEntryKind>(log.map((entry) => entry.kind));
    expect([...kinds].sort()).toEqual(['attempt', 'clock', 'correction', 'exercise', 'note', 'steeringRefused']);
    for (const entry of log) {
      const parsed = logEntrySchema.safeParse(JSON.parse(JSON.stringify(entry)));
      expect(paths(parsed), `entry ${String(entry.seq)}`).toEqual([]);
      expect(parsed.data).toEqual(entry);
    }
    const head = exerciseHeadSchema.safeParse(JSON.parse(JSON.stringify(state.head)));
    expect(paths(head)).toEqual([]);
  });

  it('refuse a refused attempt that names no rule, and an accepted one that names one (R10)', () => {
    const { log } = play();
    const refused = log.find((entry): entry is AttemptEntry => entry.kind === 'attempt' && entry.outcome === 'refused');
    expect(refused?.refusal?.rule).toMatch(/^R\d+$/);
    const { refusal, ...withoutRule } = JSON.parse(JSON.stringify(refused)) as AttemptEntry;
    expect(refusal).toBeDefined();
    expect(paths(logEntrySchema.safeParse(withoutRule))).toEqual(['refusal']);
    const accepted = attemptOf(log, 'phase.escalate');
    expect(paths(logEntrySchema.safeParse({ ...accepted, refusal }))).toEqual(['refusal']);
    expect(paths(logEntrySchema.safeParse({ ...refused, refusal: { ...refusal, rule: 'regel 3' } }))).toEqual([
      'refusal.rule',
    ]);
  });

  it('hold each event to the fields the model reads, and leave a blank reason to the model (R6)', () => {
    const { log } = play();
    const escalation = attemptOf(log, 'phase.escalate');
    const event = escalation['event'] as Record<string, unknown>;
    expect(paths(logEntrySchema.safeParse({ ...escalation, event: { ...event, reason: ' ' } }))).toEqual([]);
    const { reason, ...withoutReason } = event;
    expect(reason).toBe('Groepen met vuurwerk');
    expect(paths(logEntrySchema.safeParse({ ...escalation, event: withoutReason }))).toEqual(['event.reason']);
    expect(paths(logEntrySchema.safeParse({ ...escalation, event: { ...event, type: 'phase.skip' } }))).toEqual([
      'event.type',
    ]);
    const decision = attemptOf(log, 'mayor.decide');
    const decided = decision['event'] as Record<string, unknown>;
    expect(paths(logEntrySchema.safeParse({ ...decision, event: { ...decided, verdict: 'maybe' } }))).toEqual([
      'event.verdict',
    ]);
  });

  it("infer the model's own types for the actor, the refusal and the event", () => {
    // Compile-time: tsc fails here when the log's types drift from machines/types.ts.
    expectTypeOf<LogEntry['by']>().toEqualTypeOf<By>();
    expectTypeOf<NonNullable<AttemptEntry['refusal']>>().toEqualTypeOf<Refusal>();
    expectTypeOf<AttemptEntry['event']>().toExtend<EscalationEvent>();
    expectTypeOf<EscalationEvent>().toExtend<AttemptEntry['event']>();
    expectTypeOf<AttemptEntry['before']['phase']>().toEqualTypeOf<PhaseNumber>();
    expectTypeOf<ExerciseSetup['cast'][number]['role']>().toEqualTypeOf<Role>();
    expectTypeOf<ClockSpeed>().toEqualTypeOf<1 | 2 | 5 | 10>();
    // And at run time, the speeds the clock offers are the ones the schema takes.
    expect([...CLOCK_SPEEDS]).toEqual([1, 2, 5, 10]);
  });
});
