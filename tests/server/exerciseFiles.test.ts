/**
 * Moving between the modes (issue #14 item 8), against a real server on a
 * real SQLite file over real HTTP and WebSocket: a local exercise's file is
 * uploaded (verified with the core's reader, stored whole, and it goes on
 * live), a tampered or foreign file is refused with its reasons and nothing
 * is stored, and a live exercise downloads as a file that the app's import
 * accepts with the same final hash.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { exerciseFileName, importExerciseFile, parseExerciseFile, type ExerciseFile } from '../../src/session';
import { MemoryRepository } from '../../src/session/local/memoryRepository';
import { UPLOAD_BODY_LIMIT } from '../../server/exerciseFiles';
import { copy, exportedFile, line, reseal, text } from '../session/exerciseFileHelpers';
import { ADMIN_SECRET, TestSocket, api, createExercise, scenarioSetup, serverForTheseTests } from './helpers';

const running = serverForTheseTests();

const sockets: TestSocket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});

const upload = (body: string, token: string | null = ADMIN_SECRET, headers: Record<string, string> = {}) =>
  api(running().url, 'POST', '/api/exercises/upload', {
    body,
    token,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** What the SQLite file holds for an exercise, read with a connection of its own. */
function storedRows(id: string): { exercises: number; entries: number } {
  const db = new Database(running().dbFile, { readonly: true });
  try {
    const exercises = db.prepare('SELECT count(*) AS n FROM exercises WHERE id = ?').get(id) as { n: number };
    const entries = db.prepare('SELECT count(*) AS n FROM entries WHERE exercise_id = ?').get(id) as { n: number };
    return { exercises: exercises.n, entries: entries.n };
  } finally {
    db.close();
  }
}

const totalExercises = async () =>
  ((await api(running().url, 'GET', '/api/exercises', { token: ADMIN_SECRET })).body.exercises as unknown[]).length;

async function download(id: string) {
  const response = await fetch(`${running().url}/api/exercises/${id}/file`, {
    headers: { authorization: `Bearer ${ADMIN_SECRET}` },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function join(id: string) {
  const joined = await TestSocket.join(running().wsUrl, id);
  sockets.push(joined.client);
  return joined;
}

describe('uploading a local exercise', () => {
  it('stores the whole log, then the exercise goes on live over the WebSocket', async () => {
    const file = await exportedFile();
    const answer = await upload(text(file));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      id: file.head.id,
      title: file.head.setup.title,
      headSeq: file.entries.length,
      headHash: file.finalHash,
      renumbered: false,
    });
    expect(storedRows(file.head.id)).toEqual({ exercises: 1, entries: file.entries.length });

    const { client, welcome } = await join(file.head.id);
    expect(welcome).toMatchObject({ headSeq: file.entries.length, headHash: file.finalHash, role: 'trainer' });
    expect(welcome.catchUp.map((projected) => projected.entry.seq)).toEqual(file.entries.map((entry) => entry.seq));
    const outcome = await client.propose('after-upload', { kind: 'note', text: 'Verder op de server' });
    expect(outcome).toMatchObject({ type: 'accepted', seq: file.entries.length + 1 });
    if (outcome.type !== 'accepted') throw new Error('not accepted');
    expect(outcome.entry.entry.prevHash).toBe(file.finalHash);
    expect(storedRows(file.head.id).entries).toBe(file.entries.length + 1);
  });

  it('never overwrites an exercise already there: the same file again gets a new id and keeps its chain', async () => {
    const file = await exportedFile();
    // Stored already by the test before, or now.
    expect((await upload(text(file))).status).toBe(201);
    const before = storedRows(file.head.id);
    const again = await upload(text(file));
    expect(again.status).toBe(201);
    expect(again.body.renumbered).toBe(true);
    const id = again.body.id as string;
    expect(id).not.toBe(file.head.id);
    expect(storedRows(file.head.id)).toEqual(before);
    const downloaded = parseExerciseFile((await download(id)).text);
    expect(downloaded.ok).toBe(true);
    if (!downloaded.ok) return;
    expect(downloaded.file.head).toMatchObject({ id, chainId: file.head.id });
    expect(downloaded.file.finalHash).toBe(file.finalHash);
  });

  it('refuses a changed line, names it, and stores nothing', async () => {
    const file = await exportedFile();
    const tampered = copy(file);
    tampered.head.id = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    // Sealed anew under another id, as a forger would: the chain no longer starts at the exercise's genesis.
    const refused = reseal(tampered);
    const count = await totalExercises();
    const answer = await upload(text(refused));
    expect(answer.status).toBe(422);
    expect(answer.body.error).toBe('invalidFile');
    expect(JSON.stringify(answer.body.message)).toContain('niets opgeslagen');
    const problems = answer.body.problems as { path: string; message: { nl: string; en: string } }[];
    expect(problems.map((problem) => problem.message.en).join(' ')).toContain('The head of the file has been changed');
    expect(storedRows(tampered.head.id)).toEqual({ exercises: 0, entries: 0 });
    expect(await totalExercises()).toBe(count);

    const changed = copy(file);
    const note = changed.entries.find((entry) => entry.kind === 'note');
    if (note?.kind !== 'note') throw new Error('the played exercise has a note');
    note.text = 'Waterwerper ingezet zonder waarschuwing';
    changed.head.id = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
    const lineAnswer = await upload(text(changed));
    expect(lineAnswer.status).toBe(422);
    const messages = (lineAnswer.body.problems as { message: { nl: string; en: string } }[]).map((p) => p.message);
    expect(messages.map((m) => m.en).join(' ')).toContain(`Line ${String(note.seq)} has been changed`);
    expect(messages.map((m) => m.nl).join(' ')).toContain(`Regel ${String(note.seq)} is gewijzigd`);
    expect(storedRows(changed.head.id)).toEqual({ exercises: 0, entries: 0 });
    expect(await totalExercises()).toBe(count);
  });

  it('refuses a cut log, a scenario, broken JSON, a __proto__ key and an empty body, each with its reason', async () => {
    const file = await exportedFile();
    const count = await totalExercises();
    const cut = copy(file);
    cut.entries.pop();
    const scenario = { format: 'paraat.scenario/1', title: 'Jaarwisseling' };
    const poisoned = text(file).replace('"format":', '"__proto__": {"x": 1}, "format":');
    const cases: [string, string][] = [
      [text(cut), 'The log has been cut short'],
      [JSON.stringify(scenario), 'This is a scenario file, not an exercise'],
      ['{"format": "paraat.exercise-file/1", ', 'JSON'],
      [poisoned, '__proto__'],
      ['', 'The file is empty'],
      [JSON.stringify({ format: 'something/else' }), 'This is not a Paraat exercise file'],
    ];
    for (const [body, reason] of cases) {
      const answer = await upload(body);
      expect(answer.status, reason).toBe(422);
      const english = (answer.body.problems as { message: { en: string } }[]).map((p) => p.message.en).join(' ');
      expect(english, reason).toContain(reason);
    }
    expect(await totalExercises()).toBe(count);
    expect(line(file, 1).seq).toBe(1);
  });

  it('needs the admin secret before it reads the body; refuses another content type and a body over the limit', async () => {
    const file = await exportedFile();
    file.head.id = 'cccccccccccccccccccccccccccccccc';
    const count = await totalExercises();
    expect((await upload(text(file), null)).status).toBe(401);
    expect((await upload(text(file), 'not-the-secret')).body.error).toBe('unauthorized');

    // The file's text as text/plain is read the same way (here: refused for its changed id).
    expect((await upload(text(file), ADMIN_SECRET, { 'content-type': 'text/plain' })).body.error).toBe('invalidFile');
    const wrongType = await upload(text(file), ADMIN_SECRET, { 'content-type': 'application/octet-stream' });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.error).toBe('wrongType');

    const huge = `"${'x'.repeat(UPLOAD_BODY_LIMIT)}"`;
    // Without the secret the body is never read: 401, not 413.
    expect((await upload(huge, null)).status).toBe(401);
    const tooLarge = await upload(huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ error: 'tooLarge' });
    expect((tooLarge.body.message as { nl: string }).nl).toContain('te groot');
    expect(await totalExercises()).toBe(count);
    expect(storedRows(file.head.id).exercises).toBe(0);
  }, 60_000);
});

describe('downloading a live exercise', () => {
  it('gives the exercise file, which the app’s import verifies and stores with the same final hash', async () => {
    const id = await createExercise(running().url, scenarioSetup());
    const { client } = await join(id);
    await client.propose('c1', { kind: 'clock', action: { type: 'start' } });
    await client.propose('n1', { kind: 'note', text: 'Eerste melding: groep jongeren bij het plein' });
    await client.propose('e1', { kind: 'attempt', attempt: { type: 'phase.escalate', reason: 'Onrust neemt toe' } });
    const head = (await api(running().url, 'GET', '/api/exercises', { token: ADMIN_SECRET })).body.exercises as {
      id: string;
      headHash: string;
      length: number;
    }[];
    const listed = head.find((exercise) => exercise.id === id);
    if (!listed) throw new Error('not listed');

    const response = await download(id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const parsed = parseExerciseFile(response.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const file: ExerciseFile = parsed.file;
    expect(file.finalHash).toBe(listed.headHash);
    expect(file.entries).toHaveLength(listed.length);
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent(exerciseFileName(file)));

    // Import in the one-device mode: the same head hash, and the file's own log.
    const local = new MemoryRepository();
    const imported = await importExerciseFile(local, file);
    expect(imported.head.headHash).toBe(listed.headHash);
    const storedHead = await local.head(imported.head.id);
    if (!storedHead) throw new Error('not stored on this device');
    expect(storedHead.headHash).toBe(listed.headHash);
    expect((await local.entries(storedHead)).map((entry) => entry.hash)).toEqual(file.entries.map((e) => e.hash));

    // And back up again: the round trip is complete.
    const again = await upload(response.text);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ renumbered: true, headHash: listed.headHash });
  });

  it('needs the admin secret, and names an unknown exercise', async () => {
    const id = await createExercise(running().url, scenarioSetup());
    expect((await api(running().url, 'GET', `/api/exercises/${id}/file`)).status).toBe(401);
    const unknown = await api(running().url, 'GET', '/api/exercises/0123456789abcdef0123456789abcdef/file', {
      token: ADMIN_SECRET,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('unknownExercise');
  });
});
