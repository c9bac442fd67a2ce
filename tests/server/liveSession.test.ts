/**
 * A live exercise behind the session's door (src/session/remote/liveSession.ts):
 * the same attempts, made through a local session and through a live one on
 * the real server, get the same verdicts, the same rules and the same model
 * state; the trainer's "Handelt als" reaches the server as the cast member.
 * On either store the server keeps (SQLite, PostgreSQL: #16).
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { phaseOf, type By } from '../../machines';
import { byOfMember, type Attempt, type LogEntry } from '../../src/core';
import { MemoryRepository } from '../../src/session/local/memoryRepository';
import { createLiveClient, type LiveSocket } from '../../src/session/remote/liveClient';
import { liveSession } from '../../src/session/remote/liveSession';
import { createExercise as createLocalExercise, openSession } from '../../src/session/session';
import { PostgresStore } from '../../server/store/postgresStore';
import { SqliteStore } from '../../server/store/sqliteStore';
import { ADMIN_SECRET, createExercise, scenarioSetup, startServer, tempDir, until } from './helpers';
import { STORES, databaseFor } from './postgres';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const setup = scenarioSetup();
const member = (id: string): By => {
  const found = setup.cast.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no cast member ${id}`);
  return byOfMember(found);
};
const commander = member('commandant');
const mayor = member('burgemeester');

/** A walk up to riot control with the decisions the rules demand, and attempts the model refuses on the way. */
const ATTEMPTS: Attempt[] = [
  { type: 'waterCannon.deploy', by: commander },
  { type: 'phase.escalate', reason: 'Groepen verzamelen zich', by: commander },
  { type: 'phase.escalate', reason: 'Eerste ongeregeldheden', by: commander },
  { type: 'phase.escalate', reason: 'ME ingezet', by: commander },
  { type: 'phase.escalate', reason: 'Openlijke geweldpleging', by: commander },
  { type: 'mayor.decide', subject: 'waterCannon', verdict: 'granted', grounds: '', by: mayor },
  { type: 'mayor.decide', subject: 'waterCannon', verdict: 'granted', grounds: 'Geweld tegen personen', by: mayor },
  { type: 'waterCannon.deploy', by: commander },
  { type: 'crowd.warn', by: commander },
  { type: 'waterCannon.deploy', by: commander },
  { type: 'tearGas.add', by: commander },
];

const verdicts = (log: readonly LogEntry[]) =>
  log.flatMap((entry) =>
    entry.kind === 'attempt'
      ? [{ type: entry.event.type, by: entry.by.name, outcome: entry.outcome, rule: entry.refusal?.rule ?? null }]
      : [],
  );

describe.each(STORES)('a live session behind the session door, on %s', (store) => {
  it('judges the same attempts as a local session does', async () => {
    const local = new MemoryRepository();
    const head = await createLocalExercise(local, setup);
    const localSession = await openSession(local, head.id);
    if (!localSession) throw new Error('the local exercise did not open');
    for (const attempt of ATTEMPTS) await localSession.dispatch(attempt);

    const temp = tempDir();
    cleanups.push(temp.remove);
    const database = await databaseFor(store, temp.dir);
    cleanups.push(database.drop);
    const server = await startServer(temp.dir, { database: database.location });
    cleanups.push(() => server.stop());
    expect(server.server.store).toBeInstanceOf(store === 'SQLite' ? SqliteStore : PostgresStore);
    const exerciseId = await createExercise(server.url, setup);
    const client = createLiveClient({
      url: server.wsUrl,
      exerciseId,
      deviceToken: ADMIN_SECRET,
      openSocket: (url) => new WebSocket(url) as unknown as LiveSocket,
      newMessageId: randomUUID,
    });
    await until(() => client.getState().connection.state === 'live', 'the welcome');
    const live = liveSession(client);
    cleanups.push(() => {
      live.dispose();
    });
    const outcomes = [];
    for (const attempt of ATTEMPTS) outcomes.push((await live.dispatch(attempt)).outcome);
    expect(outcomes.every((outcome) => outcome === 'stored')).toBe(true);

    const liveLog = live.getState().log;
    expect(verdicts(liveLog)).toEqual(verdicts(localSession.getState().log));
    expect(
      verdicts(liveLog)
        .filter((verdict) => verdict.outcome === 'refused')
        .map((verdict) => verdict.rule),
    ).toEqual(
      verdicts(localSession.getState().log)
        .filter((verdict) => verdict.outcome === 'refused')
        .map((verdict) => verdict.rule),
    );
    // Jaarwisseling starts in phase 2: no water cannon outside riot control and no fifth phase (R1), blank
    // grounds (R6), no water cannon before a warning (R7), no tear agent without its own decision (R4).
    expect(verdicts(liveLog).flatMap((verdict) => (verdict.rule ? [verdict.rule] : []))).toEqual([
      'R1',
      'R1',
      'R6',
      'R7',
      'R4',
    ]);
    expect(phaseOf(live.getState().snapshot)).toBe(phaseOf(localSession.getState().snapshot));
    expect(live.getState().savedLength).toBe(liveLog.length);
    expect(live.getState().live.state).toBe('live');
  });
});
