/**
 * Issue #14, slice 2: a proposal re-sent after a reconnect (its result was
 * lost with the socket) is answered with the entry it made, not judged again.
 * The record `(device, clientMessageId) → seq` is written in the transaction
 * that stores the entry, so it is there exactly when the entry is. Real
 * server, real SQLite file, real sockets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/core';
import { sha256Hex } from '../../server/secrets';
import {
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

async function join(exerciseId: string, token?: string) {
  const joined = await TestSocket.join(running.wsUrl, exerciseId, token);
  sockets.push(joined.client);
  return joined;
}

/** Every stored entry of the exercise, as a device that sees everything is welcomed with them. */
async function storedEntries(exerciseId: string): Promise<LogEntry[]> {
  return running.server.store.entries(exerciseId);
}

async function mayorDevice(exerciseId: string) {
  const token = `mayor-${exerciseId}`;
  await running.server.store.saveDevice(
    deviceRecord({
      id: `mayor-${exerciseId.slice(0, 8)}`,
      exerciseId,
      tokenHash: sha256Hex(token),
      role: 'mayor',
      castMemberId: 'burgemeester',
    }),
  );
  return token;
}

beforeAll(async () => {
  temp = tempDir();
  running = await startServer(temp.dir);
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await running.stop();
  temp.remove();
  expect(sockets.flatMap((socket) => socket.invalid)).toEqual([]);
});

const note = (text: string) => ({ kind: 'note', text });
const escalate = { kind: 'attempt', attempt: { type: 'phase.escalate', reason: 'Ik wil opschalen' } };

describe('a proposal re-sent after a reconnect', () => {
  it('gets its stored result again, on a new socket, and is not judged or logged twice', async () => {
    const id = await createExercise(running.url, setup);
    const { client: first } = await join(id);
    const original = await first.propose('c-1', note('Eén keer'));
    expect(original).toMatchObject({ type: 'accepted', seq: 2 });
    first.close();

    const { client: again, welcome } = await join(id);
    expect(welcome.headSeq).toBe(2);
    const repeated = await again.propose('c-1', note('Eén keer'));
    if (original.type !== 'accepted' || repeated.type !== 'accepted') throw new Error('accepted expected');
    expect(repeated).toMatchObject({ seq: 2, hash: original.hash, repeated: true });
    expect(repeated.entry).toEqual(original.entry);
    expect(repeated.head.length).toBe(2);
    expect(original).not.toHaveProperty('repeated');
    // Nothing new: the next proposal is seq 3, and the log holds the note once.
    expect(await again.propose('c-2', note('Daarna'))).toMatchObject({ type: 'accepted', seq: 3 });
    const texts = (await storedEntries(id)).flatMap((entry) => (entry.kind === 'note' ? [entry.text] : []));
    expect(texts).toEqual(['Eén keer', 'Daarna']);
  });

  it('gets a stored refusal again with its rule, with the head as it stands now', async () => {
    const id = await createExercise(running.url, setup);
    const token = await mayorDevice(id);
    const { client: mayor } = await join(id, token);
    const refused = await mayor.propose('e-1', escalate);
    expect(refused).toMatchObject({ type: 'refused', rule: 'R13', seq: 2 });
    mayor.close();
    const { client: trainer } = await join(id);
    expect(await trainer.propose('t-1', note('Ondertussen'))).toMatchObject({ seq: 3 });

    const { client: back } = await join(id, token);
    const again = await back.propose('e-1', escalate);
    if (refused.type !== 'refused' || again.type !== 'refused') throw new Error('refused expected');
    expect(again).toMatchObject({ seq: 2, hash: refused.hash, rule: 'R13', reason: refused.reason, repeated: true });
    // The head is today's (seq 3), so a client never steps back.
    expect(again.head.length).toBe(3);
    expect((await storedEntries(id)).length).toBe(3);
    expect(trainer.pending('entries')).toEqual([]); // the trainer heard nothing new
  });

  it('is de-duplicated when the socket drops before the result is read', async () => {
    const id = await createExercise(running.url, setup);
    const { client: lost } = await join(id);
    lost.send({ type: 'propose', clientMessageId: 'drop-1', proposal: note('Verbinding viel weg') });
    lost.socket.terminate();
    await lost.closed;

    const { client: back, welcome } = await join(id);
    const heldAlready = welcome.headSeq === 2;
    const outcome = await back.propose('drop-1', note('Verbinding viel weg'));
    expect(outcome).toMatchObject({ type: 'accepted', seq: 2 });
    if (heldAlready) expect(outcome).toMatchObject({ repeated: true });
    expect(await back.propose('drop-2', note('Volgende'))).toMatchObject({ type: 'accepted', seq: 3 });
    const texts = (await storedEntries(id)).flatMap((entry) => (entry.kind === 'note' ? [entry.text] : []));
    expect(texts).toEqual(['Verbinding viel weg', 'Volgende']);
  });

  it('keeps ids per device: another device’s same id is its own proposal', async () => {
    const id = await createExercise(running.url, setup);
    const token = await mayorDevice(id);
    const { client: trainer } = await join(id);
    const { client: mayor } = await join(id, token);
    expect(await trainer.propose('same', note('Van de oefenleider'))).toMatchObject({ type: 'accepted', seq: 2 });
    const mayors = await mayor.propose('same', {
      kind: 'attempt',
      attempt: { type: 'mayor.decide', subject: 'waterCannon', verdict: 'refused', grounds: 'Nog niet' },
    });
    expect(mayors).toMatchObject({ type: 'accepted', seq: 3 });
    expect(mayors).not.toHaveProperty('repeated');
  });

  it('refuses the same id with another proposal, and logs nothing for it', async () => {
    const id = await createExercise(running.url, setup);
    const { client } = await join(id);
    expect(await client.propose('c-1', note('Eerste'))).toMatchObject({ type: 'accepted', seq: 2 });
    const reused = await client.propose('c-1', note('Iets anders'));
    expect(reused).toMatchObject({ type: 'error', code: 'reusedMessageId' });
    // The same proposal with another actingAs is another proposal too.
    expect(await client.propose('c-1', note('Eerste'), 'commandant')).toMatchObject({ code: 'reusedMessageId' });
    expect((await storedEntries(id)).length).toBe(2);
    // Not an incompatible socket: it goes on.
    client.send(hello(id));
    expect((await client.next('error')).code).toBe('alreadyWelcomed');
    expect(await client.propose('c-2', note('Gaat door'))).toMatchObject({ type: 'accepted', seq: 3 });
  });
});
