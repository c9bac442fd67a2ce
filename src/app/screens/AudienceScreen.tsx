import type { ReactNode } from 'react';
import type { InjectAudience } from '../../scenarios';
import { releasedFor, useStoredExercise, type ClockState, type ExerciseReader } from '../../session';
import { useLanguage, useTranslation } from '../../i18n';
import { exerciseDateTimeAttribute, formatExerciseTimeOfDay, formatExerciseTimeOfDayText } from '../../i18n/format';
import { useExerciseTime } from '../../features/injects/useExerciseTime';
import '../../features/injects/injects.css';

export interface AudienceScreenProps {
  store: ExerciseReader;
  id: string;
  audience: InjectAudience;
  /** The header's right-hand controls (language, projector), owned by the app. */
  headerControls: ReactNode;
  /** Where the start screen is, for an exercise that is not (or no longer) here. */
  startHref: string;
  /** Wall clock, injectable for stories. */
  now?: () => number;
}

function AudienceClock({ clock, now }: { clock: ClockState; now?: (() => number) | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const time = useExerciseTime(clock, now);
  return (
    <p className="audience-clock">
      <span className="audience-clock__label">{t('injects.view.exerciseTime')}</span>{' '}
      <time dateTime={exerciseDateTimeAttribute(time)}>{formatExerciseTimeOfDay(time, language)}</time>
    </p>
  );
}

/**
 * The room's screen for one audience: in large type, what the trainer has
 * released for it (and for everyone), newest first. It reads the exercise
 * from storage and follows the trainer's console in another tab; it never
 * writes, so it opens no session.
 */
export function AudienceScreen({ store, id, audience, headerControls, startHref, now }: AudienceScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const exercise = useStoredExercise(store, id);
  const audienceName = t(`injects.audience.${audience}`);

  if (exercise?.state !== 'found')
    return (
      <>
        <header className="app-header audience-header">
          <div>
            <p className="audience-header__label">{t('injects.view.label')}</p>
            <h1>{t('app.name')}</h1>
          </div>
          {headerControls}
        </header>
        <main id="main" tabIndex={-1} className="audience">
          {exercise === null ? (
            <p role="status">{t('app.loadingExercise')}</p>
          ) : (
            <>
              <p className="banner banner--error" role="alert">
                {exercise.state === 'notFound'
                  ? t('injects.view.notFound')
                  : t('injects.view.unreadable', { problem: exercise.problem })}
              </p>
              <p>
                <a href={startHref}>{t('injects.view.toStart')}</a>
              </p>
            </>
          )}
        </main>
      </>
    );

  const { head, log } = exercise;
  const shown = releasedFor(head.setup, log, audience).reverse();
  const newest = shown[0];
  return (
    <>
      <header className="app-header audience-header">
        <div>
          <p className="audience-header__label">
            {t('injects.view.label')} · {t('injects.view.for', { audience: audienceName })}
          </p>
          <h1>{head.setup.title}</h1>
        </div>
        <AudienceClock clock={head.clock} now={now} />
        {headerControls}
      </header>
      <main id="main" tabIndex={-1} className="audience">
        <div role="status" className="visually-hidden">
          {newest && t('injects.view.announce', { title: newest.inject.title[language] })}
        </div>
        {!head.setup.scenario ? (
          <p className="audience__empty">{t('injects.view.noScenario')}</p>
        ) : shown.length === 0 ? (
          <p className="audience__empty">{t('injects.view.empty')}</p>
        ) : (
          <ol className="audience__list" aria-label={t('injects.view.released')}>
            {shown.map((state, index) => (
              <li
                key={state.inject.id}
                className={index === 0 ? 'audience-item audience-item--newest' : 'audience-item'}
              >
                <article aria-labelledby={`audience-${state.inject.id}`}>
                  <p className="audience-item__meta">
                    {index === 0 && (
                      <span className="audience-item__newest">
                        <span aria-hidden="true">★ </span>
                        {t('injects.view.newest')}
                      </span>
                    )}
                    <span>
                      {t('injects.view.releasedAt', {
                        time: formatExerciseTimeOfDayText(state.released.exercise, language),
                      })}
                    </span>
                    {state.inject.audience !== 'everyone' && (
                      <span>{t('injects.view.for', { audience: t(`injects.audience.${state.inject.audience}`) })}</span>
                    )}
                  </p>
                  <h2 id={`audience-${state.inject.id}`} className="audience-item__title">
                    {state.inject.title[language]}
                  </h2>
                  <p className="audience-item__text">{state.inject.text[language]}</p>
                </article>
              </li>
            ))}
          </ol>
        )}
      </main>
    </>
  );
}
