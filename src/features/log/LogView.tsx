import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ROLES } from '../../../machines';
import { useLanguage, useTranslation } from '../../i18n';
import type { Scenario } from '../../scenarios';
import type { LogEntry } from '../../session';
import { announceEntry, describeEntry } from './describeEntry';
import {
  attachmentsOf,
  filterEntries,
  indexOfSeq,
  KIND_FILTERS,
  NO_FILTER,
  OUTCOME_FILTERS,
  type Attachment,
  type KindFilter,
  type LogFilter,
  type OutcomeFilter,
} from './filter';
import { LogEntryRow } from './LogEntryRow';
import { NoteDialog } from './NoteDialog';
import './log.css';

export interface LogViewProps {
  /** The session's log: append-only, and the same array may grow in place. */
  entries: readonly LogEntry[];
  /** Show "Aantekening…" and "Correctie…" (the container asks the model: `maySteer(role, 'exercise.note')`). */
  canAnnotate: boolean;
  onAnnotate: (text: string, refersTo: number) => void;
  onCorrect: (text: string, corrects: number) => void;
  /** The filter to start with (stories; a debrief opening on the refusals). */
  initialFilter?: Partial<LogFilter>;
  /** The exercise's scenario: injects are named by their title. */
  scenario?: Scenario | undefined;
}

/**
 * A first guess of a row's height; every row is measured once it renders.
 * Rows average 107–110 px at desktop and projector widths (1024–1920 px):
 * a guess near that fills the first screenful in one pass, and keeps the
 * corrections small while the newest rows are measured.
 */
const ESTIMATED_ROW_HEIGHT = 108;

const ROW_GAP = 8;

/** For rows nothing is attached to: the map grows with every note, and these rows need not re-render then. */
const NO_ATTACHMENTS: ReadonlyMap<number, readonly Attachment[]> = new Map();

const NAVIGATION_KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End']);

/**
 * The live timeline of every entry in the log, oldest at the top and newest
 * at the bottom. Virtualised: only the rows in view (and a few around them)
 * are in the DOM, so 10,000 entries stay fast. It follows the newest entry
 * unless the reader has scrolled away from the end.
 */
export function LogView({ entries, canAnnotate, onAnnotate, onCorrect, initialFilter, scenario }: LogViewProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  // The log grows in place: its length, not its identity, says that it changed.
  const total = entries.length;
  const [filter, setFilter] = useState<LogFilter>({ ...NO_FILTER, ...initialFilter });
  const shown = useMemo(() => filterEntries(entries, filter, total), [entries, filter, total]);
  const attachments = useMemo(() => attachmentsOf(entries, total), [entries, total]);

  // Announce entries that arrive while the log is open, not the ones it opened with.
  const [totalAtOpen] = useState(total);
  const newest = entries[total - 1];
  const announcement = newest && total > totalAtOpen ? announceEntry(newest, t, language, scenario) : '';

  const [activeSeq, setActiveSeq] = useState<number | null>(null);
  const [dialog, setDialog] = useState<{ mode: 'note' | 'correction'; seq: number } | null>(null);
  // Stable, so the memoised rows do not re-render each time the list does.
  const requestNote = useCallback((seq: number) => {
    setDialog({ mode: 'note', seq });
  }, []);
  const requestCorrection = useCallback((seq: number) => {
    setDialog({ mode: 'correction', seq });
  }, []);

  // Keep the focused row and the row a dialog is about rendered, so focus never falls out of the list.
  const activeIndex = activeSeq === null ? undefined : indexOfSeq(shown, activeSeq);
  const dialogIndex = dialog === null ? undefined : indexOfSeq(shown, dialog.seq);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      for (const pinned of [activeIndex, dialogIndex]) {
        if (pinned !== undefined && pinned < range.count && !indexes.includes(pinned)) indexes.push(pinned);
      }
      return indexes.sort((a, b) => a - b);
    },
    [activeIndex, dialogIndex],
  );

  const scrollerRef = useRef<HTMLDivElement>(null);
  // The virtualiser rebuilds all its positions when this function changes: only when `shown` does.
  const getItemKey = useCallback((index: number) => shown[index]?.seq ?? index, [shown]);
  // The app is not built with the React Compiler; the virtualiser re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey,
    overscan: 4,
    gap: ROW_GAP,
    paddingStart: ROW_GAP,
    paddingEnd: ROW_GAP,
    // Open at the end (the estimated total, which the virtualiser clamps to the last screenful): the
    // first rows rendered and measured are the newest, not the oldest ones before a jump to the end.
    initialOffset: () => shown.length * (ESTIMATED_ROW_HEIGHT + ROW_GAP) + ROW_GAP,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: 48,
    rangeExtractor,
  });

  // Open at the newest entry (to the pixel once its rows are measured), and go back to it when the filter changes.
  useLayoutEffect(() => {
    virtualizer.scrollToEnd();
  }, [virtualizer, filter]);

  const pendingFocus = useRef<number | null>(null);
  const focusRow = (index: number) => {
    const entry = shown[index];
    if (!entry) return;
    setActiveSeq(entry.seq);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const element = scrollerRef.current?.querySelector<HTMLElement>(`[data-index="${String(index)}"]`);
    if (element) element.focus({ preventScroll: true });
    else pendingFocus.current = index;
  };
  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const element = scrollerRef.current?.querySelector<HTMLElement>(`[data-index="${String(index)}"]`);
    if (element) {
      pendingFocus.current = null;
      element.focus({ preventScroll: true });
    }
  });

  // Feed pattern: arrow keys and Page Up/Down move between entries, Home and End to the first and last.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (!NAVIGATION_KEYS.has(event.key) || target.tagName !== 'ARTICLE') return;
    const index = Number(target.dataset.index);
    const last = shown.length - 1;
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? last
          : event.key === 'ArrowDown' || event.key === 'PageDown'
            ? Math.min(index + 1, last)
            : Math.max(index - 1, 0);
    event.preventDefault();
    focusRow(next);
  };

  const dialogEntry = dialog ? entries[dialog.seq - 1] : undefined;
  const countId = `${id}-count`;
  const titleId = `${id}-title`;
  const items = virtualizer.getVirtualItems();

  const change = <K extends keyof LogFilter>(key: K, value: LogFilter[K]) => {
    setActiveSeq(null);
    setFilter((current) => ({ ...current, [key]: value }));
  };

  return (
    <section className="panel log" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('log.title')}</h2>
      <div className="log__toolbar" role="group" aria-label={t('log.filter.label')}>
        <div className="field log__filter">
          <label htmlFor={`${id}-role`}>{t('log.filter.role')}</label>
          <select
            id={`${id}-role`}
            value={filter.role}
            onChange={(event) => {
              change('role', event.target.value as LogFilter['role']);
            }}
          >
            <option value="all">{t('log.filter.allRoles')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field log__filter">
          <label htmlFor={`${id}-kind`}>{t('log.filter.kind')}</label>
          <select
            id={`${id}-kind`}
            value={filter.kind}
            onChange={(event) => {
              change('kind', event.target.value as KindFilter);
            }}
          >
            {KIND_FILTERS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`log.filter.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field log__filter">
          <label htmlFor={`${id}-outcome`}>{t('log.filter.outcome')}</label>
          <select
            id={`${id}-outcome`}
            value={filter.outcome}
            onChange={(event) => {
              change('outcome', event.target.value as OutcomeFilter);
            }}
          >
            {OUTCOME_FILTERS.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`log.filter.outcomes.${outcome}`)}
              </option>
            ))}
          </select>
        </div>
        <p className="log__count" id={countId}>
          {t('log.count', { shown: shown.length, count: total })}
        </p>
        <button
          type="button"
          className="log__to-newest"
          disabled={shown.length === 0}
          onClick={() => {
            focusRow(shown.length - 1);
          }}
        >
          <span aria-hidden="true">↓ </span>
          {t('log.toNewest')}
        </button>
      </div>
      <p className="log__order">{t('log.order')}</p>
      {total === 0 ? (
        <p className="log__empty">{t('log.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="log__empty">{t('log.noMatch')}</p>
      ) : (
        <div className="log__scroller" ref={scrollerRef}>
          <div
            className="log__feed"
            role="feed"
            aria-labelledby={titleId}
            aria-describedby={countId}
            style={{ height: virtualizer.getTotalSize() }}
            onKeyDown={onKeyDown}
            onFocus={(event) => {
              const row = (event.target as HTMLElement).closest<HTMLElement>('article[data-seq]');
              const seq = Number(row?.dataset.seq);
              if (row && seq !== activeSeq) setActiveSeq(seq);
            }}
          >
            {items.map((item) => {
              const entry = shown[item.index];
              if (!entry) return null;
              return (
                <LogEntryRow
                  key={item.key}
                  ref={virtualizer.measureElement}
                  start={item.start}
                  entry={entry}
                  attachments={attachments.has(entry.seq) ? attachments : NO_ATTACHMENTS}
                  index={item.index}
                  setSize={shown.length}
                  scenario={scenario}
                  canAnnotate={canAnnotate}
                  onRequestNote={requestNote}
                  onRequestCorrection={requestCorrection}
                  t={t}
                  language={language}
                />
              );
            })}
          </div>
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {dialog && (
        <NoteDialog
          key={`${dialog.mode}-${String(dialog.seq)}`}
          mode={dialog.mode}
          seq={dialog.seq}
          about={dialogEntry ? describeEntry(dialogEntry, t, language, scenario).what : ''}
          isOpen
          onOpenChange={(open) => {
            if (!open) setDialog(null);
          }}
          onSubmit={(text) => {
            if (dialog.mode === 'note') onAnnotate(text, dialog.seq);
            else onCorrect(text, dialog.seq);
          }}
        />
      )}
    </section>
  );
}
