/**
 * The real Paraat server for the live-session measures: built as `npm run server` builds it
 * (scripts/buildServer.mjs, as tests/server/globalSetup.ts does), started as a child process on a fresh
 * SQLite file, and exercises with joined, approved devices made through its HTTP API (docs/protocol.md
 * §8–9), as a trainer and the devices in the room would.
 *
 * The server runs with `--trust-proxy`, and every request and socket names its own address in
 * `X-Forwarded-For`: as behind a reverse proxy with every device on its own address, so the per-address
 * limits are per device (docs/protocol.md §10). The per-device limits stay as they are (60, +5/s): a
 * measure spreads its proposals over enough devices to stay under them.
 */
import { spawn } from 'node:child_process';
import { buildServer } from '../../scripts/buildServer.mjs';

/**
 * Build the server from the checkout (about a second), or take a built one: `PARAAT_BENCH_SERVER=main.js`
 * (e.g. one built from a commit while the checkout is half-way through a change).
 */
export function serverBuild() {
  const given = process.env.PARAAT_BENCH_SERVER;
  if (given) return { entry: given, remove: () => {} };
  return buildServer('paraat-bench-');
}

/**
 * Start the built server (`entry`, main.js) on `dbFile`. Port 0 takes a free one; give the port of a
 * previous start to restart on the same address (the admin secret is printed only on a file's first start:
 * pass it back as `adminSecret`).
 * @param {{ entry: string, dbFile: string, port?: number, adminSecret?: string, cwd?: string }} options
 */
export function spawnParaatServer({ entry, dbFile, port = 0, adminSecret, cwd }) {
  const child = spawn(process.execPath, [entry, '--port', String(port), '--db', dbFile, '--trust-proxy'], {
    cwd,
    env: { ...process.env, PARAAT_LOG_LEVEL: process.env.PARAAT_LOG_LEVEL ?? 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return new Promise((resolve, reject) => {
    let text = '';
    let done = false;
    child.once('error', reject);
    void exited.then((code) => {
      if (!done) reject(new Error(`the Paraat server exited (${String(code)}) before listening:\n${text}`));
    });
    child.stdout.on('data', (chunk) => {
      if (done) return;
      text += chunk.toString('utf8');
      const url = /listening at (http:\/\/[^\s/]+)/.exec(text)?.[1];
      // The secret is printed on the file's first start only; a restart says so instead.
      const printed = /admin secret: ([0-9a-f]+)\n/.exec(text)?.[1];
      const secret = printed ?? (text.includes('Beheersleutel: bij') ? adminSecret : undefined);
      if (!url || !secret) return;
      done = true;
      child.stdout.resume();
      resolve({
        url,
        wsUrl: `${url.replace(/^http/, 'ws')}/ws`,
        port: Number(new URL(url).port),
        adminSecret: secret,
        pid: child.pid,
        exited,
        /** SIGKILL, no goodbye: what a crash does. */
        kill: () => {
          child.kill('SIGKILL');
          return exited;
        },
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}

/** An HTTP call from `address` (X-Forwarded-For): status and JSON body. */
export async function api(url, method, route, { body, token, address } = {}) {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(address ? { 'x-forwarded-for': address } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : JSON.parse(text) };
}

async function expectStatus(call, status, what) {
  const answer = await call;
  if (answer.status !== status) throw new Error(`${what}: ${String(answer.status)} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A made-up address per (group, number): 10.g.n/256.n%256, one per trainer or device. */
export const addressOf = (group, number) =>
  `10.${String(group % 256)}.${String(Math.floor(number / 256) % 256)}.${String(number % 256)}`;

/**
 * One exercise with `devices` approved devices of `role` acting as `castMemberId`, joined as a room does:
 * the trainer makes a code (use limit `devices`), each device joins with it from its own address, the
 * trainer approves it, the device fetches its token.
 * @returns {Promise<{ exerciseId: string, devices: { token: string, address: string }[] }>}
 */
export async function provisionExercise(
  server,
  setup,
  { devices, index, role = 'commander', castMemberId = 'commandant' },
) {
  const admin = { token: server.adminSecret, address: addressOf(200, index) };
  const { id: exerciseId } = await expectStatus(
    api(server.url, 'POST', '/api/exercises', { ...admin, body: { setup } }),
    201,
    'create an exercise',
  );
  const { code } = await expectStatus(
    api(server.url, 'POST', `/api/exercises/${exerciseId}/join-codes`, {
      ...admin,
      body: { role, castMemberId, maxUses: devices, expiresInMinutes: 24 * 60 },
    }),
    201,
    'make a join code',
  );
  const joined = [];
  for (let number = 0; number < devices; number++) {
    const address = addressOf(index % 200, index * devices + number);
    const pending = await expectStatus(
      api(server.url, 'POST', '/api/join', { address, body: { code, deviceName: `bench ${String(number)}` } }),
      201,
      'join',
    );
    await expectStatus(
      api(server.url, 'POST', `/api/exercises/${exerciseId}/devices/${pending.pendingId}/approve`, {
        ...admin,
        body: {},
      }),
      200,
      'approve',
    );
    const approved = await expectStatus(
      api(server.url, 'GET', `/api/join/${pending.pendingId}`, { address, token: pending.pendingSecret }),
      200,
      'fetch the token',
    );
    if (approved.status !== 'approved') throw new Error(`the device is ${String(approved.status)}`);
    joined.push({ token: approved.deviceToken, address });
  }
  return { exerciseId, devices: joined };
}

/**
 * The commander's attempts a measure proposes, in turn: escalations and de-escalations with their
 * reasons, a warning, a deployment the model may refuse — each judged by the core and logged (accepted
 * or refused, R10), so every proposal makes one entry.
 */
const ATTEMPTS = [
  { type: 'phase.escalate', reason: 'Groepen verzamelen zich bij het station' },
  { type: 'crowd.warn' },
  { type: 'phase.deescalate', reason: 'De groep valt uiteen' },
  { type: 'waterCannon.deploy' },
];

/** The proposal number `n` of a measure (the same for Paraat and the bare server). */
export const proposalOf = (n) => ({ kind: 'attempt', attempt: ATTEMPTS[n % ATTEMPTS.length] });
