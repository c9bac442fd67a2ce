import { lazy, Suspense } from 'react';
import type { OpenedRepository } from '../session/local/openRepository';
import { SessionContext } from '../session/useSession';
import { useTranslation } from '../i18n';
import { debriefHref } from '../features/debrief/routes';
import { replayHref } from '../features/replay/routes';
import { HeaderControls } from './HeaderControls';
import { audienceHref, exerciseHref, navigate, type Route } from './route';
import { SkipToMain } from './SkipToMain';
import { StartScreen } from './screens/StartScreen';
import type { OpenedExercise } from './useOpenExercise';

// Loaded when their route is opened: the model diagram (with its layout library) and the instructor mode.
const ModelScreen = lazy(() => import('./screens/ModelScreen'));
const InstructorScreen = lazy(() => import('./screens/InstructorScreen'));
const DrillScreen = lazy(() => import('./screens/DrillScreen'));
const DebriefScreen = lazy(() => import('./screens/DebriefScreen'));
const ReplayScreen = lazy(() => import('./screens/ReplayScreen'));
// The console and the audience's screen too: the first screen (the exercise list) needs neither,
// and initialJs (npm run bench:check) counts what loads before it.
const ConsoleScreen = lazy(() =>
  import('./screens/ConsoleScreen').then((module) => ({ default: module.ConsoleScreen })),
);
const LiveHome = lazy(() => import('./screens/LiveScreen').then((module) => ({ default: module.LiveHome })));
const JoinScreen = lazy(() => import('./screens/JoinScreen').then((module) => ({ default: module.JoinScreen })));
const LiveDebrief = lazy(() => import('./screens/LiveScreen').then((module) => ({ default: module.LiveDebrief })));
const LiveExerciseScreen = lazy(() =>
  import('./screens/LiveScreen').then((module) => ({ default: module.LiveExerciseScreen })),
);
const AudienceScreen = lazy(() =>
  import('./screens/AudienceScreen').then((module) => ({ default: module.AudienceScreen })),
);

export interface RouteScreenProps {
  route: Route;
  /** This device's storage; null while it is being opened. */
  storage: OpenedRepository | null;
  /** The exercise the route names, once opened (or why it could not be). */
  opened: OpenedExercise | null;
}

/**
 * The screen for the route. A screen that needs the storage or its exercise waits for it on the
 * start screen, which says what is being opened (or what went wrong).
 */
export function RouteScreen({ route, storage, opened }: RouteScreenProps) {
  const { t } = useTranslation();
  const store = storage?.repository ?? null;
  const volatile = storage?.volatile ?? false;

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
        <SkipToMain />
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
        <SkipToMain />
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

  if (route.screen === 'drill')
    return (
      <>
        <SkipToMain />
        <Suspense fallback={<p role="status">{t('drill.loading')}</p>}>
          <DrillScreen headerControls={<HeaderControls />} startHref="#/" />
        </Suspense>
      </>
    );

  if (store && route.screen === 'debrief')
    return (
      <>
        <SkipToMain />
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
        <SkipToMain />
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
        <SkipToMain />
        <Suspense fallback={<p role="status">{t('app.name')}</p>}>
          <LiveHome
            secretFromLink={route.secret}
            local={store}
            headerControls={<HeaderControls />}
            onOpen={(id) => {
              navigate({ screen: 'liveExercise', id });
            }}
          />
        </Suspense>
      </>
    );

  if (route.screen === 'join')
    return (
      <>
        <SkipToMain />
        <Suspense fallback={<p role="status">{t('app.name')}</p>}>
          <JoinScreen
            code={route.code}
            headerControls={<HeaderControls />}
            onJoined={(id) => {
              navigate({ screen: 'liveExercise', id });
            }}
          />
        </Suspense>
      </>
    );

  if (route.screen === 'liveDebrief')
    return (
      <>
        <SkipToMain />
        {/* Read-only: the server's log, fetched and checked; nothing of it is kept on this device. */}
        <Suspense fallback={<p role="status">{t('debrief.title')}</p>}>
          <LiveDebrief id={route.id} headerControls={<HeaderControls />} />
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
        <SkipToMain />
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

  return <StartScreen route={route} storage={storage} opened={opened} />;
}
