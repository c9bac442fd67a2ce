// Direct module paths, not the barrels: the first screen must not pull in the statechart runtime,
// the session's hashing or the file parsers (initialJs, npm run bench:check).
import { PHASES } from '../../../machines/phases';
import type { OpenedRepository } from '../../session/local/openRepository';
import { useLanguage, useTranslation } from '../../i18n';
import { InstructorLink } from '../../features/instructor/InstructorLink';
import { DrillLink } from '../../features/drill/DrillLink';
import { PhaseLadder } from '../../features/phaseLadder/PhaseLadder';
import { HeaderControls } from '../HeaderControls';
import { navigate, type Route } from '../route';
import { SkipToMain } from '../SkipToMain';
import type { OpenedExercise } from '../useOpenExercise';
import { ExercisesScreen } from './ExercisesScreen';

export interface StartScreenProps {
  route: Route;
  storage: OpenedRepository | null;
  opened: OpenedExercise | null;
}

/**
 * The first screen: the saved exercises, the instructor mode and live sessions, the model at a
 * glance. It also stands while this device's storage is opened ("being opened…"), when exercises
 * were kept back from the old storage, and when the exercise a route names could not be opened.
 */
export function StartScreen({ route, storage, opened }: StartScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const store = storage?.repository ?? null;
  return (
    <>
      <SkipToMain />
      <header className="app-header">
        <div>
          <h1>{t('app.name')}</h1>
          <p className="app-header__tagline">{t('app.tagline')}</p>
        </div>
        <HeaderControls />
      </header>
      <main id="main" tabIndex={-1}>
        {(route.screen === 'exercise' || route.screen === 'model') && opened && 'error' in opened && (
          <p className="banner banner--error" role="alert">
            {opened.error === 'notFound' ? t('console.notFound') : t('console.unreadable', { problem: opened.error })}
          </p>
        )}
        {!store && <p role="status">{t('app.openingStorage')}</p>}
        {storage && storage.kept.length > 0 && route.screen === 'exercises' && (
          <div className="banner banner--error" role="alert">
            <p>{t('app.migrationKept', { count: storage.kept.length })}</p>
            <ul>
              {storage.kept.map((kept) => (
                <li key={kept.id}>
                  <code>{kept.id}</code>: {kept.reason[language]}
                </li>
              ))}
            </ul>
          </div>
        )}
        {store && route.screen === 'exercises' && (
          <div className="start-screen">
            <ExercisesScreen
              store={store}
              onOpen={(id) => {
                navigate({ screen: 'exercise', id });
              }}
            />
            <div>
              <DrillLink />
              <InstructorLink />
              <p className="live-link">
                <a href="#/live">{t('live.home.title')}</a>
              </p>
              {/* The model at a glance: every exercise starts in phase 1, GGP-GO. */}
              <PhaseLadder phases={PHASES} current={1} foldFacts />
            </div>
          </div>
        )}
      </main>
    </>
  );
}
