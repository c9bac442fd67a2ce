import { useMemo, type ReactNode } from 'react';
import { useLanguage, useTranslation } from '../../i18n';
import { formatStartTime } from '../../i18n/format';
import { ComparisonSection, type RunsFrom } from '../../features/debrief/ComparisonSection';
import { DebriefReport } from '../../features/debrief/DebriefReport';
import { ExportBar } from '../../features/debrief/ExportBar';
import { FinalHash } from '../../features/debrief/IntegritySection';
import { useStoredExercise, type ExerciseReader } from '../../session';
import { debriefOf } from '../../features/debrief/storedExercise';
import '../../features/debrief/debrief.css';
import { StoredExerciseStatus } from './StoredExerciseStatus';

export interface DebriefScreenProps {
  store: ExerciseReader;
  id: string;
  /** The header's right-hand controls (language, projector), owned by the app. */
  headerControls: ReactNode;
  consoleHref: string;
  exercisesHref: string;
  /** Now on the wall clock, ISO: the moment of an export, and where a running exercise clock stands; stories and tests fix it. */
  now?: () => string;
  onPrint?: () => void;
  /** Where the log comes from, when not this device (a live exercise: the server). */
  source?: string;
  /** How the comparison finds other runs: 'listing' where each exercise read is a fetch (the server). */
  runsFrom?: RunsFrom;
}

export function DebriefScreen({
  store,
  id,
  headerControls,
  consoleHref,
  exercisesHref,
  now,
  onPrint,
  source,
  runsFrom,
}: DebriefScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const stored = useStoredExercise(store, id);
  const loaded = useMemo(() => stored && debriefOf(stored), [stored]);
  const debrief = loaded?.state === 'ready' ? loaded.debrief : null;
  const setup = debrief?.head.setup;
  const meta = useMemo(
    () =>
      setup
        ? [
            t('debrief.municipality', { municipality: setup.municipality }),
            t('debrief.start', { start: formatStartTime(setup.startTime, language) }),
            ...(setup.scenario ? [t('debrief.scenario', { title: setup.scenario.title[language] })] : []),
          ].join(' · ')
        : '',
    [setup, t, language],
  );

  return (
    <>
      <header className="app-header debrief-header">
        <div className="debrief-header__title">
          <nav className="debrief-header__nav" aria-label={t('debrief.title')}>
            <a href={consoleHref}>
              <span aria-hidden="true">← </span>
              {t('debrief.backToConsole')}
            </a>
            <a href={exercisesHref}>{t('debrief.allExercises')}</a>
          </nav>
          <h1>{setup ? t('debrief.heading', { title: setup.title }) : t('debrief.title')}</h1>
          {meta && <p className="app-header__tagline">{meta}</p>}
        </div>
        <div className="debrief-header__controls">{headerControls}</div>
      </header>
      <main id="main" tabIndex={-1} className="debrief">
        <StoredExerciseStatus
          loaded={loaded}
          notFound={t('debrief.notFound')}
          unreadable={(problem) => t('debrief.unreadable', { problem })}
        />
        {debrief && (
          <>
            <div className="debrief__toolbar">
              <p className="debrief__read-only">
                {t('debrief.readOnly')}
                {source && (
                  <>
                    <br />
                    {source}
                  </>
                )}
              </p>
              <ExportBar debrief={debrief} {...(now ? { now } : {})} {...(onPrint ? { onPrint } : {})} />
            </div>
            <FinalHash integrity={debrief.integrity} />
            <DebriefReport debrief={debrief} {...(now ? { now: () => Date.parse(now()) } : {})} />
            <ComparisonSection debrief={debrief} store={store} {...(runsFrom ? { runsFrom } : {})} />
          </>
        )}
      </main>
    </>
  );
}

/** Loaded when its route is opened (React.lazy wants a default export). */
export default DebriefScreen;
