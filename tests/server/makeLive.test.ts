/**
 * "Live zetten" and "Live sessie op de server" (issue #14 item 8), the way
 * the exercise list and the new-exercise form reach the server: the app's
 * own modules (src/session/remote) over real HTTP to a real server on a real
 * SQLite file. A local exercise goes up whole and goes on live; a changed one
 * is refused with its reasons; a wrong secret is said as such; a set-up from
 * the form becomes a live exercise. The page finds out it was served by a
 * Paraat server from /healthz, and a plain web server is not taken for one.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRepository } from '../../src/session/local/memoryRepository';
import { createLive, uploadStored } from '../../src/session/remote/makeLive';
import { downloadExerciseFile } from '../../src/session/remote/serverApi';
import { copy, exportedFile, playedExercise } from '../session/exerciseFileHelpers';
import { ADMIN_SECRET, TestSocket, api, scenarioSetup, serverForTheseTests } from './helpers';

const running = serverForTheseTests();
const realFetch = globalThis.fetch;

/** The app asks its own origin ('/api/…'): here that origin is the test's server. */
function servedBy(base: string) {
  vi.stubGlobal('fetch', (input: string | URL, init?: RequestInit) => realFetch(new URL(String(input), base), init));
}

beforeEach(() => {
  servedBy(running().url);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const NOW = '2027-01-01T01:00:00.000Z';
const GONE = 'Deze oefening staat niet meer op dit apparaat.';

const liveIds = async () =>
  ((await api(running().url, 'GET', '/api/exercises', { token: ADMIN_SECRET })).body.exercises as { id: string }[]).map(
    (exercise) => exercise.id,
  );

describe('making a local exercise live', () => {
  it('uploads the stored exercise whole; the server holds the same chain and it goes on over the WebSocket', async () => {
    const { repository, id } = await playedExercise();
    const local = await repository.head(id);
    if (!local) throw new Error('the played exercise is stored');
    const outcome = await uploadStored(ADMIN_SECRET, repository, id, NOW, 'nl', GONE);
    expect(outcome).toMatchObject({ ok: true, id, length: local.length, renumbered: false });

    const { file } = await downloadExerciseFile(ADMIN_SECRET, id);
    expect(file.head.headHash).toBe(local.headHash);
    expect(file.entries).toEqual(await repository.entries(local));

    const { client, welcome } = await TestSocket.join(running().wsUrl, id);
    try {
      expect(welcome).toMatchObject({ headSeq: local.length, headHash: local.headHash, role: 'trainer' });
    } finally {
      client.close();
    }
  });

  it('is refused with the reader’s reasons when a line was changed on this device, and nothing is stored', async () => {
    const changed = copy(await exportedFile());
    const note = changed.entries.find((entry) => entry.kind === 'note');
    if (note?.kind !== 'note') throw new Error('the played exercise has a note');
    note.text = 'Waterwerper ingezet zonder waarschuwing';
    const repository = new MemoryRepository();
    await repository.create(changed.head, changed.entries);
    const before = await liveIds();

    const outcome = await uploadStored(ADMIN_SECRET, repository, changed.head.id, NOW, 'en', GONE);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.message).toContain('Nothing was stored');
    expect(outcome.problems.join(' ')).toContain(`Line ${String(note.seq)} has been changed`);
    expect(outcome.unauthorized).toBeUndefined();
    expect(await liveIds()).toEqual(before);
  });

  it('says a wrong admin secret is wrong (so the list forgets it), and stores nothing', async () => {
    const { repository, id } = await playedExercise();
    const before = await liveIds();
    const outcome = await uploadStored('not-the-secret', repository, id, NOW, 'nl', GONE);
    expect(outcome).toEqual({
      ok: false,
      message: 'Beheersleutel ontbreekt of klopt niet.',
      problems: [],
      unauthorized: true,
    });
    expect(await liveIds()).toEqual(before);
  });

  it('says the exercise is gone when it is no longer on this device', async () => {
    const outcome = await uploadStored(ADMIN_SECRET, new MemoryRepository(), 'c'.repeat(32), NOW, 'nl', GONE);
    expect(outcome).toEqual({ ok: false, message: GONE, problems: [] });
  });
});

describe('a new exercise as a live session', () => {
  it('makes the form’s set-up (a scenario with its injects) on the server, where it opens as the trainer', async () => {
    const setup = scenarioSetup();
    const created = await createLive(ADMIN_SECRET, setup, 'nl');
    if (!created.ok) throw new Error(created.message);
    expect(await liveIds()).toContain(created.id);
    const { file } = await downloadExerciseFile(ADMIN_SECRET, created.id);
    expect(file.head.setup).toEqual(setup);
    expect(file.entries).toHaveLength(1);
  });

  it('is refused with the server’s words for a wrong secret', async () => {
    const created = await createLive('wrong', scenarioSetup(), 'en');
    expect(created).toEqual({ ok: false, message: 'Missing or wrong admin secret.', problems: [], unauthorized: true });
  });
});

describe('whether the page came from a Paraat server', () => {
  let plain: Server;
  let plainUrl: string;

  beforeAll(async () => {
    // A static host: every path answers with the app's page, as a single-page host does.
    plain = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Paraat</title>');
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const address = plain.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    plainUrl = `http://127.0.0.1:${String(address.port)}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => plain.close(resolve));
  });

  // The answer is kept for the page's life: each case loads the module afresh, as a new page would.
  const ask = async () => {
    vi.resetModules();
    return (await import('../../src/session/remote/serverPresence')).servedByParaatServer();
  };

  it('is so when /healthz answers as the Paraat server does', async () => {
    expect(await ask()).toBe(true);
  });

  it('is not so on a host that answers every path with the page, nor on one that cannot be reached', async () => {
    servedBy(plainUrl);
    expect(await ask()).toBe(false);
    servedBy('http://127.0.0.1:1');
    expect(await ask()).toBe(false);
  });
});
