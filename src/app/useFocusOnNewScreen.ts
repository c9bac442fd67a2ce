import { useEffect, useRef } from 'react';
import type { Route } from './route';

/**
 * A new screen starts at its top, and focus moves to it so a screen reader reads it. Not on the
 * first screen: focusing <main> there scrolled the header (language, projector mode) out of view,
 * and the page's own start, the skip link, is where a keyboard user begins.
 * The new screen's <main> can come later than the route: its code loads lazily (Suspense shows a
 * fallback without <main>), and the console first waits for its session (meanwhile the list's empty
 * <main> stands, focused, then replaced). So focus follows #main as it is replaced, as long as focus
 * has fallen to <body>; it stops once the user acts (a key, a pointer), something else takes focus,
 * or the route changes again. The time limit only ends the watch on a screen that never arrives.
 */
export function useFocusOnNewScreen(screen: Route['screen']) {
  const screenShown = useRef(screen);
  useEffect(() => {
    if (screenShown.current === screen) return;
    screenShown.current = screen;
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
  }, [screen]);
}
