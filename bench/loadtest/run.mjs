/**
 * `npm run loadtest` (#16 item 4): many exercises at once against the real server, each figure also
 * against the bare baseline (../live/bareServer.mjs with broadcast: the same durable insert, the ack,
 * the entry to the room's other sockets; no Paraat logic) in the same run, with the same client code in
 * separate worker processes (./worker.mjs).
 *
 *   npm run loadtest -- [--duration 60] [--store sqlite] [--exercises 50] [--clients 10] [--workers 4]
 *
 * Done so far: the SQLite store with one server process — propose → ack p99 and append → all clients
 * p99 (fan-out), each against the baseline; gaps, duplicates and reorders over every entry every client
 * got (seq, link, recomputed hash). Paraat runs first for --duration, then the baseline for as long.
 * Not yet (null in the file): kill -9 during load, the reconnect storm, the flooding and the slow
 * client, the knee ramp; `--store postgres` with two processes (the PostgreSQL store comes in #16's other
 * slices: a store is a `start` below that gives a URL to put load on).
 *
 * Writes bench/loadtest.json: {"runs": [...]}, one run per store and process count (a run replaces the
 * one of the same store and processes, others stay).
 */
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { spawnBareServer } from '../live/bareServer.mjs';
import { merged, percentileMs, round, summary } from '../live/histogram.mjs';
import { provisionExercise, serverBuild, spawnParaatServer } from '../live/paraatServer.mjs';

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
if (store !== 'sqlite') {
  console.error(`--store ${store}: not yet (only sqlite with one process; PostgreSQL comes with #16's other slices)`);
  process.exit(2);
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

/** Put the load on `url` with the exercises' clients spread over the workers; merged results. */
async function load(url, exercises) {
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
    child.send({ url, exercises: share, seconds, first: w * perWorker });
    workers.push({ child, nextMessage });
  }
  for (const worker of workers) await worker.nextMessage(); // ready: every socket welcomed
  const startAt = Date.now() + 500;
  for (const worker of workers) worker.child.send({ startAt });
  const results = [];
  for (const worker of workers) results.push(await worker.nextMessage());
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
    sent: sum((result) => result.sent),
    acked: sum((result) => result.totals.acked),
    entryBytes: sum((result) => result.totals.entryBytes),
    notOpen: sum((result) => result.totals.notOpen),
    maxLagMs: round(Math.max(...results.map((result) => result.totals.maxLagMs))),
  };
}

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

  console.log(`Paraat (sqlite, 1 process): ${String(exerciseCount)} exercises × ${String(clientCount)} clients …`);
  const paraat = await spawnParaatServer({ entry: built.entry, dbFile: path.join(temp, 'paraat.sqlite'), cwd: ROOT });
  stops.push(() => paraat.stop());
  const exercises = [];
  for (let batch = 0; batch < exerciseCount; batch += 10)
    exercises.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(10, exerciseCount - batch) }, (_, k) =>
          provisionExercise(paraat, setup, { devices: clientCount, index: batch + k }),
        ),
      )),
    );
  console.log(`  ${String(exercises.length * clientCount)} devices approved; ${String(seconds)} s of load …`);
  const load1 = loadavg()[0];
  const ours = await load(paraat.wsUrl, exercises);
  const oursRss = residentMb(paraat.pid);
  await paraat.stop();
  stops.pop();

  const rowBytes = Math.round(ours.entryBytes / Math.max(1, ours.acked));
  console.log(`Bare baseline (same insert, ${String(rowBytes)} B rows, broadcast) for ${String(seconds)} s …`);
  const bare = await spawnBareServer({ dbFile: path.join(temp, 'bare.sqlite'), rowBytes, broadcast: true });
  stops.push(() => bare.stop());
  const rooms = Array.from({ length: exerciseCount }, (_, index) => ({
    exerciseId: `room${String(index)}`,
    devices: Array.from({ length: clientCount }, () => ({ token: 'bare' })),
  }));
  const baseline = await load(bare.url, rooms);
  const load2 = loadavg()[0];

  const run = {
    store,
    processes: 1,
    exercises: exerciseCount,
    clients: exerciseCount * clientCount,
    ackP99Ms: round(percentileMs(ours.ack, 99)),
    ackBaselineP99Ms: round(percentileMs(baseline.ack, 99)),
    fanoutP99Ms: round(percentileMs(ours.fanout, 99)),
    fanoutBaselineP99Ms: round(percentileMs(baseline.fanout, 99)),
    gaps: ours.counts.gaps,
    duplicates: ours.counts.duplicates,
    reorders: ours.counts.reorders,
    ackedBeforeKill: null,
    lostAfterKill: null,
    reconnectStormMs: null,
    kneeExercises: null,
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
      notDone: ['kill -9 during load', 'reconnect storm', 'flooding client', 'slow reader', 'knee ramp'],
    },
  };
  const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : '—');
  console.log(
    `  ack p99 ${String(run.ackP99Ms)} ms vs ${String(run.ackBaselineP99Ms)} ms (${ratio(run.ackP99Ms, run.ackBaselineP99Ms)}×); fan-out p99 ${String(run.fanoutP99Ms)} ms vs ${String(run.fanoutBaselineP99Ms)} ms (${ratio(run.fanoutP99Ms, run.fanoutBaselineP99Ms)}×)`,
  );
  console.log(
    `  ${String(ours.acked)}/${String(ours.sent)} acked; gaps ${String(run.gaps)}, duplicates ${String(run.duplicates)}, reorders ${String(run.reorders)}, bad links ${String(ours.counts.badLinks)}, bad hashes ${String(ours.counts.badHashes)}; unacked ${JSON.stringify(ours.unacked)}; load ${String(round(load1))}→${String(round(load2))}`,
  );

  const previous = existsSync(OUT) ? JSON.parse(readFileSync(OUT, 'utf8')) : { runs: [] };
  const runs = previous.runs.filter((other) => other.store !== run.store || other.processes !== run.processes);
  writeFileSync(OUT, `${JSON.stringify({ runs: [...runs, run] }, null, 2)}\n`);
  console.log('Written: bench/loadtest.json');
  const broken =
    run.gaps + run.duplicates + run.reorders + ours.counts.badLinks + ours.counts.badHashes > 0 ||
    ours.acked !== ours.sent;
  if (broken) process.exitCode = 1;
} finally {
  for (const stop of stops.reverse()) await stop();
  built.remove();
  rmSync(temp, { recursive: true, force: true });
}
