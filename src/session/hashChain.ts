/**
 * Tamper evidence: every log entry carries the SHA-256 of its canonical JSON
 * (RFC 8785, sorted keys) together with the previous entry's hash, so another
 * runtime computes the same chain, and a changed, removed, inserted or
 * reordered entry breaks it at a position we can name.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import type { ExerciseSetup, LogEntry } from './types';

export function hashOf(value: unknown): string {
  const canonical = canonicalize(value);
  if (canonical === undefined) throw new TypeError('Cannot hash a value without a JSON form');
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}

/** The chain starts from the exercise itself, so its set-up is covered too. */
export function genesisHash(id: string, setup: ExerciseSetup, createdAt: string): string {
  return hashOf({ id, setup, createdAt });
}

export type Unhashed<T extends LogEntry> = T extends LogEntry ? Omit<T, 'hash'> : never;

export function sealEntry<T extends LogEntry>(entry: Unhashed<T>): T {
  return { ...entry, hash: hashOf(entry) } as unknown as T;
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
