import { useId, type Ref } from 'react';
import { GridListItem } from 'react-aria-components';
import { INJECT_ACTIONS, type InjectAction, type InjectState } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import { exerciseDateTimeAttribute, formatExerciseTimeOfDay, formatExerciseTimeOfDayText } from '../../i18n/format';

/** What the card shows: the status from the log, or "due" for a queued inject the clock has reached. */
export type ShownStatus = InjectState['status'] | 'due';

const STATUS_ICONS: Record<ShownStatus, string> = {
  queued: '◷',
  due: '!',
  released: '✓',
  held: '‖',
  skipped: '↷',
};

const ACTION_KEYS = { released: 'release', held: 'hold', skipped: 'skip' } as const;

export interface InjectCardProps {
  state: InjectState;
  due: boolean;
  onAction: (action: InjectAction) => void;
  /** The card's row: focus goes here once it has no actions left (released). */
  ref?: Ref<HTMLDivElement>;
}

/**
 * One inject in the trainer's queue: when, for whom, whether it is a
 * decision point, and what the trainer can still do with it. The status is
 * said in words and with an icon, never by colour alone. Text and expected
 * behaviour are folded away until release: the console may be projected.
 */
export function InjectCard({ state, due, onAction, ref }: InjectCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const { inject, status, released } = state;
  const shown: ShownStatus = due ? 'due' : status;
  const actions = status === 'released' ? [] : INJECT_ACTIONS.filter((action) => action !== status);
  const title = inject.title[language];
  const decisionPoint = inject.decisionPoint;
  const expects = decisionPoint && (
    <p className="inject__expects">
      <strong>{t('injects.expects')}:</strong> {decisionPoint.expects[language]}
    </p>
  );
  return (
    // A row of the queue's grid list: the list is one Tab stop, arrow keys go from inject to inject
    // and, with ← →, to the controls inside one (issue #12).
    <GridListItem
      ref={ref}
      id={inject.id}
      textValue={`${title}, ${t(`injects.status.${shown}`)}`}
      className={`inject inject--${shown}`}
      data-inject={inject.id}
    >
      <article className="inject__card" aria-labelledby={`${id}-title ${id}-status`}>
        <div className="inject__head">
          <span className="inject__time">
            <span className="visually-hidden">{t('injects.dueAt')}</span>{' '}
            <time dateTime={exerciseDateTimeAttribute(state.dueAt)}>
              {formatExerciseTimeOfDay(state.dueAt, language)}
            </time>{' '}
            <span className="inject__offset">{t('injects.offset', { minutes: inject.offsetMinutes })}</span>
          </span>
          <span id={`${id}-status`} className={`inject__status inject__status--${shown}`}>
            <span aria-hidden="true">{STATUS_ICONS[shown]} </span>
            {t(`injects.status.${shown}`)}
            {released &&
              ` ${t('injects.releasedAt', { time: formatExerciseTimeOfDayText(released.exercise, language) })}`}
          </span>
        </div>
        <h3 id={`${id}-title`} className="inject__title">
          {title}
        </h3>
        <p className="inject__meta">
          <span>
            {t('injects.audienceLabel')}: <strong>{t(`injects.audience.${inject.audience}`)}</strong>
          </span>
          {decisionPoint && (
            <span className="inject__decision">
              <span aria-hidden="true">◆ </span>
              {t(`injects.decisionPoint.${decisionPoint.subject ?? 'any'}`)}
            </span>
          )}
        </p>
        {released ? (
          <>
            <p className="inject__text">{inject.text[language]}</p>
            {decisionPoint && (
              <details className="inject__more">
                <summary>{t('injects.expectsOnly')}</summary>
                {expects}
              </details>
            )}
          </>
        ) : (
          <details className="inject__more">
            <summary>{t('injects.readAhead')}</summary>
            <p className="inject__text">{inject.text[language]}</p>
            {expects}
          </details>
        )}
        {actions.length > 0 && (
          <div className="inject__actions">
            {actions.map((action) => (
              <button
                key={action}
                type="button"
                className={action === 'released' ? 'button--primary' : undefined}
                onClick={() => {
                  onAction(action);
                }}
              >
                {t(`injects.actions.${ACTION_KEYS[action]}`)}
                <span className="visually-hidden">: {title}</span>
              </button>
            ))}
          </div>
        )}
      </article>
    </GridListItem>
  );
}
