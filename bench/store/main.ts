/**
 * Bench page for `store` (#13 item 7): ms per stored entry through
 * IdbExerciseStore.append, against a bare `idb` put of the same entry, both
 * in this page's real IndexedDB. bench/lib/browser.mjs opens it in a Chromium
 * profile on disk and calls `window.__storeBench.round(...)`, store and bare
 * rounds in alternating order; each round returns its own ms per entry.
 *
 * The entries are made before any clock starts: the built-in Jaarwisseling
 * scenario played through the core (applyAttempt), as the session will play
 * it, so each append carries what the app's does — a sealed entry (accepted
 * and refused attempts, decisions with grounds, notes) and the head after it
 * (set-up with the whole scenario, persisted model, clock), the head being
 * the store's commit point.
 */
import { openDB } from 'idb';
import { applyAttempt, type ExerciseState, type Proposal } from '../../src/core/applyAttempt';
import { newExercise } from '../../src/core/exerciseState';
import { parseScenario } from '../../src/scenarios/parseScenario';
import { scenarioToSetup } from '../../src/scenarios';
import { IdbExerciseStore } from '../../src/session/local/idbExerciseStore';
import type { By } from '../../machines';
import type { ExerciseHead, LogEntry } from '../../src/core/log';
import scenarioText from '../../public/scenarios/jaarwisseling.json?raw';

export type StoreRoundKind = 'store' | 'bare';

declare global {
  interface Window {
    __storeBench?: {
      /** Entries appended per round. */
      entries: number;
      /** JSON length of the average entry and of the last head: what each append hands over. */
      entryChars: number;
      headChars: number;
      /** One round of `kind`: every entry stored in turn, each awaited; ms per entry. */
      round: (kind: StoreRoundKind) => Promise<number>;
    };
  }
}

/** Entries appended per round: enough that one slow fsync does not decide a round, few enough for ~1 s rounds. */
const ENTRIES = 200;
const ID = 'bench-jaarwisseling';
const T0 = Date.UTC(2026, 11, 31, 21, 0);

const parsed = parseScenario(scenarioText);
if (!parsed.ok) throw new Error('the built-in scenario does not parse');
const scenario = parsed.scenario;
// The form keeps the scenario whole in the set-up, so the head carries it on every append (as in tests/core).
const setup = { ...scenarioToSetup(scenario), scenario };
const by = (role: By['role']): By => {
  const member = setup.cast.find((person) => person.role === role);
  if (!member) throw new Error(`no ${role} in the cast`);
  return { role, name: member.name, ...(member.municipality ? { municipality: member.municipality } : {}) };
};
const commander = by('commander');
const mayor = by('mayor');
const trainer = by('trainer');
const attempt = (value: Extract<Proposal, { kind: 'attempt' }>['attempt']): Proposal => ({
  kind: 'attempt',
  attempt: value,
});

/**
 * One cycle of a table-top evening from the scenario's start phase (2) up to
 * riot control and back: refusals R3 (no decision yet) and R4 (no decision on
 * the agent) on the way, a granted and a revoked decision, a note.
 */
const CYCLE: Proposal[] = [
  ...[3, 4, 5].map((phase) => attempt({ type: 'phase.escalate', by: commander, reason: `Naar fase ${String(phase)}` })),
  attempt({ type: 'waterCannon.deploy', by: commander }),
  attempt({
    type: 'mayor.decide',
    by: mayor,
    subject: 'waterCannon',
    verdict: 'granted',
    grounds: 'Groot gevaar voor agenten en omstanders; andere middelen onvoldoende',
    bob: { beeld: 'Circa 300 relschoppers, brandende barricades', oordeel: 'Waterwerper proportioneel' },
    conditions: 'Niet richten op hoofden',
  }),
  attempt({ type: 'crowd.warn', by: commander }),
  attempt({ type: 'waterCannon.deploy', by: commander }),
  attempt({ type: 'tearGas.add', by: commander }),
  { kind: 'note', by: trainer, text: 'Traanverwekkende stof zonder eigen besluit geweigerd' },
  attempt({ type: 'mayor.revoke', by: mayor, subject: 'waterCannon', grounds: 'Rust keert terug' }),
  ...[4, 3, 2].map((phase) =>
    attempt({ type: 'phase.deescalate', by: commander, reason: `Rust keert terug, naar fase ${String(phase)}` }),
  ),
];

const created = newExercise(setup, { id: ID, wall: T0 });
/** Each entry after the first with the head as it stands once that entry counts. */
const played: { head: ExerciseHead; entry: LogEntry }[] = [];
{
  let state: ExerciseState = created.state;
  const proposals: Proposal[] = [{ kind: 'clock', by: trainer, action: { type: 'start' } }];
  while (proposals.length < ENTRIES) proposals.push(...CYCLE);
  proposals.slice(0, ENTRIES).forEach((proposal, index) => {
    const applied = applyAttempt(state, proposal, { wall: T0 + (index + 1) * 60_000 });
    if (applied.outcome !== 'logged') throw new Error(`proposal ${String(index)} was not logged: ${applied.reason.en}`);
    state = applied.state;
    played.push({ head: state.head, entry: applied.entry });
  });
}

/** The app's store as the app opens it: database `paraat`, its BroadcastChannel, one connection kept. */
const store = new IdbExerciseStore();

async function storeRound(): Promise<number> {
  await store.create(created.head, [created.entry]);
  const start = performance.now();
  for (const { head, entry } of played) await store.append(head, entry.seq - 1, [entry]);
  const perEntry = (performance.now() - start) / played.length;
  // A round counts only if every append landed.
  const stored = await store.head(ID);
  if (stored?.length !== played.length + 1) throw new Error(`the store holds ${String(stored?.length)} entries`);
  await store.remove(ID);
  return perEntry;
}

/** The floor: a database of its own with only an entries store, keyed as the store keys entries. */
const bare = await openDB('paraat-bench-floor', 1, {
  upgrade(db) {
    db.createObjectStore('entries');
  },
});

/** The same entry object put alone, one readwrite transaction each, strict durability, awaited until complete. */
async function putAlone(entry: LogEntry): Promise<void> {
  const tx = bare.transaction('entries', 'readwrite', { durability: 'strict' });
  await Promise.all([tx.store.put(entry, [ID, entry.seq]), tx.done]);
}

async function bareRound(): Promise<number> {
  await putAlone(created.entry);
  const start = performance.now();
  for (const { entry } of played) await putAlone(entry);
  const perEntry = (performance.now() - start) / played.length;
  const count = await bare.count('entries');
  if (count !== played.length + 1) throw new Error(`the floor holds ${String(count)} entries`);
  await bare.clear('entries');
  return perEntry;
}

const chars = (value: unknown) => JSON.stringify(value).length;
window.__storeBench = {
  entries: played.length,
  entryChars: Math.round(played.reduce((sum, { entry }) => sum + chars(entry), 0) / played.length),
  headChars: chars(played.at(-1)?.head),
  round: (kind) => (kind === 'store' ? storeRound() : bareRound()),
};
