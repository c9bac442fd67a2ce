/**
 * `npm run loadtest` (#16 item 4): many exercises at once against the real server, each figure also
 * against the bare baseline (../live/bareServer.mjs with broadcast: the same durable insert, the ack,
 * the entry to the room's other sockets; no Paraat logic) in the same run, with the same client code in
 * separate worker processes (./worker.mjs).
 *
 *   npm run loadtest -- [--duration 60] [--store sqlite|postgres] [--exercises 50] [--clients 10] [--workers 4] [--knee [MAX]]
 *
 * `--store postgres` (#16 item 2): a throwaway PostgreSQL cluster (scripts/start-pg.sh, fsync on) and two
 * server processes on one database; each exercise's clients take the two addresses in turn, so every room
 * spans both processes (one owns the exercise, the other forwards; server/cluster/). The kill is of the
 * first process (the one the exercises were made on), restarted on its port while the second goes on.
 * The baseline is the bare server's PostgreSQL mode (one process, a pool of 10, the same durable INSERT
 * with synchronous_commit on, into `bare_entries` of the same throwaway database): the ratio holds the
 * store's cost on both sides, and says what Paraat's logic and its second process (forwarding, NOTIFY) cost.
 *
 * Done so far: the SQLite store with one server process —
 *   1. steady load for --duration: propose → ack p99 and propose → the entry at all clients of the
 *      exercise p99 (fan-out), each against the baseline run after it for as long;
 *   2. kill -9 under load: KILL_SECONDS more of load, the server SIGKILLed KILL_AFTER_MS in and started
 *      again on its file and port; clients reconnect (jitter, backoff) and catch up; every entry acknowledged
 *      before the kill (seq and hash) is looked up in the SQLite file afterwards;
 *   2b. (before the kill) one flooding client: a device of the first exercise sends FLOOD_RATE proposals a
 *      second for FLOOD_SECONDS beside the load; what became of them, and the others' p99 meanwhile;
 *   2c. (before the kill) the slow reader: every Paraat process of the run (the whole run, not this phase
 *      only) starts with PARAAT_MAX_BUFFERED=MAX_BUFFERED (256KiB, not the default 8 MiB); client 0 of the
 *      second exercise stops reading its socket for SLOW_SECONDS while the load goes on and its room is made
 *      busier (./worker.mjs startSlowReader: at 1 KB entries the loopback socket buffers hold minutes of
 *      it). Reported: when the trainer's devices view (asked every SLOW_POLL_MS) no longer has it
 *      connected, the close code it reads when it reads again (1006 when the server had to cut it off
 *      before its 4429 close frame got through), whether it then catches up, and the Paraat processes' RSS
 *      (/proc VmRSS, summed over the processes) before, at most during, and after;
 *   3. the reconnect storm: every socket dropped at once; time until the last is welcomed again (caught up:
 *      the welcome carries the catch-up);
 *   and over all of it, gaps, duplicates and reorders in every entry every client got (seq, link,
 *   recomputed hash). Exit code 1 when any of those is not zero, or something acknowledged was lost.
 *   4. with `--knee [MAX]` (opt-in: heavy), the knee: KNEE_STEP more exercises a step (each with its
 *      clients), KNEE_SECONDS of load each (the first KNEE_WARM_UP_MS not counted), until ack p99 passes 100 ms (kneeExercises; null if not by MAX).
 *
 * Writes bench/loadtest.json: {"runs": [...]}, one run per store and process count (a run replaces the
 * one of the same store and processes, others stay).
 */
import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { runnerImport } from 'vite';
import { spawnBareServer } from '../live/bareServer.mjs';
import { merged, percentileMs, round, summary } from '../live/histogram.mjs';
import { api, provisionExercise, serverBuild, spawnParaatServer } from '../live/paraatServer.mjs';
import { FLOOD_RATE, SLOW_ROOM_RATE, SLOW_ROOM_REASON } from './worker.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = fileURLToPath(new URL('../loadtest.json', import.meta.url));

function option(name, fallback) {
  const args = process.argv.slice(2);
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
}

const seconds = Number(option('duration', '60'));
const store = option('store', 'sqlite');
const exerciseCount = Number(option('exercises', '50'));
const clientCount = Number(option('clients', '10'));
const workerCount = Number(option('workers', '4'));
/** `--knee [MAX]`: ramp the exercises in steps of KNEE_STEP up to MAX (default 300) until ack p99 passes 100 ms. */
const kneeMax = process.argv.includes('--knee') ? Number(option('knee', '300')) || 300 : 0;
const KNEE_STEP = 50;
const KNEE_SECONDS = 12;
/** The first seconds of a step (just after its sockets were welcomed) are not counted. */
const KNEE_WARM_UP_MS = 2000;
const KNEE_P99_MS = 100;
if (store !== 'sqlite' && store !== 'postgres') {
  console.error(`--store ${store}: sqlite or postgres`);
  process.exit(2);
}
/** Server processes on the one database: PostgreSQL is the store several can share. */
const processCount = store === 'postgres' ? 2 : 1;

/** A port nothing listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A throwaway PostgreSQL cluster (fsync on: commits as durable as in use) with a database for the run. */
async function startPostgres() {
  const scripts = fileURLToPath(new URL('../../scripts/', import.meta.url));
  // Not inside the run's temporary folder: the cluster's user must reach it.
  const dir = path.join(tmpdir(), `paraat-loadtest-pg-${String(process.pid)}`);
  const clusterUrl = execFileSync('bash', [path.join(scripts, 'start-pg.sh'), dir, String(await freePort())], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE paraat_load');
  await admin.end();
  const url = new URL(clusterUrl);
  url.pathname = '/paraat_load';
  return {
    url: url.toString(),
    stop: () => execFileSync('bash', [path.join(scripts, 'stop-pg.sh'), dir], { stdio: 'inherit' }),
  };
}

/** The server process's resident memory (MB), from /proc. */
function residentMb(pid) {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

/** Start the workers with their share of the exercises' clients; resolves once every socket is welcomed. */
async function startWorkers(url, exercises) {
  const perWorker = Math.ceil(exercises.length / workerCount);
  const workers = [];
  for (let w = 0; w < workerCount && w * perWorker < exercises.length; w++) {
    const child = fork(fileURLToPath(new URL('./worker.mjs', import.meta.url)), [], { stdio: 'inherit' });
    const share = exercises.slice(w * perWorker, (w + 1) * perWorker);
    const messages = [];
    let wake = () => {};
    child.on('message', (message) => {
      messages.push(message);
      wake();
    });
    const nextMessage = async () => {
      while (messages.length === 0) await new Promise((resolve) => (wake = resolve));
      const message = messages.shift();
      if (message.type === 'failed') throw new Error(`a worker failed: ${message.error}`);
      return message;
    };
    // `url`: one address, or one per server process (the room's clients take them in turn).
    child.send({ url, exercises: share, first: w * perWorker });
    workers.push({ child, nextMessage });
  }
  for (const worker of workers) await worker.nextMessage(); // ready: every socket welcomed
  /** Send `command` to every worker and gather their answers. */
  const all = async (command) => {
    for (const worker of workers) worker.child.send(command);
    const answers = [];
    for (const worker of workers) answers.push(await worker.nextMessage());
    return answers;
  };
  return {
    all,
    /** A phase of load for `phaseSeconds`; `during(startAt)` runs beside it (a kill). Merged figures. */
    async load(
      phaseSeconds,
      { keepAcks = false, flood = false, slowReader = false, warmUpMs = 0, during = async () => {} } = {},
    ) {
      const startAt = Date.now() + 500;
      const [results] = await Promise.all([
        all({ type: 'load', startAt, seconds: phaseSeconds, keepAcks, flood, slowReader, warmUpMs }),
        during(startAt),
      ]);
      return {
        ...mergedResults(results),
        flood: results.find((result) => result.flood)?.flood ?? null,
        slowReader: results.find((result) => result.slowReader)?.slowReader ?? null,
      };
    },
  };
}

function mergedChain(answers) {
  const counts = {};
  for (const answer of answers)
    for (const [key, value] of Object.entries(answer.counts)) counts[key] = (counts[key] ?? 0) + value;
  return counts;
}

function mergedResults(results) {
  const ack = merged(results.map((result) => result.ack));
  const fanout = merged(results.map((result) => result.fanout));
  const sum = (pick) => results.reduce((total, result) => total + pick(result), 0);
  const counts = {};
  for (const key of Object.keys(results[0].counts)) counts[key] = sum((result) => result.counts[key]);
  const unacked = {};
  for (const result of results)
    for (const [key, value] of Object.entries(result.totals.unacked)) unacked[key] = (unacked[key] ?? 0) + value;
  return {
    ack,
    fanout,
    counts,
    unacked,
    acks: results.flatMap((result) => result.acks),
    sent: sum((result) => result.sent),
    acked: sum((result) => result.totals.acked),
    entryBytes: sum((result) => result.totals.entryBytes),
    notOpen: sum((result) => result.totals.notOpen),
    maxLagMs: round(Math.max(...results.map((result) => result.totals.maxLagMs))),
  };
}

/** Load for FLOOD_SECONDS with one flooding client beside it. */
const FLOOD_SECONDS = 10;

/** Load for SLOW_SECONDS with one client that stops reading; the servers' send bound, for the whole run. */
const SLOW_SECONDS = 20;
const MAX_BUFFERED = '256KiB';
/** How often the trainer's devices view is asked whether the slow reader is still connected. */
const SLOW_POLL_MS = 250;

/** Load for KILL_SECONDS; KILL_AFTER_MS in, the server is killed with SIGKILL and started again on its file and port. */
const KILL_SECONDS = 10;
const KILL_AFTER_MS = 4000;

const temp = mkdtempSync(path.join(tmpdir(), 'paraat-loadtest-'));
const built = serverBuild();
const stops = [];
try {
  const { module: live } = await runnerImport(fileURLToPath(new URL('../live/setup.ts', import.meta.url)), {
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
  });
  const setup = live.liveSetup();

  console.log(
    `Paraat (${store}, ${String(processCount)} process${processCount > 1 ? 'es' : ''}): ${String(exerciseCount)} exercises × ${String(clientCount)} clients …`,
  );
  // Every Paraat process of the run (spawnParaatServer passes the environment on) disconnects a device
  // whose send buffer passes MAX_BUFFERED instead of the default 8 MiB: reachable by the slow reader.
  process.env.PARAAT_MAX_BUFFERED = MAX_BUFFERED;
  const postgres = store === 'postgres' ? await startPostgres() : null;
  if (postgres) stops.push(() => postgres.stop());
  const paraatDb = postgres ? postgres.url : path.join(temp, 'paraat.sqlite');
  const paraat = await spawnParaatServer({ entry: built.entry, dbFile: paraatDb, cwd: ROOT });
  const paraatStop = stops.push(() => paraat.stop()) - 1;
  // The other processes on the same database: the admin secret is the first one's (stored hashed, shown once).
  const others = [];
  for (let n = 1; n < processCount; n++) {
    const other = await spawnParaatServer({
      entry: built.entry,
      dbFile: paraatDb,
      adminSecret: paraat.adminSecret,
      cwd: ROOT,
    });
    stops.push(() => other.stop());
    others.push(other);
  }
  /** Every process's WebSocket address, the first (killed and restarted) one first. */
  const wsUrlsOf = (first) => (others.length === 0 ? first.wsUrl : [first.wsUrl, ...others.map((o) => o.wsUrl)]);
  const residentOf = (first) => {
    const each = [first, ...others].map((server) => residentMb(server.pid));
    return each.some((mb) => mb === null) ? null : each.reduce((sum, mb) => sum + mb, 0);
  };
  const exercises = [];
  for (let batch = 0; batch < exerciseCount; batch += 10)
    exercises.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(10, exerciseCount - batch) }, (_, k) =>
          // The first exercise has one device more: the flooding client.
          provisionExercise(paraat, setup, { devices: clientCount + (batch + k === 0 ? 1 : 0), index: batch + k }),
        ),
      )),
    );
  console.log(`  ${String(exercises.length * clientCount)} devices approved; ${String(seconds)} s of load …`);
  const [first] = exercises;
  exercises[0] = { ...first, devices: first.devices.slice(0, clientCount), flooder: first.devices[clientCount] };
  // Client 0 of the second exercise (on the first process) is the slow reader.
  const slowExercise = exercises.length > 1 ? exercises[1] : null;
  if (slowExercise) exercises[1] = { ...slowExercise, slowReader: true };
  const load1 = loadavg()[0];
  const workers = await startWorkers(wsUrlsOf(paraat), exercises);
  const ours = await workers.load(seconds);
  const oursRss = residentOf(paraat);

  // One device floods its exercise (FLOOD_RATE a second) while the others go on.
  console.log(`  one client floods (${String(FLOOD_RATE)} msg/s) for ${String(FLOOD_SECONDS)} s of load …`);
  const flooded = await workers.load(FLOOD_SECONDS, { flood: true });
  const floodRss = residentOf(paraat);

  // One client stops reading while the load goes on (its room busier, ./worker.mjs): is it disconnected, when?
  console.log(
    `  one client stops reading for ${String(SLOW_SECONDS)} s of load (its room +${String(SLOW_ROOM_RATE)}/s with ${String(SLOW_ROOM_REASON)}-character reasons; send bound ${MAX_BUFFERED}) …`,
  );
  const slowRssBefore = residentOf(paraat);
  let slowRssMax = slowRssBefore;
  let slowGoneAt = null;
  let slowStartAt = 0;
  const slowed = await workers.load(SLOW_SECONDS, {
    slowReader: true,
    during: async (startAt) => {
      slowStartAt = startAt;
      if (!slowExercise) return;
      await new Promise((resolve) => setTimeout(resolve, startAt - Date.now()));
      // The server's view, not the client's (which does not read, so cannot hear the close until it reads again).
      while (Date.now() < startAt + SLOW_SECONDS * 1000) {
        await new Promise((resolve) => setTimeout(resolve, SLOW_POLL_MS));
        const rss = residentOf(paraat);
        if (rss !== null && slowRssMax !== null) slowRssMax = Math.max(slowRssMax, rss);
        if (slowGoneAt !== null) continue;
        const { body } = await api(paraat.url, 'GET', `/api/exercises/${slowExercise.exerciseId}/devices`, {
          token: paraat.adminSecret,
          address: '10.250.0.1',
        });
        const reader = body.devices?.find((device) => device.name === 'bench 0');
        if (reader && !reader.connected) slowGoneAt = Date.now();
      }
    },
  });
  const slowRssAfter = residentOf(paraat);
  const slowReader = {
    closedCode: slowed.slowReader?.closeCodes[0] ?? null,
    closedAfterMs: slowGoneAt === null ? null : slowGoneAt - slowStartAt,
  };

  // kill -9 under load: what was acknowledged before the kill must be in the file after it.
  console.log(
    `  kill -9 under load (${String(KILL_SECONDS)} s of load, the kill after ${String(KILL_AFTER_MS / 1000)} s) …`,
  );
  await workers.all({ type: 'reconnecting' });
  let server = paraat;
  let killedAt = 0;
  let restartMs = 0;
  const killed = await workers.load(KILL_SECONDS, {
    keepAcks: true,
    during: async (startAt) => {
      await new Promise((resolve) => setTimeout(resolve, startAt + KILL_AFTER_MS - Date.now()));
      killedAt = Date.now();
      await server.kill();
      server = await spawnParaatServer({
        entry: built.entry,
        dbFile: paraatDb,
        port: paraat.port,
        adminSecret: paraat.adminSecret,
        cwd: ROOT,
      });
      restartMs = Date.now() - killedAt;
      stops[paraatStop] = () => server.stop();
    },
  });
  const ackedBeforeKill = killed.acks.filter((ack) => ack[3] <= killedAt);

  // The reconnect storm: every socket dropped at once, each reconnects (50–500 ms jitter, backoff) and catches up.
  console.log(`  reconnect storm: ${String(exercises.length * clientCount)} sockets dropped …`);
  const storm = await workers.all({ type: 'storm' });
  const reconnectStormMs =
    Math.max(...storm.map((answer) => answer.lastAt)) - Math.min(...storm.map((a) => a.droppedAt));
  const stormWelcomed = storm.reduce((sum, answer) => sum + answer.welcomed, 0);
  const final = mergedChain(await workers.all({ type: 'end' }));

  // The knee: more exercises (KNEE_STEP more each step, every one with its clients) until ack p99 passes 100 ms.
  const knee = [];
  let kneeExercises = null;
  if (kneeMax > 0) {
    const ramp = [...exercises];
    for (let count = KNEE_STEP; count <= kneeMax; count += KNEE_STEP) {
      while (ramp.length < count)
        ramp.push(
          ...(await Promise.all(
            Array.from({ length: Math.min(10, count - ramp.length) }, (_, k) =>
              provisionExercise(server, setup, { devices: clientCount, index: ramp.length + k }),
            ),
          )),
        );
      const stepWorkers = await startWorkers(wsUrlsOf(server), ramp.slice(0, count));
      const step = await stepWorkers.load(KNEE_SECONDS, { warmUpMs: KNEE_WARM_UP_MS });
      const chain = mergedChain(await stepWorkers.all({ type: 'end' }));
      const p99 = round(percentileMs(step.ack, 99));
      knee.push({
        exercises: count,
        ackP99Ms: p99,
        fanoutP99Ms: round(percentileMs(step.fanout, 99)),
        acked: step.acked,
        sent: step.sent,
        gaps: chain.gaps,
        duplicates: chain.duplicates,
        reorders: chain.reorders,
        load: round(loadavg()[0]),
      });
      console.log(
        `  knee: ${String(count)} exercises → ack p99 ${String(p99)} ms (${String(step.acked)}/${String(step.sent)} acked)`,
      );
      if (p99 > KNEE_P99_MS) {
        kneeExercises = count;
        break;
      }
    }
  }
  for (const other of others) await other.stop();
  await server.stop();

  // Found after: every entry acknowledged before the kill, by its seq and hash, in the file (or the database).
  let lostAfterKill = 0;
  if (postgres) {
    const db = new pg.Client({ connectionString: postgres.url });
    await db.connect();
    for (const [exerciseId, seq, hash] of ackedBeforeKill) {
      const found = await db.query('SELECT hash FROM entries WHERE exercise_id = $1 AND seq = $2', [exerciseId, seq]);
      if (found.rows[0]?.hash !== hash) lostAfterKill += 1;
    }
    await db.end();
  } else {
    const db = new Database(paraatDb, { readonly: true });
    const stored = db.prepare('SELECT hash FROM entries WHERE exercise_id = ? AND seq = ?');
    lostAfterKill = ackedBeforeKill.filter(
      ([exerciseId, seq, hash]) => stored.get(exerciseId, seq)?.hash !== hash,
    ).length;
    db.close();
  }

  const rowBytes = Math.round(ours.entryBytes / Math.max(1, ours.acked));
  console.log(
    `Bare baseline (same insert on ${store}, ${String(rowBytes)} B rows, broadcast, one process) for ${String(seconds)} s …`,
  );
  const bare = await spawnBareServer({
    dbFile: postgres ? postgres.url : path.join(temp, 'bare.sqlite'),
    rowBytes,
    broadcast: true,
  });
  stops.push(() => bare.stop());
  const rooms = Array.from({ length: exerciseCount }, (_, index) => ({
    exerciseId: `room${String(index)}`,
    devices: Array.from({ length: clientCount }, () => ({ token: 'bare' })),
  }));
  const bareWorkers = await startWorkers(bare.url, rooms);
  const baseline = await bareWorkers.load(seconds);
  await bareWorkers.all({ type: 'end' });
  const load2 = loadavg()[0];

  const run = {
    store,
    processes: processCount,
    exercises: exerciseCount,
    clients: exerciseCount * clientCount,
    ackP99Ms: round(percentileMs(ours.ack, 99)),
    ackBaselineP99Ms: round(percentileMs(baseline.ack, 99)),
    fanoutP99Ms: round(percentileMs(ours.fanout, 99)),
    fanoutBaselineP99Ms: round(percentileMs(baseline.fanout, 99)),
    gaps: final.gaps,
    duplicates: final.duplicates,
    reorders: final.reorders,
    ackedBeforeKill: ackedBeforeKill.length,
    lostAfterKill,
    reconnectStormMs,
    kneeExercises,
    slowReaderClosedCode: slowReader.closedCode,
    slowReaderClosedAfterMs: slowReader.closedAfterMs,
    serverRssMb: { beforeSlowReader: slowRssBefore, maxDuringSlowReader: slowRssMax, afterSlowReader: slowRssAfter },
    detail: {
      at: new Date().toISOString(),
      durationS: seconds,
      loadAverage: [round(load1), round(load2)],
      rowBytes,
      ours: {
        ack: summary(ours.ack),
        fanout: summary(ours.fanout),
        sent: ours.sent,
        acked: ours.acked,
        unacked: ours.unacked,
        chain: ours.counts,
        serverRssMb: oursRss,
        generatorMaxLagMs: ours.maxLagMs,
      },
      baseline: {
        ack: summary(baseline.ack),
        fanout: summary(baseline.fanout),
        sent: baseline.sent,
        acked: baseline.acked,
        unacked: baseline.unacked,
        chain: baseline.counts,
        generatorMaxLagMs: baseline.maxLagMs,
      },
      // Over the whole run (steady load, the kill, the storm), every entry every client got.
      chain: final,
      kill: {
        restartMs,
        ackedInPhase: killed.acked,
        sentInPhase: killed.sent,
        unackedInPhase: killed.unacked,
        notOpenInPhase: killed.notOpen,
      },
      flood: {
        seconds: FLOOD_SECONDS,
        rate: FLOOD_RATE,
        flooder: flooded.flood,
        othersAck: summary(flooded.ack),
        othersFanout: summary(flooded.fanout),
        othersAcked: flooded.acked,
        othersSent: flooded.sent,
        othersUnacked: flooded.unacked,
        serverRssMb: floodRss,
      },
      slowReader: {
        seconds: SLOW_SECONDS,
        maxBuffered: MAX_BUFFERED,
        maxBufferedFor: 'every Paraat process, the whole run',
        roomExtraPerSecond: SLOW_ROOM_RATE,
        roomExtraReasonChars: SLOW_ROOM_REASON,
        pollMs: SLOW_POLL_MS,
        reader: slowed.slowReader,
        othersAck: summary(slowed.ack),
        // Includes the slow reader's room: its entries count when the reader has them too (after it reads again).
        fanoutWithSlowRoom: summary(slowed.fanout),
        acked: slowed.acked,
        sent: slowed.sent,
        unacked: slowed.unacked,
      },
      storm: { welcomed: stormWelcomed, of: exercises.length * clientCount, gaveUp: storm.some((a) => a.gaveUp) },
      knee: kneeMax > 0 ? { step: KNEE_STEP, seconds: KNEE_SECONDS, max: kneeMax, steps: knee } : null,
      notDone: kneeMax > 0 ? [] : ['knee ramp (--knee)'],
    },
  };
  const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : '—');
  console.log(
    `  ack p99 ${String(run.ackP99Ms)} ms vs ${String(run.ackBaselineP99Ms)} ms (${ratio(run.ackP99Ms, run.ackBaselineP99Ms)}×); fan-out p99 ${String(run.fanoutP99Ms)} ms vs ${String(run.fanoutBaselineP99Ms)} ms (${ratio(run.fanoutP99Ms, run.fanoutBaselineP99Ms)}×)`,
  );
  console.log(
    `  ${String(ours.acked)}/${String(ours.sent)} acked in the steady load; over the run: gaps ${String(run.gaps)}, duplicates ${String(run.duplicates)}, reorders ${String(run.reorders)}, bad links ${String(final.badLinks)}, bad hashes ${String(final.badHashes)}; unacked ${JSON.stringify(ours.unacked)}; load ${String(round(load1))}→${String(round(load2))}`,
  );
  console.log(
    `  flood: ${JSON.stringify(flooded.flood)}; the others' ack p99 ${String(round(percentileMs(flooded.ack, 99)))} ms, fan-out p99 ${String(round(percentileMs(flooded.fanout, 99)))} ms, ${String(flooded.acked)}/${String(flooded.sent)} acked`,
  );
  console.log(
    `  slow reader: closed ${String(slowReader.closedCode)} after ${String(slowReader.closedAfterMs)} ms (server's view, every ${String(SLOW_POLL_MS)} ms), caught up again ${String(slowed.slowReader?.caughtUp)}; server RSS ${String(slowRssBefore)} → max ${String(slowRssMax)} → ${String(slowRssAfter)} MB (bound ${MAX_BUFFERED}, whole run)`,
  );
  console.log(
    `  kill -9: ${String(run.ackedBeforeKill)} acked before, ${String(lostAfterKill)} lost (restart ${String(restartMs)} ms); storm: ${String(stormWelcomed)}/${String(exercises.length * clientCount)} caught up in ${String(reconnectStormMs)} ms`,
  );

  const previous = existsSync(OUT) ? JSON.parse(readFileSync(OUT, 'utf8')) : { runs: [] };
  const runs = previous.runs.filter((other) => other.store !== run.store || other.processes !== run.processes);
  writeFileSync(OUT, `${JSON.stringify({ runs: [...runs, run] }, null, 2)}\n`);
  console.log('Written: bench/loadtest.json');
  const broken =
    run.gaps + run.duplicates + run.reorders + final.badLinks + final.badHashes + lostAfterKill > 0 ||
    knee.some((step) => step.gaps + step.duplicates + step.reorders > 0 || step.acked !== step.sent) ||
    ours.acked !== ours.sent ||
    flooded.acked !== flooded.sent ||
    slowReader.closedCode === null ||
    stormWelcomed !== exercises.length * clientCount;
  if (broken) process.exitCode = 1;
} finally {
  for (const stop of stops.reverse()) await stop();
  built.remove();
  rmSync(temp, { recursive: true, force: true });
}
