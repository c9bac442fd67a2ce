export * from './types';
export {
  createExercise,
  openSession,
  summarize,
  type Attempt,
  type ExerciseSession,
  type SessionState,
  type WallClock,
} from './session';
export { ExerciseStore, ExerciseConflictError, StorageWriteError, type KeyValueStorage } from './store';
export { exerciseNow, formatExerciseTime, parseExerciseTime, applyClockAction } from './clock';
export { hashOf, verifyChain, genesisHash, type ChainBreak } from './hashChain';
export { SessionContext, useSession, useSessionState } from './useSession';
export { MemoryStorage } from './memoryStorage';
export { exerciseFile, exerciseFileName, EXERCISE_FILE_FORMAT, type ExerciseFile } from './exerciseFile';
export { replay, inputOf, type Replayed } from './replay';
