import { useSyncExternalStore } from 'react';
import type { DrillRunner, DrillState } from './runner';

/** The runner's state, re-read whenever it changes. */
export function useDrillState(runner: DrillRunner): DrillState {
  return useSyncExternalStore(runner.subscribe, runner.getState, runner.getState);
}
