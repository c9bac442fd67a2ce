import { useCallback, useEffect, useState } from 'react';
// Types only: the session module (statechart, hashing) loads when an exercise is opened (initialJs).
import type { ExerciseSession } from '../session/session';
import type { ExerciseRepository } from '../session/repository';

/**
 * Open the exercise the route names; a missing or unreadable one is said, not thrown. `reopen`
 * opens it again as stored, in a new session: after another tab wrote to it, this tab's session
 * is out of date and writes nothing more (the repository's length fence).
 */
export type Opened = { id: string; session: ExerciseSession } | { id: string; error: string };

export function useOpenExercise(repository: ExerciseRepository | null, id: string | null) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [generation, setGeneration] = useState(0);
  const reopen = useCallback(() => {
    setGeneration((count) => count + 1);
  }, []);
  useEffect(() => {
    if (!id || !repository) return;
    let cancelled = false;
    let opened: ExerciseSession | null = null;
    // Opening a session subscribes to the repository's news (an external system), so it happens
    // here and not during render. The session module (statechart, hashing) loads with it.
    void import('../session/session')
      .then(({ openSession }) => openSession(repository, id))
      .then(
        (session): Opened => (session ? { id, session } : { id, error: 'notFound' }),
        (error: unknown): Opened => ({ id, error: error instanceof Error ? error.message : String(error) }),
      )
      .then((result) => {
        if (cancelled) {
          if ('session' in result) result.session.dispose();
          return;
        }
        if ('session' in result) opened = result.session;
        setOpened(result);
      });
    return () => {
      cancelled = true;
      opened?.dispose();
    };
  }, [repository, id, generation]);
  // Until the new session is there, the old one stays on screen (the console does not flash away).
  return opened && opened.id === id ? { ...opened, reopen } : null;
}

/** What `useOpenExercise` gives: the session or the problem, and a way to open it again. */
export type OpenedExercise = NonNullable<ReturnType<typeof useOpenExercise>>;
