export * from './types';
// The exercise record and its entries are the core's (src/core/log.ts); the screens read them through the session.
export type * from '../core/log';
export { CLOCK_SPEEDS, EXERCISE_FORMAT } from '../core/log';
export {
  createExercise,
  openSession,
  startSession,
  injectResultOf,
  summarize,
  type Attempt,
  type ExerciseSession,
  type InjectResult,
  type Proposal,
  type Proposed,
  type SessionState,
  type WallClock,
} from './session';
export {
  ExerciseConflictError,
  StorageWriteError,
  newExerciseId,
  type ExerciseChange,
  type ExerciseReader,
  type ExerciseRepository,
} from './repository';
export { readStoredExercise, useStoredExercise, type StoredExercise } from './useStoredExercise';
export { exerciseNow, formatExerciseTime, parseExerciseTime, applyClockAction } from '../core/clock';
export {
  hashOf,
  verifyChain,
  genesisHash,
  genesisOf,
  diagnoseChain,
  type ChainBreak,
  type ChainFinding,
} from '../core/hashChain';
export { SessionContext, useSession, useSessionState } from './useSession';
export { useReopened } from './useReopened';
export { useActing } from './useActing';
export { readPreference, writePreference } from './local/preferences';
export { useRecheckWhenShown } from './useRecheckWhenShown';
export {
  exerciseFile,
  exerciseFileName,
  storedExerciseFile,
  importExerciseFile,
  EXERCISE_FILE_FORMAT,
  type ExerciseFile,
  type ExerciseRecord,
  type ImportedExercise,
} from './exerciseFile';
export { exerciseFileSchema, exerciseHeadSchema, EXERCISE_FILE_LIMITS } from '../core/exerciseFileSchema';
export {
  parseExerciseFile,
  validateExerciseFile,
  MAX_EXERCISE_FILE_CHARS,
  MAX_EXERCISE_FILE_DEPTH,
  MAX_EXERCISE_FILE_ERRORS,
  type ExerciseFileError,
  type ExerciseFileResult,
} from '../core/parseExerciseFile';
export { verifyExerciseFile, chainFindingMessage } from '../core/verifyExerciseFile';
export { replay, inputOf, type Replayed } from '../core/replay';
export { branchExercise, type BranchOptions } from './branch';
export { createReplayCursor, DEFAULT_CHECKPOINT_INTERVAL, type ReplayCursor } from './replayCursor';
export {
  injectStates,
  injectDueAt,
  injectActionProblem,
  isDue,
  isForAudience,
  releasedFor,
  INJECT_ACTIONS,
  type InjectAction,
  type InjectStatus,
  type InjectState,
} from '../core/injects';
