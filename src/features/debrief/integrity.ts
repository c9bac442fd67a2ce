/**
 * The log's seal: the hash of its last entry, which covers every entry before
 * it and the set-up (src/core/hashChain.ts). Shown in the debrief and in
 * every export, so a printed report can be matched to the stored log.
 */
import { genesisOf, verifyChain, type ChainBreak, type ExerciseHead, type LogEntry } from '../../session';

export interface Integrity {
  /** The last entry's hash; the head's when there are no entries. */
  finalHash: string;
  entries: number;
  /** The head's record of the last hash agrees with the last entry. */
  matchesHead: boolean;
  /** Where the chain does not hold; null when it is intact. */
  chainBreak: ChainBreak | null;
}

export function integrityOf(head: ExerciseHead, entries: readonly LogEntry[]): Integrity {
  const finalHash = entries.at(-1)?.hash ?? head.headHash;
  let chainBreak: ChainBreak | null;
  try {
    chainBreak = verifyChain(genesisOf(head), entries);
  } catch {
    // An entry without a JSON form cannot be hashed: the chain does not hold from the start.
    chainBreak = { position: 1, seq: entries[0]?.seq ?? 1, problem: 'hash' };
  }
  return { finalHash, entries: entries.length, matchesHead: finalHash === head.headHash, chainBreak };
}
