/**
 * Issue #14, slice 1: the server in the real stack — a real SQLite file in a
 * temporary folder, the server listening on a free port, real `ws` sockets.
 * Nothing is mocked; no assertion is about time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  CLOSE_CODES,
  genesisOf,
  verifyChain,
  type LogEntry,
} from '../../src/core';
import { sha256Hex } from '../../server/secrets';
import {
  ADMIN_SECRET,
  TestSocket,
  createExercise,
  deviceRecord,
  hello,
  scenarioSetup,
  startServer,
  tempDir,
  type Running,
} from './helpers';

let temp: ReturnType<typeof tempDir>;
let running: Running;
const setup = scenarioSetup('jaarwisseling');
const sockets: TestSocket[] = [];

async function join(exerciseId: string, token = ADMIN_SECRET, lastSeq = 0) {
  const joined = await TestSocket.join(running.wsUrl, exerciseId, token, lastSeq);
  sockets.push(joined.client);
  return joined;
}

async function open() {
  const socket = await TestSocket.open(running.wsUrl);
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  temp = tempDir();
  const dist = path.join(temp.dir, 'dist');
  mkdirSync(dist);
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Paraat</title>');
  running = await startServer(temp.dir, { distDir: dist });
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await running.stop();
  temp.remove();
  // Every message any socket received parsed as the protocol's.
  expect(sockets.flatMap((socket) => socket.invalid)).toEqual([]);
});

describe('HTTP', () => {
  it('answers /healthz with the protocol version', async () => {
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, protocolVersion: PROTOCOL_VERSION });
  });

  it('serves the built app from one port', async () => {
    const response = await fetch(`${running.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Paraat</title>');
  });

  it('creates an exercise only with the admin secret, and only from a valid set-up', async () => {
    const post = (body: unknown, secret?: string) =>
      fetch(`${running.url}/api/exercises`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
        body: JSON.stringify(body),
      });
    expect((await post({ setup })).status).toBe(401);
    expect((await post({ setup }, 'not-the-secret-at-all')).status).toBe(401);
    const invalid = await post({ setup: { ...setup, startTime: '2026-02-30T10:00' } }, ADMIN_SECRET);
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe('startTime');
    const created = await post({ setup }, ADMIN_SECRET);
    expect(created.status).toBe(201);
    const { id, headSeq } = (await created.json()) as { id: string; headSeq: number };
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(headSeq).toBe(1);
    const listed = await fetch(`${running.url}/api/exercises`, {
      headers: { authorization: `Bearer ${ADMIN_SECRET}` },
    });
    expect(((await listed.json()) as { exercises: { id: string }[] }).exercises.map((e) => e.id)).toContain(id);
  });
});

describe('hello → welcome', () => {
  it('welcomes the trainer (admin secret) with the head, the catch-up and a chain that verifies', async () => {
    const id = await createExercise(running.url, setup);
    const { welcome } = await join(id);
    expect(welcome.role).toBe('trainer');
    expect(welcome.person).toEqual({ role: 'trainer', name: 'Petra de Wit', castMemberId: 'oefenleider' });
    expect(welcome.headSeq).toBe(1);
    expect(welcome.catchUp).toHaveLength(1);
    const entries = welcome.catchUp.map((projected) => projected.entry as LogEntry);
    expect(entries[0]?.kind).toBe('exercise');
    expect(welcome.headHash).toBe(entries[0]?.hash);
    expect(verifyChain(genesisOf(welcome.head), entries)).toBeNull();
  });

  it('catches up from the last seq the device holds', async () => {
    const id = await createExercise(running.url, setup);
    const { client } = await join(id);
    for (const n of [1, 2, 3])
      await client.propose(`n${String(n)}`, { kind: 'note', text: `Aantekening ${String(n)}` });
    const { welcome } = await join(id, ADMIN_SECRET, 2);
    expect(welcome.headSeq).toBe(4);
    expect(welcome.catchUp.map((projected) => projected.entry.seq)).toEqual([3, 4]);
  });
});

describe('propose', () => {
  it('acknowledges the sender once stored, then broadcasts the entry to the other devices', async () => {
    const id = await createExercise(running.url, setup);
    const { client: trainer } = await join(id);
    const { client: second } = await join(id);
    const outcome = await trainer.propose('m1', { kind: 'note', text: 'Start van de oefening' });
    expect(outcome).toMatchObject({ type: 'accepted', seq: 2 });
    if (outcome.type !== 'accepted') throw new Error('not accepted');
    expect(outcome.entry.entry).toMatchObject({
      kind: 'note',
      text: 'Start van de oefening',
      by: { role: 'trainer', name: 'Petra de Wit' },
    });
    expect(outcome.head.length).toBe(2);
    const broadcast = await second.next('entries');
    expect(broadcast.entries.map((projected) => projected.entry.hash)).toEqual([outcome.hash]);
    expect(broadcast.head.headHash).toBe(outcome.hash);
    // The sender hears of its own entry once, in the result.
    expect(trainer.pending('entries')).toEqual([]);
    // It is stored: a new device is welcomed with it.
    const { welcome } = await join(id);
    expect(welcome.headSeq).toBe(2);
    expect(welcome.catchUp.at(-1)?.entry.hash).toBe(outcome.hash);
  });

  it('refuses the water cannon without the mayor’s decision with the model’s rule, logs the refusal, and accepts it after the decision', async () => {
    const id = await createExercise(running.url, setup);
    const { client: trainer } = await join(id);
    const { client: watcher } = await join(id);
    for (const phase of [3, 4, 5]) {
      const escalated = await trainer.propose(
        `up${String(phase)}`,
        { kind: 'attempt', attempt: { type: 'phase.escalate', reason: `Naar fase ${String(phase)}` } },
        'commandant',
      );
      expect(escalated.type).toBe('accepted');
    }
    const deploy = { kind: 'attempt', attempt: { type: 'waterCannon.deploy' } };
    const refused = await trainer.propose('wc1', deploy, 'commandant');
    expect(refused).toMatchObject({ type: 'refused', rule: 'R3', seq: 5 });
    if (refused.type !== 'refused') throw new Error('not refused');
    expect(refused.reason.nl).not.toBe('');
    expect(refused.entry.entry).toMatchObject({
      kind: 'attempt',
      outcome: 'refused',
      refusal: { rule: 'R3' },
      by: { role: 'commander', name: 'Jeroen Visser' },
    });
    // Logged and told like any entry.
    const told = await watcher.next('entries', (message) => message.entries.some((e) => e.entry.seq === 5));
    expect(told.entries[0]?.entry).toMatchObject({ outcome: 'refused' });

    const decided = await trainer.propose(
      'besluit',
      {
        kind: 'attempt',
        attempt: {
          type: 'mayor.decide',
          subject: 'waterCannon',
          verdict: 'granted',
          grounds: 'Ernstige wanordelijkheden',
        },
      },
      'burgemeester',
    );
    expect(decided.type).toBe('accepted');
    expect(
      await trainer.propose('warn', { kind: 'attempt', attempt: { type: 'crowd.warn' } }, 'commandant'),
    ).toMatchObject({
      type: 'accepted',
    });
    expect(await trainer.propose('wc2', deploy, 'commandant')).toMatchObject({ type: 'accepted', seq: 8 });
  });

  it('takes the role and person from the device’s token, projects what others add, and never lets a device act as another', async () => {
    const id = await createExercise(running.url, setup);
    const token = 'mayor-device-token-0123456789abcdef';
    await running.server.store.saveDevice(
      deviceRecord({
        id: 'device-mayor',
        exerciseId: id,
        tokenHash: sha256Hex(token),
        role: 'mayor',
        castMemberId: 'burgemeester',
        label: 'laptop burgemeester',
      }),
    );
    const { client: trainer } = await join(id);
    const { client: mayor, welcome } = await join(id, token);
    expect(welcome.role).toBe('mayor');
    expect(welcome.person).toEqual({
      role: 'mayor',
      name: 'Ingrid Scholten',
      municipality: 'Lindenburg',
      castMemberId: 'burgemeester',
    });
    // A player's head holds no injects it has not been told, nor what the scenario expects of it.
    expect(welcome.head.setup.scenario?.injects).toEqual([]);
    expect(welcome.head.setup.scenario?.learningObjectives).toEqual([]);

    // The trainer's note reaches the mayor as its place in the chain only.
    const note = await trainer.propose('note', { kind: 'note', text: 'Alleen voor de oefenleider' });
    const redacted = await mayor.next('entries');
    expect(redacted.entries[0]?.entry).toEqual({
      kind: 'redacted',
      seq: 2,
      prevHash: welcome.headHash,
      hash: note.type === 'accepted' ? note.hash : '',
    });

    // Not the trainer: may not act as the commander.
    const posing = await mayor.propose(
      'pose',
      { kind: 'attempt', attempt: { type: 'phase.escalate', reason: 'x' } },
      'commandant',
    );
    expect(posing).toMatchObject({ type: 'error', code: 'forbidden' });
    // Nor say who acts in the proposal: that fails the schema.
    mayor.send({
      type: 'propose',
      clientMessageId: 'claim',
      proposal: {
        kind: 'attempt',
        attempt: { type: 'phase.escalate', reason: 'x', by: { role: 'commander', name: 'Jeroen Visser' } },
      },
    });
    const claimed = await mayor.next('error', (message) => message.clientMessageId === 'claim');
    expect(claimed.code).toBe('invalid');
    expect(claimed.issues?.[0]?.code).toContain('unrecognized_keys');

    // What the mayor's device tries is judged as the mayor: deciding is theirs; escalating is refused and logged under them.
    const decided = await mayor.propose('d', {
      kind: 'attempt',
      attempt: { type: 'mayor.decide', subject: 'waterCannon', verdict: 'refused', grounds: 'Nog niet nodig' },
    });
    expect(decided).toMatchObject({ type: 'accepted', seq: 3 });
    const escalate = await mayor.propose('e', {
      kind: 'attempt',
      attempt: { type: 'phase.escalate', reason: 'Ik wil opschalen' },
    });
    expect(escalate).toMatchObject({ type: 'refused', rule: 'R13', seq: 4 });
    if (escalate.type !== 'refused') throw new Error('not refused');
    expect(escalate.entry.entry).toMatchObject({ by: { role: 'mayor', name: 'Ingrid Scholten' } });
    const seen = await trainer.next('entries', (message) => message.entries.some((e) => e.entry.seq === 4));
    expect(seen.entries[0]?.entry).toMatchObject({ kind: 'attempt', outcome: 'refused', by: { role: 'mayor' } });
  });

  it('says why an inject step is ignored, and logs nothing for it', async () => {
    const id = await createExercise(running.url, setup);
    const { client } = await join(id);
    const outcome = await client.propose('i', { kind: 'inject', injectId: 'bestaat-niet', action: 'released' });
    expect(outcome.type).toBe('ignored');
    expect(await client.propose('n', { kind: 'note', text: 'x' })).toMatchObject({ type: 'accepted', seq: 2 });
  });
});

describe('the server releases injects at exercise time', () => {
  it('releases what is due by the core’s policy once the clock runs, stored, in the trainer’s name, told to each role as it may hear it', async () => {
    const id = await createExercise(running.url, setup);
    const token = 'commander-device-token-0123456789ab';
    await running.server.store.saveDevice(
      deviceRecord({
        id: 'device-commander',
        exerciseId: id,
        tokenHash: sha256Hex(token),
        role: 'commander',
        castMemberId: 'commandant',
        label: 'ME-commandant',
      }),
    );
    const { client: trainer } = await join(id);
    const { client: commander } = await join(id, token);
    // 25 exercise minutes on, then start: the injects at 0, 10 and 20 minutes are due at once.
    expect(await trainer.propose('jump', { kind: 'clock', action: { type: 'jump', minutes: 25 } })).toMatchObject({
      type: 'accepted',
    });
    expect(await trainer.propose('start', { kind: 'clock', action: { type: 'start' } })).toMatchObject({
      type: 'accepted',
      seq: 3,
    });
    const released: LogEntry[] = [];
    while (released.length < 3) {
      const message = await trainer.next('entries');
      released.push(...message.entries.map((projected) => projected.entry as LogEntry));
    }
    expect(
      released.map((entry) =>
        entry.kind === 'inject' ? [entry.seq, entry.injectId, entry.action, entry.by.name] : entry.kind,
      ),
    ).toEqual([
      [4, 'start-oudejaarsavond', 'released', 'Petra de Wit'],
      [5, 'vuurwerk-naar-brandweer', 'released', 'Petra de Wit'],
      [6, 'vraag-me-inzet', 'released', 'Petra de Wit'],
    ]);
    // The commander hears the three (one of them is for the commander), told without what is expected of them.
    const heard: { seq: number; inject?: object }[] = [];
    while (heard.length < 3) {
      const message = await commander.next('entries', (m) => m.entries.some((e) => e.entry.seq >= 4));
      heard.push(
        ...message.entries.map((projected) => ({
          seq: projected.entry.seq,
          ...(projected.inject ? { inject: projected.inject } : {}),
        })),
      );
    }
    expect(heard.map((h) => h.seq)).toEqual([4, 5, 6]);
    for (const h of heard) {
      expect(h.inject).toBeDefined();
      expect(h.inject).not.toHaveProperty('decisionPoint');
    }
    // Stored: a device joining now is told them too.
    const { welcome } = await join(id);
    expect(welcome.headSeq).toBeGreaterThanOrEqual(6);
    const entries = welcome.catchUp.map((projected) => projected.entry as LogEntry);
    expect(verifyChain(genesisOf(welcome.head), entries)).toBeNull();
    await trainer.propose('pause', { kind: 'clock', action: { type: 'pause' } });
  });
});

describe('bad messages and devices', () => {
  it('answers malformed and unknown messages with an error, and leaves the socket and other exercises unharmed', async () => {
    const first = await createExercise(running.url, setup);
    const other = await createExercise(running.url, setup);
    const { client: bad } = await join(first);
    const { client: elsewhere } = await join(other);

    bad.sendRaw('{"type": "propose", this is not json');
    expect((await bad.next('error')).code).toBe('malformed');
    bad.sendRaw(Buffer.from([0xff, 0x00, 0x01]));
    expect((await bad.next('error')).code).toBe('malformed');
    bad.send({ type: 'steal', exerciseId: other });
    expect(await bad.next('error')).toMatchObject({ code: 'invalid', issues: [{ path: 'type' }] });
    bad.send(['hello']);
    expect((await bad.next('error')).code).toBe('invalid');
    bad.send({
      type: 'propose',
      clientMessageId: 'x',
      proposal: { kind: 'attempt', attempt: { type: 'phase.explode' } },
    });
    expect(await bad.next('error')).toMatchObject({ code: 'invalid', clientMessageId: 'x' });
    bad.send(hello(first));
    expect((await bad.next('error')).code).toBe('alreadyWelcomed');

    // The other exercise goes on; so does the socket that sent the junk.
    expect(await elsewhere.propose('ok', { kind: 'note', text: 'Gaat door' })).toMatchObject({
      type: 'accepted',
      seq: 2,
    });
    expect(await bad.propose('ok', { kind: 'note', text: 'Nog steeds hier' })).toMatchObject({
      type: 'accepted',
      seq: 2,
    });
    expect(elsewhere.pending('entries')).toEqual([]);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });

  it('wants a hello before a proposal', async () => {
    const socket = await open();
    socket.send({ type: 'propose', clientMessageId: 'early', proposal: { kind: 'note', text: 'x' } });
    expect(await socket.next('error')).toMatchObject({ code: 'notWelcomed', clientMessageId: 'early' });
  });

  it('tells an incompatible device why, closes with 4400, and never welcomes it', async () => {
    const id = await createExercise(running.url, setup);
    const revokedToken = 'revoked-device-token-0123456789abc';
    await running.server.store.saveDevice(
      deviceRecord({
        id: 'device-revoked',
        exerciseId: id,
        tokenHash: sha256Hex(revokedToken),
        role: 'observer',
        label: 'oude tablet',
        status: 'revoked',
        revoked: new Date().toISOString(),
      }),
    );
    const cases: [unknown, string][] = [
      [{ ...hello(id), protocolVersion: PROTOCOL_VERSION - 1 }, 'tooOld'],
      [{ ...hello(id), protocolVersion: PROTOCOL_VERSION + 1, somethingNew: true }, 'tooOld'],
      [{ ...hello(id), machineVersion: 'escalation/0' }, 'tooOld'],
      [hello(id, 'not-a-token-anyone-was-given'), 'forbidden'],
      [hello(id, revokedToken), 'revoked'],
      [hello('0123456789abcdef0123456789abcdef'), 'unknownExercise'],
    ];
    for (const [message, reason] of cases) {
      const socket = await open();
      socket.send(message);
      const incompatible = await socket.next('incompatible');
      expect(incompatible.reason).toBe(reason);
      expect(incompatible.message.nl).not.toBe('');
      expect((await socket.closed).code).toBe(CLOSE_CODES.incompatible);
      expect(socket.received.map((m) => m.type)).toEqual(['incompatible']);
    }
  });

  it('closes a socket that sends more than 64 KiB in one message (1009), and goes on', async () => {
    const id = await createExercise(running.url, setup);
    const { client } = await join(id);
    client.send({
      type: 'propose',
      clientMessageId: 'big',
      proposal: { kind: 'note', text: 'x'.repeat(MAX_MESSAGE_BYTES) },
    });
    expect((await client.closed).code).toBe(1009);
    const { client: again } = await join(id);
    expect(await again.propose('small', { kind: 'note', text: 'klein' })).toMatchObject({ type: 'accepted', seq: 2 });
  });

  it('refuses the upgrade from another origin', async () => {
    await expect(TestSocket.open(running.wsUrl, { origin: 'http://elders.example' })).rejects.toThrow('403');
    const own = await TestSocket.open(running.wsUrl, { origin: running.url });
    sockets.push(own);
    expect(own.socket.readyState).toBe(own.socket.OPEN);
  });
});
