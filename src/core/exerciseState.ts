/**
 * An exercise's state for the core: made new, or restored from what a
 * repository holds (its head and log). Pure: ids and times are arguments.
 */
import { createActor, initialTransition } from 'xstate';
import { escalationMachine, type By, type EscalationSnapshot } from '../../machines';
import { formatExerciseTime, startClock } from './clock';
import { genesisHash, sealEntryWithText } from './hashChain';
import { injectStates } from './injects';
import { inputOf } from './replay';
import { EXERCISE_FORMAT, type ExerciseHead, type ExerciseSetup, type LogEntry } from './log';
import { summarize, type ExerciseState } from './applyAttempt';

const trainerOf = (setup: ExerciseSetup): By => {
  const trainer = setup.cast.find((member) => member.role === 'trainer');
  return { role: 'trainer', name: trainer?.name ?? '' };
};

export interface NewExercise {
  head: ExerciseHead;
  /** The first line: the exercise was created. */
  entry: LogEntry;
  text: string;
  state: ExerciseState;
}

/** A new exercise under `id`, created at wall time `wall` (epoch ms), with its first entry saying so. */
export function newExercise(setup: ExerciseSetup, { id, wall }: { id: string; wall: number }): NewExercise {
  const createdAt = new Date(wall).toISOString();
  const [snapshot] = initialTransition(escalationMachine, inputOf(setup));
  const clock = startClock(setup.startTime, wall);
  const { entry, text } = sealEntryWithText<LogEntry>({
    kind: 'exercise',
    action: 'created',
    seq: 1,
    wall: createdAt,
    exercise: formatExerciseTime(clock.exerciseAtAnchor),
    by: trainerOf(setup),
    prevHash: genesisHash(id, setup, createdAt),
  });
  const head: ExerciseHead = {
    format: EXERCISE_FORMAT,
    id,
    setup,
    createdAt,
    updatedAt: createdAt,
    snapshot: escalationMachine.getPersistedSnapshot(snapshot),
    clock,
    length: 1,
    headHash: entry.hash,
  };
  return {
    head,
    entry,
    text,
    state: { head, snapshot, summary: summarize(snapshot), injects: injectsOf(head, [entry]) },
  };
}

export class UnrestorableExerciseError extends Error {}

/** The model as stored with the head, restored; an error that says so when it cannot be. */
function restoredSnapshot(head: ExerciseHead): EscalationSnapshot {
  const stored = head.snapshot;
  // Without a snapshot XState would start afresh, out of step with the log: that is not this exercise.
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored))
    throw new UnrestorableExerciseError(`The stored model state of exercise ${head.id} cannot be restored`);
  const actor = createActor(escalationMachine, { input: inputOf(head.setup), snapshot: stored as never });
  // A stored snapshot XState cannot restore (storage edited by hand, a bug) is an actor error XState
  // would throw later from a timer; listen for it and say so now.
  const restoring = actor.subscribe({ error: () => undefined });
  actor.start();
  restoring.unsubscribe();
  const snapshot = actor.getSnapshot();
  actor.stop();
  if (snapshot.status !== 'active')
    throw new UnrestorableExerciseError(`The stored model state of exercise ${head.id} cannot be restored`);
  return snapshot;
}

function injectsOf(head: ExerciseHead, log: readonly LogEntry[]) {
  return new Map(injectStates(head.setup, log).map((inject) => [inject.inject.id, inject.status]));
}

/** The state of a stored exercise: its head and its log, as the repository holds them. */
export function exerciseStateOf(head: ExerciseHead, log: readonly LogEntry[]): ExerciseState {
  const snapshot = restoredSnapshot(head);
  return { head, snapshot, summary: summarize(snapshot), injects: injectsOf(head, log) };
}
