import { useSyncExternalStore } from 'react';

/*
 * Projector mode is a flag on the document's root (`data-projector`, set by the
 * header's toggle), so its larger type holds on every screen through CSS alone.
 * The diagram needs it in script as well: its type is in SVG units and its
 * boxes are laid out for the words, so it is laid out again, not restyled.
 */
const isOn = () => typeof document !== 'undefined' && document.documentElement.hasAttribute('data-projector');

function subscribe(changed: () => void) {
  if (typeof MutationObserver === 'undefined') return () => undefined;
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-projector'] });
  return () => {
    observer.disconnect();
  };
}

/** Whether projector mode is on now; the component renders again when it is toggled. */
export function useProjector(): boolean {
  return useSyncExternalStore(subscribe, isOn, () => false);
}
