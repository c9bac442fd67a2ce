import { memo, useId, type Ref } from 'react';
import type { Language } from '../../i18n';
import { formatExerciseTimeText } from '../../i18n/format';
import type { Scenario } from '../../scenarios';
import type { LogEntry } from '../../session';
import { describeEntry, outcomeOf, type EntryDescription, type RuleMention, type Translate } from './describeEntry';
import type { Attachment } from './filter';

export interface LogEntryRowProps {
  entry: LogEntry;
  /** Notes and corrections by the entry they are about (the whole log, not only what the filter shows). */
  attachments: ReadonlyMap<number, readonly Attachment[]>;
  /** 0-based place among the entries shown; also the virtualiser's `data-index`. */
  index: number;
  /** How many entries are shown. */
  setSize: number;
  canAnnotate: boolean;
  onRequestNote: (seq: number) => void;
  onRequestCorrection: (seq: number) => void;
  /** The view's translation and language, passed down: a `useTranslation` per row is dear to mount. */
  t: Translate;
  language: Language;
  ref?: Ref<HTMLElement>;
  /** Where the virtualiser puts the row, in px from the top of the feed. */
  start?: number;
  /** The exercise's scenario: injects are named by their title. */
  scenario?: Scenario | undefined;
}

const KIND_ICONS: Record<LogEntry['kind'], string> = {
  exercise: '★',
  attempt: '•',
  note: '✎',
  correction: '✎',
  clock: '◷',
  inject: '✉',
  steeringRefused: '✗',
};

function RuleRef({ rule }: { rule: RuleMention }) {
  return (
    <>
      <span className="rule-id">{rule.rule}</span> <span className="log-entry__rule-title">{rule.title}</span>
    </>
  );
}

function Outcome({ outcome, t }: { outcome: EntryDescription['outcome']; t: Translate }) {
  if (!outcome) return null;
  return (
    <span className={`outcome outcome--${outcome}`}>
      <span className="log-icon" aria-hidden="true">
        {outcome === 'accepted' ? '✓' : '✗'}
      </span>{' '}
      {t(`outcome.${outcome}`)}
    </span>
  );
}

function attachmentHeading(item: Attachment, t: Translate) {
  return item.kind === 'note'
    ? t('log.attached.noteBy', { name: item.by.name })
    : t('log.attached.correctionBy', { name: item.by.name, seq: item.corrects });
}

/** Notes and corrections shown under the entry they refer to; a correction of a note under that note. */
function Attachments({
  seq,
  attachments,
  language,
  t,
}: {
  seq: number;
  attachments: ReadonlyMap<number, readonly Attachment[]>;
  language: Language;
  t: Translate;
}) {
  const list = attachments.get(seq);
  if (!list || list.length === 0) return null;
  return (
    <ul className="log-entry__attachments" aria-label={t('log.attached.label', { seq })}>
      {list.map((item) => (
        <li key={item.seq} className={`log-attachment log-attachment--${item.kind}`}>
          <p className="log-attachment__head">
            <span className="log-icon" aria-hidden="true">
              ✎{' '}
            </span>
            <strong>{attachmentHeading(item, t)}</strong>{' '}
            <span className="log-attachment__meta">
              · #{item.seq} · <time dateTime={item.exercise}>{formatExerciseTimeText(item.exercise, language)}</time>
            </span>
          </p>
          <p className="log-attachment__text">{item.text}</p>
          <Attachments seq={item.seq} attachments={attachments} language={language} t={t} />
        </li>
      ))}
    </ul>
  );
}

type EntryContentProps = Pick<
  LogEntryRowProps,
  'entry' | 'attachments' | 'canAnnotate' | 'onRequestNote' | 'onRequestCorrection' | 't' | 'language' | 'scenario'
> & { id: string };

/**
 * What a row says. Kept apart from the row's position: the virtualiser moves
 * rows as it measures them, and a move should not describe the entry again.
 */
const EntryContent = memo(function EntryContent({
  entry,
  attachments,
  canAnnotate,
  onRequestNote,
  onRequestCorrection,
  t,
  language,
  scenario,
  id,
}: EntryContentProps) {
  const description = describeEntry(entry, t, language, scenario);
  const line = t('log.line', { seq: entry.seq });
  const hasChanges =
    description.phase !== null ||
    description.started !== null ||
    description.stopped !== null ||
    description.warningLapsed;
  return (
    <>
      <header className="log-entry__head" id={`${id}-head`}>
        <span className="log-entry__seq">
          <span className="visually-hidden">{line}</span>
          <span aria-hidden="true">#{entry.seq}</span>
        </span>
        {description.outcome ? (
          <Outcome outcome={description.outcome} t={t} />
        ) : (
          <span className="log-entry__kind-icon log-icon" aria-hidden="true">
            {KIND_ICONS[entry.kind]}
          </span>
        )}
        <span className="log-entry__times">
          <span className="visually-hidden">{t('log.exerciseTime')}: </span>
          <time dateTime={entry.exercise} className="log-entry__exercise-time">
            {description.exerciseTime}
          </time>{' '}
          <span className="log-entry__wall">
            ({t('log.wallTime')} <time dateTime={entry.wall}>{description.wallTime}</time>)
          </span>
        </span>
        <span className="log-entry__who">{description.who}</span>
      </header>
      <p className="log-entry__what" id={`${id}-what`}>
        {description.what}
      </p>
      {description.details.length > 0 && (
        <ul className="log-entry__details">
          {description.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
      {description.refusal && (
        <p className="log-entry__refusal">
          <RuleRef rule={description.refusal} /> — {description.refusal.message}
        </p>
      )}
      {description.pilot && (
        <p className="log-entry__pilot">
          <span className="badge log-entry__pilot-badge">
            <span className="log-icon" aria-hidden="true">
              ⚑{' '}
            </span>
            {t('log.pilot')}
          </span>{' '}
          <RuleRef rule={description.pilot} />
        </p>
      )}
      {hasChanges && (
        <ul className="log-entry__changes">
          {description.phase && (
            <li>
              <span className="log-icon" aria-hidden="true">
                ⇅{' '}
              </span>
              {description.phase.text}
            </li>
          )}
          {description.started && (
            <li>
              <span className="log-icon" aria-hidden="true">
                ▶{' '}
              </span>
              {t('log.started', { means: description.started.means })}
            </li>
          )}
          {description.stopped && (
            <li>
              <span className="log-icon" aria-hidden="true">
                ■{' '}
              </span>
              {t('log.stopped', { means: description.stopped.means })}
              {description.stopped.because && (
                <>
                  {' — '}
                  <RuleRef rule={description.stopped.because} />
                </>
              )}
            </li>
          )}
          {description.warningLapsed && (
            <li>
              <span className="log-icon" aria-hidden="true">
                ■{' '}
              </span>
              {t('log.warningLapsed')}
            </li>
          )}
        </ul>
      )}
      <Attachments seq={entry.seq} attachments={attachments} language={language} t={t} />
      {canAnnotate && (
        <EntryTools entry={entry} t={t} onRequestNote={onRequestNote} onRequestCorrection={onRequestCorrection} />
      )}
    </>
  );
});

function EntryTools({
  entry,
  t,
  onRequestNote,
  onRequestCorrection,
}: Pick<LogEntryRowProps, 'entry' | 't' | 'onRequestNote' | 'onRequestCorrection'>) {
  // The visible label comes first in the accessible name (WCAG 2.5.3), the entry after it.
  const onLine = t('log.onLine', { seq: entry.seq });
  return (
    <div className="log-entry__tools">
      <button
        type="button"
        aria-label={`${t('log.annotate')} ${onLine}`}
        onClick={() => {
          onRequestNote(entry.seq);
        }}
      >
        {t('log.annotate')}
      </button>
      {(entry.kind === 'note' || entry.kind === 'correction') && (
        <button
          type="button"
          aria-label={`${t('log.correct')} ${onLine}`}
          onClick={() => {
            onRequestCorrection(entry.seq);
          }}
        >
          {t('log.correct')}
        </button>
      )}
    </div>
  );
}

/**
 * One entry of the log. Accepted and refused entries differ by more than
 * colour: an icon and a word, a different border, and for a refusal the rule
 * and the model's message. Stands on its own, so it can be tested without
 * the virtualised list around it. Memoised: the list re-renders as the
 * virtualiser measures, and only rows whose place or content changed follow.
 */
export const LogEntryRow = memo(function LogEntryRow({
  entry,
  attachments,
  index,
  setSize,
  canAnnotate,
  onRequestNote,
  onRequestCorrection,
  t,
  language,
  ref,
  start,
  scenario,
}: LogEntryRowProps) {
  const id = useId();
  const outcome = outcomeOf(entry);
  return (
    <article
      ref={ref}
      style={start === undefined ? undefined : { transform: `translateY(${String(start)}px)` }}
      className={`log-entry log-entry--${entry.kind}${outcome ? ` log-entry--${outcome}` : ''}`}
      data-index={index}
      data-seq={entry.seq}
      tabIndex={0}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      aria-labelledby={`${id}-head ${id}-what`}
    >
      <EntryContent
        entry={entry}
        attachments={attachments}
        canAnnotate={canAnnotate}
        onRequestNote={onRequestNote}
        onRequestCorrection={onRequestCorrection}
        t={t}
        language={language}
        scenario={scenario}
        id={id}
      />
    </article>
  );
});
