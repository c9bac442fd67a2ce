/**
 * The trainer's and observers' notes and corrections, in log order. A
 * correction never edits: it is a new entry pointing at the old one (JESIP).
 */
import type { By } from '../../../machines';
import type { LogEntry } from '../../session';
import { momentOf, type Moment } from './moment';

export interface NoteRecord {
  kind: 'note' | 'correction';
  at: Moment;
  by: By;
  text: string;
  /** The entry it is about (a note, optionally) or corrects (a correction). */
  refersTo: number | null;
}

export function notesAndCorrections(entries: readonly LogEntry[]): NoteRecord[] {
  return entries.flatMap((entry): NoteRecord[] => {
    if (entry.kind === 'note')
      return [{ kind: 'note', at: momentOf(entry), by: entry.by, text: entry.text, refersTo: entry.refersTo ?? null }];
    if (entry.kind === 'correction')
      return [{ kind: 'correction', at: momentOf(entry), by: entry.by, text: entry.text, refersTo: entry.corrects }];
    return [];
  });
}
