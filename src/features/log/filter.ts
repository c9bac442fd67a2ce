/**
 * The log's filters as pure functions: by role, by kind and by outcome.
 * Filtering only hides entries from view; the log itself never changes.
 */
import type { Role } from '../../../machines';
import type { CorrectionEntry, LogEntry, NoteEntry } from '../../session';
import { outcomeOf, referenceOf } from './describeEntry';

export const KIND_FILTERS = ['all', 'actions', 'decisions', 'refusals', 'notes', 'clock', 'injects'] as const;
export type KindFilter = (typeof KIND_FILTERS)[number];

export const OUTCOME_FILTERS = ['all', 'accepted', 'refused'] as const;
export type OutcomeFilter = (typeof OUTCOME_FILTERS)[number];

export interface LogFilter {
  role: Role | 'all';
  kind: KindFilter;
  outcome: OutcomeFilter;
}

export const NO_FILTER: LogFilter = { role: 'all', kind: 'all', outcome: 'all' };

const isDecision = (entry: LogEntry) =>
  entry.kind === 'attempt' && (entry.event.type === 'mayor.decide' || entry.event.type === 'mayor.revoke');

function matchesKind(entry: LogEntry, kind: KindFilter): boolean {
  switch (kind) {
    case 'all':
      return true;
    case 'actions':
      return entry.kind === 'attempt' && !isDecision(entry);
    case 'decisions':
      return isDecision(entry);
    case 'refusals':
      return outcomeOf(entry) === 'refused';
    case 'notes':
      return entry.kind === 'note' || entry.kind === 'correction';
    case 'clock':
      return entry.kind === 'clock';
    case 'injects':
      // Released, held and skipped injects, and attempts to steer them that R13 refused.
      return entry.kind === 'inject' || (entry.kind === 'steeringRefused' && entry.action === 'inject.release');
  }
}

export function matchesFilter(entry: LogEntry, filter: LogFilter): boolean {
  if (filter.role !== 'all' && entry.by.role !== filter.role) return false;
  if (filter.outcome !== 'all' && outcomeOf(entry) !== filter.outcome) return false;
  return matchesKind(entry, filter.kind);
}

export function isUnfiltered(filter: LogFilter): boolean {
  return filter.role === 'all' && filter.kind === 'all' && filter.outcome === 'all';
}

/** The first `count` entries that pass the filter (the log grows in place; `count` says how far to read). */
export function filterEntries(entries: readonly LogEntry[], filter: LogFilter, count = entries.length): LogEntry[] {
  // Most of the time nothing is filtered: a copy of the first `count` is all it takes.
  if (isUnfiltered(filter)) return entries.slice(0, count);
  const shown: LogEntry[] = [];
  for (let index = 0; index < count; index++) {
    const entry = entries[index];
    if (entry && matchesFilter(entry, filter)) shown.push(entry);
  }
  return shown;
}

/**
 * Where the entry with this `seq` is among `shown`, or `undefined`. The log
 * is in `seq` order, and so is any filtered part of it: a binary search, so a
 * long log needs no index built up front. Entries out of order (a damaged
 * log can be shown too) are still found, by a plain search.
 */
export function indexOfSeq(shown: readonly LogEntry[], seq: number): number | undefined {
  let low = 0;
  let high = shown.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = shown[middle];
    if (!at) break;
    if (at.seq === seq) return middle;
    if (at.seq < seq) low = middle + 1;
    else high = middle - 1;
  }
  const index = shown.findIndex((entry) => entry.seq === seq);
  return index === -1 ? undefined : index;
}

/**
 * Notes and corrections by the entry they are about. Only later entries can be
 * attached to earlier ones, so the attachments form a tree and never a cycle.
 */
export type Attachment = NoteEntry | CorrectionEntry;

export function attachmentsOf(entries: readonly LogEntry[], count = entries.length): Map<number, Attachment[]> {
  const attached = new Map<number, Attachment[]>();
  for (let index = 0; index < count; index++) {
    const entry = entries[index];
    if (entry?.kind !== 'note' && entry?.kind !== 'correction') continue;
    const target = referenceOf(entry);
    if (target === null || target >= entry.seq) continue;
    const list = attached.get(target);
    if (list) list.push(entry);
    else attached.set(target, [entry]);
  }
  return attached;
}
