/**
 * One load-test worker process (forked by ./run.mjs): the clients of a share of the exercises, all the
 * clients of an exercise in this one process (so append → all clients is timed on one clock).
 *
 * Per exercise: 1 proposal a second, and once every BURST_EVERY seconds (its own second, staggered over
 * the exercises) a burst of 10 in that second, 100 ms apart; round-robin over its clients (each device
 * stays under the per-device limit). Open loop: a proposal is sent when due, whether or not the one
 * before was answered.
 *
 *   ack    = result arrived − propose sent, at the proposer;
 *   fanout = propose sent → the entry held by every client of the exercise (the proposer's result is
 *            its copy; the others' `entries`), i.e. the time until the whole room has it.
 *
 * Every client checks every entry (../live/client.mjs): seq, link, recomputed hash; at the end, the seqs
 * it never got up to the exercise's last acknowledged one are its gaps.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { setTimeout } from 'node:timers';
import { LiveClient } from '../live/client.mjs';
import { encode, newHistogram, recordMs } from '../live/histogram.mjs';
import { proposalOf } from '../live/paraatServer.mjs';

export const BURST_EVERY = 15;
const BURST = 10;

/** When (ms from the start) exercise number `g` proposes, over `seconds`. */
export function scheduleOf(g, seconds) {
  const offset = (g * 37) % 1000;
  const times = [];
  for (let second = 0; second < seconds; second++) {
    if (second % BURST_EVERY === g % BURST_EVERY)
      for (let k = 0; k < BURST; k++) times.push(second * 1000 + ((offset + k * 100) % 1000));
    else times.push(second * 1000 + offset);
  }
  return times.sort((a, b) => a - b);
}

async function inBatches(items, size, work) {
  for (let at = 0; at < items.length; at += size) await Promise.all(items.slice(at, at + size).map(work));
}

function send(message) {
  process.send?.(message);
}

/**
 * The room of one exercise: its clients, and who has which seq. With several server addresses (several
 * processes on one PostgreSQL), the clients take them in turn, so every room spans the processes.
 */
function roomOf(exercise, url, phase) {
  const urls = Array.isArray(url) ? url : [url];
  const size = exercise.devices.length;
  /** seq → { sentAt, count, last } */
  const arrivals = new Map();
  /** A client got `seq` at `at` (at == null: only the proposer's send time is learnt, with its result). */
  const arrive = (seq, at, sentAt) => {
    let seen = arrivals.get(seq);
    if (!seen) {
      seen = { sentAt: null, count: 0, last: 0 };
      arrivals.set(seq, seen);
    }
    if (at !== null) {
      seen.count += 1;
      seen.last = Math.max(seen.last, at);
    }
    if (sentAt !== undefined) seen.sentAt = sentAt;
    if (seen.count === size && seen.sentAt !== null) {
      recordMs(phase.current.histograms.fanout, seen.last - seen.sentAt);
      arrivals.delete(seq);
    }
  };
  const clients = exercise.devices.map(
    (device, index) =>
      new LiveClient({
        url: urls[index % urls.length],
        exerciseId: exercise.exerciseId,
        token: device.token,
        address: device.address,
        // Every entry a client takes into its chain: from `entries`, and the proposer's from its result.
        onEntry: (entry, at) => {
          arrive(entry.seq, at);
        },
      }),
  );
  const room = {
    exercise,
    clients,
    /** Forget the entries not yet at every client (the slow reader's, while it did not read). */
    forgetArrivals: () => arrivals.clear(),
    maxAcked: 0,
    proposed: 0,
    inFlight: 0,
    /** Propose number `n`, counted in `tally` (the phase's, or a warm-up's that is thrown away); `from`: by this client. */
    async propose(n, keepAcks, tally = phase.current, from = undefined, proposal = proposalOf(n)) {
      const { totals, histograms } = tally;
      const client = from ?? clients[n % size];
      // The slow reader does not read its answers either: it does not propose while it stops reading.
      if (!client.open || client.socket.isPaused) {
        totals.notOpen += 1;
        return;
      }
      tally.sent += 1;
      room.inFlight += 1;
      const answer = await client.propose(proposal);
      room.inFlight -= 1;
      const { outcome } = answer;
      if ((outcome.type === 'accepted' || outcome.type === 'refused') && !outcome.repeated) {
        totals.acked += 1;
        totals.entryBytes += JSON.stringify(outcome.entry.entry).length;
        recordMs(histograms.ack, answer.at - answer.sentAt);
        room.maxAcked = Math.max(room.maxAcked, outcome.seq);
        if (keepAcks) tally.acks.push([exercise.exerciseId, outcome.seq, outcome.hash, Date.now()]);
        arrive(outcome.seq, null, answer.sentAt);
      } else {
        const key = outcome.repeated
          ? 'repeated'
          : outcome.type === 'closed'
            ? `closed ${String(outcome.code)}`
            : (outcome.code ?? outcome.type);
        totals.unacked[key] = (totals.unacked[key] ?? 0) + 1;
      }
    },
  };
  return room;
}

/** A phase's counters and histograms; `phase.current` is swapped for each phase. */
const newTally = () => ({
  histograms: { ack: newHistogram(), fanout: newHistogram() },
  totals: { acked: 0, entryBytes: 0, notOpen: 0, unacked: {}, maxLagMs: 0 },
  /** [exerciseId, seq, hash, wall ms] of every acknowledged entry. */
  acks: [],
  sent: 0,
});

/** Messages a second the flooding client sends, in packets of 10 every 10 ms. */
export const FLOOD_RATE = 1000;

/**
 * Flood from `startAt` for `seconds`: FLOOD_RATE valid proposals a second, sent without waiting (the
 * server's rate limits answer them `rateLimited` before reading them, and close the socket after 100 in
 * a row, docs/protocol.md §10). Resolves with what happened to them.
 */
async function startFlood(client, startAt, seconds) {
  await sleep(Math.max(0, startAt - Date.now()));
  const before = { entries: client.counts.entries, rateLimited: client.rateLimited };
  const ends = Date.now() + seconds * 1000;
  let sent = 0;
  let closedAfterMs = null;
  const started = Date.now();
  while (Date.now() < ends) {
    if (!client.open) {
      closedAfterMs ??= Date.now() - started;
      break;
    }
    for (let k = 0; k < FLOOD_RATE / 100; k++)
      client.sendRaw(
        JSON.stringify({
          type: 'propose',
          clientMessageId: `${client.idPrefix}-flood${String(++sent)}`,
          proposal: proposalOf(sent),
        }),
      );
    await sleep(10);
  }
  await sleep(500);
  return {
    sent,
    stored: client.counts.entries - before.entries,
    rateLimited: client.rateLimited - before.rateLimited,
    closeCodes: client.closes,
    closedAfterMs,
  };
}

/** Proposals a second the slow reader's room makes besides its load, by its other devices (each under its 5/s). */
export const SLOW_ROOM_RATE = 40;
/** Characters of the reason each of those gives (a written-out reasoning; the protocol allows 20,000). */
export const SLOW_ROOM_REASON = 8000;
const longReason = 'De groep blijft zich verzamelen bij het station. '
  .repeat(SLOW_ROOM_REASON / 50)
  .slice(0, SLOW_ROOM_REASON);

/**
 * The slow reader: client 0 of `room` stops reading its socket at `startAt` (ws's pause: the TCP socket
 * is not read, so the server's send buffer for it grows), while the room's other devices propose
 * SLOW_ROOM_RATE escalations and de-escalations a second with SLOW_ROOM_REASON-character reasons for
 * `seconds`: at the load's 1/s of ~1 KB entries (and even at 40/s of those: measured, not enough in 20 s)
 * the kernel's socket buffers on loopback alone hold what the room sends for minutes. Then it reads again: what it reads last is the close
 * frame (4429) if the server disconnected it; it connects again and catches up from the last seq it holds.
 */
async function startSlowReader(room, startAt, seconds, tally) {
  const [reader, ...others] = room.clients;
  await sleep(Math.max(0, startAt - Date.now()));
  const closesBefore = reader.closes.length;
  reader.socket.pause();
  const ends = Date.now() + seconds * 1000;
  for (let k = 0; Date.now() < ends; k++) {
    const attempt = { type: k % 2 === 0 ? 'phase.escalate' : 'phase.deescalate', reason: longReason };
    void room.propose(room.proposed++, false, tally, others[k % others.length], { kind: 'attempt', attempt });
    await sleep(1000 / SLOW_ROOM_RATE);
  }
  reader.socket.resume();
  for (let waited = 0; waited < 5000 && reader.closes.length === closesBefore; waited += 50) await sleep(50);
  const closeCodes = reader.closes.slice(closesBefore);
  let caughtUp = null;
  if (closeCodes.length > 0) {
    await reader.connect();
    caughtUp = reader.contiguous() >= room.maxAcked;
  }
  room.forgetArrivals();
  return { closeCodes, caughtUp, entriesHeld: reader.contiguous(), roomMaxAcked: room.maxAcked };
}

/** Wait for the next message from ./run.mjs. */
const nextCommand = () => new Promise((resolve) => process.once('message', resolve));

async function loadPhase(rooms, first, seconds, startAt, tally, keepAcks, warmUpMs = 0) {
  const warmUp = newTally();
  // startAt is the wall clock's; from here on performance.now().
  const start = performance.now() + (startAt - Date.now());
  await Promise.all(
    rooms.map(
      (room, index) =>
        new Promise((resolve) => {
          const times = scheduleOf(first + index, seconds);
          let n = 0;
          const next = () => {
            if (n >= times.length) {
              resolve();
              return;
            }
            const due = start + times[n];
            setTimeout(
              () => {
                tally.totals.maxLagMs = Math.max(tally.totals.maxLagMs, performance.now() - due);
                void room.propose(room.proposed++, keepAcks, times[n] < warmUpMs ? warmUp : tally);
                n += 1;
                next();
              },
              Math.max(0, due - performance.now()),
            );
          };
          next();
        }),
    ),
  );
  // Let the last answers and broadcasts arrive.
  for (let waited = 0; waited < 10_000 && rooms.some((room) => room.inFlight > 0); waited += 50) await sleep(50);
  await sleep(1000);
}

function chainCounts(rooms) {
  const counts = { entries: 0, duplicates: 0, reorders: 0, badLinks: 0, badHashes: 0, gaps: 0, rateLimited: 0 };
  for (const room of rooms)
    for (const client of room.clients) {
      for (const key of Object.keys(client.counts)) counts[key] += client.counts[key];
      counts.gaps += client.gaps(room.maxAcked);
      counts.rateLimited += client.rateLimited;
    }
  return counts;
}

const report = (tally, rooms) => ({
  ack: encode(tally.histograms.ack),
  fanout: encode(tally.histograms.fanout),
  totals: tally.totals,
  acks: tally.acks,
  sent: tally.sent,
  counts: chainCounts(rooms),
});

/**
 * Commands from ./run.mjs, in turn: `load` {startAt, seconds, keepAcks} (a phase of load; answered with
 * its figures), `reconnecting` (from now on every lost socket reconnects), `storm` {} (drop every socket
 * at once; answered with the wall time the last one was welcomed again), `end`.
 */
async function run({ url, exercises, first }) {
  const phase = { current: newTally() };
  const rooms = exercises.map((exercise) => roomOf(exercise, url, phase));
  await inBatches(
    rooms.flatMap((room) => room.clients),
    25,
    (client) => client.connect(),
  );
  // A device of the first exercise that floods when told (its own device, not one of the room's clients).
  const flooding = exercises.find((exercise) => exercise.flooder);
  const flooder = flooding
    ? new LiveClient({
        url: Array.isArray(url) ? url[0] : url,
        exerciseId: flooding.exerciseId,
        token: flooding.flooder.token,
        address: flooding.flooder.address,
      })
    : null;
  if (flooder) await flooder.connect();
  send({ type: 'ready' });
  for (;;) {
    const command = await nextCommand();
    if (command.type === 'load') {
      phase.current = newTally();
      const flood = command.flood && flooder ? startFlood(flooder, command.startAt, command.seconds) : null;
      const slowRoom = command.slowReader ? rooms.find((room) => room.exercise.slowReader) : undefined;
      const slow = slowRoom ? startSlowReader(slowRoom, command.startAt, command.seconds, phase.current) : null;
      await loadPhase(
        rooms,
        first,
        command.seconds,
        command.startAt,
        phase.current,
        command.keepAcks,
        command.warmUpMs,
      );
      const slowReader = slow ? await slow : null;
      send({ type: 'done', ...report(phase.current, rooms), flood: flood ? await flood : null, slowReader });
    } else if (command.type === 'reconnecting') {
      for (const client of rooms.flatMap((room) => room.clients)) client.reconnect = true;
      send({ type: 'ok' });
    } else if (command.type === 'storm') {
      const clients = rooms.flatMap((room) => room.clients);
      let welcomed = 0;
      let lastAt = 0;
      const all = new Promise((resolve) => {
        for (const client of clients)
          client.onWelcome = () => {
            welcomed += 1;
            lastAt = Date.now();
            if (welcomed === clients.length) resolve();
          };
      });
      const droppedAt = Date.now();
      for (const client of clients) {
        client.reconnect = true;
        client.terminate();
      }
      const gaveUp = await Promise.race([all.then(() => false), sleep(60_000).then(() => true)]);
      for (const client of clients) client.onWelcome = undefined;
      send({ type: 'done', droppedAt, lastAt, welcomed, of: clients.length, gaveUp });
    } else {
      for (const client of rooms.flatMap((room) => room.clients)) client.reconnect = false;
      await Promise.all(rooms.flatMap((room) => room.clients.map((client) => client.close())));
      send({ type: 'done', counts: chainCounts(rooms) });
      return;
    }
  }
}

// Only as a forked worker (./run.mjs imports FLOOD_RATE from here too).
if (process.send)
  process.once('message', (message) => {
    run(message).then(
      () => process.exit(0),
      (error) => {
        send({ type: 'failed', error: String(error?.stack ?? error) });
        process.exit(1);
      },
    );
  });
