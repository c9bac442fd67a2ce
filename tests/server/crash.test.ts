/**
 * Issue #14, "durable before acknowledged": the built server runs as a child
 * process (as `npm run server` runs it); a device sends a burst of proposals,
 * and the server is killed with SIGKILL as soon as some of them are
 * acknowledged, with more still in flight. Restarted on the same file, every
 * acknowledged entry is there with the hash it was acknowledged with, the
 * chain verifies from the genesis, and a new proposal continues it. The
 * device then re-sends the whole burst with the same ids, as a client does for
 * proposals still waiting for their result: each stored one is answered with
 * the entry it made (recorded in its entry's transaction), the rest are judged
 * once, and every line is in the log exactly once. On a SQLite file and on a
 * PostgreSQL database (#16, `--db postgres://…`, whose password the server
 * never prints).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { genesisOf, verifyChain, type LogEntry } from '../../src/core';
import { TestSocket, createExercise, scenarioSetup, tempDir } from './helpers';
import { STORES, databaseFor } from './postgres';

const BURST = 40;
const KILL_AFTER = 15;

const temp = tempDir();
const children: ChildProcess[] = [];
const drops: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const drop of drops) await drop();
  temp.remove();
});

/** Start the built server on a free port; resolves with its address and, on the first start, the admin secret. */
function startChild(
  dbFile: string,
): Promise<{ child: ChildProcess; url: string; secret: string | null; printed: string }> {
  const child = spawn(process.execPath, [inject('serverEntry'), '--port', '0', '--db', dbFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PARAAT_LOG_LEVEL: 'error' },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const done = (result: { url: string; secret: string | null; printed: string } | Error) => {
      child.stdout.removeAllListeners('data');
      if (result instanceof Error) reject(result);
      else resolve({ child, ...result });
    };
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /listening at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
      // Everything up to the QR code is printed at once, after the secret.
      if (url && out.includes('Database:') && (/admin secret: [0-9a-f]{32}/.test(out) || out.includes('first start'))) {
        done({ url, secret: /admin secret: ([0-9a-f]{32})/.exec(out)?.[1] ?? null, printed: out });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.once('exit', (code, signal) => {
      done(new Error(`server exited (${String(code)}, ${String(signal)}) before listening:\n${out}\n${err}`));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode);
    else
      child.once('exit', (_code, signal) => {
        resolve(signal);
      });
  });

describe.each(STORES)('a crash right after the acks, on %s', (store) => {
  it('loses no acknowledged entry, and the exercise goes on', async () => {
    let dbFile = path.join(temp.dir, 'data', 'paraat.sqlite');
    if (store === 'PostgreSQL') {
      const database = await databaseFor(store, temp.dir);
      drops.push(database.drop);
      if (database.location.kind !== 'postgres') throw new Error('not PostgreSQL');
      // The test cluster trusts its clients: the password is not checked, only never printed.
      const url = new URL(database.location.url);
      url.password = 'geheim-wachtwoord';
      dbFile = url.toString();
    }
    const first = await startChild(dbFile);
    expect(first.printed).toContain(store === 'SQLite' ? `Database: ${dbFile}` : 'Database: PostgreSQL postgres://');
    expect(first.printed).not.toContain('geheim-wachtwoord');
    const secret = first.secret;
    if (!secret) throw new Error('no admin secret printed on the first start');
    const id = await createExercise(first.url, scenarioSetup(), secret);
    const wsUrl = (url: string) => `${url.replace(/^http/, 'ws')}/ws`;
    const { client } = await TestSocket.join(wsUrl(first.url), id, secret);

    const acknowledged = new Map<number, string>();
    const ackedIds = new Map<string, number>();
    const outcomes = new Set<string>();
    const killed = new Promise<void>((resolve) => {
      client.socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as {
          type: string;
          clientMessageId?: string;
          outcome?: { type: string; seq: number; hash: string };
        };
        if (message.type !== 'result' || !message.outcome) return;
        outcomes.add(message.outcome.type);
        acknowledged.set(message.outcome.seq, message.outcome.hash);
        ackedIds.set(message.clientMessageId ?? '', message.outcome.seq);
        if (acknowledged.size === KILL_AFTER) {
          first.child.kill('SIGKILL');
          resolve();
        }
      });
    });
    for (let n = 1; n <= BURST; n++)
      client.send({
        type: 'propose',
        clientMessageId: `m${String(n)}`,
        proposal: { kind: 'note', text: `Regel ${String(n)}` },
      });
    await killed;
    expect(await exited(first.child)).toBe('SIGKILL');
    await client.closed;
    // Everything the device was told, including results already on their way when the server died.
    const acked = new Map(acknowledged);
    expect([...outcomes]).toEqual(['accepted']);
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER);

    const second = await startChild(dbFile);
    expect(second.secret).toBeNull(); // not shown again: stored hashed
    const { client: again, welcome } = await TestSocket.join(wsUrl(second.url), id, secret);
    const entries = welcome.catchUp.map((projected) => projected.entry as LogEntry);
    const stored = new Map(entries.map((entry) => [entry.seq, entry.hash]));
    for (const [seq, hash] of acked) expect(stored.get(seq), `seq ${String(seq)}`).toBe(hash);
    expect(welcome.headSeq).toBeGreaterThanOrEqual(1 + acked.size);
    expect(welcome.headSeq).toBeLessThanOrEqual(1 + BURST);
    expect(verifyChain(genesisOf(welcome.head), entries)).toBeNull();

    // The burst again, same ids: what was stored is answered with its entry; what was lost is judged now, once.
    const resent = await Promise.all(
      Array.from({ length: BURST }, (_, index) =>
        again.propose(`m${String(index + 1)}`, { kind: 'note', text: `Regel ${String(index + 1)}` }),
      ),
    );
    resent.forEach((outcome, index) => {
      const id = `m${String(index + 1)}`;
      if (outcome.type !== 'accepted') throw new Error(`${id}: ${outcome.type}`);
      const stored = outcome.seq <= welcome.headSeq;
      expect(outcome.repeated === true, id).toBe(stored);
      const seq = ackedIds.get(id);
      if (seq !== undefined) expect(outcome, id).toMatchObject({ seq, hash: acked.get(seq), repeated: true });
    });
    const next = await again.propose('after', { kind: 'note', text: 'Na de herstart' });
    expect(next).toMatchObject({ type: 'accepted', seq: 1 + BURST + 1 });
    const { welcome: last } = await TestSocket.join(wsUrl(second.url), id, secret);
    const all = last.catchUp.map((projected) => projected.entry as LogEntry);
    expect(verifyChain(genesisOf(last.head), all)).toBeNull();
    const lines = all.flatMap((entry) => (entry.kind === 'note' ? [entry.text] : []));
    expect(lines.toSorted()).toEqual(
      [...Array.from({ length: BURST }, (_, index) => `Regel ${String(index + 1)}`), 'Na de herstart'].toSorted(),
    );
    expect([...client.invalid, ...again.invalid]).toEqual([]);
    again.close();
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBeNull(); // a clean stop on SIGTERM (exit code 0)
    expect(second.child.exitCode).toBe(0);
  });
});
