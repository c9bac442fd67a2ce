/**
 * Reading a stored exercise for the debrief: head and entries straight from
 * the store, read-only. The debrief never opens a session, so it never takes
 * the exercise's write guard and cannot write to the log; the console may
 * stay open in another tab.
 */
import type { ExerciseHead, LogEntry } from '../../session';
import type { ExerciseReader } from './comparison';
import { buildDebrief, type Debrief } from './debrief';

export interface DebriefStore extends ExerciseReader {
  entries(head: ExerciseHead): LogEntry[];
}

export type LoadedDebrief =
  { state: 'ready'; debrief: Debrief } | { state: 'notFound' } | { state: 'unreadable'; problem: string };

export function loadDebrief(store: DebriefStore, id: string): LoadedDebrief {
  try {
    const head = store.head(id);
    if (!head) return { state: 'notFound' };
    return { state: 'ready', debrief: buildDebrief(head, store.entries(head)) };
  } catch (error) {
    return { state: 'unreadable', problem: error instanceof Error ? error.message : String(error) };
  }
}
