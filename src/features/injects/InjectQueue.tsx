import { useEffect, useId, useRef, type ReactNode } from 'react';
import { GridList } from 'react-aria-components';
import { INJECT_AUDIENCES, type InjectAudience } from '../../scenarios';
import { isDue, type InjectAction, type InjectState } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import { InjectCard } from './InjectCard';
import './injects.css';

export interface InjectQueueProps {
  /** The scenario's injects with their status from the log (`injectStates`). */
  states: readonly InjectState[];
  /** Exercise time now (naive ms): injects at or before it are due. */
  exerciseTime: number;
  /** The exercise's trainer: the only one who steers the injects (R13). */
  trainerName: string;
  onAction: (injectId: string, action: InjectAction) => void;
  /** Where each audience's screen is; no links without it. */
  audienceHref?: (audience: InjectAudience) => string;
  /** Why the last action was not done, in words. */
  problem?: string | null;
  /** Settings shown under the introduction (release on time). */
  controls?: ReactNode;
}

/**
 * The scenario's injects on the exercise clock, in time order. Injects the
 * clock has reached stand out by an icon, a word and a border, and are
 * announced politely; the trainer releases, holds or skips each one.
 */
export function InjectQueue({
  states,
  exerciseTime,
  trainerName,
  onAction,
  audienceHref,
  problem = null,
  controls,
}: InjectQueueProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const ordered = [...states].sort((a, b) => a.dueAt - b.dueAt);
  const due = ordered.filter((state) => isDue(state, exerciseTime));
  const released = states.filter((state) => state.status === 'released').length;

  // After an action the buttons change: focus stays on the inject, on its first action left or else on its row.
  const cards = useRef(new Map<string, HTMLElement>());
  const focusAfterAction = useRef<string | null>(null);
  useEffect(() => {
    const target = focusAfterAction.current;
    if (target === null) return;
    focusAfterAction.current = null;
    const card = cards.current.get(target);
    (card?.querySelector<HTMLElement>('.inject__actions button') ?? card)?.focus();
  });

  // When injects fall due, scroll the list (not the page) so the first of them is in view.
  const scroller = useRef<HTMLDivElement>(null);
  const firstDue = due[0]?.inject.id;
  const dueKey = due.map((state) => state.inject.id).join(' ');
  useEffect(() => {
    const list = scroller.current;
    const target = firstDue === undefined ? undefined : cards.current.get(firstDue);
    if (!list || !target) return;
    const top = target.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
    list.scrollTop = Math.max(0, top - 8);
  }, [dueKey, firstDue]);

  return (
    <section className="panel injects-panel" aria-labelledby={`${id}-title`}>
      <div className="injects-panel__head">
        <h2 id={`${id}-title`}>{t('injects.title')}</h2>
        <span className="injects-panel__progress">{t('injects.progress', { released, total: states.length })}</span>
      </div>
      <p className="injects-panel__intro">
        {t('injects.intro')} {t('injects.steeredBy', { name: trainerName })}
      </p>
      {controls}

      {audienceHref && (
        <nav className="injects-panel__views" aria-labelledby={`${id}-views`}>
          <h3 id={`${id}-views`}>{t('injects.views.title')}</h3>
          <p className="field__help">{t('injects.views.help')}</p>
          <ul>
            {INJECT_AUDIENCES.map((audience) => (
              <li key={audience}>
                <a href={audienceHref(audience)} target="_blank" rel="noopener">
                  {/* The visible name first: it starts the accessible name too (WCAG 2.5.3). */}
                  {t(`injects.audience.${audience}`)}{' '}
                  <span className="visually-hidden">{t('injects.views.linkSuffix')}</span>
                  <span aria-hidden="true"> ↗</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <div role="status" className="injects-panel__due">
        {due.length > 0 && (
          <p>
            <span aria-hidden="true">! </span>
            {t('injects.due', {
              count: due.length,
              titles: due.map((state) => state.inject.title[language]).join('; '),
            })}
          </p>
        )}
      </div>
      {/* An alert is announced when it appears, so it is rendered only with something to say. */}
      {problem && (
        <p role="alert" className="injects-panel__problem">
          <span aria-hidden="true">⚠ </span>
          {t('injects.notDone', { reason: problem })}
        </p>
      )}

      <div ref={scroller} className="injects-panel__scroller">
        <GridList
          aria-label={t('injects.listLabel')}
          aria-describedby={`${id}-keys`}
          className="injects-panel__list"
          // Letters typed in a row's text would jump elsewhere in the list.
          disallowTypeAhead
        >
          {ordered.map((state) => (
            <InjectCard
              key={state.inject.id}
              ref={(element) => {
                if (element) cards.current.set(state.inject.id, element);
                else cards.current.delete(state.inject.id);
              }}
              state={state}
              due={isDue(state, exerciseTime)}
              onAction={(action) => {
                focusAfterAction.current = state.inject.id;
                onAction(state.inject.id, action);
              }}
            />
          ))}
        </GridList>
      </div>
      <p id={`${id}-keys`} className="field__help injects-panel__keys">
        {t('injects.keys')}
      </p>
    </section>
  );
}
