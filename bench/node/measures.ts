/**
 * The measures that run in Node: `dispatch`, `replay` and `explore`. Loaded by
 * bench/run.mjs through Vite's module runner (so the TypeScript sources are
 * used as they are, no separate build). Every timed figure is the median of
 * repeated runs after warm-up, ours and the baseline interleaved, so a burst
 * of load from another process hits both alike.
 */
import { createActor } from 'xstate';
import { escalationMachine } from '../../machines';
import { sealEntryWithText, type Unhashed } from '../../src/core/hashChain';
import type { LogEntry } from '../../src/core/log';
import { inputOf, replay } from '../../src/core/replay';
import { MemoryRepository } from '../../src/session/local/memoryRepository';
import type { Attempt } from '../../src/session/session';
import { BY, newSession, SETUP, stored } from '../../tests/fixtures/exercise';
import { contractEvents } from '../../tests/model/drivers';
import { explore } from '../../tests/model/explore';

export interface Measured {
  value: number;
  baseline: number | null;
  note: string;
}

export const EVENT_COUNT = 10_000;

/** mulberry32: a small seeded generator, so every run sends the same sequence. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 10,000 contract events drawn from the fixture's cast (good and blank reasons,
 * both verdicts and subjects), weighted towards the commander's phase changes
 * so the exercise keeps moving through all five phases: a mix of accepted and
 * refused attempts.
 */
export function eventSequence(count = EVENT_COUNT, seed = 20261231): Attempt[] {
  const random = seeded(seed);
  const all = contractEvents(Object.values(BY));
  const moves = contractEvents([BY.commander, BY.mayor], []);
  return Array.from({ length: count }, () => {
    const pool = random() < 0.5 ? moves : all;
    return pool[Math.floor(random() * pool.length)] as Attempt;
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Median per-run times of `ours` and `baseline`, alternated run by run, warm-up runs discarded. */
async function interleaved(
  ours: () => number | Promise<number>,
  baseline: () => number | Promise<number>,
  runs: number,
  warmUp: number,
) {
  const a: number[] = [];
  const b: number[] = [];
  for (let run = 0; run < warmUp + runs; run++) {
    // Alternate which goes first, so neither always runs on a warmer (or busier) machine.
    const [first, second] = run % 2 ? [baseline, ours] : [ours, baseline];
    const x = await first();
    const y = await second();
    if (run < warmUp) continue;
    (run % 2 ? b : a).push(x);
    (run % 2 ? a : b).push(y);
  }
  return { ours: median(a), baseline: median(b) };
}

function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

async function timedAsync(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** The unsealed entries and their sealed texts one run of the sequence makes: what a baseline seals. */
async function sequenceEntries() {
  const { session } = newSession();
  for (const event of eventSequence()) void session.dispatch(event);
  await stored(session);
  const { log, head } = session.getState();
  session.dispose();
  const entries = log.slice(1);
  const unsealed = entries.map((entry) => ({ ...entry, hash: undefined }) as unknown as Unhashed<LogEntry>);
  if (sealEntryWithText(unsealed[0] as Unhashed<LogEntry>).entry.hash !== entries[0]?.hash)
    throw new Error('sealing is not timed as the session does it');
  return { log, head, entries, unsealed };
}

export interface DispatchMeasured extends Measured {
  /** The same door over a bare `actor.send` alone, without sealing: the earlier baseline, still reported. */
  vsSend: Measured;
}

/**
 * `dispatch`: per event through the session's door, each awaited until
 * stored as a trainer's click is (a memory repository, so the figure is the
 * door's and not the disk's: the bench `store` times IndexedDB), over per
 * event of a bare `actor.send` plus sealing the same entry (canonical JSON +
 * SHA-256) — the two things any door that keeps a hash-chained log must do.
 * What is left is the door's own cost: building the entry, judging, handing
 * it to the repository and waiting for it (#13 item 7).
 */
export async function measureDispatch(runs = 7, warmUp = 2): Promise<DispatchMeasured> {
  const events = eventSequence();
  const { unsealed } = await sequenceEntries();
  if (unsealed.length !== events.length) throw new Error('one entry per event expected');
  let accepted = 0;
  const ours = async () => {
    const { session } = newSession();
    await stored(session);
    const time = await timedAsync(async () => {
      for (const event of events) {
        const proposed = await session.dispatch(event);
        if (proposed.outcome !== 'stored') throw new Error(`an attempt was ${proposed.outcome}`);
      }
    });
    accepted = session
      .getState()
      .log.filter((entry) => entry.kind === 'attempt' && entry.outcome === 'accepted').length;
    session.dispose();
    return time / events.length;
  };
  const bareSend = (seal: boolean) => () => {
    const actor = createActor(escalationMachine, { input: inputOf(SETUP) }).start();
    const time = timed(() => {
      events.forEach((event, index) => {
        actor.send(event);
        if (seal) sealEntryWithText(unsealed[index] as Unhashed<LogEntry>);
      });
    });
    actor.stop();
    return time / events.length;
  };
  const sealed = await interleaved(ours, bareSend(true), runs, warmUp);
  const sendOnly = await interleaved(ours, bareSend(false), runs, warmUp);
  const parts = await dispatchParts();
  return {
    value: sealed.ours,
    baseline: sealed.baseline,
    note: `${String(events.length)} events, ${String(accepted)} accepted; each awaited until stored in a memory repository; baseline: bare send plus sealing the same entry; of the door's time per event, sealing takes ${micro(parts.sealing)} and storing (MemoryRepository.append of the entry and its head, fenced on the length, frozen, awaited) ${micro(parts.storing)}`,
    vsSend: {
      value: sendOnly.ours,
      baseline: sendOnly.baseline,
      note: `the same door over a bare actor.send alone (no sealing); sealing alone is ${(parts.sealing / sendOnly.baseline).toFixed(1)}× a bare send`,
    },
  };
}

const micro = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

/**
 * Where the door's time goes, for the report: the two costs a bare `send` does
 * not have, each timed alone (median of 5 after a warm-up) over the entries
 * one run of the same sequence made, in ms per entry, done as the session
 * does them (sealEntryWithText; the repository's append, awaited).
 */
async function dispatchParts() {
  const { log, head, entries, unsealed } = await sequenceEntries();
  const sealing = () =>
    timed(() => {
      for (const entry of unsealed) sealEntryWithText(entry);
    }) / entries.length;
  const storing = async () => {
    const repository = new MemoryRepository();
    await repository.create({ ...head, length: 1 }, log.slice(0, 1));
    return (
      (await timedAsync(async () => {
        for (const entry of entries) await repository.append({ ...head, length: entry.seq }, entry.seq - 1, [entry]);
      })) / entries.length
    );
  };
  const result = await interleaved(sealing, storing, 5, 1);
  return { sealing: result.ours, storing: result.baseline };
}

/** `replay`: rebuilding from a 10,000-event log with replay() over a bare fold of the same events. */
export async function measureReplay(runs = 7, warmUp = 2): Promise<Measured> {
  const { log } = await sequenceEntries();
  const events = log.flatMap((entry) => (entry.kind === 'attempt' ? [entry.event] : []));
  let divergences = 0;
  const ours = () =>
    timed(() => {
      divergences = replay(SETUP, log).divergences.length;
    });
  const baseline = () =>
    timed(() => {
      const actor = createActor(escalationMachine, { input: inputOf(SETUP) }).start();
      for (const event of events) actor.send(event);
      actor.stop();
    });
  const result = await interleaved(ours, baseline, runs, warmUp);
  if (divergences !== 0) throw new Error(`replay found ${String(divergences)} divergences in its own log`);
  return { value: result.ours, baseline: result.baseline, note: `${String(log.length)} log entries` };
}

/** `explore`: the exhaustive test's breadth-first search from all five start phases, in ms. */
export function measureExplore(runs = 3, warmUp = 1): Measured {
  const times: number[] = [];
  let states = 0;
  let failures = 0;
  for (let run = 0; run < warmUp + runs; run++) {
    let found = 0;
    const time = timed(() => {
      for (const startPhase of [1, 2, 3, 4, 5] as const) {
        const result = explore({ municipality: SETUP.municipality, startPhase });
        found += result.states.size;
        failures += result.failures.length;
      }
    });
    states = found;
    if (run >= warmUp) times.push(time);
  }
  if (failures !== 0) throw new Error(`the exploration found ${String(failures)} failures`);
  return { value: median(times), baseline: null, note: `${String(states)} states from 5 start phases` };
}
