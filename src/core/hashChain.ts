/**
 * Tamper evidence: every log entry carries the SHA-256 of its canonical JSON
 * (RFC 8785, sorted keys) together with the previous entry's hash, so another
 * runtime computes the same chain, and a changed, removed, inserted or
 * reordered entry breaks it at a position we can name.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { configure } from 'safe-stable-stringify';
import type { ExerciseHead, ExerciseSetup, LogEntry } from './log';

/**
 * RFC 8785 (JCS) for the JSON values a log holds: keys sorted by UTF-16 code
 * units, strings and numbers as ECMAScript's JSON.stringify writes them.
 * safe-stable-stringify does exactly that and is ~3× faster than the
 * `canonicalize` package (every attempt is sealed; issue #6). `strict`: a value
 * without a JSON form (NaN, Infinity, a function) throws instead of turning
 * into null, as JCS requires; tests/session/hashChain.test.ts holds it to
 * `canonicalize` on arbitrary JSON.
 */
const canonicalJson = configure({ deterministic: true, strict: true, circularValue: Error, bigint: false });

export function canonicalize(value: unknown): string {
  const canonical = canonicalJson(value);
  if (canonical === undefined) throw new TypeError('Cannot hash a value without a JSON form');
  return canonical;
}

const encoder = new TextEncoder();
/** Reused for every entry's UTF-8, so sealing an attempt allocates no byte array of its own (issue #6). */
let scratch = new Uint8Array(4096);

function sha256Hex(text: string): string {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for two units).
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return bytesToHex(sha256(scratch.subarray(0, written)));
}

export function hashOf(value: unknown): string {
  return sha256Hex(canonicalize(value));
}

/** The chain starts from the exercise itself, so its set-up is covered too. */
export function genesisHash(id: string, setup: ExerciseSetup, createdAt: string): string {
  return hashOf({ id, setup, createdAt });
}

export type Unhashed<T extends LogEntry> = T extends LogEntry ? Omit<T, 'hash'> : never;

export function sealEntry<T extends LogEntry>(entry: Unhashed<T>): T {
  return { ...entry, hash: hashOf(entry) } as unknown as T;
}

/**
 * Seal an entry and give its stored form too: the canonical JSON that was
 * hashed with the hash added as the last key. It parses to the sealed entry,
 * and spares the session a second serialisation per attempt (issue #6).
 */
export function sealEntryWithText<T extends LogEntry>(entry: Unhashed<T>): { entry: T; text: string } {
  const canonical = canonicalize(entry);
  const hash = sha256Hex(canonical);
  // An entry always has keys, so the canonical form ends in '}' after at least one member.
  return { entry: { ...entry, hash } as unknown as T, text: `${canonical.slice(0, -1)},"hash":"${hash}"}` };
}

export type ChainBreak = { position: number; seq: number; problem: 'hash' | 'link' | 'sequence' };

/** The first place where the chain does not hold, or null when it is intact. */
export function verifyChain(genesis: string, entries: readonly LogEntry[]): ChainBreak | null {
  let previous = genesis;
  for (const [index, entry] of entries.entries()) {
    if (entry.seq !== index + 1) return { position: index + 1, seq: entry.seq, problem: 'sequence' };
    if (entry.prevHash !== previous) return { position: index + 1, seq: entry.seq, problem: 'link' };
    const { hash, ...rest } = entry;
    if (hashOf(rest) !== hash) return { position: index + 1, seq: entry.seq, problem: 'hash' };
    previous = hash;
  }
  return null;
}

/**
 * The genesis of a stored or imported exercise: under the id its chain was
 * sealed with. A branch (src/core/branch.ts) keeps the original's first
 * entries verbatim, so its chain starts where the original's did: same id,
 * creation time and title; the rest of the set-up is the branch's own, so a
 * changed cast or scenario still breaks the chain.
 */
export function genesisOf(head: Pick<ExerciseHead, 'id' | 'chainId' | 'setup' | 'createdAt' | 'branchedFrom'>): string {
  const from = head.branchedFrom;
  if (from) return genesisHash(from.chainId, { ...head.setup, title: from.title }, from.createdAt);
  return genesisHash(head.chainId ?? head.id, head.setup, head.createdAt);
}

/**
 * What is wrong with a chain, each problem at the place it shows. Positions
 * count the entries as they stand in the file (1 = first); `seq` is the line
 * number the log shows, which is sealed inside each entry.
 */
export type ChainFinding =
  /** The entry's content no longer matches the hash sealed with it. */
  | { problem: 'changed'; position: number; seq: number }
  /** Line numbers are skipped: `count` lines between `after` (null: the start) and `before` are gone. */
  | { problem: 'missing'; position: number; after: number | null; before: number; count: number }
  /** An entry that is not part of the chain: its line number belongs to another entry that fits better. */
  | { problem: 'inserted'; position: number; seq: number; after: number | null }
  /** Line `seq` stands after line `after` in the file, though it was sealed before it. */
  | { problem: 'reordered'; position: number; seq: number; after: number }
  /** Line `seq` does not link to line `previous`: that one was changed and sealed anew, or replaced. */
  | { problem: 'unlinked'; position: number; seq: number; previous: number }
  /** The first line does not link to the head: its id, creation time or set-up (title, cast, scenario) changed. */
  | { problem: 'genesis'; position: number; seq: number };

function sealedHashOk(entry: LogEntry): boolean {
  try {
    const { hash, ...rest } = entry;
    return hashOf(rest) === hash;
  } catch {
    // No JSON form (a number beyond JSON's range, say): it cannot be what was sealed.
    return false;
  }
}

/**
 * Every place where the chain does not hold, classified so a trainer can be
 * told what happened: a line changed, removed, inserted or moved, or the head
 * changed. Each entry seals its own line number and its predecessor's hash,
 * so unless someone recomputed every hash after the change, each kind of
 * tampering leaves its own trace. An empty list: the chain is intact.
 */
export function diagnoseChain(genesis: string, entries: readonly LogEntry[]): ChainFinding[] {
  const findings: ChainFinding[] = [];
  const sealedOk = entries.map(sealedHashOk);
  const linkedTo = new Set(entries.map((entry) => entry.prevHash));

  // Order first: a line that stands after a later line and does not link to its neighbour was moved.
  let highest = 0;
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    if (previous && entry.seq < highest && entry.prevHash !== previous.hash)
      findings.push({ problem: 'reordered', position: index + 1, seq: entry.seq, after: previous.seq });
    highest = Math.max(highest, entry.seq);
  });

  // Then the chain itself, in the order it was sealed (by line number; ties keep the file's order).
  const sealedOrder = entries
    .map((entry, index) => ({ entry, position: index + 1, ok: sealedOk[index] === true }))
    .sort((a, b) => a.entry.seq - b.entry.seq || a.position - b.position);
  let last = { seq: 0, hash: genesis, changed: false };
  sealedOrder.forEach(({ entry, position, ok }, index) => {
    const next = sealedOrder[index + 1];
    const after = last.seq === 0 ? null : last.seq;
    // Two lines with one number: the one that links on from the last good line, whose seal holds and
    // that the next line links to, stays; the other was put in.
    const score = (candidate: { entry: LogEntry; ok: boolean }) =>
      (candidate.entry.seq === last.seq + 1 && candidate.entry.prevHash === last.hash ? 4 : 0) +
      (candidate.ok ? 2 : 0) +
      (linkedTo.has(candidate.entry.hash) ? 1 : 0);
    const outscored = next?.entry.seq === entry.seq && score(next) > score({ entry, ok });
    if (outscored || entry.seq <= last.seq) {
      findings.push({ problem: 'inserted', position, seq: entry.seq, after });
      return;
    }
    if (entry.seq > last.seq + 1) {
      findings.push({ problem: 'missing', position, after, before: entry.seq, count: entry.seq - last.seq - 1 });
    } else if (ok && entry.prevHash !== last.hash && !last.changed) {
      findings.push(
        last.seq === 0
          ? { problem: 'genesis', position, seq: entry.seq }
          : { problem: 'unlinked', position, seq: entry.seq, previous: last.seq },
      );
    }
    if (!ok) findings.push({ problem: 'changed', position, seq: entry.seq });
    // A changed entry usually keeps its sealed hash, so the chain goes on from it.
    last = { seq: entry.seq, hash: entry.hash, changed: !ok };
  });
  return findings.sort((a, b) => a.position - b.position);
}
