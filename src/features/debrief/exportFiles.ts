/**
 * The debrief's three downloads. Markdown and CSV carry the log's final hash;
 * the JSON is the exercise file itself (head with `headHash`, every entry),
 * made by the session's own `exerciseFile` so it imports like any other.
 */
import type { Language } from '../../i18n';
import { exerciseFile, exerciseFileName, replay, type SessionState } from '../../session';
import type { Debrief } from './debrief';
import { debriefCsv } from './exportCsv';
import { debriefMarkdown } from './exportMarkdown';
import type { Translate } from './words';

export interface DebriefDownload {
  fileName: string;
  text: string;
  type: string;
}

function baseName(debrief: Debrief): string {
  const { head } = debrief;
  const title = head.setup.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'oefening';
  return `paraat-nabespreking-${title}-${head.updatedAt.slice(0, 10)}`;
}

export function markdownDownload(
  debrief: Debrief,
  t: Translate,
  language: Language,
  exportedAt: string,
): DebriefDownload {
  return {
    fileName: `${baseName(debrief)}.md`,
    text: debriefMarkdown(debrief, t, language, { exportedAt }),
    type: 'text/markdown;charset=utf-8',
  };
}

export function csvDownload(debrief: Debrief, t: Translate, language: Language, exportedAt: string): DebriefDownload {
  return {
    fileName: `${baseName(debrief)}.csv`,
    text: debriefCsv(debrief, t, language, { exportedAt }),
    type: 'text/csv;charset=utf-8',
  };
}

/** The stored exercise as a session state, read-only: the snapshot is rebuilt from the log (replay). */
export function storedState(debrief: Debrief): SessionState {
  const { head, entries } = debrief;
  return {
    head,
    snapshot: replay(head.setup, entries).snapshot,
    log: entries,
    savedLength: entries.length,
    storage: { state: 'saved' },
    version: 0,
  };
}

export function jsonDownload(debrief: Debrief, exportedAt: string): DebriefDownload {
  const state = storedState(debrief);
  return {
    fileName: exerciseFileName(state),
    text: JSON.stringify(exerciseFile(state, exportedAt), null, 2),
    type: 'application/json',
  };
}
