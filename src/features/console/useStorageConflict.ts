import { useEffect } from 'react';
import { ExerciseStore, type ExerciseHead, type ExerciseSession } from '../../session';

/**
 * What localStorage holds of this session's exercise, against what the session last wrote or read
 * there: `absent` when it holds no head for it (the session lives in memory — storage unavailable,
 * or a story — or the exercise was removed), `moved` when its head is another than the session's.
 */
export function storedHeadOf(session: ExerciseSession): 'same' | 'moved' | 'absent' {
  const { head, log, savedLength } = session.getState();
  let text: string | null;
  try {
    text = localStorage.getItem(ExerciseStore.headKey(head.id));
  } catch {
    return 'absent';
  }
  if (text === null) return 'absent';
  let stored: Partial<ExerciseHead> | null;
  try {
    stored = JSON.parse(text) as Partial<ExerciseHead> | null;
  } catch {
    return 'moved';
  }
  // The session's stored part ends at `savedLength`: its last entry's hash is the head it wrote or read.
  return stored?.length === savedLength && stored.headHash === log[savedLength - 1]?.hash ? 'same' : 'moved';
}

/**
 * Another tab wrote to this exercise (or storage was cleared): stop writing here, and say so at once
 * rather than at this tab's next write, when ExerciseStore's commit point would refuse it. The
 * console and the model screen both listen.
 *
 * A tab restored from the back/forward cache, or hidden a while, may have missed `storage` events:
 * on coming back it compares storage with what its session last wrote or read.
 */
export function useStorageConflict(session: ExerciseSession): void {
  const id = session.getState().head.id;
  useEffect(() => {
    // A head in storage now and none later is an exercise removed; none now, a session kept in memory.
    const stored = storedHeadOf(session) !== 'absent';
    const recheck = () => {
      if (session.getState().storage.state === 'conflict') return;
      const now = storedHeadOf(session);
      if (now === 'moved' || (stored && now === 'absent')) session.markConflict();
    };
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key === ExerciseStore.headKey(id)) session.markConflict();
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) recheck();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') recheck();
    };
    window.addEventListener('storage', onStorage);
    window.addEventListener('pageshow', onPageShow);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('storage', onStorage);
      window.removeEventListener('pageshow', onPageShow);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [session, id]);
}
