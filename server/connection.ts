/**
 * One WebSocket: the protocol's order of steps (docs/protocol.md). The first
 * message must be `hello`; the server checks the versions, identifies the
 * device by its token, finds the exercise and welcomes it (catch-up) through
 * the exercise's host; after that, `propose` messages go to the host's queue.
 *
 * Nothing a device sends can crash the server or touch another exercise:
 * every message is read inside a try, malformed or unknown ones get an
 * `error`, and messages are handled one at a time per socket, in order.
 */
import type { RawData } from 'ws';
import {
  CLOSE_CODES,
  MACHINE_VERSION,
  PROTOCOL_VERSION,
  helloSchema,
  issuesOf,
  proposeSchema,
  type ErrorCode,
  type IncompatibleReason,
  type ProtocolIssue,
  type ServerMessage,
} from '../src/core';
import type { Identify } from './auth';
import { ADMIN_DEVICE, devicePerson, trainerPerson } from './devices';
import type { Client, ExerciseHost, ExerciseHosts, Logger } from './exerciseHost';
import type { Defences } from './rateLimit';

/** A device that says nothing for this long after connecting is let go. */
export const HELLO_TIMEOUT_MS = 10_000;

export interface ConnectionDeps {
  hosts: ExerciseHosts;
  identify: Identify;
  log: Logger;
  defences: Defences;
}

const INCOMPATIBLE: Record<IncompatibleReason, { nl: string; en: string }> = {
  tooOld: {
    nl: 'Deze versie van Paraat past niet bij de server. Laad de pagina opnieuw.',
    en: 'This version of Paraat does not match the server. Reload the page.',
  },
  forbidden: {
    nl: 'Dit apparaat heeft geen toegang tot deze oefening.',
    en: 'This device has no access to this exercise.',
  },
  revoked: {
    nl: 'De oefenleider heeft dit apparaat uit de oefening gehaald.',
    en: 'The trainer has removed this device from the exercise.',
  },
  unknownExercise: {
    nl: 'Deze oefening bestaat niet op deze server.',
    en: 'This exercise does not exist on this server.',
  },
};

const ERRORS: Record<
  Exclude<ErrorCode, 'forbidden' | 'conflict' | 'storage' | 'reusedMessageId'>,
  { nl: string; en: string }
> = {
  malformed: { nl: 'Dit bericht is geen JSON-tekst.', en: 'This message is not JSON text.' },
  invalid: { nl: 'Dit bericht klopt niet met het protocol.', en: 'This message does not fit the protocol.' },
  alreadyWelcomed: {
    nl: 'Dit apparaat heeft zich op deze verbinding al gemeld.',
    en: 'This device has already said hello on this connection.',
  },
  notWelcomed: {
    nl: 'Meld je eerst (hello) en wacht op het welkom.',
    en: 'Say hello first and wait for the welcome.',
  },
  internal: { nl: 'Er ging iets mis op de server.', en: 'Something went wrong on the server.' },
  rateLimited: {
    nl: 'Te veel berichten achter elkaar: dit bericht is niet gelezen. Wacht even.',
    en: 'Too many messages in a row: this one was not read. Wait a moment.',
  },
};

/** What this module needs of a `ws` WebSocket. */
export interface SocketLike {
  readonly readyState: number;
  readonly OPEN: number;
  readonly CLOSED: number;
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  /** Cut the connection off at once, without a closing handshake. */
  terminate(): void;
  on(event: 'message', listener: (data: RawData, isBinary: boolean) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

let connections = 0;

const textOf = (data: RawData): string =>
  Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');

/**
 * The `clientMessageId` of a message that is not read (over a rate limit),
 * found without parsing it, so the device learns which proposal was dropped.
 */
const CLIENT_MESSAGE_ID = /"clientMessageId"\s*:\s*"([^"\\]{1,80})"/;
const clientMessageIdIn = (data: RawData): { clientMessageId?: string } => {
  const first = Array.isArray(data) ? data[0] : data;
  const bytes = first === undefined ? Buffer.alloc(0) : Buffer.isBuffer(first) ? first : Buffer.from(first);
  const text = bytes.subarray(0, 4096).toString('utf8');
  const id = CLIENT_MESSAGE_ID.exec(text)?.[1];
  return id === undefined ? {} : { clientMessageId: id };
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Take over a freshly upgraded socket. Attaches its listeners synchronously: early messages are not lost. */
export function handleSocket(socket: SocketLike, remote: string, deps: ConnectionDeps) {
  const id = `c${String(++connections)}`;
  const log = deps.log;
  let phase: 'hello' | 'joining' | 'welcomed' | 'closed' = 'hello';
  /** Read after an await: the socket may have closed meanwhile. */
  const closed = () => phase === 'closed';
  let joined: { host: ExerciseHost; client: Client } | null = null;
  let chain: Promise<void> = Promise.resolve();

  const { limits } = deps.defences;
  /** Messages refused in a row by the rate limits. */
  let overLimit = 0;

  const send = (message: ServerMessage) => {
    if (phase === 'closed' || socket.readyState !== socket.OPEN) return;
    socket.send(JSON.stringify(message));
    if (socket.bufferedAmount > limits.maxBufferedBytes) tooSlow();
  };
  /**
   * The device does not read what it is sent: stop sending to it now (it can
   * catch up from its last seq later), close with 4429, and cut it off if it
   * does not take the close frame in time.
   */
  const tooSlow = () => {
    log.warn(
      { connection: id, remote, device: joined?.client.deviceKey, buffered: socket.bufferedAmount },
      'device too slow, disconnected',
    );
    phase = 'closed';
    if (joined) joined.host.leave(joined.client);
    joined = null;
    socket.close(CLOSE_CODES.tooSlow, 'too slow');
    setTimeout(() => {
      if (socket.readyState !== socket.CLOSED) socket.terminate();
    }, limits.slowCloseGraceMs).unref();
  };
  const error = (code: keyof typeof ERRORS, extra: { issues?: ProtocolIssue[]; clientMessageId?: string } = {}) => {
    send({ type: 'error', code, message: ERRORS[code], ...extra });
  };
  const incompatible = (reason: IncompatibleReason) => {
    send({ type: 'incompatible', reason, message: INCOMPATIBLE[reason] });
    phase = 'closed';
    socket.close(CLOSE_CODES.incompatible, reason);
  };

  const helloTimer = setTimeout(() => {
    if (phase !== 'hello') return;
    error('notWelcomed');
    socket.close(CLOSE_CODES.helloTimeout, 'no hello');
  }, HELLO_TIMEOUT_MS);
  helloTimer.unref();

  async function hello(message: Record<string, unknown>) {
    if (phase !== 'hello') {
      error('alreadyWelcomed');
      return;
    }
    // The version first: a client of another protocol version may shape its hello differently.
    if (message.protocolVersion !== PROTOCOL_VERSION) {
      incompatible('tooOld');
      return;
    }
    const parsed = helloSchema.safeParse(message);
    if (!parsed.success) {
      error('invalid', { issues: issuesOf(parsed.error) });
      return;
    }
    const { machineVersion, exerciseId, deviceToken, lastSeq } = parsed.data;
    if (machineVersion !== MACHINE_VERSION) {
      incompatible('tooOld');
      return;
    }
    phase = 'joining';
    const identity = await deps.identify(deviceToken, exerciseId);
    if (identity.kind === 'refused') {
      log.warn({ connection: id, remote, exercise: exerciseId, reason: identity.reason }, 'hello refused');
      incompatible(identity.reason);
      return;
    }
    const host = await deps.hosts.get(exerciseId);
    if (!host) {
      incompatible('unknownExercise');
      return;
    }
    const { setup } = host.head;
    const person = identity.kind === 'device' ? devicePerson(setup, identity.device) : trainerPerson(setup);
    if (closed()) return; // closed while we looked
    const deviceKey = identity.kind === 'device' ? identity.device.id : ADMIN_DEVICE;
    const client: Client = { id, deviceKey, role: person.role, person, send, end: incompatible };
    const joinedAs = await host.join(client, lastSeq);
    if (joinedAs !== 'joined') {
      log.warn({ connection: id, remote, exercise: exerciseId, device: deviceKey, reason: joinedAs }, 'hello refused');
      incompatible(joinedAs);
      return;
    }
    if (closed()) {
      host.leave(client);
      return;
    }
    joined = { host, client };
    phase = 'welcomed';
    clearTimeout(helloTimer);
    log.info({ connection: id, remote, exercise: exerciseId, device: deviceKey, role: person.role }, 'device joined');
  }

  async function propose(message: Record<string, unknown>) {
    const clientMessageId =
      typeof message.clientMessageId === 'string' ? { clientMessageId: message.clientMessageId.slice(0, 80) } : {};
    if (phase !== 'welcomed' || !joined) {
      error('notWelcomed', clientMessageId);
      return;
    }
    const parsed = proposeSchema.safeParse(message);
    if (!parsed.success) {
      error('invalid', { issues: issuesOf(parsed.error), ...clientMessageId });
      return;
    }
    await joined.host.propose(joined.client, parsed.data);
  }

  async function handle(data: RawData, isBinary: boolean) {
    if (phase === 'closed') return;
    if (isBinary) {
      error('malformed');
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(textOf(data));
    } catch {
      error('malformed');
      return;
    }
    if (!isRecord(message) || typeof message.type !== 'string') {
      error('invalid', { issues: [{ path: 'type', code: 'invalid_type' }] });
      return;
    }
    switch (message.type) {
      case 'hello':
        await hello(message);
        return;
      case 'propose':
        await propose(message);
        return;
      default:
        error('invalid', { issues: [{ path: 'type', code: 'invalid_value' }] });
    }
  }

  socket.on('message', (data, isBinary) => {
    if (phase === 'closed') return;
    // Before anything is read, judged or logged: the address's and the device's buckets.
    const allowed = deps.defences.message(remote, joined?.client.deviceKey ?? null);
    if (!allowed.ok) {
      overLimit += 1;
      if (overLimit === 1 || overLimit % 20 === 0)
        log.warn({ connection: id, remote, device: joined?.client.deviceKey, overLimit }, 'message rate limit');
      send({
        type: 'error',
        code: 'rateLimited',
        message: ERRORS.rateLimited,
        retryAfterMs: allowed.retryAfterMs,
        ...clientMessageIdIn(data),
      });
      if (overLimit >= limits.floodCloseAfter) {
        phase = 'closed';
        socket.close(CLOSE_CODES.rateLimited, 'rate limit');
      }
      return;
    }
    overLimit = 0;
    chain = chain
      .then(() => handle(data, isBinary))
      .catch((err: unknown) => {
        log.error({ connection: id, err }, 'message failed');
        error('internal');
      });
  });
  socket.on('close', () => {
    phase = 'closed';
    clearTimeout(helloTimer);
    if (joined) joined.host.leave(joined.client);
    joined = null;
  });
  socket.on('error', (err) => {
    log.warn({ connection: id, err }, 'socket error');
  });
}
