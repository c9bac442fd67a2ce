/**
 * The measures that run in Node: `dispatch`, `replay` and `explore`. Loaded by
 * bench/run.mjs through Vite's module runner (so the TypeScript sources are
 * used as they are, no separate build). Every timed figure is the median of
 * repeated runs after warm-up, ours and the baseline interleaved, so a burst
 * of load from another process hits both alike.
 */
import { createActor } from 'xstate';
import { escalationMachine } from '../../machines';
import { ExerciseStore, inputOf, MemoryStorage, replay, type Attempt, type LogEntry } from '../../src/session';
import { sealEntryWithText, type Unhashed } from '../../src/session/hashChain';
import { BY, newSession, SETUP } from '../../tests/fixtures/exercise';
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
function interleaved(ours: () => number, baseline: () => number, runs: number, warmUp: number) {
  const a: number[] = [];
  const b: number[] = [];
  for (let run = 0; run < warmUp + runs; run++) {
    // Alternate which goes first, so neither always runs on a warmer (or busier) machine.
    const [first, second] = run % 2 ? [baseline, ours] : [ours, baseline];
    const x = first();
    const y = second();
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

/** The unsealed entries and their sealed texts one run of the sequence makes: what a baseline seals. */
function sequenceEntries() {
  const { session } = newSession();
  for (const event of eventSequence()) session.dispatch(event);
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
 * `dispatch`: per event through the session's door over per event of a bare
 * `actor.send` plus sealing the same entry (canonical JSON + SHA-256) — the
 * two things any door that keeps a hash-chained log must do. What is left is
 * the door's own cost: building the entry, judging, storing (#13 item 7).
 */
export function measureDispatch(runs = 7, warmUp = 2): DispatchMeasured {
  const events = eventSequence();
  const { unsealed } = sequenceEntries();
  if (unsealed.length !== events.length) throw new Error('one entry per event expected');
  let accepted = 0;
  const ours = () => {
    const { session } = newSession();
    const time = timed(() => {
      for (const event of events) session.dispatch(event);
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
  const sealed = interleaved(ours, bareSend(true), runs, warmUp);
  const sendOnly = interleaved(ours, bareSend(false), runs, warmUp);
  const parts = dispatchParts();
  return {
    value: sealed.ours,
    baseline: sealed.baseline,
    note: `${String(events.length)} events, ${String(accepted)} accepted; session in MemoryStorage; baseline: bare send plus sealing the same entry; of the door's time per event, sealing takes ${micro(parts.sealing)} and storing (the sealed entry text, the head as JSON, the head compared with the one last written) ${micro(parts.storing)}`,
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
 * does them (sealEntryWithText; store.append with the sealed texts and the
 * head it wrote last).
 */
function dispatchParts() {
  const { log, head, entries, unsealed } = sequenceEntries();
  const texts = unsealed.map((entry) => sealEntryWithText(entry).text);
  const sealing = () =>
    timed(() => {
      for (const entry of unsealed) sealEntryWithText(entry);
    }) / entries.length;
  const storing = () => {
    const store = new ExerciseStore(new MemoryStorage());
    store.create({ ...head, length: 1 }, log.slice(0, 1));
    let lastWritten: string | undefined;
    return (
      timed(() => {
        entries.forEach((entry, index) => {
          lastWritten = store.append({ ...head, length: entry.seq }, entry.seq - 1, [entry], {
            texts: [texts[index] ?? ''],
            lastWritten,
          });
        });
      }) / entries.length
    );
  };
  const result = interleaved(sealing, storing, 5, 1);
  return { sealing: result.ours, storing: result.baseline };
}

/** `replay`: rebuilding from a 10,000-event log with replay() over a bare fold of the same events. */
export function measureReplay(runs = 7, warmUp = 2): Measured {
  const { session } = newSession();
  for (const event of eventSequence()) session.dispatch(event);
  const log: readonly LogEntry[] = session.getState().log;
  session.dispose();
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
  const result = interleaved(ours, baseline, runs, warmUp);
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
