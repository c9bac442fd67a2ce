/**
 * Bench page for `logView`: Paraat's log view with 10,000 entries. The
 * entries are made before the clock starts (copies of a real long run through
 * the session's door, renumbered, as the TenThousandEntries story does); the
 * time runs from `render` (started by the bench through `window.__renderLogView`)
 * to the first animation frame after React commits. bench/lib/browser.mjs reads
 * `window.__logViewBench` and then scrolls the view.
 */
import { StrictMode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { LogView } from '../../src/features/log/LogView';
import type { LogEntry } from '../../src/session';
import { longLogSession } from '../../tests/fixtures/exercise';
import '../../src/app/styles.css';

declare global {
  interface Window {
    __logViewBench?: { entries: number; renderMs: number };
    __renderLogView?: () => void;
  }
}

const ENTRIES = 10_000;
const source = longLogSession(400).session.getState().log;
const entries: LogEntry[] = Array.from({ length: ENTRIES }, (_, index) => {
  const entry = source[index % source.length] as LogEntry;
  return { ...entry, seq: index + 1 };
});

const ignore = () => undefined;
let started = 0;

/** Says when React has committed the first render; the frame after it is when the user sees it. */
function Committed({ onCommit }: { onCommit: () => void }) {
  useLayoutEffect(onCommit, [onCommit]);
  return null;
}

function done() {
  requestAnimationFrame(() => {
    window.__logViewBench = { entries: ENTRIES, renderMs: performance.now() - started };
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
// The bench starts the render itself, once the page (and the 10,000 entries) are ready, so the time is
// the log view's alone and a profiler can be started just before it.
window.__renderLogView = () => {
  started = performance.now();
  createRoot(root).render(
    <StrictMode>
      <main>
        <LogView entries={entries} canAnnotate={false} onAnnotate={ignore} onCorrect={ignore} />
      </main>
      <Committed onCommit={done} />
    </StrictMode>,
  );
};
