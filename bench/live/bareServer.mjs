/**
 * The bare baseline for the live-session measures (`npm run bench -- --only=ack`, `npm run loadtest`):
 * a plain `ws` server with no Paraat logic that does what any durable, acknowledging log server must —
 * one insert per message in its own transaction, then the ack, then (with `broadcast`) the entry to the
 * room's other sockets. The insert goes to SQLite (`--db FILE`: WAL, `synchronous=FULL`, set and read back,
 * as server/store/sqliteStore.ts) or to PostgreSQL (`--db postgres://…`: a pool of 10 as
 * server/store/postgresStore.ts, `synchronous_commit = on` set on every connection and read back, so a
 * commit returns after its WAL flush; table `bare_entries`). PostgreSQL's insert is asynchronous: a room's
 * messages are handled one after the other (as Paraat's exercise queue does), so its seqs stay in order.
 *
 * It speaks the shape of Paraat's protocol that the measuring client reads (docs/protocol.md), so the
 * same client code measures both: `hello` → `welcome` {headSeq, headHash, catchUp}; `propose`
 * {clientMessageId} → `result` {clientMessageId, outcome: {type: 'accepted', seq, hash, entry: {entry}}};
 * other sockets of the room get `entries` {entries: [{entry}]}. `hello.exerciseId` names the room.
 * The entry is `{kind: 'bare', seq, prevHash, clientMessageId, pad, hash}`, hash = SHA-256 of its
 * canonical JSON without `hash` (as Paraat's chain, so clients verify both alike); `pad` makes the stored
 * row `rowBytes` characters long, the size of a Paraat entry, measured by the caller. No judging, no
 * head row, no rate limits, no schema: the floor.
 *
 * Run as its own process (the measured server must not share the client's event loop):
 *   node bench/live/bareServer.mjs --db FILE|URL [--port 0] [--row-bytes 1200] [--broadcast]
 * It prints one JSON line `{"listening":"ws://127.0.0.1:PORT"}` on stdout. `startBareServer` runs it
 * in-process; `spawnBareServer` starts the process and resolves with its address.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { configure } from 'safe-stable-stringify';
import { WebSocketServer } from 'ws';

/** RFC 8785 for JSON values, as src/core/hashChain.ts configures it. */
const canonical = configure({ deterministic: true, strict: true, circularValue: Error, bigint: false });
const GENESIS = '0'.repeat(64);
/** What sealing adds to the canonical text: `,"hash":"` and 64 hex digits and `"`. */
const SEAL_CHARS = 74;

/** SQLite: one insert in its own immediate transaction, synchronous (better-sqlite3). */
function sqliteAppend(dbFile) {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  if (db.pragma('synchronous', { simple: true }) !== 2) throw new Error(`${dbFile}: synchronous is not FULL`);
  db.exec(`CREATE TABLE IF NOT EXISTS entries (
    exercise_id TEXT NOT NULL, seq INTEGER NOT NULL, hash TEXT NOT NULL, json TEXT NOT NULL,
    PRIMARY KEY (exercise_id, seq)) WITHOUT ROWID`);
  const insert = db.prepare('INSERT INTO entries (exercise_id, seq, hash, json) VALUES (?, ?, ?, ?)');
  const transaction = db.transaction((room, seq, hash, json) => insert.run(room, seq, hash, json));
  return {
    async: false,
    append: (room, seq, hash, json) => transaction.immediate(room, seq, hash, json),
    close: async () => db.close(),
  };
}

/** PostgreSQL: one INSERT (its own transaction) on a pool connection, durable when it returns. */
async function postgresAppend(url) {
  // Set at connect (a startup option), so no query can run on a connection before it.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c synchronous_commit=on' });
  const shown = await pool.query('SHOW synchronous_commit');
  if (shown.rows[0]?.synchronous_commit !== 'on') throw new Error(`${url}: synchronous_commit is not on`);
  await pool.query(`CREATE TABLE IF NOT EXISTS bare_entries (
    exercise_id TEXT NOT NULL, seq BIGINT NOT NULL, hash TEXT NOT NULL, json TEXT NOT NULL,
    PRIMARY KEY (exercise_id, seq))`);
  return {
    async: true,
    append: (room, seq, hash, json) =>
      pool.query('INSERT INTO bare_entries (exercise_id, seq, hash, json) VALUES ($1, $2, $3, $4)', [
        room,
        seq,
        hash,
        json,
      ]),
    close: () => pool.end(),
  };
}

/**
 * @param {{ dbFile: string, port?: number, host?: string, rowBytes?: number, broadcast?: boolean }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startBareServer({ dbFile, port = 0, host = '127.0.0.1', rowBytes = 1200, broadcast = false }) {
  const store = /^postgres(ql)?:\/\//.test(dbFile) ? await postgresAppend(dbFile) : sqliteAppend(dbFile);
  const { append } = store;

  /** @type {Map<string, { seq: number, hash: string, sockets: Set<import('ws').WebSocket>, tail: Promise<void> }>} */
  const rooms = new Map();
  const roomOf = (id) => {
    let room = rooms.get(id);
    if (!room) {
      room = { seq: 0, hash: GENESIS, sockets: new Set(), tail: Promise.resolve() };
      rooms.set(id, room);
    }
    return room;
  };

  /** One proposal: the insert, then the ack, then the entry to the room's other sockets. */
  async function proposed(socket, room, roomId, message) {
    const unsealed = {
      kind: 'bare',
      seq: room.seq + 1,
      prevHash: room.hash,
      clientMessageId: String(message.clientMessageId),
      pad: '',
    };
    // The stored row is the canonical JSON with the hash as its last key, as Paraat stores it.
    unsealed.pad = 'x'.repeat(Math.max(0, rowBytes - canonical(unsealed).length - SEAL_CHARS));
    const text = canonical(unsealed);
    const hash = createHash('sha256').update(text).digest('hex');
    const json = `${text.slice(0, -1)},"hash":"${hash}"}`;
    try {
      // SQLite's insert is synchronous and must stay so: messages of one room read in one tick take seqs in turn.
      const written = append(roomId, unsealed.seq, hash, json);
      if (store.async) await written;
    } catch (error) {
      socket.send(
        JSON.stringify({
          type: 'result',
          clientMessageId: message.clientMessageId,
          outcome: { type: 'error', code: 'storage', message: String(error) },
        }),
      );
      return;
    }
    room.seq = unsealed.seq;
    room.hash = hash;
    const entry = { ...unsealed, hash };
    socket.send(
      JSON.stringify({
        type: 'result',
        clientMessageId: message.clientMessageId,
        outcome: { type: 'accepted', seq: entry.seq, hash, entry: { entry } },
      }),
    );
    if (!broadcast) return;
    const others = JSON.stringify({ type: 'entries', entries: [{ entry }] });
    for (const other of room.sockets) if (other !== socket && other.readyState === other.OPEN) other.send(others);
  }

  const wss = new WebSocketServer({ host, port, maxPayload: 64 * 1024 });
  wss.on('connection', (socket) => {
    let joined = null;
    let roomId = '';
    socket.on('message', (data) => {
      let message;
      try {
        message = JSON.parse(data.toString('utf8'));
      } catch {
        socket.send(JSON.stringify({ type: 'error', code: 'malformed' }));
        return;
      }
      if (message.type === 'hello') {
        roomId = String(message.exerciseId);
        joined = roomOf(roomId);
        joined.sockets.add(socket);
        socket.send(JSON.stringify({ type: 'welcome', headSeq: joined.seq, headHash: joined.hash, catchUp: [] }));
        return;
      }
      if (message.type !== 'propose' || !joined) {
        socket.send(JSON.stringify({ type: 'error', code: 'invalid', clientMessageId: message.clientMessageId }));
        return;
      }
      const room = joined;
      if (store.async) room.tail = room.tail.then(() => proposed(socket, room, roomId, message));
      else void proposed(socket, room, roomId, message);
    });
    socket.on('close', () => {
      if (joined) joined.sockets.delete(socket);
    });
  });
  await new Promise((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const address = /** @type {import('node:net').AddressInfo} */ (wss.address());
  return {
    url: `ws://${host}:${String(address.port)}`,
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => {
          void store.close().then(resolve);
        });
      }),
  };
}

/**
 * Start the bare server as a child process.
 * @param {{ dbFile: string, rowBytes: number, broadcast?: boolean }} options
 * @returns {Promise<{ url: string, pid: number, stop: () => Promise<void>, kill: () => void }>}
 */
export function spawnBareServer({ dbFile, rowBytes, broadcast = false }) {
  const args = [fileURLToPath(import.meta.url), '--db', dbFile, '--row-bytes', String(rowBytes)];
  if (broadcast) args.push('--broadcast');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let text = '';
    child.once('error', reject);
    void exited.then((code) => {
      reject(new Error(`the bare server exited (${String(code)}) before listening`));
    });
    child.stdout.on('data', (chunk) => {
      text += chunk.toString('utf8');
      const line = text.split('\n').find((candidate) => candidate.startsWith('{"listening"'));
      if (!line) return;
      resolve({
        url: JSON.parse(line).listening,
        pid: child.pid,
        kill: () => child.kill('SIGKILL'),
        stop: () => {
          child.kill('SIGTERM');
          return exited.then(() => undefined);
        },
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const value = (flag, fallback) => {
    const index = process.argv.indexOf(flag);
    return index === -1 ? fallback : process.argv[index + 1];
  };
  const server = await startBareServer({
    dbFile: value('--db', 'bare.sqlite'),
    port: Number(value('--port', '0')),
    rowBytes: Number(value('--row-bytes', '1200')),
    broadcast: process.argv.includes('--broadcast'),
  });
  process.stdout.write(`${JSON.stringify({ listening: server.url })}\n`);
  process.once('SIGTERM', () => {
    void server.close().then(() => process.exit(0));
  });
}
