/**
 * What the server tests share: a temporary folder for the SQLite file (or a
 * PostgreSQL database, ./postgres.ts), a real server on a free port, set-ups from the built-in scenarios, and a real `ws`
 * client that checks every message it gets against the protocol's schema.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll } from 'vitest';
import {
  MACHINE_VERSION,
  PROTOCOL_VERSION,
  serverMessageSchema,
  type ExerciseSetup,
  type ServerMessage,
} from '../../src/core';
import { scenarioToSetup } from '../../src/scenarios';
import { parseScenario } from '../../src/scenarios/parseScenario';
import { buildServer, type ParaatServer, type ServerOptions } from '../../server/app';
import type { DatabaseLocation } from '../../server/config';
import type { DeviceRecord } from '../../server/store/eventStore';

export const ADMIN_SECRET = 'test-admin-secret-0123456789abcdef';

/** Long enough never to be what a test waits for; it only keeps a broken test from hanging. */
const GIVE_UP_MS = 20_000;

/** Wait until `condition` holds (no timing is asserted: giving up only keeps a broken test from hanging). */
export async function until(condition: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > GIVE_UP_MS) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'paraat-server-test-'));
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A built-in scenario's set-up, with the scenario kept whole (its injects), as the set-up form makes it. */
export function scenarioSetup(name = 'jaarwisseling'): ExerciseSetup {
  const parsed = parseScenario(readFileSync(new URL(`../../public/scenarios/${name}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`the built-in scenario ${name} does not parse`);
  return { ...scenarioToSetup(parsed.scenario), scenario: parsed.scenario };
}

/** A device record as the store keeps it, approved unless told otherwise. */
export function deviceRecord(
  fields: Pick<DeviceRecord, 'id' | 'exerciseId' | 'role'> & Partial<DeviceRecord>,
): DeviceRecord {
  const at = new Date().toISOString();
  return {
    tokenHash: null,
    pendingSecretHash: null,
    joinCodeId: null,
    castMemberId: null,
    label: fields.id,
    status: 'approved',
    created: at,
    approved: at,
    refused: null,
    revoked: null,
    ...fields,
  };
}

export interface Running {
  server: ParaatServer;
  url: string;
  wsUrl: string;
  /** The SQLite file in `dir` (unused when `database` names PostgreSQL). */
  dbFile: string;
  stop: () => Promise<void>;
}

/**
 * A server of this file's tests: started before them in a folder of its own
 * (a real SQLite file), stopped and removed after. Call at the top of a test
 * file; the running server is `running()` inside the tests.
 */
export function serverForTheseTests(): () => Running {
  let temp: ReturnType<typeof tempDir> | undefined;
  let running: Running | undefined;
  beforeAll(async () => {
    temp = tempDir();
    running = await startServer(temp.dir);
  });
  afterAll(async () => {
    await running?.stop();
    temp?.remove();
  });
  return () => {
    if (!running) throw new Error('the server starts in beforeAll: ask for it inside a test');
    return running;
  };
}

export async function startServer(
  dir: string,
  options: Partial<Pick<ServerOptions, 'distDir' | 'now' | 'logger' | 'limits' | 'trustProxy' | 'database'>> = {},
): Promise<Running> {
  const dbFile = path.join(dir, 'paraat.sqlite');
  const database: DatabaseLocation = options.database ?? { kind: 'sqlite', file: dbFile };
  const server = await buildServer({
    database,
    host: '127.0.0.1',
    port: 0,
    adminSecret: ADMIN_SECRET,
    ...options,
    distDir: options.distDir ?? null,
  });
  const url = await server.listen();
  return { server, url, wsUrl: `${url.replace(/^http/, 'ws')}/ws`, dbFile, stop: () => server.close() };
}

/** The server's log lines (pino JSON), for a test that checks what was logged. */
export function logLines(): { lines: Record<string, unknown>[]; stream: { write(line: string): void } } {
  const lines: Record<string, unknown>[] = [];
  return {
    lines,
    stream: {
      write(line: string) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  };
}

/** An HTTP call to the server: status and JSON body. */
export async function api(
  url: string,
  method: string,
  route: string,
  { body, token, headers = {} }: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    headers: response.headers,
  };
}

export async function createExercise(url: string, setup: ExerciseSetup, secret = ADMIN_SECRET): Promise<string> {
  const response = await fetch(`${url}/api/exercises`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ setup }),
  });
  if (response.status !== 201) throw new Error(`create: ${String(response.status)} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

export const hello = (exerciseId: string, deviceToken = ADMIN_SECRET, lastSeq = 0) => ({
  type: 'hello',
  protocolVersion: PROTOCOL_VERSION,
  machineVersion: MACHINE_VERSION,
  exerciseId,
  deviceToken,
  lastSeq,
});

type Of<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

/** A real WebSocket client. Every message must parse as a server message of the protocol. */
export class TestSocket {
  /** Every message, in order. */
  readonly received: ServerMessage[] = [];
  /** Messages that did not parse as the protocol's: a test expects none. */
  readonly invalid: unknown[] = [];
  /** Received and not yet taken by `next`. */
  private unread: ServerMessage[] = [];
  private waiters: { test: (message: ServerMessage) => boolean; resolve: (message: ServerMessage) => void }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const raw: unknown = JSON.parse(data.toString('utf8'));
      if (!serverMessageSchema.safeParse(raw).success) {
        this.invalid.push(raw);
        return;
      }
      const message = raw as ServerMessage;
      this.received.push(message);
      const index = this.waiters.findIndex((waiter) => waiter.test(message));
      const [waiter] = index === -1 ? [] : this.waiters.splice(index, 1);
      if (waiter) waiter.resolve(message);
      else this.unread.push(message);
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString('utf8') });
      });
    });
  }

  static open(url: string, options: WebSocket.ClientOptions = {}): Promise<TestSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, options);
      const client = new TestSocket(socket);
      socket.once('open', () => {
        resolve(client);
      });
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) => {
        reject(new Error(`upgrade refused: ${String(response.statusCode)}`));
      });
    });
  }

  /** Open, say hello, and wait for the welcome. */
  static async join(wsUrl: string, exerciseId: string, token = ADMIN_SECRET, lastSeq = 0) {
    const client = await TestSocket.open(wsUrl);
    client.send(hello(exerciseId, token, lastSeq));
    const welcome = await client.next('welcome');
    return { client, welcome };
  }

  /** The first message of `type` (and passing `test`) not yet taken, waiting for it if need be. */
  next<T extends ServerMessage['type']>(type: T, test: (message: Of<T>) => boolean = () => true): Promise<Of<T>> {
    return this.nextWhere(
      (message): message is Of<T> => message.type === type && test(message as Of<T>),
      `no ${type} message`,
    );
  }

  /** The first message passing `test` not yet taken, waiting for it if need be. */
  nextWhere<M extends ServerMessage>(
    test: (message: ServerMessage) => message is M,
    what = 'no such message',
  ): Promise<M> {
    const index = this.unread.findIndex(test);
    if (index !== -1) {
      const [message] = this.unread.splice(index, 1);
      return Promise.resolve(message as M);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`${what}; received ${JSON.stringify(this.received.map((m) => m.type))}`));
      }, GIVE_UP_MS);
      this.waiters.push({
        test,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message as M);
        },
      });
    });
  }

  /** The answer to a propose: its `result`, or an `error` that names its id (invalid, rate limited). */
  answer(clientMessageId: string) {
    return this.nextWhere(
      (message): message is Of<'result'> | Of<'error'> =>
        (message.type === 'result' || message.type === 'error') && message.clientMessageId === clientMessageId,
      `no answer to ${clientMessageId}`,
    );
  }

  /** Messages of `type` received and not yet taken. */
  pending(type: ServerMessage['type']): ServerMessage[] {
    return this.unread.filter((message) => message.type === type);
  }

  send(message: unknown) {
    this.socket.send(JSON.stringify(message));
  }

  sendRaw(text: string | Buffer) {
    this.socket.send(text);
  }

  /** The result for `clientMessageId`. */
  result(clientMessageId: string) {
    return this.next('result', (message) => message.clientMessageId === clientMessageId);
  }

  /** Propose and wait for the result. */
  async propose(clientMessageId: string, proposal: unknown, actingAs?: string) {
    this.send({ type: 'propose', clientMessageId, proposal, ...(actingAs === undefined ? {} : { actingAs }) });
    return (await this.result(clientMessageId)).outcome;
  }

  close() {
    this.socket.close();
  }
}
