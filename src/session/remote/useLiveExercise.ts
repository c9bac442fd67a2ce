import { useMemo, useSyncExternalStore } from 'react';
import { NOT_CONNECTED, createLiveClient, type LiveClient, type LiveSocket, type LiveState } from './liveClient';
import { liveSession, type LiveSession } from './liveSession';

/** The server's WebSocket address for a page served by that server: same host, `/ws`. */
export function liveAddress(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

export interface LiveExercise {
  state: LiveState;
  /** The exercise behind the session door, once the server has welcomed this device. */
  session: LiveSession | null;
}

/** One connection's client and, once welcomed, its session: made when the screen subscribes, closed when it stops. */
class LiveConnectionHolder {
  private client: LiveClient | null = null;
  private session: LiveSession | null = null;

  constructor(
    private readonly exerciseId: string,
    private readonly deviceToken: string,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    const opened = createLiveClient({
      url: liveAddress(window.location),
      exerciseId: this.exerciseId,
      deviceToken: this.deviceToken,
      openSocket: (url) => new WebSocket(url) as unknown as LiveSocket,
      newMessageId: () => crypto.randomUUID(),
    });
    this.client = opened;
    this.session = null;
    const unsubscribe = opened.subscribe(listener);
    listener();
    return () => {
      unsubscribe();
      opened.close();
      if (this.client === opened) {
        this.client = null;
        this.session = null;
      }
    };
  };

  readonly getState = (): LiveState => this.client?.getState() ?? NOT_CONNECTED;

  /** The session door, once the server has welcomed the device. */
  sessionOf(state: LiveState): LiveSession | null {
    if (!this.session && this.client && state.head) this.session = liveSession(this.client);
    return this.session;
  }
}

/**
 * A live exercise on the server that served this page, for as long as the
 * component is shown: one client per exercise and token, closed on unmount.
 */
export function useLiveExercise(exerciseId: string, deviceToken: string): LiveExercise {
  const holder = useMemo(() => new LiveConnectionHolder(exerciseId, deviceToken), [exerciseId, deviceToken]);
  const state = useSyncExternalStore(holder.subscribe, holder.getState);
  return { state, session: holder.sessionOf(state) };
}
