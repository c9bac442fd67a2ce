import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ExerciseSession, SessionState } from './session';

export const SessionContext = createContext<ExerciseSession | null>(null);

/** The session of the open exercise; features read it and dispatch through it. */
export function useSession(): ExerciseSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside an open exercise');
  return session;
}

/** Re-render on every change of the session's state. */
export function useSessionState(): SessionState {
  const session = useSession();
  const getState = () => session.getState();
  return useSyncExternalStore((listener) => session.subscribe(listener), getState, getState);
}
