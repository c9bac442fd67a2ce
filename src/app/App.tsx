import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
// Direct module paths, not the barrels: the first screen must not pull in the statechart runtime,
// the session's hashing or the file parsers (initialJs, npm run bench:check).
import { PHASES } from '../../machines/phases';
import type { ExerciseSession } from '../session/session';
import type { ExerciseRepository } from '../session/repository';
import type { OpenedRepository } from '../session/local/openRepository';
import { SessionContext } from '../session/useSession';
import { PhaseLadder } from '../features/phaseLadder/PhaseLadder';
import { LanguageSwitch } from '../features/language/LanguageSwitch';
import { ProjectorToggle } from '../features/console/ProjectorToggle';
import { ExercisesScreen } from './screens/ExercisesScreen';
import { InstructorLink } from '../features/instructor/InstructorLink';
import { useLanguage, useTranslation } from '../i18n';
import { debriefHref } from '../features/debrief/routes';
import { replayHref } from '../features/replay/routes';
import { audienceHref, exerciseHref, navigate, useRoute } from './route';

// Loaded when their route is opened: the model diagram (with its layout library) and the instructor mode.
const ModelScreen = lazy(() => import('./screens/ModelScreen'));
const InstructorScreen = lazy(() => import('./screens/InstructorScreen'));
const DebriefScreen = lazy(() => import('./screens/DebriefScreen'));
const ReplayScreen = lazy(() => import('./screens/ReplayScreen'));
// The console and the audience's screen too: the first screen (the exercise list) needs neither,
// and initialJs (npm run bench:check) counts what loads before it.
const ConsoleScreen = lazy(() =>
  import('./screens/ConsoleScreen').then((module) => ({ default: module.ConsoleScreen })),
);
const LiveHome = lazy(() => import('./screens/LiveScreen').then((module) => ({ default: module.LiveHome })));
const LiveExerciseScreen = lazy(() =>
  import('./screens/LiveScreen').then((module) => ({ default: module.LiveExerciseScreen })),
);
const AudienceScreen = lazy(() =>
  import('./screens/AudienceScreen').then((module) => ({ default: module.AudienceScreen })),
);

function HeaderControls() {
  return (
    <div className="header-controls">
      <ProjectorToggle />
      <LanguageSwitch />
    </div>
  );
}

/**
 * Open the exercise the route names; a missing or unreadable one is said, not thrown. `reopen`
 * opens it again as stored, in a new session: after another tab wrote to it, this tab's session
 * is out of date and writes nothing more (the repository's length fence).
 */
type Opened = { id: string; session: ExerciseSession } | { id: string; error: string };

function useOpenExercise(repository: ExerciseRepository | null, id: string | null) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [generation, setGeneration] = useState(0);
  const reopen = useCallback(() => {
    setGeneration((count) => count + 1);
  }, []);
  useEffect(() => {
    if (!id || !repository) return;
    let cancelled = false;
    let opened: ExerciseSession | null = null;
    // Opening a session subscribes to the repository's news (an external system), so it happens
    // here and not during render. The session module (statechart, hashing) loads with it.
    void import('../session/session')
      .then(({ openSession }) => openSession(repository, id))
      .then(
        (session): Opened => (session ? { id, session } : { id, error: 'notFound' }),
        (error: unknown): Opened => ({ id, error: error instanceof Error ? error.message : String(error) }),
      )
      .then((result) => {
        if (cancelled) {
          if ('session' in result) result.session.dispose();
          return;
        }
        if ('session' in result) opened = result.session;
        setOpened(result);
      });
    return () => {
      cancelled = true;
      opened?.dispose();
    };
  }, [repository, id, generation]);
  // Until the new session is there, the old one stays on screen (the console does not flash away).
  return opened && opened.id === id ? { ...opened, reopen } : null;
}

/**
 * This device's repository: IndexedDB, with exercises still in the old browser storage moved over first, or
 * memory when the browser offers no IndexedDB. Loaded after the first screen is drawn: it brings
 * the hash chain the migration verifies with (initialJs, npm run bench:check).
 */
function useRepository(): OpenedRepository | null {
  const [opened, setOpened] = useState<OpenedRepository | null>(null);
  useEffect(() => {
    let cancelled = false;
    void import('../session/local/openRepository')
      .then(({ openRepository }) => openRepository())
      .then((result) => {
        if (!cancelled) setOpened(result);
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return opened;
}

/**
 * Offline use: register the service worker once the first screen is drawn and the main thread is
 * idle. Its install fetches and caches every chunk (~2.3 MB, the diagram's layout library among
 * them); started on `load`, that competed with the first render on a slow laptop. Only in the
 * build: dev and tests have no sw.js.
 */
function useServiceWorker() {
  useEffect(() => {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    const register = () => {
      void navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
    };
    if (typeof window.requestIdleCallback === 'function') {
      const idle = window.requestIdleCallback(register, { timeout: 3000 });
      return () => {
        window.cancelIdleCallback(idle);
      };
    }
    const timer = window.setTimeout(register, 1000);
    return () => {
      window.clearTimeout(timer);
    };
  }, []);
}

export function App() {
  const { t } = useTranslation();
  const language = useLanguage();
  useServiceWorker();
  const storage = useRepository();
  const store = storage?.repository ?? null;
  const volatile = storage?.volatile ?? false;
  const route = useRoute();
  const opened = useOpenExercise(store, route.screen === 'exercise' || route.screen === 'model' ? route.id : null);

  // A new screen starts at its top, and focus moves to it so a screen reader reads it. Not on the
  // first screen: focusing <main> there scrolled the header (language, projector mode) out of view,
  // and the page's own start, the skip link, is where a keyboard user begins.
  // The new screen's <main> can come later than the route: its code loads lazily (Suspense shows a
  // fallback without <main>), and the console first waits for its session (meanwhile the list's empty
  // <main> stands, focused, then replaced). So focus follows #main as it is replaced, as long as focus
  // has fallen to <body>; it stops once the user acts (a key, a pointer), something else takes focus,
  // or the route changes again. The time limit only ends the watch on a screen that never arrives.
  const screenShown = useRef(route.screen);
  useEffect(() => {
    if (screenShown.current === route.screen) return;
    screenShown.current = route.screen;
    window.scrollTo(0, 0);
    let focused: HTMLElement | null = null;
    const follow = (late: boolean) => {
      const main = document.getElementById('main');
      if (!main || main === focused) return;
      const active = document.activeElement;
      if (late && active && active !== document.body) return;
      if (late) window.scrollTo(0, 0);
      focused = main;
      main.focus({ preventScroll: true });
    };
    follow(false);
    const observer = new MutationObserver(() => {
      follow(true);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const timer = window.setTimeout(stop, 30_000);
    function focusMoved(event: FocusEvent) {
      if (event.target !== focused) stop();
    }
    function stop() {
      observer.disconnect();
      window.clearTimeout(timer);
      window.removeEventListener('keydown', stop, true);
      window.removeEventListener('pointerdown', stop, true);
      document.removeEventListener('focusin', focusMoved, true);
    }
    window.addEventListener('keydown', stop, true);
    window.addEventListener('pointerdown', stop, true);
    document.addEventListener('focusin', focusMoved, true);
    return stop;
  }, [route.screen]);

  const skipLink = (
    <a className="skip-link" href="#main">
      {t('app.skipToMain')}
    </a>
  );

  if (route.screen === 'exercise' && opened && 'session' in opened)
    return (
      <SessionContext.Provider value={opened.session}>
        {/* The console has skip links of its own, one per panel. */}
        <Suspense fallback={<p role="status">{t('app.name')}</p>}>
          <ConsoleScreen
            volatile={volatile}
            headerControls={<HeaderControls />}
            audienceHref={(audience) => audienceHref(opened.id, audience)}
            debriefHref={debriefHref(opened.id)}
            replayHref={replayHref(opened.id)}
            onReload={opened.reopen}
            onBack={() => {
              navigate({ screen: 'exercises' });
            }}
          />
        </Suspense>
      </SessionContext.Provider>
    );

  if (route.screen === 'model' && opened && 'session' in opened)
    return (
      <SessionContext.Provider value={opened.session}>
        {skipLink}
        <Suspense fallback={<p role="status">{t('diagram.loading')}</p>}>
          <ModelScreen
            headerControls={<HeaderControls />}
            onReload={opened.reopen}
            onBack={() => {
              navigate({ screen: 'exercise', id: opened.id });
            }}
          />
        </Suspense>
      </SessionContext.Provider>
    );

  if (route.screen === 'instructor')
    return (
      <>
        {skipLink}
        <Suspense fallback={<p role="status">{t('instructor.loading')}</p>}>
          <InstructorScreen
            step={route.step}
            onStep={(step) => {
              navigate({ screen: 'instructor', step });
            }}
            headerControls={<HeaderControls />}
            startHref="#/"
          />
        </Suspense>
      </>
    );

  if (store && route.screen === 'debrief')
    return (
      <>
        {skipLink}
        {/* Read-only: the debrief reads head and entries from the store and opens no session (no write guard). */}
        <Suspense fallback={<p role="status">{t('debrief.title')}</p>}>
          <DebriefScreen
            key={route.id}
            store={store}
            id={route.id}
            headerControls={<HeaderControls />}
            consoleHref={exerciseHref(route.id)}
            exercisesHref="#/"
          />
        </Suspense>
      </>
    );

  if (store && route.screen === 'replay')
    return (
      <>
        {skipLink}
        {/* Read-only: the replay reads head and entries from the store and opens no session (no write guard). */}
        <Suspense fallback={<p role="status">{t('replay.title')}</p>}>
          <ReplayScreen
            key={route.id}
            store={store}
            id={route.id}
            headerControls={<HeaderControls />}
            consoleHref={exerciseHref(route.id)}
            exercisesHref="#/"
            onBranched={(id) => {
              navigate({ screen: 'exercise', id });
            }}
          />
        </Suspense>
      </>
    );

  if (route.screen === 'live')
    return (
      <>
        {skipLink}
        <Suspense fallback={<p role="status">{t('app.name')}</p>}>
          <LiveHome
            secretFromLink={route.secret}
            headerControls={<HeaderControls />}
            onOpen={(id) => {
              navigate({ screen: 'liveExercise', id });
            }}
          />
        </Suspense>
      </>
    );

  if (route.screen === 'liveExercise')
    return (
      <Suspense fallback={<p role="status">{t('app.name')}</p>}>
        <LiveExerciseScreen
          key={route.id}
          id={route.id}
          headerControls={<HeaderControls />}
          onBack={() => {
            navigate({ screen: 'live', secret: null });
          }}
        />
      </Suspense>
    );

  if (store && route.screen === 'audience')
    return (
      <>
        {skipLink}
        {/* Read-only: the audience's screen follows the console in another tab and opens no session. */}
        <Suspense fallback={<p role="status">{t('app.name')}</p>}>
          <AudienceScreen
            key={`${route.id}/${route.audience}`}
            store={store}
            id={route.id}
            audience={route.audience}
            headerControls={<HeaderControls />}
            startHref="#/"
          />
        </Suspense>
      </>
    );

  return (
    <>
      {skipLink}
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
