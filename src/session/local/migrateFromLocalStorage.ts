/**
 * On first start with IndexedDB (issue #13): every exercise still in
 * localStorage moves over, and nothing is lost on the way. An exercise is
 * copied only when it reads whole and its hash chain holds; its old keys go
 * only after the copy has been read back from IndexedDB and found equal.
 * Whatever cannot be moved stays where it is, with the reason, in Dutch and
 * English. Running it again is harmless: what moved is no longer listed in
 * localStorage, and a copy an earlier run made but did not get to clear is
 * recognised and cleared now.
 */
import type { Text } from '../../../machines';
import { canonicalize, genesisOf, verifyChain } from '../../core/hashChain';
import { ExerciseConflictError, StorageWriteError, type ExerciseRepository } from '../repository';
import { LocalStorageExerciseStore, type KeyValueStorage } from './localStorageStore';
import type { ExerciseHead, LogEntry } from '../../core/log';

export interface MigrationReport {
  /** Now in IndexedDB (copied now, or found copied by an earlier run or another tab) and gone from localStorage. */
  migrated: string[];
  /** Left in localStorage, untouched, and why. */
  kept: { id: string; reason: Text }[];
}

// The keys the localStorage store uses (./localStorageStore.ts); the fixture tests hold them to it.
const INDEX_KEY = 'paraat/index';
const entryKey = (id: string, seq: number) => `paraat/exercise/${id}/${String(seq)}`;

/** Why an exercise stays in localStorage. */
class Kept extends Error {
  constructor(readonly reason: Text) {
    super(reason.en);
  }
}

const reasons = {
  head: (): Text => ({
    nl: 'De kop van de oefening ontbreekt of is onleesbaar; wat er van de oefening is, blijft in de oude opslag staan.',
    en: "The exercise's head is missing or unreadable; what there is of the exercise stays in the old storage.",
  }),
  entry: (seq: number): Text => ({
    nl: `Regel ${String(seq)} van het logboek ontbreekt of is onleesbaar; de oefening blijft in de oude opslag staan.`,
    en: `Line ${String(seq)} of the log is missing or unreadable; the exercise stays in the old storage.`,
  }),
  unexpected: (): Text => ({
    nl: 'De oefening kon niet worden overgezet; ze blijft in de oude opslag staan.',
    en: 'The exercise could not be moved; it stays in the old storage.',
  }),
  chain: (seq: number): Text => ({
    nl: `De hashketen klopt niet vanaf regel ${String(seq)}: het logboek is gewijzigd of beschadigd. De oefening blijft ongewijzigd in de oude opslag staan.`,
    en: `The hash chain does not hold from line ${String(seq)} on: the log was changed or damaged. The exercise stays unchanged in the old storage.`,
  }),
  headHash: (): Text => ({
    nl: 'De laatste vingerafdruk (hash) in de kop past niet bij het logboek; de oefening blijft in de oude opslag staan.',
    en: "The head's last fingerprint (hash) does not match the log; the exercise stays in the old storage.",
  }),
  conflict: (): Text => ({
    nl: 'In de nieuwe opslag staat al een andere oefening onder hetzelfde id; beide blijven bewaard, deze in de oude opslag.',
    en: 'The new storage already holds a different exercise under the same id; both are kept, this one in the old storage.',
  }),
  readBack: (): Text => ({
    nl: 'De kopie in de nieuwe opslag was bij teruglezen niet gelijk aan het origineel; de oefening blijft in de oude opslag staan.',
    en: 'The copy in the new storage did not read back equal to the original; the exercise stays in the old storage.',
  }),
  write: (reason: StorageWriteError['reason']): Text =>
    reason === 'quota'
      ? {
          nl: 'De nieuwe opslag is vol; de oefening blijft in de oude opslag staan.',
          en: 'The new storage is full; the exercise stays in the old storage.',
        }
      : {
          nl: 'De nieuwe opslag is niet beschikbaar; de oefening blijft in de oude opslag staan.',
          en: 'The new storage is not available; the exercise stays in the old storage.',
        },
  changed: (): Text => ({
    nl: 'De oefening veranderde in de oude opslag terwijl ze werd overgezet (een ander tabblad?); ze blijft daar staan en gaat bij de volgende start mee.',
    en: 'The exercise changed in the old storage while it was being moved (another tab?); it stays there and moves at the next start.',
  }),
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The head as stored, if it has what reading and verifying need; the rest the chain and read-back check. */
function readHead(store: LocalStorageExerciseStore, id: string): ExerciseHead {
  const head: unknown = store.head(id);
  if (
    !isRecord(head) ||
    head.id !== id ||
    !Number.isSafeInteger(head.length) ||
    (head.length as number) < 0 ||
    typeof head.headHash !== 'string' ||
    typeof head.createdAt !== 'string' ||
    typeof head.updatedAt !== 'string' ||
    !isRecord(head.setup)
  )
    throw new Kept(reasons.head());
  return head as unknown as ExerciseHead;
}

function readEntries(storage: KeyValueStorage, head: ExerciseHead): LogEntry[] {
  // Line by line rather than through LocalStorageExerciseStore.entries, to name the line that is missing or not JSON.
  // Exactly the head's `length` lines, each present: the log is as long as the head says.
  const entries: LogEntry[] = [];
  for (let seq = 1; seq <= head.length; seq++) {
    let entry: unknown = null;
    try {
      entry = JSON.parse(storage.getItem(entryKey(head.id, seq)) ?? 'null');
    } catch {
      // Not JSON: unreadable, said below.
    }
    if (!isRecord(entry)) throw new Kept(reasons.entry(seq));
    entries.push(entry as unknown as LogEntry);
  }
  let broken: ReturnType<typeof verifyChain>;
  let genesis: string;
  try {
    genesis = genesisOf(head);
    broken = verifyChain(genesis, entries);
  } catch {
    // A value without a JSON form cannot be what was sealed.
    throw new Kept(reasons.chain(1));
  }
  // The line where it breaks as it stands in the log (a line out of order carries another number).
  if (broken) throw new Kept(reasons.chain(broken.position));
  if (head.headHash !== (entries[entries.length - 1]?.hash ?? genesis)) throw new Kept(reasons.headHash());
  return entries;
}

const same = (a: unknown, b: unknown): boolean => {
  try {
    return canonicalize(a) === canonicalize(b);
  } catch {
    return false;
  }
};

/**
 * Whether IndexedDB holds this exercise, every line of it: the copy just
 * written, or one an earlier run (or another tab) wrote, maybe since gone on
 * with more lines. Read back from IndexedDB, not taken on trust. Another
 * exercise under the same id (another genesis, or another line anywhere: the
 * chain links every line to the one before) is a conflict.
 */
async function holds(target: ExerciseRepository, head: ExerciseHead, entries: readonly LogEntry[]): Promise<boolean> {
  const stored = await target.head(head.id);
  if (!stored || stored.length < head.length) return false;
  if (genesisOf(stored) !== genesisOf(head)) throw new Kept(reasons.conflict());
  const storedEntries = await target.entries({ ...stored, length: head.length });
  if (storedEntries.some((entry, index) => entry.hash !== entries[index]?.hash)) throw new Kept(reasons.conflict());
  // The same hashes, and each one still the hash of its entry as read back: the same entries.
  if (verifyChain(genesisOf(stored), storedEntries)) return false;
  // The same length: the very copy of this head. Longer: a tab on IndexedDB went on from it.
  return stored.length > head.length || same(stored, head);
}

/**
 * Put the exercise into IndexedDB: new, or the lines an earlier copy lacks
 * (an earlier run copied it, then a tab still on the old version wrote on in
 * localStorage). Both writes are fenced, so a tab writing at the same time is
 * never overwritten; what ends up stored is checked by `holds` afterwards.
 */
async function copy(target: ExerciseRepository, head: ExerciseHead, entries: readonly LogEntry[]): Promise<void> {
  const stored = await target.head(head.id);
  try {
    if (!stored) {
      await target.create(head, entries);
      return;
    }
    if (stored.length >= head.length) return;
    if (genesisOf(stored) !== genesisOf(head)) throw new Kept(reasons.conflict());
    const storedEntries = await target.entries(stored);
    if (storedEntries.some((entry, index) => entry.hash !== entries[index]?.hash)) throw new Kept(reasons.conflict());
    await target.append(head, stored.length, entries.slice(stored.length));
  } catch (error) {
    // Another tab stored or appended first: what it stored is checked next.
    if (!(error instanceof ExerciseConflictError)) throw error;
  }
}

/**
 * Take the exercise's keys out of localStorage: first its id from the index
 * (should the page die part way, what is left is keys no list reaches, and
 * no later run takes them for a damaged exercise), then the head, then the
 * entries, with any past the head's length (written by an attempt that never
 * committed). Synchronous, and only if the head is still the one copied: a tab
 * still on the old version may have written since.
 */
function clearOld(storage: KeyValueStorage, id: string, head: ExerciseHead, headText: string | null): void {
  if (storage.getItem(LocalStorageExerciseStore.headKey(id)) !== headText) throw new Kept(reasons.changed());
  const index: unknown = JSON.parse(storage.getItem(INDEX_KEY) ?? '[]');
  const rest = Array.isArray(index) ? index.filter((other) => other !== id) : [];
  if (rest.length === 0) storage.removeItem(INDEX_KEY);
  else storage.setItem(INDEX_KEY, JSON.stringify(rest));
  storage.removeItem(LocalStorageExerciseStore.headKey(id));
  for (let seq = 1; seq <= head.length || storage.getItem(entryKey(id, seq)) !== null; seq++)
    storage.removeItem(entryKey(id, seq));
}

async function migrateOne(storage: KeyValueStorage, target: ExerciseRepository, id: string): Promise<void> {
  const old = new LocalStorageExerciseStore(storage);
  const headText = storage.getItem(LocalStorageExerciseStore.headKey(id));
  const head = readHead(old, id);
  const entries = readEntries(storage, head);
  try {
    if (!(await holds(target, head, entries))) {
      await copy(target, head, entries);
      if (!(await holds(target, head, entries))) throw new Kept(reasons.readBack());
    }
  } catch (error) {
    if (error instanceof StorageWriteError) throw new Kept(reasons.write(error.reason));
    throw error;
  }
  clearOld(storage, id, head, headText);
}

/**
 * Move every exercise listed in localStorage to IndexedDB. Throws only when
 * localStorage itself cannot be read (nothing was changed then); every other
 * problem keeps that one exercise where it was and is reported.
 */
export async function migrateFromLocalStorage(
  storage: KeyValueStorage,
  target: ExerciseRepository,
): Promise<MigrationReport> {
  const text = storage.getItem(INDEX_KEY);
  let index: unknown = [];
  try {
    index = text === null ? [] : JSON.parse(text);
  } catch {
    // An index that is not JSON lists nothing the old store could read either.
  }
  const ids = Array.isArray(index) ? [...new Set(index.filter((id): id is string => typeof id === 'string'))] : [];
  const report: MigrationReport = { migrated: [], kept: [] };
  for (const id of ids) {
    try {
      await migrateOne(storage, target, id);
      report.migrated.push(id);
    } catch (error) {
      report.kept.push({
        id,
        reason: error instanceof Kept ? error.reason : reasons.unexpected(),
      });
    }
  }
  return report;
}
