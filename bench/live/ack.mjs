/**
 * `ack` (#14 item 10): propose → ack p99 over loopback, the real built Paraat server against the bare
 * baseline (./bareServer.mjs: a plain `ws` server doing the same durable SQLite insert, one row of the
 * same size per message in its own transaction, WAL + synchronous=FULL, then the ack), in one run.
 *
 * The same client code (./client.mjs) measures both, **sequentially**: one proposal in flight at a time,
 * the next sent when the previous one's result has arrived; ack latency = result arrived − sent
 * (performance.now(), the client's process; each server is its own process). The proposals are spread
 * round-robin over DEVICES sockets, each an approved commander's device alone in its own exercise (so
 * no broadcast follows an ack, as none follows the bare echo's) and under the per-device rate limit
 * (60, +5/s). Each proposal is a commander's attempt, judged by the core and logged (accepted or refused).
 * The bare server's row is as long as Paraat's stored entries were on average in the warm-up. Paraat's
 * append writes three rows in its transaction — the entry, the head (clock and model snapshot, ~0.5 kB:
 * the set-up, ~43 kB with the scenario, is written once at create, server/store/headRow.ts) and the
 * proposal record — where the bare server writes one: the baseline is the floor, not an equal.
 *
 * Warm-up: WARM_UP proposals to each, not counted. Then ROUNDS rounds of PROPOSALS / ROUNDS each,
 * alternating which server goes first, so a burst of load from another process hits both alike.
 */
import { Buffer } from 'node:buffer';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnBareServer } from './bareServer.mjs';
import { LiveClient } from './client.mjs';
import { newHistogram, percentileMs, recordMs, round } from './histogram.mjs';
import { provisionExercise, proposalOf, serverBuild, spawnParaatServer } from './paraatServer.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PROPOSALS = 1000;
const WARM_UP = 100;
const ROUNDS = 10;
const DEVICES = 25;

/** Propose `count` times, one at a time, round-robin over `clients`; each ack's latency into `histogram`. */
async function sequential(clients, count, histogram, first, onAnswer = () => {}) {
  for (let n = 0; n < count; n++) {
    const client = clients[(first + n) % clients.length];
    const answer = await client.propose(proposalOf(first + n));
    const type = answer.outcome.type;
    if (type !== 'accepted' && type !== 'refused')
      throw new Error(`a proposal was answered ${String(type)}: ${JSON.stringify(answer.outcome)}`);
    if (histogram) recordMs(histogram, answer.at - answer.sentAt);
    onAnswer(answer);
  }
}

/** @param {{ setup: object }} options the set-up to create the exercises from (./setup.ts) */
export async function measureAck({ setup }) {
  const temp = mkdtempSync(path.join(tmpdir(), 'paraat-bench-ack-'));
  const built = serverBuild();
  const stops = [];
  try {
    const paraat = await spawnParaatServer({ entry: built.entry, dbFile: path.join(temp, 'paraat.sqlite'), cwd: ROOT });
    stops.push(() => paraat.stop());
    const ours = [];
    for (let index = 0; index < DEVICES; index++) {
      const { exerciseId, devices } = await provisionExercise(paraat, setup, { devices: 1, index });
      const [device] = devices;
      const client = new LiveClient({ url: paraat.wsUrl, exerciseId, token: device.token, address: device.address });
      await client.connect();
      ours.push(client);
    }
    let rowBytes = 0;
    let rows = 0;
    await sequential(ours, WARM_UP, null, 0, (answer) => {
      rowBytes += Buffer.byteLength(JSON.stringify(answer.outcome.entry.entry));
      rows += 1;
    });
    rowBytes = Math.round(rowBytes / rows);

    const bare = await spawnBareServer({ dbFile: path.join(temp, 'bare.sqlite'), rowBytes });
    stops.push(() => bare.stop());
    const baseline = [];
    for (let index = 0; index < DEVICES; index++) {
      const client = new LiveClient({ url: bare.url, exerciseId: `room${String(index)}`, token: 'bare' });
      await client.connect();
      baseline.push(client);
    }
    await sequential(baseline, WARM_UP, null, 0);

    const histograms = { ours: newHistogram(), baseline: newHistogram() };
    const perRound = PROPOSALS / ROUNDS;
    for (let turn = 0; turn < ROUNDS; turn++) {
      const first = WARM_UP + turn * perRound;
      const order = turn % 2 ? ['baseline', 'ours'] : ['ours', 'baseline'];
      for (const which of order)
        await sequential(which === 'ours' ? ours : baseline, perRound, histograms[which], first);
    }
    const counts = [...ours, ...baseline].map((client) => client.counts);
    const broken = counts.reduce((sum, c) => sum + c.duplicates + c.reorders + c.badLinks + c.badHashes, 0);
    if (broken > 0) throw new Error(`the chain did not hold: ${JSON.stringify(counts)}`);
    for (const client of [...ours, ...baseline]) await client.close();

    const p = (which, percentile) => round(percentileMs(histograms[which], percentile));
    return {
      value: p('ours', 99),
      baseline: p('baseline', 99),
      note: `propose → result p99 over loopback, ${String(PROPOSALS)} proposals each, sequential (one in flight), round-robin over ${String(DEVICES)} approved commander devices each alone in its own exercise (per-device limit; no broadcast), the real built server as a child process (--trust-proxy, one address per device) on a fresh SQLite file, vs a bare ws server (its own process) doing one insert of the same row size (${String(rowBytes)} B, Paraat's mean entry) per message in a transaction, WAL + synchronous=FULL, then the ack (Paraat writes entry, head without the set-up, and proposal record in one transaction); ${String(WARM_UP)} warm-up each, ${String(ROUNDS)} alternating rounds; hdr-histogram. p50 ${String(p('ours', 50))} vs ${String(p('baseline', 50))} ms`,
      p50: { ours: p('ours', 50), baseline: p('baseline', 50) },
      rowBytes,
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
    built.remove();
    rmSync(temp, { recursive: true, force: true });
  }
}
