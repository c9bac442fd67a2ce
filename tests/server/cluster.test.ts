/**
 * Issue #16 item 2: several server processes on one PostgreSQL database. Two
 * built servers run as child processes on the same database; the trainer's
 * device is on process A, an observer's (the evaluator) on process B, in one exercise.
 *
 * - One process owns the exercise (the first to serve it: A) and judges every
 *   proposal, B's devices' too: B forwards them and relays the outcome. Each
 *   is judged and stored once, acknowledged to B's device, and A's device
 *   sees it in order; B's device sees A's.
 * - Every device hears each entry exactly once, in seq order, without gaps,
 *   and its chain checks out (the trainer's whole; the observer's projected).
 * - `kill -9` of the owner: B takes the exercise over (the owner's session
 *   ends, its advisory lock with it), answers the proposal its device sent
 *   meanwhile, and goes on; every acknowledged entry is still stored, and
 *   the trainer, reconnected to B, catches up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyHeadUpdate,
  genesisOf,
  verifyChain,
  type ExerciseHead,
  type LogEntry,
  type Outcome,
  type ProjectedEntry,
} from '../../src/core';
import type { Role } from '../../machines';
import { checkProjectedChain } from '../../src/session/remote/projectedChain';
import { ownershipKey } from '../../server/cluster/ownership';
import { sha256Hex } from '../../server/secrets';
import { PostgresStore } from '../../server/store/postgresStore';
import { TestSocket, api, createExercise, deviceRecord, scenarioSetup, until } from './helpers';
import { freshDatabase, rowsOf, type TestDatabase } from './postgres';
import { exited, startServerChild, type ServerChild } from './serverChild';

let database: TestDatabase;
let a: ServerChild;
let b: ServerChild;
let secret: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  database = await freshDatabase();
  a = await startServerChild(database.url, { logLevel: 'info' });
  if (a.secret === null) throw new Error('no admin secret printed on the first start');
  secret = a.secret;
  b = await startServerChild(database.url, { logLevel: 'info' });
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  for (const server of [a, b] as (ServerChild | undefined)[])
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
  await database.drop();
});

const deviceIdOf = (exerciseId: string, name = 'evaluator') => `${name}-${exerciseId.slice(0, 8)}`;

/** An observer's device (as the evaluator), approved, with its token. */
async function observerDevice(exerciseId: string, name = 'evaluator'): Promise<string> {
  const token = `${name}-${exerciseId}`;
  const store = await PostgresStore.open(database.url);
  try {
    await store.saveDevice(
      deviceRecord({
        id: deviceIdOf(exerciseId, name),
        exerciseId,
        tokenHash: sha256Hex(token),
        role: 'observer',
        castMemberId: 'evaluator',
      }),
    );
  } finally {
    await store.close();
  }
  return token;
}

async function join(server: ServerChild, exerciseId: string, token: string, lastSeq = 0) {
  const joined = await TestSocket.join(server.wsUrl, exerciseId, token, lastSeq);
  sockets.push(joined.client);
  return joined;
}

/**
 * What a device was told, in the order it was told: the entries (welcome,
 * broadcasts, its own results) and the head after them.
 */
function heard(client: TestSocket): { entries: ProjectedEntry[]; head: ExerciseHead | null } {
  const entries: ProjectedEntry[] = [];
  let head: ExerciseHead | null = null;
  for (const message of client.received) {
    if (message.type === 'welcome') {
      head = message.head;
      entries.push(...message.catchUp);
    } else if (message.type === 'entries') {
      entries.push(...message.entries);
      if (head) head = applyHeadUpdate(head, message.head);
    } else if (
      message.type === 'result' &&
      (message.outcome.type === 'accepted' || message.outcome.type === 'refused')
    ) {
      entries.push(message.outcome.entry);
      if (head) head = applyHeadUpdate(head, message.outcome.head);
    }
  }
  return { entries, head };
}

const seqsOf = (entries: readonly ProjectedEntry[]) => entries.map((projected) => projected.entry.seq);
const upTo = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** Every entry once, in order from `from`, and the chain holds as the role sees it. */
function expectWhole(entries: readonly ProjectedEntry[], head: ExerciseHead | null, role: Role, from: number) {
  if (!head) throw new Error('no welcome');
  expect(seqsOf(entries)).toEqual(upTo(from, head.length));
  if (from === 1) expect(checkProjectedChain(head, role, [], entries)).toBeNull();
  if (role === 'trainer' && from === 1)
    expect(
      verifyChain(
        genesisOf(head),
        entries.map((projected) => projected.entry as LogEntry),
      ),
    ).toBeNull();
}

/** The stored entries' notes, and how many entries are stored. */
async function storedNotes(exerciseId: string): Promise<{ count: number; notes: string[] }> {
  const rows = await rowsOf(database.url, `SELECT json FROM entries WHERE exercise_id = '${exerciseId}' ORDER BY seq`);
  const entries = rows.map((row) => JSON.parse(row.json as string) as LogEntry);
  return {
    count: entries.length,
    notes: entries.flatMap((entry) => (entry.kind === 'note' ? [entry.text] : [])),
  };
}

/** How many sessions hold the exercise's ownership lock (granted). */
async function lockHolders(exerciseId: string): Promise<number> {
  const key = BigInt.asUintN(64, BigInt(ownershipKey(exerciseId)));
  const rows = await rowsOf(
    database.url,
    `SELECT count(*)::int AS holders FROM pg_locks WHERE locktype = 'advisory' AND granted
       AND classid = ${String(key >> 32n)} AND objid = ${String(key & 0xffffffffn)} AND objsubid = 1`,
  );
  return rows[0]?.holders as number;
}

const owns = (server: ServerChild, exerciseId: string) =>
  server.output().includes(`"exercise":"${exerciseId}","msg":"cluster: this process owns the exercise"`);

const note = (text: string) => ({ kind: 'note', text });
const accepted = (outcome: Outcome) => {
  if (outcome.type !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(outcome)}`);
  return outcome;
};

describe('two server processes on one PostgreSQL database', () => {
  it('judges a proposal made on the other process once, at the owner, and both devices see every entry in order', async () => {
    const id = await createExercise(a.url, scenarioSetup(), secret);
    const token = await observerDevice(id);
    const { client: trainer } = await join(a, id, secret);
    const { client: observer } = await join(b, id, token);
    expect(owns(a, id)).toBe(true);
    expect(owns(b, id)).toBe(false);
    expect(await lockHolders(id)).toBe(1);
    // Who is in the room, as the trainer on A sees it: the observer's socket on B counts.
    await trainer.next('devices', (message) =>
      message.devices.some((device) => device.id === deviceIdOf(id) && device.connections === 1),
    );

    // Ten at once from B's device: B forwards each, in order; A judges them.
    for (let n = 1; n <= 10; n++)
      observer.send({ type: 'propose', clientMessageId: `b${String(n)}`, proposal: note(`B${String(n)}`) });
    const results = await Promise.all(upTo(1, 10).map((n) => observer.result(`b${String(n)}`)));
    expect(results.map((result) => accepted(result.outcome).seq)).toEqual(upTo(2, 11));
    expect(results.every((result) => result.outcome.type === 'accepted' && result.outcome.repeated !== true)).toBe(
      true,
    );
    // A refusal is the model's, at the owner: an observer does not act.
    const refused = await observer.propose('wc', { kind: 'attempt', attempt: { type: 'waterCannon.deploy' } });
    expect(refused).toMatchObject({ type: 'refused', seq: 12 });

    const fromA = await trainer.propose('a1', note('A1'));
    expect(fromA).toMatchObject({ type: 'accepted', seq: 13 });
    await until(() => seqsOf(heard(observer).entries).includes(13), 'the observer hears of A’s entry');
    await until(() => seqsOf(heard(trainer).entries).includes(12), 'the trainer hears of B’s entries');

    const onA = heard(trainer);
    const onB = heard(observer);
    expectWhole(onA.entries, onA.head, 'trainer', 1);
    expectWhole(onB.entries, onB.head, 'observer', 1);
    // B's device heard its own entries in its results, never again as a broadcast.
    const broadcastToB = observer.received.flatMap((message) =>
      message.type === 'entries' ? seqsOf(message.entries) : [],
    );
    expect(broadcastToB).toEqual([13]);

    const stored = await storedNotes(id);
    expect(stored.count).toBe(13);
    expect(stored.notes).toEqual([...upTo(1, 10).map((n) => `B${String(n)}`), 'A1']);
    expect(await rowsOf(database.url, 'SELECT id FROM paraat_forwarded')).toEqual([]);
    expect([...trainer.invalid, ...observer.invalid]).toEqual([]);
  });

  it('loses no entry when the LISTEN connections break, and hands the exercise on when the owner’s lock connection breaks', async () => {
    const id = await createExercise(a.url, scenarioSetup(), secret);
    const token = await observerDevice(id);
    const { client: trainer } = await join(a, id, secret);
    const { client: observer } = await join(b, id, token);
    expect(owns(a, id)).toBe(true);
    const terminate = (application: string) =>
      rowsOf(
        database.url,
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE application_name LIKE '${application}%' AND datname = '${database.name}'`,
      );

    // Both processes' LISTEN sessions end: notifications meanwhile are lost; the rows are not.
    expect(await terminate('paraat-listen')).toHaveLength(2); // one session in each process
    for (let n = 1; n <= 3; n++) accepted(await trainer.propose(`l${String(n)}`, note(`L${String(n)}`)));
    accepted(await observer.propose('l4', note('L4')));
    await until(() => seqsOf(heard(observer).entries).includes(4), 'the observer catches up');

    // The owner's lock session ends while A lives: A stops writing; whichever process takes the lock goes on.
    expect(await terminate('paraat-owner')).toHaveLength(2); // one session in each process
    for (let n = 1; n <= 3; n++) {
      accepted(await trainer.propose(`o${String(n)}`, note(`O${String(n)}`)));
      accepted(await observer.propose(`p${String(n)}`, note(`P${String(n)}`)));
    }
    const last = heard(trainer).head?.length ?? 0;
    await until(() => seqsOf(heard(observer).entries).includes(last), 'the observer hears the last entry');
    await until(() => seqsOf(heard(trainer).entries).includes(last), 'the trainer hears the last entry');
    expect(await lockHolders(id)).toBe(1);
    const onA = heard(trainer);
    const onB = heard(observer);
    expectWhole(onA.entries, onA.head, 'trainer', 1);
    expectWhole(onB.entries, onB.head, 'observer', 1);
    const stored = await storedNotes(id);
    expect(stored.count).toBe(1 + 4 + 6);
    expect(stored.notes.toSorted()).toEqual(['L1', 'L2', 'L3', 'L4', 'O1', 'O2', 'O3', 'P1', 'P2', 'P3']);
  });

  it('closes a device the trainer revoked on the other process, and the owner refuses what a revoked device forwards', async () => {
    const id = await createExercise(a.url, scenarioSetup(), secret);
    const token = await observerDevice(id);
    const otherToken = await observerDevice(id, 'second');
    const { client: trainer } = await join(a, id, secret);
    const { client: observer } = await join(b, id, token);
    const { client: other } = await join(b, id, otherToken);
    accepted(await observer.propose('r1', note('R1')));

    // Revoked through the API on A: B closes the device's socket.
    const revoked = await api(a.url, 'POST', `/api/exercises/${id}/devices/${deviceIdOf(id)}/revoke`, {
      token: secret,
      body: {},
    });
    expect(revoked.status).toBe(200);
    expect(await observer.next('incompatible')).toMatchObject({ reason: 'revoked' });
    await observer.closed;

    // Revoked in the store with no notice to B (as if B missed it): its socket stays, but the owner refuses.
    const store = await PostgresStore.open(database.url);
    try {
      const record = await store.device(deviceIdOf(id, 'second'));
      if (!record) throw new Error('no second device');
      await store.saveDevice({ ...record, status: 'revoked', revoked: new Date().toISOString() });
    } finally {
      await store.close();
    }
    expect(await other.propose('r2', note('R2'))).toMatchObject({ type: 'error', code: 'forbidden' });
    expect((await storedNotes(id)).notes).toEqual(['R1']);
    expect([...trainer.invalid, ...observer.invalid, ...other.invalid]).toEqual([]);
  });

  it('releases each due inject once, at the owner only, though both processes serve the exercise with its clock running', async () => {
    const id = await createExercise(a.url, scenarioSetup(), secret);
    const { client: onA } = await join(a, id, secret);
    // 34 exercise minutes on, ten times as fast, then start: the injects at 0, 10 and 20 minutes fall due at once,
    // the one at 35 about six seconds later.
    accepted(await onA.propose('jump', { kind: 'clock', action: { type: 'jump', minutes: 34 } }));
    accepted(await onA.propose('speed', { kind: 'clock', action: { type: 'speed', speed: 10 } }));
    accepted(await onA.propose('start', { kind: 'clock', action: { type: 'start' } }));
    await until(() => seqsOf(heard(onA).entries).includes(7), 'A releases the three due at once');
    // The trainer's second screen, on the other process: B opens the exercise with its clock running.
    const { client: onB } = await join(b, id, secret);
    expect(owns(b, id)).toBe(false);
    await until(() => seqsOf(heard(onA).entries).includes(8), 'A releases the one at 35 minutes');
    await until(() => seqsOf(heard(onB).entries).includes(8), 'B’s device hears it');
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // B's next tick, had it released too

    const rows = await rowsOf(database.url, `SELECT json FROM entries WHERE exercise_id = '${id}' ORDER BY seq`);
    const injects = rows
      .map((row) => JSON.parse(row.json as string) as LogEntry)
      .flatMap((entry) => (entry.kind === 'inject' ? [[entry.seq, entry.injectId, entry.action]] : []));
    expect(injects).toEqual([
      [5, 'start-oudejaarsavond', 'released'],
      [6, 'vuurwerk-naar-brandweer', 'released'],
      [7, 'vraag-me-inzet', 'released'],
      [8, 'oefenleider-tolerantiegrenzen', 'released'],
    ]);
    expect(rows).toHaveLength(8);
    // Released by A; B never tried (a try would meet the primary key's fence: 'another writer stored this seq').
    const releasesBy = (server: ServerChild) =>
      server.output().match(new RegExp(`"exercise":"${id}","seq":\\d+,"inject":"[^"]+","msg":"inject released"`, 'g'))
        ?.length ?? 0;
    expect(releasesBy(a)).toBe(4);
    expect(releasesBy(b)).toBe(0);
    const linesOfB = b
      .output()
      .split('\n')
      .filter((line) => line.includes(id));
    expect(linesOfB.filter((line) => line.includes('another writer stored this seq'))).toEqual([]);
    expect(await lockHolders(id)).toBe(1);
    expectWhole(heard(onA).entries, heard(onA).head, 'trainer', 1);
    expect([...onA.invalid, ...onB.invalid]).toEqual([]);
  });

  // Last: it kills process A.
  it('takes the exercise over when its owner is killed: every acknowledged entry stays, what was in flight is answered, and it goes on', async () => {
    const id = await createExercise(a.url, scenarioSetup(), secret);
    const token = await observerDevice(id);
    const { client: trainer } = await join(a, id, secret);
    const { client: observer } = await join(b, id, token);
    expect(owns(a, id)).toBe(true);
    const acked = new Map<number, string>();
    for (let n = 1; n <= 3; n++) {
      const outcome = accepted(await trainer.propose(`t${String(n)}`, note(`T${String(n)}`)));
      acked.set(outcome.seq, outcome.hash);
    }

    // A burst from B's device; A is killed once three of them are acknowledged, the rest still to come.
    const BURST = 10;
    let killedAt = 0;
    const killed = new Promise<void>((resolve) => {
      let results = 0;
      observer.socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as { type: string };
        if (message.type !== 'result' || ++results !== 3) return;
        a.child.kill('SIGKILL');
        killedAt = Date.now();
        resolve();
      });
    });
    for (let n = 1; n <= BURST; n++)
      observer.send({ type: 'propose', clientMessageId: `w${String(n)}`, proposal: note(`W${String(n)}`) });
    await killed;
    expect(await exited(a.child)).toBe('SIGKILL');
    const results = await Promise.all(upTo(1, BURST).map((n) => observer.result(`w${String(n)}`)));
    const takeoverMs = Date.now() - killedAt;
    console.log(`cluster takeover: the burst's last result ${String(takeoverMs)} ms after kill -9 of the owner`);
    for (const { outcome } of results) acked.set(accepted(outcome).seq, accepted(outcome).hash);
    expect(b.output()).toContain(`"exercise":"${id}","seq":`);
    expect(b.output()).toMatch(new RegExp(`"exercise":"${id}","seq":\\d+,"msg":"cluster: took the exercise over"`));
    expect(await lockHolders(id)).toBe(1);

    // A proposal after the takeover, from B's device: B is the owner now.
    const after = accepted(await observer.propose('after', note('Na de overname')));
    expect(after.repeated).toBeUndefined();
    acked.set(after.seq, after.hash);

    // The trainer comes back on B, from the last entry it holds, and goes on there.
    await trainer.closed;
    const before = heard(trainer);
    const { client: again } = await join(b, id, secret, before.head?.length ?? 0);
    const onB = accepted(await again.propose('t-b', note('Op B')));
    acked.set(onB.seq, onB.hash);
    await until(() => seqsOf(heard(observer).entries).includes(onB.seq), 'the observer hears of the trainer’s entry');
    const resumed = heard(again);
    expectWhole([...before.entries, ...resumed.entries], resumed.head, 'trainer', 1);
    const seen = heard(observer);
    expectWhole(seen.entries, seen.head, 'observer', 1);

    // Every acknowledged entry is stored with the hash it was acknowledged with, each proposal once.
    const rows = await rowsOf(database.url, `SELECT seq, hash FROM entries WHERE exercise_id = '${id}' ORDER BY seq`);
    const stored = new Map(rows.map((row) => [row.seq as number, row.hash as string]));
    for (const [seq, hash] of acked) expect(stored.get(seq), `seq ${String(seq)}`).toBe(hash);
    expect((await storedNotes(id)).notes.toSorted()).toEqual(
      [
        ...upTo(1, 3).map((n) => `T${String(n)}`),
        ...upTo(1, BURST).map((n) => `W${String(n)}`),
        'Na de overname',
        'Op B',
      ].toSorted(),
    );
    expect(stored.size).toBe(1 + 3 + BURST + 2);
    expect(await rowsOf(database.url, 'SELECT id FROM paraat_forwarded')).toEqual([]);
    expect([...trainer.invalid, ...observer.invalid, ...again.invalid]).toEqual([]);
  });
});
