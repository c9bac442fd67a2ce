/**
 * Issue #14 item 4, joining without accounts, in the real stack: the trainer
 * makes role-bound join codes; a device joins with one and waits; nothing of
 * the exercise reaches it until the trainer approves; approval gives it a
 * device token (fetched once), which its hello needs; the trainer sees who is
 * pending and connected, refuses or revokes; a revoked device's sockets close.
 * The server's clock is a fake one (expiry), its log is read from a stream.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLOSE_CODES,
  JOIN_CODE_ALPHABET,
  createdJoinCodeSchema,
  devicesViewSchema,
  formatJoinCode,
  joinPendingSchema,
  joinStatusSchema,
  normalizeJoinCode,
  type CreatedJoinCode,
  type DeviceView,
  type JoinPending,
  type ServerMessage,
} from '../../src/core';
import { newJoinCode } from '../../server/joining';
import { sha256Hex } from '../../server/secrets';
import {
  ADMIN_SECRET,
  TestSocket,
  api,
  createExercise,
  hello,
  logLines,
  scenarioSetup,
  startServer,
  tempDir,
  type Running,
} from './helpers';

const T0 = Date.UTC(2026, 11, 31, 20, 0);
let clock = T0;
let temp: ReturnType<typeof tempDir>;
let running: Running;
const log = logLines();
const setup = scenarioSetup('jaarwisseling');
const sockets: TestSocket[] = [];

beforeAll(async () => {
  temp = tempDir();
  running = await startServer(temp.dir, { now: () => clock, logger: { level: 'info', stream: log.stream } });
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await running.stop();
  temp.remove();
  expect(sockets.flatMap((socket) => socket.invalid)).toEqual([]);
});

const call = (method: string, route: string, options: { body?: unknown; token?: string | null } = {}) =>
  api(running.url, method, route, { token: ADMIN_SECRET, ...options });

async function makeCode(exerciseId: string, body: Record<string, unknown>): Promise<CreatedJoinCode> {
  const made = await call('POST', `/api/exercises/${exerciseId}/join-codes`, { body });
  expect(made.status).toBe(201);
  return createdJoinCodeSchema.parse(made.body);
}

async function joinWith(code: string, deviceName: string): Promise<JoinPending> {
  const joined = await api(running.url, 'POST', '/api/join', { body: { code, deviceName } });
  expect(joined.status).toBe(201);
  return joinPendingSchema.parse(joined.body);
}

const statusOf = (pending: JoinPending, secret: string | null = pending.pendingSecret, wait = 0) =>
  api(running.url, 'GET', `/api/join/${pending.pendingId}${wait > 0 ? `?wait=${String(wait)}` : ''}`, {
    token: secret,
  });

/** Approve, fetch the token, and say hello with it. */
async function approvedDevice(exerciseId: string, pending: JoinPending, body: object = {}) {
  const approved = await call('POST', `/api/exercises/${exerciseId}/devices/${pending.pendingId}/approve`, { body });
  expect(approved.status).toBe(200);
  const fetched = joinStatusSchema.parse((await statusOf(pending)).body);
  if (fetched.status !== 'approved') throw new Error(`approved expected, got ${fetched.status}`);
  return fetched;
}

async function open(): Promise<TestSocket> {
  const socket = await TestSocket.open(running.wsUrl);
  sockets.push(socket);
  return socket;
}

async function join(exerciseId: string, token = ADMIN_SECRET) {
  const joined = await TestSocket.join(running.wsUrl, exerciseId, token);
  sockets.push(joined.client);
  return joined;
}

/** Read the trainer's `devices` messages in order until one in which `test` holds for the device `id`. */
async function seen(trainer: TestSocket, id: string, test: (device: DeviceView) => boolean) {
  for (;;) {
    const message = await trainer.next('devices');
    const device = message.devices.find((candidate) => candidate.id === id);
    if (device && test(device)) return device;
  }
}

describe('join codes', () => {
  it('are 8 characters of Crockford base32, random, read case-insensitively with a hyphen or without', () => {
    const codes = new Set(Array.from({ length: 200 }, newJoinCode));
    expect(codes.size).toBe(200);
    for (const code of codes) {
      expect(code).toHaveLength(8);
      for (const character of code) expect(JOIN_CODE_ALPHABET).toContain(character);
      expect(normalizeJoinCode(formatJoinCode(code).toLowerCase())).toBe(code);
    }
    // Every character of the alphabet turns up (5 random bits each, no bias to a subset).
    expect(new Set([...codes].join('')).size).toBe(32);
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[ILOU]/);
    expect(normalizeJoinCode('ab1d-ef0h')).toBe('AB1DEF0H');
    expect(normalizeJoinCode('abld efoh')).toBe('AB1DEF0H'); // l → 1, o → 0, as Crockford reads them
    expect(normalizeJoinCode('ABCD-EFGU')).toBeNull(); // U is in no code
    expect(normalizeJoinCode('ABCD-EFG')).toBeNull();
    expect(normalizeJoinCode('ABCD-EFGHJ')).toBeNull();
  });

  it('are made by the trainer only, bound to a role (and a cast member of it), and stored hashed', async () => {
    const id = await createExercise(running.url, setup);
    const made = await makeCode(id, { role: 'mayor', castMemberId: 'burgemeester', maxUses: 2, expiresInMinutes: 30 });
    expect(made.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(made).toMatchObject({
      role: 'mayor',
      castMemberId: 'burgemeester',
      maxUses: 2,
      usesLeft: 2,
      usable: true,
      expiresAt: new Date(clock + 30 * 60_000).toISOString(),
    });

    const route = `/api/exercises/${id}/join-codes`;
    expect((await call('POST', route, { body: { role: 'mayor' }, token: null })).status).toBe(401);
    expect((await call('POST', route, { body: { role: 'mayor' }, token: 'not-the-admin-secret' })).status).toBe(401);
    // The trainer's own devices use the admin secret: no code makes a trainer.
    expect((await call('POST', route, { body: { role: 'trainer' } })).body).toMatchObject({ error: 'invalid' });
    const wrongMember = await call('POST', route, { body: { role: 'mayor', castMemberId: 'commandant' } });
    expect(wrongMember).toMatchObject({ status: 400, body: { error: 'unknownCastMember' } });
    expect((await call('POST', route, { body: { role: 'mayor', maxUses: 0 } })).status).toBe(400);
    expect((await call('POST', route, { body: { role: 'mayor', by: 'x' } })).status).toBe(400);
    const elsewhere = await call('POST', `/api/exercises/${'f'.repeat(32)}/join-codes`, { body: { role: 'mayor' } });
    expect(elsewhere).toMatchObject({ status: 404, body: { error: 'unknownExercise' } });

    // Listed without its text: that is shown once.
    const listed = await call('GET', route);
    const listedCodes = listed.body.joinCodes as Record<string, unknown>[];
    expect(listedCodes).toHaveLength(1);
    expect(listedCodes[0]).not.toHaveProperty('code');
    expect({ ...listedCodes[0], code: made.code }).toEqual(made);
    // The store has the code's hash only.
    const raw = new Database(running.dbFile, { readonly: true });
    const rows = raw.prepare('SELECT * FROM join_codes WHERE exercise_id = ?').all(id) as Record<string, unknown>[];
    raw.close();
    const plain = normalizeJoinCode(made.code) ?? '';
    expect(rows).toHaveLength(1);
    expect(rows[0]?.code_hash).toBe(sha256Hex(plain));
    expect(JSON.stringify(rows)).not.toContain(plain);
    expect(JSON.stringify(rows)).not.toContain(made.code);
  });

  it('let in as many devices as their uses, until they expire or are revoked, and tell nothing about a bad one', async () => {
    const id = await createExercise(running.url, setup);
    const once = await makeCode(id, { role: 'observer', expiresInMinutes: 10 });
    await joinWith(once.code, 'tablet 1');
    const used = await api(running.url, 'POST', '/api/join', { body: { code: once.code, deviceName: 'tablet 2' } });
    expect(used.status).toBe(403);

    const soon = await makeCode(id, { role: 'observer', expiresInMinutes: 10, maxUses: 5 });
    clock += 10 * 60_000; // the code expires at exactly this moment
    const expired = await api(running.url, 'POST', '/api/join', { body: { code: soon.code, deviceName: 'laat' } });
    expect(expired.status).toBe(403);

    const revoked = await makeCode(id, { role: 'observer', maxUses: 5 });
    const revoking = await call('DELETE', `/api/exercises/${id}/join-codes/${revoked.id}`);
    expect(revoking).toMatchObject({ status: 200, body: { joinCode: { usable: false } } });
    const afterRevoke = await api(running.url, 'POST', '/api/join', {
      body: { code: revoked.code, deviceName: 'x' },
    });
    const unknown = await api(running.url, 'POST', '/api/join', { body: { code: 'ZZZZ-ZZZZ', deviceName: 'x' } });
    const notACode = await api(running.url, 'POST', '/api/join', { body: { code: 'hallo', deviceName: 'x' } });
    // One answer for every code that does not let anyone in.
    for (const refused of [afterRevoke, unknown, notACode]) {
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual(used.body);
    }
    expect(expired.body).toEqual(used.body);
    expect(used.body).toMatchObject({ error: 'badCode' });

    // Junk bodies are answered, never thrown.
    for (const body of ['{"code": ', '[]', '{}', JSON.stringify({ code: 'ABCD-EFGH', deviceName: '   ' })]) {
      const junk = await api(running.url, 'POST', '/api/join', { body });
      expect(junk.status, body).toBe(400);
    }
    expect(
      (await api(running.url, 'POST', '/api/join', { body: { code: 'x', deviceName: 'y'.repeat(2000) } })).status,
    ).toBe(413);
    expect((await call('GET', `/api/exercises/${id}/join-codes`)).body.joinCodes).toHaveLength(3);
  });
});

describe('a device that joins', () => {
  it('waits for the trainer: nothing of the exercise reaches it until it is approved', async () => {
    const id = await createExercise(running.url, setup);
    const { client: trainer } = await join(id);
    // The trainer's device is told who is in the room, right after its welcome.
    const first = await trainer.next('devices');
    expect(first).toMatchObject({ exerciseId: id, trainerConnections: 1, devices: [], joinCodes: [] });
    const made = await makeCode(id, { role: 'mayor', castMemberId: 'burgemeester' });
    expect((await trainer.next('devices', (m) => m.joinCodes.length === 1)).joinCodes[0]?.id).toBe(made.id);

    // Lower case, no hyphen.
    const pending = await joinWith(made.code.replace('-', '').toLowerCase(), 'laptop burgemeester');
    expect(Object.keys(pending).sort()).toEqual(['pendingId', 'pendingSecret', 'role', 'status']);
    expect(pending).toMatchObject({ status: 'pending', role: 'mayor' });
    expect(pending.pendingSecret).toMatch(/^[0-9a-f]{32}$/);

    // The trainer sees it waiting, as whom it will act.
    const waiting = await seen(trainer, pending.pendingId, (device) => device.status === 'pending');
    expect(waiting).toMatchObject({
      name: 'laptop burgemeester',
      role: 'mayor',
      person: { role: 'mayor', name: 'Ingrid Scholten', castMemberId: 'burgemeester' },
      connected: false,
      connections: 0,
      joinCodeId: made.id,
    });

    // The device's own view: its status, nothing more; only with its secret.
    expect((await statusOf(pending)).body).toEqual({ status: 'pending' });
    expect((await statusOf(pending, null)).status).toBe(404);
    expect((await statusOf(pending, 'f'.repeat(32))).status).toBe(404);
    // Its secret opens no socket.
    const early = await open();
    early.send(hello(id, pending.pendingSecret));
    expect((await early.next('incompatible')).reason).toBe('forbidden');
    expect((await early.closed).code).toBe(CLOSE_CODES.incompatible);
    expect(early.received.map((message) => message.type)).toEqual(['incompatible']);

    // The exercise goes on meanwhile; the waiting device hears none of it.
    expect(await trainer.propose('n', { kind: 'note', text: 'Alleen voor de oefenleider' })).toMatchObject({
      type: 'accepted',
      seq: 2,
    });

    // Held open until the trainer decides.
    const held = statusOf(pending, pending.pendingSecret, 20);
    const approved = await call('POST', `/api/exercises/${id}/devices/${pending.pendingId}/approve`, { body: {} });
    expect(approved).toMatchObject({ status: 200, body: { device: { status: 'approved' } } });
    const answer = joinStatusSchema.parse((await held).body);
    if (answer.status !== 'approved') throw new Error('approved expected');
    expect(answer).toMatchObject({
      deviceId: pending.pendingId,
      exerciseId: id,
      role: 'mayor',
      person: { name: 'Ingrid Scholten', municipality: 'Lindenburg' },
    });
    expect(answer.deviceToken).toMatch(/^[0-9a-f]{32}$/);

    // The token opens the exercise, in the role and as the person the trainer let in.
    const { client: mayor, welcome } = await join(id, answer.deviceToken);
    expect(welcome).toMatchObject({ role: 'mayor', person: { name: 'Ingrid Scholten' }, headSeq: 2 });
    expect(welcome.catchUp[1]?.entry.kind).toBe('redacted');
    const connected = await seen(trainer, pending.pendingId, (device) => device.connected);
    expect(connected).toMatchObject({ status: 'approved', connections: 1 });
    expect(connected.approvedAt).toBe(new Date(clock).toISOString());

    // The token is in use: the pending secret is spent, and the store keeps the token's hash only.
    expect((await statusOf(pending)).status).toBe(404);
    const raw = new Database(running.dbFile, { readonly: true });
    const row = raw.prepare('SELECT * FROM devices WHERE id = ?').get(pending.pendingId) as Record<string, unknown>;
    raw.close();
    expect(row.token_hash).toBe(sha256Hex(answer.deviceToken));
    expect(row.pending_secret_hash).toBeNull();
    expect(JSON.stringify(row)).not.toContain(answer.deviceToken);
    expect(JSON.stringify(row)).not.toContain(pending.pendingSecret);

    // What the mayor's device does is judged as the mayor.
    expect(
      await mayor.propose('d', {
        kind: 'attempt',
        attempt: { type: 'mayor.decide', subject: 'waterCannon', verdict: 'refused', grounds: 'Nog niet' },
      }),
    ).toMatchObject({ type: 'accepted', entry: { entry: { by: { role: 'mayor', name: 'Ingrid Scholten' } } } });

    // Leaving shows as not connected.
    mayor.close();
    expect(await seen(trainer, pending.pendingId, (device) => !device.connected)).toMatchObject({
      status: 'approved',
    });
    // The same picture over HTTP.
    const view = devicesViewSchema.parse((await call('GET', `/api/exercises/${id}/devices`)).body);
    expect(view.devices.map((device) => [device.id, device.status, device.connected])).toEqual([
      [pending.pendingId, 'approved', false],
    ]);
    expect(view.trainerConnections).toBe(1);
    // Only the trainer's devices are told who is in the room.
    expect(mayor.received.some((message: ServerMessage) => message.type === 'devices')).toBe(false);
  });

  it('is bound to a cast member at approval when its code named only a role; a fetched token replaces the last', async () => {
    const id = await createExercise(running.url, setup);
    const made = await makeCode(id, { role: 'commander' });
    const pending = await joinWith(made.code, 'telefoon ME');
    const route = `/api/exercises/${id}/devices/${pending.pendingId}/approve`;
    expect(await call('POST', route, { body: { castMemberId: 'burgemeester' } })).toMatchObject({
      status: 400,
      body: { error: 'unknownCastMember' },
    });
    const first = await approvedDevice(id, pending, { castMemberId: 'commandant' });
    expect(first.person).toEqual({ role: 'commander', name: 'Jeroen Visser', castMemberId: 'commandant' });
    // Asked again before it was used (the answer got lost): a new token, and the first one ends.
    const second = joinStatusSchema.parse((await statusOf(pending)).body);
    if (second.status !== 'approved') throw new Error('approved expected');
    expect(second.deviceToken).not.toBe(first.deviceToken);
    const stale = await open();
    stale.send(hello(id, first.deviceToken));
    expect((await stale.next('incompatible')).reason).toBe('forbidden');
    const { welcome } = await join(id, second.deviceToken);
    expect(welcome.person).toMatchObject({ name: 'Jeroen Visser' });
    // Approving twice changes nothing; refusing an approved device is too late (revoke it).
    expect((await call('POST', route, { body: {} })).status).toBe(200);
    const late = await call('POST', `/api/exercises/${id}/devices/${pending.pendingId}/refuse`);
    expect(late).toMatchObject({ status: 409, body: { error: 'wrongStatus', status: 'approved' } });
  });

  it('can be refused: it is told so, and can never be approved after', async () => {
    const id = await createExercise(running.url, setup);
    const made = await makeCode(id, { role: 'prosecutor' });
    const pending = await joinWith(made.code, 'onbekende laptop');
    const held = statusOf(pending, pending.pendingSecret, 20);
    const refused = await call('POST', `/api/exercises/${id}/devices/${pending.pendingId}/refuse`);
    expect(refused).toMatchObject({ status: 200, body: { device: { status: 'refused' } } });
    expect((await held).body).toEqual({ status: 'refused' });
    expect((await statusOf(pending)).body).toEqual({ status: 'refused' });
    const approve = await call('POST', `/api/exercises/${id}/devices/${pending.pendingId}/approve`);
    expect(approve).toMatchObject({ status: 409, body: { status: 'refused' } });
    // A device of another exercise is not this one's to decide on.
    const other = await createExercise(running.url, setup);
    expect((await call('POST', `/api/exercises/${other}/devices/${pending.pendingId}/refuse`)).status).toBe(404);
    expect(
      (await call('POST', `/api/exercises/${id}/devices/${pending.pendingId}/refuse`, { token: null })).status,
    ).toBe(401);
  });

  it('is removed on revocation: its open sockets close with revoked, and its token opens none again', async () => {
    const id = await createExercise(running.url, setup);
    const { client: trainer } = await join(id);
    const made = await makeCode(id, { role: 'mayor', castMemberId: 'burgemeester' });
    const pending = await joinWith(made.code, 'laptop');
    const approved = await approvedDevice(id, pending);
    const { client: one } = await join(id, approved.deviceToken);
    const { client: two } = await join(id, approved.deviceToken);
    expect(await seen(trainer, pending.pendingId, (device) => device.connections === 2)).toMatchObject({
      connected: true,
    });

    const revoked = await call('POST', `/api/exercises/${id}/devices/${pending.pendingId}/revoke`);
    expect(revoked).toMatchObject({ status: 200, body: { device: { status: 'revoked', connected: false } } });
    for (const socket of [one, two]) {
      expect((await socket.next('incompatible')).reason).toBe('revoked');
      expect((await socket.closed).code).toBe(CLOSE_CODES.incompatible);
    }
    expect(await seen(trainer, pending.pendingId, (device) => device.status === 'revoked')).toMatchObject({
      connected: false,
      endedAt: new Date(clock).toISOString(),
    });
    const again = await open();
    again.send(hello(id, approved.deviceToken));
    expect((await again.next('incompatible')).reason).toBe('revoked');
    expect(again.received.map((message) => message.type)).toEqual(['incompatible']);
    // The trainer goes on.
    expect(await trainer.propose('n', { kind: 'note', text: 'Verder zonder de laptop' })).toMatchObject({
      type: 'accepted',
    });
  });

  it('acts only as its token says: another role or person is refused (forbidden) and logged under its real device, not in the exercise log', async () => {
    const id = await createExercise(running.url, setup);
    const other = await createExercise(running.url, setup);
    const made = await makeCode(id, { role: 'mayor', castMemberId: 'burgemeester' });
    const pending = await joinWith(made.code, 'laptop burgemeester');
    const approved = await approvedDevice(id, pending);
    const { client: mayor } = await join(id, approved.deviceToken);

    const posing = await mayor.propose(
      'pose',
      { kind: 'attempt', attempt: { type: 'phase.escalate', reason: 'x' } },
      'commandant',
    );
    expect(posing).toMatchObject({ type: 'error', code: 'forbidden' });
    const logged = log.lines.find((line) => line.msg === 'acting as another refused' && line.exercise === id);
    expect(logged).toMatchObject({
      device: pending.pendingId,
      role: 'mayor',
      person: 'Ingrid Scholten',
      actingAs: 'commandant',
    });
    expect(await running.server.store.entries(id)).toHaveLength(1);
    // Naming itself is not acting as another.
    const decide = { type: 'mayor.decide', subject: 'tearGas', verdict: 'refused', grounds: 'Niet nodig' };
    expect(await mayor.propose('self', { kind: 'attempt', attempt: decide }, 'burgemeester')).toMatchObject({
      type: 'accepted',
    });
    // Its token opens no other exercise.
    const wrong = await open();
    wrong.send(hello(other, approved.deviceToken));
    expect((await wrong.next('incompatible')).reason).toBe('forbidden');
  });
});
