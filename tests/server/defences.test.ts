/**
 * Issue #14 item 7, the server's defences, each in the real stack (a server
 * of its own with small limits, a fake clock that only the test moves, real
 * sockets and SQLite file): rate limits per device and per address, enforced
 * before anything is judged or logged, so a flood cannot make the log grow;
 * joins held to a strict limit per address and in total, so codes cannot be
 * guessed; a socket that keeps flooding is closed; a device that does not
 * read what it is sent is disconnected (4429); junk never harms the server.
 */
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES, createdJoinCodeSchema, type ExerciseSetup } from '../../src/core';
import type { Limits } from '../../server/rateLimit';
import { sha256Hex } from '../../server/secrets';
import {
  ADMIN_SECRET,
  TestSocket,
  api,
  createExercise,
  deviceRecord,
  hello,
  scenarioSetup,
  startServer,
  tempDir,
  type Running,
} from './helpers';

const T0 = Date.UTC(2026, 11, 31, 20, 0);
const plenty = { capacity: 100_000, perSecond: 100_000 };
/** Every limit out of the way but the one a test sets. */
const GENEROUS: Partial<Limits> = {
  connectsPerIp: plenty,
  messagesPerIp: plenty,
  messagesPerDevice: plenty,
  httpPerIp: plenty,
  joinsPerIp: plenty,
  joinsTotal: plenty,
};
const setup = scenarioSetup('jaarwisseling');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverWith(limits: Partial<Limits>, options: { trustProxy?: boolean } = {}) {
  const temp = tempDir();
  let clock = T0;
  const running = await startServer(temp.dir, { limits: { ...GENEROUS, ...limits }, now: () => clock, ...options });
  const sockets: TestSocket[] = [];
  cleanups.push(async () => {
    for (const socket of sockets) socket.close();
    await running.stop();
    temp.remove();
    expect(sockets.flatMap((socket) => socket.invalid)).toEqual([]);
  });
  const join = async (exerciseId: string, token = ADMIN_SECRET, lastSeq = 0) => {
    const joined = await TestSocket.join(running.wsUrl, exerciseId, token, lastSeq);
    sockets.push(joined.client);
    return joined;
  };
  const open = async () => {
    const socket = await TestSocket.open(running.wsUrl);
    sockets.push(socket);
    return socket;
  };
  return {
    running,
    join,
    open,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

async function deviceOf(running: Running, exerciseId: string, role: 'mayor' | 'observer', castMemberId?: string) {
  const token = `${role}-token-${exerciseId}`;
  await running.server.store.saveDevice(
    deviceRecord({
      id: `${role}-${exerciseId.slice(0, 12)}`,
      exerciseId,
      tokenHash: sha256Hex(token),
      role,
      castMemberId: castMemberId ?? null,
    }),
  );
  return token;
}

const escalate = { kind: 'attempt', attempt: { type: 'phase.escalate', reason: 'Ik wil opschalen' } };
const note = (text: string) => ({ kind: 'note', text });
const propose = (socket: TestSocket, clientMessageId: string, proposal: unknown) => {
  socket.send({ type: 'propose', clientMessageId, proposal });
  return socket.answer(clientMessageId);
};

describe('rate limits on the WebSocket', () => {
  it('per device: a flood is answered rateLimited before anything is judged, and the log grows only by what the bucket lets through', async () => {
    const { running, join, advance } = await serverWith({ messagesPerDevice: { capacity: 5, perSecond: 1 } });
    const id = await createExercise(running.url, setup);
    const token = await deviceOf(running, id, 'mayor', 'burgemeester');
    const { client: mayor } = await join(id, token);
    const { client: trainer } = await join(id);

    // The mayor may not escalate: each one judged is a logged refusal (R13). Twenty at once.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) => propose(mayor, `f${String(index)}`, escalate)),
    );
    const judged = answers.filter((answer) => answer.type === 'result');
    const limited = answers.filter((answer) => answer.type === 'error');
    expect(judged.map((answer) => answer.outcome)).toMatchObject(
      [2, 3, 4, 5, 6].map((seq) => ({ type: 'refused', rule: 'R13', seq })),
    );
    expect(limited).toHaveLength(15);
    for (const answer of limited)
      expect(answer).toMatchObject({ type: 'error', code: 'rateLimited', retryAfterMs: expect.any(Number) as number });
    expect(limited.every((answer) => (answer.retryAfterMs ?? 0) > 0)).toBe(true);
    expect(await running.server.store.entries(id)).toHaveLength(6);

    // Another device has its own bucket.
    expect(await trainer.propose('t', note('De oefenleider gaat door'))).toMatchObject({ type: 'accepted', seq: 7 });
    // A second later the mayor has one token again: one more judged, the next refused unread.
    advance(1000);
    expect((await propose(mayor, 'later-1', escalate)).type).toBe('result');
    expect(await propose(mayor, 'later-2', escalate)).toMatchObject({ type: 'error', code: 'rateLimited' });
    expect(await running.server.store.entries(id)).toHaveLength(8);
    // A socket of the same device shares its bucket.
    const { client: second } = await join(id, token);
    expect(await propose(second, 'other-socket', escalate)).toMatchObject({ code: 'rateLimited' });
  });

  it('per address: devices behind one address share its bucket, whatever their own', async () => {
    const { running, join, advance } = await serverWith({ messagesPerIp: { capacity: 6, perSecond: 1 } });
    const id = await createExercise(running.url, setup);
    const token = await deviceOf(running, id, 'mayor', 'burgemeester');
    const { client: trainer } = await join(id); // 1: the hello counts
    for (const n of [1, 2, 3]) expect(await trainer.propose(`t${String(n)}`, note(`Regel ${String(n)}`))).toBeTruthy(); // 4
    const { client: mayor } = await join(id, token); // 5
    const decide = {
      kind: 'attempt',
      attempt: { type: 'mayor.decide', subject: 'tearGas', verdict: 'refused', grounds: 'Nee' },
    };
    expect((await propose(mayor, 'm1', decide)).type).toBe('result'); // 6
    expect(await propose(mayor, 'm2', decide)).toMatchObject({ type: 'error', code: 'rateLimited' });
    expect(await propose(trainer, 't4', note('Te veel'))).toMatchObject({ type: 'error', code: 'rateLimited' });
    expect(await running.server.store.entries(id)).toHaveLength(5);
    advance(1000);
    expect(await propose(trainer, 't5', note('Weer'))).toMatchObject({ type: 'result', outcome: { seq: 6 } });
  });

  it('closes a socket that keeps sending over its limit (1008); the server and other devices go on', async () => {
    const { running, join } = await serverWith({
      messagesPerDevice: { capacity: 2, perSecond: 1 },
      floodCloseAfter: 10,
    });
    const id = await createExercise(running.url, setup);
    const token = await deviceOf(running, id, 'mayor', 'burgemeester');
    const { client: mayor } = await join(id, token);
    const { client: trainer } = await join(id);
    // Two within the limit, judged and logged; then a flood, none of it read.
    for (const n of [1, 2]) expect((await propose(mayor, `ok${String(n)}`, escalate)).type).toBe('result');
    for (let n = 0; n < 40; n++) mayor.send({ type: 'propose', clientMessageId: `x${String(n)}`, proposal: escalate });
    expect((await mayor.closed).code).toBe(CLOSE_CODES.rateLimited);
    const errors = mayor.received.filter((message) => message.type === 'error');
    expect(errors).toHaveLength(10);
    expect(await running.server.store.entries(id)).toHaveLength(3);
    expect(await trainer.propose('ok', note('Gaat door'))).toMatchObject({ type: 'accepted', seq: 4 });
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });

  it('limits new connections per address (429 on the upgrade)', async () => {
    const { open, advance } = await serverWith({ connectsPerIp: { capacity: 3, perSecond: 1 } });
    for (let n = 0; n < 3; n++) await open();
    await expect(open()).rejects.toThrow('429');
    advance(1000);
    expect((await open()).socket.readyState).toBe(1);
  });
});

describe('rate limits on HTTP', () => {
  it('limits API calls per address, with Retry-After; the app and /healthz are not held', async () => {
    const { running, advance } = await serverWith({ httpPerIp: { capacity: 4, perSecond: 1 } });
    await createExercise(running.url, setup); // 1
    for (let n = 0; n < 3; n++)
      expect((await api(running.url, 'GET', '/api/exercises', { token: ADMIN_SECRET })).status).toBe(200);
    const held = await api(running.url, 'GET', '/api/exercises', { token: ADMIN_SECRET });
    expect(held).toMatchObject({ status: 429, body: { error: 'rateLimited', retryAfterMs: 1000 } });
    expect(held.headers.get('retry-after')).toBe('1');
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    advance(1000);
    expect((await api(running.url, 'GET', '/api/exercises', { token: ADMIN_SECRET })).status).toBe(200);
  });

  it('holds join attempts per address and in total before a code is looked at; a join that lets a device in costs nothing', async () => {
    const { running, advance } = await serverWith(
      { joinsPerIp: { capacity: 10, perSecond: 10 / 60 }, joinsTotal: { capacity: 25, perSecond: 25 / 60 } },
      { trustProxy: true },
    );
    const id = await createExercise(running.url, setup);
    const made = await api(running.url, 'POST', `/api/exercises/${id}/join-codes`, {
      token: ADMIN_SECRET,
      body: { role: 'observer', maxUses: 30 },
    });
    const code = createdJoinCodeSchema.parse(made.body).code;
    const from = (address: string, body: { code: string; deviceName: string }) =>
      api(running.url, 'POST', '/api/join', { body, headers: { 'x-forwarded-for': address } });
    const guess = (n: number) =>
      `ZZZZ-${String(n)
        .padStart(4, '0')
        .replace(/[0-9]/g, (d) => 'ABCDEFGHJK'[Number(d)] ?? 'A')}`;
    const usesLeft = async () =>
      (
        (await api(running.url, 'GET', `/api/exercises/${id}/join-codes`, { token: ADMIN_SECRET })).body.joinCodes as {
          usesLeft: number;
        }[]
      )[0]?.usesLeft;

    // Address A guesses: ten wrong codes, then it is held, even with the right code, which is not even looked at.
    for (let n = 0; n < 10; n++) expect((await from('10.0.0.1', { code: guess(n), deviceName: 'a' })).status).toBe(403);
    const heldA = await from('10.0.0.1', { code, deviceName: 'a' });
    expect(heldA).toMatchObject({ status: 429, body: { error: 'rateLimited' } });
    expect(Number(heldA.headers.get('retry-after'))).toBeGreaterThanOrEqual(6);
    expect(await usesLeft()).toBe(30);

    // Address B joins twelve devices with the right code: never held.
    for (let n = 0; n < 12; n++)
      expect((await from('10.0.0.2', { code, deviceName: `b${String(n)}` })).status).toBe(201);
    expect(await usesLeft()).toBe(18);
    // B and C guess: the shared bucket (25) runs out before C's own (10) does.
    for (let n = 0; n < 10; n++) expect((await from('10.0.0.2', { code: guess(n), deviceName: 'b' })).status).toBe(403);
    for (let n = 0; n < 5; n++) expect((await from('10.0.0.3', { code: guess(n), deviceName: 'c' })).status).toBe(403);
    expect((await from('10.0.0.3', { code: guess(99), deviceName: 'c' })).status).toBe(429);
    expect((await from('10.0.0.4', { code, deviceName: 'd' })).status).toBe(429);

    // Six seconds on, A has one attempt again (10 a minute), and the right code lets it in.
    advance(6000);
    expect((await from('10.0.0.1', { code, deviceName: 'a' })).status).toBe(201);
    expect(await usesLeft()).toBe(17);
  });
});

describe('a device that does not read', () => {
  it('is disconnected once its send buffer passes the bound (4429), stops holding the server, and can catch up later', async () => {
    const { running, join } = await serverWith({ maxBufferedBytes: 64 * 1024, slowCloseGraceMs: 60_000 });
    const bare: ExerciseSetup = { ...setup, scenario: undefined };
    const id = await createExercise(running.url, bare);
    const token = await deviceOf(running, id, 'observer');
    const { client: trainer } = await join(id);
    const { client: slow } = await join(id, token);
    const raw = (slow.socket as unknown as { _socket: Socket })._socket;
    raw.pause(); // reads nothing more: the kernel's buffers fill, then the server's

    const observer = (message: { devices: { role: string; connected: boolean }[] }) =>
      message.devices.find((device) => device.role === 'observer');
    await trainer.next('devices', (message) => observer(message)?.connected === true);
    const big = 'x'.repeat(19_000);
    const mark = trainer.received.length;
    const gone = () =>
      trainer.received
        .slice(mark)
        .some((message) => message.type === 'devices' && observer(message)?.connected === false);
    let sent = 0;
    while (!gone()) {
      if (sent >= 3000) throw new Error('never disconnected');
      // Twenty at a time: the host stores them one by one; the round trips overlap.
      const batch = Array.from({ length: 20 }, (_, index) => sent + index);
      await Promise.all(batch.map((n) => trainer.propose(`big${String(n)}`, note(`${String(n)} ${big}`))));
      sent += batch.length;
    }
    // Reading again, the device takes what was queued before the close, and the close: 4429.
    raw.resume();
    expect((await slow.closed).code).toBe(CLOSE_CODES.tooSlow);
    // The exercise goes on without it; back, the device catches up from what it held.
    for (const n of [1, 2, 3]) await trainer.propose(`after${String(n)}`, note(`Daarna ${String(n)}`));
    const held = slow.received.flatMap((message) =>
      message.type === 'welcome' ? message.catchUp : message.type === 'entries' ? message.entries : [],
    );
    const lastSeq = held.at(-1)?.entry.seq ?? 0;
    expect(lastSeq).toBeLessThanOrEqual(1 + sent);
    const { welcome } = await join(id, token, lastSeq);
    expect(welcome.headSeq).toBe(1 + sent + 3);
    expect(welcome.catchUp.map((projected) => projected.entry.seq)).toEqual(
      Array.from({ length: welcome.headSeq - lastSeq }, (_, index) => lastSeq + 1 + index),
    );
  });
});

describe('junk', () => {
  it('is answered, never crashes the server, and leaves other exercises and the process unharmed', async () => {
    const { running, join, open } = await serverWith({});
    const id = await createExercise(running.url, setup);
    const other = await createExercise(running.url, setup);
    const { client: bad } = await join(id);
    const { client: elsewhere } = await join(other);

    bad.sendRaw(`${'['.repeat(30_000)}${']'.repeat(30_000)}`);
    expect((await bad.next('error')).code).toBe('invalid');
    bad.sendRaw(
      '{"type":"propose","clientMessageId":"p","__proto__":{"polluted":true},"proposal":{"kind":"note","text":"x"}}',
    );
    expect(await bad.answer('p')).toMatchObject({ type: 'error', code: 'invalid' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    bad.send({ type: 'propose', clientMessageId: 'y'.repeat(5000), proposal: note('x') });
    expect(await bad.next('error')).toMatchObject({ code: 'invalid', clientMessageId: 'y'.repeat(80) });
    bad.send({ type: 'propose', clientMessageId: 'n', proposal: { kind: 'note', text: 'x', refersTo: 1e308 } });
    expect(await bad.answer('n')).toMatchObject({ type: 'error', code: 'invalid' });
    bad.sendRaw('"just a string"');
    expect((await bad.next('error')).code).toBe('invalid');
    bad.sendRaw('');
    expect((await bad.next('error')).code).toBe('malformed');
    expect(await bad.propose('ok', note('Nog steeds hier'))).toMatchObject({ type: 'accepted', seq: 2 });

    // Text that is not UTF-8: the socket itself closes (1007); nothing else notices.
    const broken = await open();
    broken.socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect((await broken.closed).code).toBe(1007);
    // A hello for a socket that is never finished, and one with a token far too long.
    const half = await open();
    half.send({ ...hello(id), deviceToken: 'x'.repeat(10_000) });
    expect((await half.next('error')).code).toBe('invalid');

    // HTTP junk: answered with 4xx.
    const post = (body: string, type = 'application/json') =>
      fetch(`${running.url}/api/exercises`, {
        method: 'POST',
        headers: { 'content-type': type, authorization: `Bearer ${ADMIN_SECRET}` },
        body,
      });
    expect((await post('{"setup": ')).status).toBe(400);
    expect((await post('{"setup": {"__proto__": {"polluted": 1}}}')).status).toBe(400);
    expect((await post('setup', 'text/plain')).status).toBe(400);
    expect((await post('<setup/>', 'application/xml')).status).toBe(415);
    expect((await api(running.url, 'GET', '/api/join/..%2F..%2Fetc?wait=zz', { token: 'x' })).status).toBe(404);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    expect(await elsewhere.propose('ok', note('Gaat door'))).toMatchObject({ type: 'accepted', seq: 2 });
    expect(elsewhere.pending('entries')).toEqual([]);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });
});
