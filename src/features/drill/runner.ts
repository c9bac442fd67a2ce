/**
 * One run of a decision drill, step by step (issue #15). Each decision point
 * gets an exercise of its own, made and judged through the session's door
 * like every exercise in Paraat: the scenario's steps build the situation
 * (each judged by the model), the user's decisions are attempts the model
 * accepts or refuses with its rule, and what the one who asked does next is
 * judged too. Nothing here knows a rule; it reads the outcome from the sealed
 * log entry the core made.
 *
 * The run's own record (src/session/drillRuns.ts) is stored after every step
 * that changes it, so a reload loses at most the step in progress.
 *
 * Framework-free, with `getState`/`subscribe`, so React reads it with
 * useSyncExternalStore and tests drive it directly.
 */
import type { Subject, Text } from '../../../machines';
import {
  createExercise,
  newExerciseId,
  openSession,
  summarize,
  type AttemptEntry,
  type ExerciseRepository,
  type ExerciseSession,
  type ExerciseSetup,
  type ModelSummary,
  type Proposed,
} from '../../session';
import {
  DRILL_RUN_FORMAT,
  type DrillPace,
  type DrillPointRecord,
  type DrillRun,
  type DrillRunStore,
  type JudgedAttempt,
} from '../../session/drillRuns';
import type { Drill, DrillPoint, Scenario } from '../../scenarios';
import {
  answerAttempts,
  attemptOfStep,
  isLate,
  limitSeconds,
  pointSetup,
  type AnswerDraft,
  type DrillLanguage,
} from './drill';

/** Where a point stands: the situation being built, read, decided on, judged, and fed back. */
export type PointStep = 'opening' | 'reading' | 'deciding' | 'committing' | 'refused' | 'finishing' | 'feedback';

export type DrillProblem =
  /** A step of the scenario that should build the situation was refused: the scenario does not fit the model. */
  | { kind: 'situation'; step: number; rule: string; message: Text }
  /** The exercise could not be made or read. */
  | { kind: 'storage'; detail: string };

export interface DrillState {
  run: DrillRun;
  /** The point shown (0-based). */
  index: number;
  step: PointStep | 'done' | 'failed';
  problem: DrillProblem | null;
  /** Whether everything so far is stored: the run record and the point's exercise. */
  storage: 'saved' | 'failed';
  /** The point's exercise set-up (cast, municipality): who may be chosen to decide. */
  setup: ExerciseSetup | null;
  /** Where the model stands at the point, as its log records it: the situation, then after each attempt. */
  model: ModelSummary | null;
  version: number;
}

export interface DrillStorage {
  exercises: ExerciseRepository;
  runs: DrillRunStore;
}

export interface DrillRunnerOptions {
  storage: DrillStorage;
  scenario: Scenario & { drill: Drill };
  language: DrillLanguage;
  pace: DrillPace;
  /** Wall clock (epoch ms); tests and stories fix it. */
  now?: () => number;
}

export interface DrillRunner {
  getState: () => DrillState;
  subscribe: (listener: () => void) => () => void;
  /** Open the first point, or point `index` (0-based: a story or test that starts further on). */
  begin(index?: number): Promise<void>;
  /** From reading to deciding: the BOB prompts and the decision open. */
  decide(): void;
  /** Commit the answer: each decision goes to the model; refused ones can be tried again. */
  commit(answer: AnswerDraft): Promise<void>;
  /** After a refusal: decide again (only what the model refused is sent again). */
  retry(): void;
  /** Done deciding: what the one who asked does next is judged, then the feedback. */
  finish(): Promise<void>;
  /** The considerations the user says their grounds touched. */
  touch(ids: readonly string[]): Promise<void>;
  /** On to the next point, or the end of the run. */
  next(): Promise<void>;
  /** Subjects already decided and accepted at the current point. */
  accepted(): Subject[];
  dispose(): void;
}

/** One attempt as the model judged it, from its sealed entry. */
export function judgedOf(entry: AttemptEntry): JudgedAttempt {
  const { event } = entry;
  return {
    seq: entry.seq,
    type: event.type,
    by: entry.by,
    ...('subject' in event ? { subject: event.subject } : {}),
    ...(event.type === 'mayor.decide' ? { verdict: event.verdict } : {}),
    outcome: entry.outcome,
    ...(entry.refusal ? { refusal: entry.refusal } : {}),
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

export function startDrill({ storage, scenario, language, pace, now = Date.now }: DrillRunnerOptions): DrillRunner {
  const drill = scenario.drill;
  const startedAt = iso(now());
  const listeners = new Set<() => void>();
  let session: ExerciseSession | null = null;
  let disposed = false;
  let state: DrillState = {
    run: {
      format: DRILL_RUN_FORMAT,
      id: newExerciseId(),
      scenarioId: scenario.id,
      scenarioTitle: { nl: scenario.title.nl, en: scenario.title.en },
      drillTitle: { nl: drill.title.nl, en: drill.title.en },
      language,
      pace,
      startedAt,
      updatedAt: startedAt,
      points: [],
    },
    index: 0,
    step: 'opening',
    problem: null,
    storage: 'saved',
    setup: null,
    model: null,
    version: 0,
  };

  const publish = (changes: Partial<DrillState>) => {
    if (disposed) return;
    state = { ...state, ...changes, version: state.version + 1 };
    for (const listener of listeners) listener();
  };

  const pointOf = (index: number): DrillPoint => {
    const point = drill.points[index];
    if (!point) throw new RangeError(`The drill has no point ${String(index + 1)}`);
    return point;
  };

  /** The record of the point shown: the last one opened (records are kept in the order the points were opened). */
  const current = (): DrillPointRecord | undefined => state.run.points.at(-1);

  /** The run with the current point's record changed, stored; a failed write is shown, and the next one tries again. */
  async function save(change: (record: DrillPointRecord) => DrillPointRecord): Promise<void> {
    const record = current();
    if (!record) return;
    const points = [...state.run.points.slice(0, -1), change(record)];
    await store({ ...state.run, points, updatedAt: iso(now()) });
  }

  async function store(run: DrillRun, changes: Partial<DrillState> = {}): Promise<void> {
    publish({ run, ...changes });
    try {
      await storage.runs.put(run);
      if (state.storage === 'failed') publish({ storage: 'saved' });
    } catch {
      publish({ storage: 'failed' });
    }
  }

  const noteStorage = (proposed: Proposed) => {
    if (proposed.outcome === 'unsaved') publish({ storage: 'failed' });
  };

  async function dispatchAll(attempts: readonly Parameters<ExerciseSession['dispatch']>[0][]) {
    const judged: JudgedAttempt[] = [];
    for (const attempt of attempts) {
      if (!session) break;
      const proposed = await session.dispatch(attempt);
      if (proposed.outcome === 'ignored') continue;
      noteStorage(proposed);
      judged.push(judgedOf(proposed.entry));
      publish({ model: proposed.entry.after });
    }
    return judged;
  }

  async function open(index: number): Promise<void> {
    session?.dispose();
    session = null;
    const point = pointOf(index);
    publish({ index, step: 'opening', problem: null, setup: null, model: null });
    const setup = pointSetup(scenario, point, language);
    let opened: ExerciseSession | null;
    try {
      const head = await createExercise(storage.exercises, setup, now);
      opened = await openSession(storage.exercises, head.id, now);
    } catch (error) {
      publish({ step: 'failed', problem: { kind: 'storage', detail: String(error) } });
      return;
    }
    if (!opened) {
      publish({ step: 'failed', problem: { kind: 'storage', detail: 'The new exercise could not be read back' } });
      return;
    }
    if (disposed) {
      opened.dispose();
      return;
    }
    session = opened;
    const steps = point.before ?? [];
    for (const [position, step] of steps.entries()) {
      const proposed = await opened.dispatch(attemptOfStep(step, setup, language));
      if (proposed.outcome === 'ignored') continue;
      noteStorage(proposed);
      if (proposed.entry.refusal) {
        publish({
          step: 'failed',
          problem: {
            kind: 'situation',
            step: position + 1,
            rule: proposed.entry.refusal.rule,
            message: proposed.entry.refusal.message,
          },
        });
        return;
      }
    }
    const record: DrillPointRecord = {
      pointId: point.id,
      exerciseId: opened.getState().head.id,
      openedAt: iso(now()),
      limitSeconds: limitSeconds(point, pace),
      beeld: '',
      oordeel: '',
      tries: [],
      after: [],
      touched: [],
    };
    const points = [...state.run.points, record];
    await store(
      { ...state.run, points, updatedAt: record.openedAt },
      { step: 'reading', setup, model: summarize(opened.getState().snapshot) },
    );
  }

  const accepted = (): Subject[] =>
    (current()?.tries ?? []).flatMap((attempt) =>
      attempt.judged.flatMap((judged) => (judged.outcome === 'accepted' && judged.subject ? [judged.subject] : [])),
    );

  async function finish(): Promise<void> {
    const setup = state.setup;
    if (!setup || (state.step !== 'refused' && state.step !== 'committing')) return;
    publish({ step: 'finishing' });
    const point = pointOf(state.index);
    const after = await dispatchAll((point.after ?? []).map((step) => attemptOfStep(step, setup, language)));
    await save((record) => ({ ...record, after, finishedAt: iso(now()) }));
    publish({ step: 'feedback' });
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    begin: (index = 0) => open(Math.min(Math.max(0, index), drill.points.length - 1)),
    decide() {
      if (state.step === 'reading') publish({ step: 'deciding' });
    },
    async commit(answer) {
      const setup = state.setup;
      const record = current();
      if (!setup || !record || state.step !== 'deciding') return;
      publish({ step: 'committing' });
      const at = iso(now());
      const judged = await dispatchAll(answerAttempts(answer, setup, accepted()));
      await save((saved) => ({
        ...saved,
        beeld: answer.beeld,
        oordeel: answer.oordeel,
        tries: [
          ...saved.tries,
          {
            at,
            late: isLate(saved.openedAt, at, saved.limitSeconds),
            answers: answer.subjects.map((draft) => ({
              subject: draft.subject,
              verdict: draft.verdict ?? 'none',
              deciderId: answer.deciderId,
              grounds: draft.grounds,
              conditions: draft.conditions,
              review: draft.review,
            })),
            judged,
          },
        ],
      }));
      if (judged.some((attempt) => attempt.outcome === 'refused')) publish({ step: 'refused' });
      else await finish();
    },
    retry() {
      if (state.step === 'refused') publish({ step: 'deciding' });
    },
    finish,
    async touch(ids) {
      if (state.step !== 'feedback') return;
      await save((record) => ({ ...record, touched: [...ids] }));
    },
    async next() {
      if (state.step !== 'feedback') return;
      if (state.index + 1 < drill.points.length) await open(state.index + 1);
      else {
        session?.dispose();
        session = null;
        publish({ step: 'done' });
      }
    },
    accepted,
    dispose() {
      disposed = true;
      session?.dispose();
      session = null;
      listeners.clear();
    },
  };
}
