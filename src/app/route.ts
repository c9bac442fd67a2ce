import { useSyncExternalStore } from 'react';
import { INJECT_AUDIENCES, type InjectAudience } from '../scenarios/audiences';
import { MODEL_ROUTE, modelHref } from '../features/diagram/routes';
import { INSTRUCTOR_ROUTE, instructorHref } from '../features/instructor/routes';
import { DEBRIEF_ROUTE, debriefHref } from '../features/debrief/routes';
import { REPLAY_ROUTE, replayHref } from '../features/replay/routes';
import { DRILL_ROUTE, drillHref } from '../features/drill/routes';

/** Two screens, addressed by the hash so a reload returns to the same one. */
export type Route =
  | { screen: 'exercises' }
  | { screen: 'exercise'; id: string }
  /** The room's screen for one audience of an exercise's injects (read-only). */
  | { screen: 'audience'; id: string; audience: InjectAudience }
  /** The live model diagram of an exercise, full screen for a projector. */
  | { screen: 'model'; id: string }
  /** The instructor's walkthrough of GGP-GO, at a step (1-based). */
  | { screen: 'instructor'; step: number }
  /** The decision drill for the mayor's staff (issue #15). */
  | { screen: 'drill' }
  /** The debrief (after-action review) of an exercise, read-only from the store. */
  | { screen: 'debrief'; id: string }
  /** Stepping through an exercise's log (read-only), and branching from a line. */
  | { screen: 'replay'; id: string }
  /** Live sessions on the server that served the page (the trainer's); the admin link carries the secret once. */
  | { screen: 'live'; secret: string | null }
  /** The console on a live exercise. */
  | { screen: 'liveExercise'; id: string }
  /** The debrief of a live exercise, read from the server's log (the trainer's). */
  | { screen: 'liveDebrief'; id: string }
  /** A device joins a live exercise with a code (the projector's QR code carries it). */
  | { screen: 'join'; code: string | null };

const EXERCISE = /^#\/oefening\/([0-9a-f]{8,64})$/;
const LIVE = /^#\/live(?:\?sleutel=([0-9A-Za-z_-]{1,200}))?$/;
const JOIN = /^#\/join(?:\?code=([0-9A-Za-z -]{1,40}))?$/;
const LIVE_EXERCISE = /^#\/live\/([0-9a-f]{8,64})$/;
const LIVE_DEBRIEF = /^#\/live\/([0-9a-f]{8,64})\/nabespreking$/;

const AUDIENCE = new RegExp(`^#/oefening/([0-9a-f]{8,64})/publiek/(${INJECT_AUDIENCES.join('|')})$`);

export function parseRoute(hash: string): Route {
  // The start screen without a pattern: the first match of each pattern compiles it, on the first screen's path.
  if (hash === '' || hash === '#' || hash === '#/') return { screen: 'exercises' };
  const model = MODEL_ROUTE.exec(hash);
  if (model?.[1]) return { screen: 'model', id: model[1] };
  const debrief = DEBRIEF_ROUTE.exec(hash);
  if (debrief?.[1]) return { screen: 'debrief', id: debrief[1] };
  const replayed = REPLAY_ROUTE.exec(hash);
  if (replayed?.[1]) return { screen: 'replay', id: replayed[1] };
  const instructor = INSTRUCTOR_ROUTE.exec(hash);
  if (instructor) return { screen: 'instructor', step: Math.max(1, Number(instructor[1] ?? 1)) };
  if (DRILL_ROUTE.test(hash)) return { screen: 'drill' };
  const audience = AUDIENCE.exec(hash);
  if (audience?.[1] && audience[2])
    return { screen: 'audience', id: audience[1], audience: audience[2] as InjectAudience };
  const live = LIVE.exec(hash);
  if (live) return { screen: 'live', secret: live[1] ?? null };
  const join = JOIN.exec(hash);
  if (join) return { screen: 'join', code: join[1] ?? null };
  const liveExercise = LIVE_EXERCISE.exec(hash);
  if (liveExercise?.[1]) return { screen: 'liveExercise', id: liveExercise[1] };
  const liveDebrief = LIVE_DEBRIEF.exec(hash);
  if (liveDebrief?.[1]) return { screen: 'liveDebrief', id: liveDebrief[1] };
  const match = EXERCISE.exec(hash);
  return match?.[1] ? { screen: 'exercise', id: match[1] } : { screen: 'exercises' };
}

export const exerciseHref = (id: string) => `#/oefening/${id}`;
export const audienceHref = (id: string, audience: InjectAudience) => `#/oefening/${id}/publiek/${audience}`;

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => {
    window.removeEventListener('hashchange', listener);
  };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(route: Route) {
  window.location.hash =
    route.screen === 'exercise'
      ? exerciseHref(route.id)
      : route.screen === 'audience'
        ? audienceHref(route.id, route.audience)
        : route.screen === 'model'
          ? modelHref(route.id)
          : route.screen === 'instructor'
            ? instructorHref(route.step)
            : route.screen === 'drill'
              ? drillHref()
              : route.screen === 'debrief'
                ? debriefHref(route.id)
                : route.screen === 'replay'
                  ? replayHref(route.id)
                  : route.screen === 'live'
                    ? '#/live'
                    : route.screen === 'liveExercise'
                      ? `#/live/${route.id}`
                      : route.screen === 'liveDebrief'
                        ? `#/live/${route.id}/nabespreking`
                        : route.screen === 'join'
                          ? '#/join'
                          : '#/';
}
