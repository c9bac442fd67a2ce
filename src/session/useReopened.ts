import { useState } from 'react';
import { phaseOf } from '../../machines';
import { useSession, useSessionState } from './useSession';

/**
 * A new session for the same exercise is that exercise opened again as stored (after another tab
 * wrote to it). `generation` counts those openings, so panels can start afresh (as a React key):
 * what they last said was about the session before. `reloaded` is what the screen now shows, for
 * the notice that takes focus from the banner's button, until anything happens.
 */
export function useReopened() {
  const session = useSession();
  const state = useSessionState();
  const [opened, setOpened] = useState({ session, count: 0 });
  if (opened.session !== session) setOpened({ session, count: opened.count + 1 });
  const reloaded =
    opened.count > 0 && state.version === 0 && state.storage.state === 'saved'
      ? { phase: phaseOf(state.snapshot), entries: state.log.length }
      : null;
  return { generation: opened.count, reloaded };
}
