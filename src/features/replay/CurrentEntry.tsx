import { useTranslation } from '../../i18n';

/** A log line in words, as the log describes it (what of the log's description the replay shows). */
export interface EntryWords {
  seq: number;
  exerciseTime: string;
  who: string;
  what: string;
  details: readonly string[];
  outcome: 'accepted' | 'refused' | null;
  refusal: { rule: string; title: string; message: string } | null;
  phase: { text: string } | null;
}

export interface CurrentEntryProps {
  /** The line the replay stands at, in words; none before the first line. */
  description: EntryWords | null;
  count: number;
}

/** The line the replay stands at, in words (the log's own description), announced politely. */
export function CurrentEntry({ description, count }: CurrentEntryProps) {
  const { t } = useTranslation();
  return (
    <div className="replay-current" role="status" aria-live="polite" aria-atomic="true">
      <h3 className="replay-current__title">{t('replay.current')}</h3>
      {description ? (
        <>
          <p className="replay-current__line">
            <strong>{t('replay.line', { seq: description.seq, count })}</strong>
            {' · '}
            {t('replay.time', { time: description.exerciseTime })}
            {' · '}
            {description.who}
          </p>
          <p className="replay-current__what">
            {description.outcome && (
              <span className={`outcome outcome--${description.outcome}`}>
                <span aria-hidden="true">{description.outcome === 'accepted' ? '✓ ' : '✗ '}</span>
                {description.outcome === 'accepted' ? t('replay.accepted') : t('replay.refusedOutcome')}
                {': '}
              </span>
            )}
            {description.what}
          </p>
          {description.refusal && (
            <p className="replay-current__refusal">
              {t('replay.refused', {
                rule: `${description.refusal.rule} ${description.refusal.title}`,
                message: description.refusal.message,
              })}
            </p>
          )}
          {description.phase && <p className="replay-current__detail">{description.phase.text}</p>}
          {description.details.map((detail) => (
            <p key={detail} className="replay-current__detail">
              {detail}
            </p>
          ))}
        </>
      ) : (
        <p className="replay-current__what">{t('replay.atStart')}</p>
      )}
    </div>
  );
}
