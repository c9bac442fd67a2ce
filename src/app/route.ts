import { useSyncExternalStore } from 'react';

/** Two screens, addressed by the hash so a reload returns to the same one. */
export type Route = { screen: 'exercises' } | { screen: 'exercise'; id: string };

const EXERCISE = /^#\/oefening\/([0-9a-f]{8,64})$/;

export function parseRoute(hash: string): Route {
  const match = EXERCISE.exec(hash);
  return match?.[1] ? { screen: 'exercise', id: match[1] } : { screen: 'exercises' };
}

export const exerciseHref = (id: string) => `#/oefening/${id}`;

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
  window.location.hash = route.screen === 'exercise' ? exerciseHref(route.id) : '#/';
}
