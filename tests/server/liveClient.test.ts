/**
 * The device's client (src/session/remote/liveClient.ts) against the real
 * server: a real SQLite file, real sockets (the `ws` package standing in for
 * the browser's WebSocket). Issue #14 items 2 and 6: welcome and catch-up
 * checked before anything is shown, results only once stored, the model's
 * refusal with its rule, "offline — reconnecting" when the server goes away,
 * a proposal made meanwhile sent on reconnect with its result shown, and an
 * incompatible device that never retries.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildServer } from '../../server/app';
import type { Limits } from '../../server/rateLimit';
import { createLiveClient, type LiveClient, type LiveSocket } from '../../src/session/remote/liveClient';
import { ADMIN_SECRET, createExercise, scenarioSetup, startServer, tempDir, until, type Running } from './helpers';

/** The Jaarwisseling cast's ME commander (public/scenarios/jaarwisseling.json). */
const COMMANDER = 'commandant';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function client(
  wsUrl: string,
  exerciseId: string,
  deviceToken = ADMIN_SECRET,
  schedule?: (run: () => void, ms: number) => () => void,
): LiveClient {
  const live = createLiveClient({
    ...(schedule ? { schedule } : {}),
    url: wsUrl,
    exerciseId,
    deviceToken,
    openSocket: (url) => new WebSocket(url) as unknown as LiveSocket,
    newMessageId: randomUUID,
    backoff: { baseMs: 50, capMs: 200, floorMs: 20 },
  });
  cleanups.push(() => {
    live.close();
  });
  return live;
}

async function running(limits?: Partial<Limits>): Promise<{ server: Running; exerciseId: string; dir: string }> {
  const temp = tempDir();
  const server = await startServer(temp.dir, limits ? { limits } : {});
  let stopped = false;
  cleanups.push(temp.remove);
  cleanups.push(async () => {
    if (!stopped) await server.stop();
  });
  const stop = server.stop;
  server.stop = async () => {
    stopped = true;
    await stop();
  };
  const exerciseId = await createExercise(server.url, scenarioSetup());
  return { server, exerciseId, dir: temp.dir };
}

const escalate = { kind: 'attempt', attempt: { type: 'phase.escalate', reason: 'Onrust bij het plein' } } as const;
const deployWaterCannon = { kind: 'attempt', attempt: { type: 'waterCannon.deploy' } } as const;

describe('the live client against the real server', () => {
  it('is welcomed with the checked log, and a proposal resolves once stored; another device sees it', async () => {
    const { server, exerciseId } = await running();
    const trainer = client(server.wsUrl, exerciseId);
    const observer = client(server.wsUrl, exerciseId);
    await until(() => trainer.getState().connection.state === 'live', 'the welcome');
    expect(trainer.getState().role).toBe('trainer');
    expect(trainer.getState().entries.map((projected) => projected.entry.seq)).toEqual([1]);

    const outcome = await trainer.propose(escalate, COMMANDER);
    expect(outcome.type).toBe('accepted');
    expect(trainer.getState().entries.map((projected) => projected.entry.seq)).toEqual([1, 2]);
    expect(trainer.getState().head?.length).toBe(2);
    await until(() => observer.getState().entries.length === 2, 'the broadcast');
    expect(observer.getState().entries[1]?.entry.hash).toBe(trainer.getState().entries[1]?.entry.hash);
    expect(trainer.getState().chainProblem).toBeNull();
  });

  it("gives the model's refusal with its rule, logged like any entry", async () => {
    const { server, exerciseId } = await running();
    const trainer = client(server.wsUrl, exerciseId);
    await until(() => trainer.getState().connection.state === 'live', 'the welcome');
    // The commander asks for the water cannon in phase 1, with no decision of the mayor.
    const outcome = await trainer.propose(deployWaterCannon, COMMANDER);
    expect(outcome.type).toBe('refused');
    if (outcome.type !== 'refused') throw new Error('refused expected');
    expect(outcome.rule).toMatch(/^R\d+$/);
    expect(trainer.getState().entries.at(-1)?.entry.seq).toBe(outcome.seq);
  });

  it('says reconnecting when the server goes, sends what was proposed meanwhile on reconnect, and catches up', async () => {
    const { server, exerciseId, dir } = await running();
    const trainer = client(server.wsUrl, exerciseId);
    await until(() => trainer.getState().connection.state === 'live', 'the welcome');
    expect((await trainer.propose(escalate, COMMANDER)).type).toBe('accepted');

    const port = Number(new URL(server.url).port);
    await server.stop();
    await until(() => trainer.getState().connection.state === 'reconnecting', 'reconnecting');
    const offline = trainer.propose({ kind: 'note', text: 'Gemaakt terwijl de server weg was' });
    expect(trainer.getState().waiting).toBe(1);

    const again = await buildServer({
      dbFile: `${dir}/paraat.sqlite`,
      host: '127.0.0.1',
      port,
      adminSecret: ADMIN_SECRET,
    });
    cleanups.push(() => again.close());
    await again.listen();
    const outcome = await offline;
    expect(outcome.type).toBe('accepted');
    expect(trainer.getState().connection.state).toBe('live');
    expect(trainer.getState().entries.map((projected) => projected.entry.seq)).toEqual([1, 2, 3]);
    expect(trainer.getState().waiting).toBe(0);
    expect(trainer.getState().chainProblem).toBeNull();
  });

  it('sends a proposal again once the rate limit would take it, and it is logged once', async () => {
    // Two proposals at once per device (the hello is not counted), two more a second: the third waits its turn.
    const { server, exerciseId } = await running({ messagesPerDevice: { capacity: 2, perSecond: 2 } });
    const trainer = client(server.wsUrl, exerciseId);
    await until(() => trainer.getState().connection.state === 'live', 'the welcome');
    const notes = ['eerste', 'tweede', 'derde'].map((text) => trainer.propose({ kind: 'note', text }));
    expect(trainer.getState().waiting).toBe(3);
    const outcomes = await Promise.all(notes);
    expect(outcomes.map((outcome) => outcome.type)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(trainer.getState().entries.map((projected) => projected.entry.seq)).toEqual([1, 2, 3, 4]);
    expect(trainer.getState().waiting).toBe(0);
  });

  it('gives up after re-sending a rate-limited proposal a few times, and says so', async () => {
    // A bucket that does not refill within the test; re-sends come at once (the schedule is immediate).
    const { server, exerciseId } = await running({ messagesPerDevice: { capacity: 1, perSecond: 0.001 } });
    const trainer = client(server.wsUrl, exerciseId, ADMIN_SECRET, (run) => {
      const timer = setTimeout(run, 0);
      return () => {
        clearTimeout(timer);
      };
    });
    await until(() => trainer.getState().connection.state === 'live', 'the welcome');
    expect((await trainer.propose({ kind: 'note', text: 'de ene' })).type).toBe('accepted');
    const outcome = await trainer.propose({ kind: 'note', text: 'te veel' });
    expect(outcome).toMatchObject({ type: 'error', code: 'rateLimited' });
    expect(trainer.getState().waiting).toBe(0);
    expect(trainer.getState().entries).toHaveLength(2);
  });

  it('shows an unknown exercise as incompatible and never retries', async () => {
    const { server } = await running();
    const lost = client(server.wsUrl, 'f'.repeat(32));
    await until(() => lost.getState().connection.state === 'incompatible', 'incompatible');
    const connection = lost.getState().connection;
    expect(connection.state === 'incompatible' && connection.reason).toBe('unknownExercise');
    await new Promise((resolve) => setTimeout(resolve, 300)); // longer than the test backoff's cap
    expect(lost.getState().connection.state).toBe('incompatible');
    expect((await lost.propose(escalate)).type).toBe('notSent');
  });
});
