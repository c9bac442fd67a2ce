/**
 * The Paraat server (issue #14): one port for the built app, the API and the
 * live sessions' WebSocket.
 *
 *   GET  /healthz         {"ok":true,"protocolVersion":1}
 *   POST /api/exercises   (admin) create an exercise from a set-up
 *   GET  /api/exercises   (admin) the exercises on this server
 *   POST /api/exercises/upload, GET /api/exercises/:id/file   (admin) an exercise file in and out (./exerciseFiles.ts)
 *   …/join-codes, …/devices, /api/join   joining with a code (./joining.ts)
 *   GET  /ws              WebSocket: the protocol of src/core/protocol.ts (docs/protocol.md)
 *   GET  /*               the built app (dist/)
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { MAX_MESSAGE_BYTES, PROTOCOL_VERSION, exerciseSetupSchema, issuesOf, newExercise } from '../src/core';
import { bearerOf, identifier } from './auth';
import { Cluster } from './cluster/cluster';
import { handleSocket } from './connection';
import { registerExerciseFiles } from './exerciseFiles';
import { ExerciseHosts, type Logger } from './exerciseHost';
import { Joining, registerJoining } from './joining';
import { DEFAULT_LIMITS, Defences, tooMany, type Limits } from './rateLimit';
import { ensureAdminSecret, matchesHash, type AdminSecret } from './secrets';
import type { DatabaseLocation } from './config';
import type { EventStore } from './store/eventStore';
import { openStore } from './store/openStore';

export interface ServerOptions {
  /** Where the data lives: a SQLite file (its folder made if missing) or a PostgreSQL database. */
  database?: DatabaseLocation;
  /** Short for `database: { kind: 'sqlite', file: dbFile }`. */
  dbFile?: string;
  host?: string;
  /** 0: any free port (`listen` says which). */
  port?: number;
  /** Use this admin secret (stored hashed, replacing any other) instead of the stored or a new one. */
  adminSecret?: string;
  /** Make a new admin secret even though one is stored. */
  renewAdminSecret?: boolean;
  /** The built app to serve; null or missing folder: API and WebSocket only. */
  distDir?: string | null;
  /** Fastify's logger: false for none; a `stream` takes the JSON lines instead of stdout. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Origins besides the server's own that may open the WebSocket (a wall display served elsewhere). */
  allowedOrigins?: readonly string[];
  /** The wall clock (epoch ms): the core's time and the rate limits' clock. */
  now?: () => number;
  /** Rate limits and the slow-reader bound, over the defaults (./rateLimit.ts `DEFAULT_LIMITS`). */
  limits?: Partial<Limits>;
  /**
   * Behind a reverse proxy: take the device's address from `X-Forwarded-For`
   * (Fastify's `trustProxy`), so per-address limits are per device, not per
   * proxy. Never set it without a proxy that sets the header: a client could
   * then name any address.
   */
  trustProxy?: boolean;
}

export interface ParaatServer {
  app: FastifyInstance;
  store: EventStore;
  adminSecret: AdminSecret;
  /** Start listening; resolves with the server's address, e.g. "http://127.0.0.1:5173". */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Request bodies: a set-up holds a whole scenario (up to 500 injects of 10,000 characters). */
const BODY_LIMIT = 8 * 1024 * 1024;

const bilingual = (nl: string, en: string) => ({ nl, en });

/** The WebSocket may be opened from the server's own origin (and the ones configured), or by a client that names none. */
function originAllowed(request: FastifyRequest, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true; // not a browser: a script, a wall display's own client
  if (allowed.includes(origin)) return true;
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

export async function buildServer(options: ServerOptions): Promise<ParaatServer> {
  const now = options.now ?? Date.now;
  const database =
    options.database ?? (options.dbFile === undefined ? undefined : { kind: 'sqlite' as const, file: options.dbFile });
  if (database === undefined) throw new Error('buildServer: no database (database or dbFile)');
  const store = await openStore(database);
  let adminSecret: AdminSecret;
  try {
    adminSecret = await ensureAdminSecret(store, {
      given: options.adminSecret,
      renew: options.renewAdminSecret ?? false,
    });
  } catch (error) {
    await store.close();
    throw error;
  }

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
  });
  const defences = new Defences({ ...DEFAULT_LIMITS, ...options.limits }, now);
  const log: Logger = app.log;
  // On PostgreSQL other server processes may serve the same exercises (./cluster/); SQLite is one process.
  let cluster: Cluster | undefined;
  if (database.kind === 'postgres') {
    try {
      cluster = await Cluster.open(database.url, log);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  const hosts = new ExerciseHosts({ store, now, log, ...(cluster ? { cluster } : {}) });
  const identify = identifier(store, () => adminSecret.hash);

  const requireAdmin = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearerOf(request.headers.authorization);
    if (token === null || !matchesHash(token, adminSecret.hash)) {
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({
          error: 'unauthorized',
          message: bilingual('Beheersleutel ontbreekt of klopt niet.', 'Missing or wrong admin secret.'),
        });
    }
  };

  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_MESSAGE_BYTES } });

  // Every API request from an address takes a token first, before its body is read.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || defences.http.take(request.ip)) return;
    log.warn({ remote: request.ip, url: request.url }, 'http rate limit');
    await tooMany(reply, defences.http.retryAfterMs(request.ip));
  });

  app.get('/healthz', () => ({ ok: true, protocolVersion: PROTOCOL_VERSION }));

  app.post('/api/exercises', { preHandler: requireAdmin }, async (request, reply) => {
    const body = request.body as { setup?: unknown } | null;
    const parsed = exerciseSetupSchema.safeParse(body?.setup);
    if (!parsed.success)
      return reply.code(400).send({
        error: 'invalid',
        message: bilingual('De opzet van de oefening klopt niet.', 'The exercise set-up is not valid.'),
        issues: issuesOf(parsed.error),
      });
    const id = randomBytes(16).toString('hex');
    const created = newExercise(parsed.data, { id, wall: now() });
    await store.create(created.head, [{ entry: created.entry, text: created.text }]);
    log.info({ exercise: id, title: created.head.setup.title }, 'exercise created');
    return reply.code(201).send({
      id,
      headSeq: created.head.length,
      headHash: created.head.headHash,
      createdAt: created.head.createdAt,
    });
  });

  app.get('/api/exercises', { preHandler: requireAdmin }, async () => ({ exercises: await store.list() }));

  registerExerciseFiles(app, { store, hosts, now, log }, requireAdmin);

  const joining = new Joining({ store, hosts, now, log });
  registerJoining(app, joining, requireAdmin, defences);
  // Requests held open for a decision are answered before the server waits for its connections to end.
  app.addHook('preClose', (done) => {
    joining.stop();
    done();
  });

  const allowedOrigins = options.allowedOrigins ?? [];
  app.get(
    '/ws',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        if (!originAllowed(request, allowedOrigins)) {
          log.warn({ origin: request.headers.origin, remote: request.ip }, 'websocket from another origin refused');
          await reply.code(403).send({ error: 'forbidden origin' });
          return;
        }
        if (!defences.connects.take(request.ip)) {
          log.warn({ remote: request.ip }, 'websocket connect rate limit');
          await tooMany(reply, defences.connects.retryAfterMs(request.ip));
        }
      },
    },
    (socket, request) => {
      handleSocket(socket, request.ip, { hosts, identify, log, defences });
    },
  );

  const distDir = options.distDir ?? null;
  if (distDir !== null && existsSync(distDir)) {
    await app.register(fastifyStatic, { root: distDir, prefix: '/', dotfiles: 'ignore' });
  } else {
    app.get('/', (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('Paraat server: de app is niet gebouwd (npm run build). / The app is not built (npm run build).\n'),
    );
  }

  app.addHook('onClose', async () => {
    await hosts.dispose();
    await cluster?.close();
    await store.close();
  });

  // Release injects on time for exercises running when the server stopped.
  await hosts.openRunning();

  return {
    app,
    store,
    adminSecret,
    async listen() {
      await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 5173 });
      const address = app.server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${host}:${String(address.port)}`;
    },
    close: () => app.close(),
  };
}
