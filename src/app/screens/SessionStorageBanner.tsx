import { exerciseFile, exerciseFileName, useSession, useSessionState } from '../../session';
import { downloadText } from '../../ui/download';
import { StorageBanner, type StorageBannerProps } from '../../features/console/StorageBanner';

export interface SessionStorageBannerProps {
  /** Everything lives in memory on this device (no IndexedDB): the console says so; other screens do not. */
  volatile: boolean;
  /** This screen's session was opened again after another tab wrote (useReopened). */
  reloaded: StorageBannerProps['reloaded'];
  /** Open the exercise again as stored, in a new session (the app's); without it the page reloads. */
  onReload?: (() => void) | undefined;
}

/**
 * The storage banner of a screen with an open session: a write that failed can be tried again or
 * what is unsaved exported as a file, and another tab's write is said, with a way to read it.
 */
export function SessionStorageBanner({ volatile, reloaded, onReload }: SessionStorageBannerProps) {
  const session = useSession();
  const state = useSessionState();
  return (
    <StorageBanner
      status={state.storage}
      unsaved={state.log.length - state.savedLength}
      reloaded={reloaded}
      volatile={volatile}
      onRetry={() => {
        void session.retrySave();
      }}
      onExport={() => {
        downloadText(exerciseFileName(state), JSON.stringify(exerciseFile(state, new Date().toISOString()), null, 2));
      }}
      onReload={
        onReload ??
        (() => {
          window.location.reload();
        })
      }
    />
  );
}
