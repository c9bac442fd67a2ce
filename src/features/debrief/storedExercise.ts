/**
 * A stored exercise made into its debrief. The debrief reads head and entries
 * from the repository, read-only (useStoredExercise): it never opens a
 * session, so it cannot write to the log, and the console may stay open in
 * another tab.
 */
import type { StoredExercise } from '../../session';
import { buildDebrief, type Debrief } from './debrief';

export type LoadedDebrief =
  { state: 'ready'; debrief: Debrief } | { state: 'notFound' } | { state: 'unreadable'; problem: string };

export function debriefOf(stored: StoredExercise): LoadedDebrief {
  if (stored.state !== 'found') return stored;
  try {
    return { state: 'ready', debrief: buildDebrief(stored.head, stored.log) };
  } catch (error) {
    return { state: 'unreadable', problem: error instanceof Error ? error.message : String(error) };
  }
}
