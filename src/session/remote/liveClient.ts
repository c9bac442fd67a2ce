/**
 * A device's side of a live session (issue #14): one WebSocket to the
 * server, the exercise as this device's role may see it, and proposals that
 * count once the server says they are stored. Framework-free, so the browser
 * (its own WebSocket) and Node (the `ws` package, in tests and scripts) run
 * the same client.
 *
 * - Nothing is shown before it is checked: entries join the log only when
 *   their seq is the next and their hashes link (projectedChain.ts). A gap
 *   means something was missed: the client reconnects and catches up from the
 *   last entry it holds.
 * - A lost connection is retried with backoff and jitter (backoff.ts), shown
 *   as `reconnecting`. A proposal made meanwhile waits and is sent once the
 *   server has welcomed the device again; its result, refused or not, is what
 *   the promise gives. It is never applied on this device alone.
 * - `incompatible` (too old, forbidden, revoked, unknown exercise) ends the
 *   session: the UI shows a "reload" screen and the client never retries.
 */
import {
  CLOSE_CODES,
  MACHINE_VERSION,
  PROTOCOL_VERSION,
  applyHeadUpdate,
  serverMessageSchema,
  type ExerciseHead,
  type HeadUpdate,
  type IncompatibleReason,
  type Outcome,
  type Person,
  type ProjectedEntry,
  type DevicesView,
  type ServerMessage,
  type WireProposal,
} from '../../core';
import type { Role, Text } from '../../../machines';
import { RECONNECT_BACKOFF, reconnectDelay, type Backoff } from './backoff';
import { checkProjectedChain, type ProjectedChainProblem } from './projectedChain';

/** The part of a WebSocket the client uses: the browser's and the `ws` package's both have it. */
export interface LiveSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

const OPEN = 1;

export type LiveConnection =
  | { state: 'connecting'; attempt: number }
  | { state: 'live' }
  /** "Offline — reconnecting": the next try in `inMs`. */
  | { state: 'reconnecting'; attempt: number; inMs: number }
  /** The server will not take this device as it is: reload, do not retry. */
  | { state: 'incompatible'; reason: IncompatibleReason; message: Text }
  | { state: 'closed' };

export interface LiveState {
  connection: LiveConnection;
  /** From the device's token, as the server said in its welcome. */
  role: Role | null;
  person: Person | null;
  /** The exercise head as this role may see it; null until the first welcome. */
  head: ExerciseHead | null;
  /** Every entry so far, checked, in seq order (hidden ones as seq and hashes). */
  entries: readonly ProjectedEntry[];
  /** Proposals waiting to be sent or for their result. */
  waiting: number;
  /** Who is in the room: told to the trainer's devices only. */
  devices: DevicesView | null;
  /** What did not check out in the last message the server sent, if anything. */
  chainProblem: ProjectedChainProblem | null;
  /** Raised on every change: a cheap equality check for React. */
  version: number;
}

/** Before the first welcome: nothing held yet. */
export const NOT_CONNECTED: LiveState = {
  connection: { state: 'connecting', attempt: 0 },
  role: null,
  person: null,
  head: null,
  entries: [],
  waiting: 0,
  devices: null,
  chainProblem: null,
  version: -1,
};

/** A proposal's result: the server's outcome, or `notSent` when the session ended before it could be sent. */
export type LiveOutcome = Outcome | { type: 'notSent'; message: Text };

export interface LiveClientOptions {
  /** ws:// or wss:// address of the server's `/ws`. */
  url: string;
  exerciseId: string;
  /** The device token (or, on the trainer's own device, the admin secret). */
  deviceToken: string;
  openSocket: (url: string) => LiveSocket;
  /** A new id for each proposal, unique on this device (crypto.randomUUID in a browser). */
  newMessageId: () => string;
  random?: () => number;
  schedule?: (run: () => void, ms: number) => () => void;
  backoff?: Backoff;
}

export interface LiveClient {
  getState(): LiveState;
  subscribe(listener: () => void): () => void;
  /** Send a proposal (now, or once reconnected) and resolve with what the server made of it. */
  propose(proposal: WireProposal, actingAs?: string): Promise<LiveOutcome>;
  /** Close for good: no reconnect; waiting proposals resolve as `notSent`. */
  close(): void;
}

interface Waiting {
  id: string;
  message: string;
  resolve: (outcome: LiveOutcome) => void;
  /** Times it was refused for the rate limit and sent again. */
  rateLimited: number;
}

/**
 * A proposal refused for the rate limit (before the server read it: nothing is
 * logged) is sent again once the server says it would be taken, this many
 * times; then its result is the error. The server answers a re-sent id once.
 */
const RATE_LIMIT_RETRIES = 5;

const NOT_SENT: Text = {
  nl: 'Niet verstuurd: de verbinding met de server is beëindigd.',
  en: 'Not sent: the connection to the server has ended.',
};

const defaultSchedule = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  return () => {
    clearTimeout(timer);
  };
};

export function createLiveClient(options: LiveClientOptions): LiveClient {
  const random = options.random ?? Math.random;
  const schedule = options.schedule ?? defaultSchedule;
  const backoff = options.backoff ?? RECONNECT_BACKOFF;

  let state: LiveState = { ...NOT_CONNECTED, version: 0 };
  const listeners = new Set<() => void>();
  const publish = (next: Partial<LiveState>) => {
    state = { ...state, ...next, waiting: waiting.size, version: state.version + 1 };
    for (const listener of listeners) listener();
  };

  /** In the order proposed: sent again in that order after a reconnect. */
  const waiting = new Map<string, Waiting>();
  let socket: LiveSocket | null = null;
  let welcomed = false;
  let attempt = 0;
  let cancelRetry: (() => void) | null = null;
  let ended = false;

  const send = (message: string) => {
    if (socket?.readyState === OPEN && welcomed) socket.send(message);
  };

  function connect() {
    cancelRetry = null;
    welcomed = false;
    publish({ connection: { state: 'connecting', attempt } });
    const opened = options.openSocket(options.url);
    socket = opened;
    opened.onopen = () => {
      opened.send(
        JSON.stringify({
          type: 'hello',
          protocolVersion: PROTOCOL_VERSION,
          machineVersion: MACHINE_VERSION,
          exerciseId: options.exerciseId,
          deviceToken: options.deviceToken,
          lastSeq: state.entries.at(-1)?.entry.seq ?? 0,
        }),
      );
    };
    opened.onmessage = (event) => {
      if (socket === opened) receive(event.data);
    };
    opened.onerror = () => undefined; // the close that follows says what to do
    opened.onclose = () => {
      if (socket !== opened) return;
      socket = null;
      welcomed = false;
      if (!ended) retryLater();
    };
  }

  function retryLater() {
    const inMs = reconnectDelay(attempt, random(), backoff);
    attempt += 1;
    publish({ connection: { state: 'reconnecting', attempt, inMs } });
    cancelRetry = schedule(connect, inMs);
  }

  /** Drop this socket and catch up on a new one, at once: something was missed or did not check out. */
  function resync(problem: ProjectedChainProblem | null) {
    publish({ chainProblem: problem });
    const stale = socket;
    socket = null;
    welcomed = false;
    stale?.close();
    if (!ended) retryLater();
  }

  /** Add entries after the ones held, if they check out. */
  function take(next: readonly ProjectedEntry[], head: ExerciseHead): boolean {
    const role = state.role;
    if (!role) return false;
    const lastHeld = state.entries.at(-1)?.entry.seq ?? 0;
    const fresh = next.filter((projected) => projected.entry.seq > lastHeld);
    const problem = checkProjectedChain(head, role, state.entries, fresh);
    if (problem) {
      resync(problem);
      return false;
    }
    if (fresh.length > 0) publish({ entries: [...state.entries, ...fresh], head, chainProblem: null });
    else publish({ head });
    return true;
  }

  const withUpdate = (update: HeadUpdate) => (state.head ? applyHeadUpdate(state.head, update) : null);

  function receive(data: unknown) {
    let message: ServerMessage;
    try {
      const parsed = serverMessageSchema.safeParse(JSON.parse(typeof data === 'string' ? data : String(data)));
      if (!parsed.success) return;
      message = parsed.data;
    } catch {
      return; // not JSON: nothing a server of this protocol sends
    }
    switch (message.type) {
      case 'welcome': {
        // A welcome that restarts the log (the hello's lastSeq was past the head) replaces what was held.
        const restart = message.catchUp[0]?.entry.seq === 1;
        if (restart) publish({ entries: [] });
        publish({ role: message.role, person: message.person ?? null });
        if (!take(message.catchUp, message.head)) return;
        welcomed = true;
        attempt = 0;
        publish({ connection: { state: 'live' } });
        for (const proposal of waiting.values()) send(proposal.message);
        return;
      }
      case 'entries': {
        const head = withUpdate(message.head);
        if (head) take(message.entries, head);
        return;
      }
      case 'result': {
        const proposal = waiting.get(message.clientMessageId);
        const { outcome } = message;
        if ((outcome.type === 'accepted' || outcome.type === 'refused') && state.head) {
          if (!take([outcome.entry], applyHeadUpdate(state.head, outcome.head))) return;
        }
        if (!proposal) return;
        waiting.delete(proposal.id);
        publish({});
        proposal.resolve(outcome);
        return;
      }
      case 'error': {
        const proposal = message.clientMessageId === undefined ? undefined : waiting.get(message.clientMessageId);
        if (!proposal) return;
        if (message.code === 'rateLimited' && proposal.rateLimited < RATE_LIMIT_RETRIES) {
          proposal.rateLimited += 1;
          // Jitter, so the devices behind one address do not all come back in the same instant.
          const inMs = (message.retryAfterMs ?? 1_000) * (1 + random() / 2);
          schedule(() => {
            if (!ended && waiting.has(proposal.id)) send(proposal.message);
          }, inMs);
          return;
        }
        waiting.delete(proposal.id);
        publish({});
        proposal.resolve({ type: 'error', code: message.code, message: message.message });
        return;
      }
      case 'devices': {
        const { exerciseId, trainerConnections, devices, joinCodes } = message;
        publish({ devices: { exerciseId, trainerConnections, devices, joinCodes } });
        return;
      }
      case 'incompatible':
        end({ state: 'incompatible', reason: message.reason, message: message.message });
        return;
    }
  }

  function end(connection: LiveConnection) {
    ended = true;
    cancelRetry?.();
    cancelRetry = null;
    const open = socket;
    socket = null;
    open?.close(connection.state === 'incompatible' ? CLOSE_CODES.incompatible : 1000);
    const left = [...waiting.values()];
    waiting.clear();
    publish({ connection });
    for (const proposal of left) proposal.resolve({ type: 'notSent', message: NOT_SENT });
  }

  connect();

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    propose(proposal, actingAs) {
      if (ended) return Promise.resolve({ type: 'notSent', message: NOT_SENT });
      const id = options.newMessageId();
      const message = JSON.stringify({
        type: 'propose',
        clientMessageId: id,
        proposal,
        ...(actingAs === undefined ? {} : { actingAs }),
      });
      return new Promise<LiveOutcome>((resolve) => {
        waiting.set(id, { id, message, resolve, rateLimited: 0 });
        publish({});
        send(message);
      });
    },
    close() {
      if (!ended) end({ state: 'closed' });
    },
  };
}
