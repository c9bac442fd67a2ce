/**
 * How both stores keep an exercise's head: the set-up in a table of its own
 * (`setups`), written once when the exercise is created, and the rest of the head (clock,
 * model snapshot, length, head hash) in the `head` column that every append
 * rewrites.
 *
 * Why apart: the set-up carries the whole scenario (tens of kB for a built-in
 * one) and never changes — the genesis hash seals it (src/core/hashChain.ts
 * `genesisHash`); a branch is a new exercise. Rewriting it with every entry
 * made each append serialise and write ~40 kB (ten or more pages to fsync in
 * SQLite's WAL) for a ~1 kB entry: most of an ack's time.
 *
 * The head column keeps `"setup": null` in the set-up's place, so a head
 * reads back with its keys in the order it was written (an exercise file is
 * the head as JSON).
 */
import type { ExerciseHead, ExerciseSetup } from '../../src/core';

/** The head without its set-up, as the `head` column holds it. */
export const headText = (head: ExerciseHead): string => JSON.stringify({ ...head, setup: null });

/** The `setup` column: the set-up as JSON. */
export const setupText = (setup: ExerciseSetup): string => JSON.stringify(setup);

/** The head from its two columns. */
export function headOf(head: string, setup: string): ExerciseHead {
  const parsed = JSON.parse(head) as Omit<ExerciseHead, 'setup'> & { setup: ExerciseSetup | null };
  parsed.setup = JSON.parse(setup) as ExerciseSetup;
  return parsed as ExerciseHead;
}

/** An append whose head carries another set-up than the stored one: never stored. */
export class SetupChangedError extends Error {
  constructor(readonly exerciseId: string) {
    super(`append: exercise ${exerciseId}'s set-up is sealed by its genesis and cannot change`);
  }
}

/**
 * The set-up objects a store knows to equal what it stored, per exercise: a
 * host's heads share their set-up object (each entry's head spreads the last
 * one), so an append checks it by identity and compares the stored text only
 * for an object it has not seen (the first append after a head was built
 * elsewhere). Weak: a set-up no host holds any more is forgotten.
 */
export class KnownSetups {
  private readonly known = new WeakMap<ExerciseSetup, Set<string>>();

  remember(exerciseId: string, setup: ExerciseSetup) {
    const ids = this.known.get(setup);
    if (ids) ids.add(exerciseId);
    else this.known.set(setup, new Set([exerciseId]));
  }

  has(head: ExerciseHead): boolean {
    return this.known.get(head.setup)?.has(head.id) === true;
  }

  /**
   * Throw unless `head`'s set-up is the stored one (`stored`: its column, or
   * null when the exercise is not stored, which the append's own fences refuse).
   */
  check(head: ExerciseHead, stored: string | null) {
    if (stored === null) return;
    // Through a parse: text a migration wrote may print the same values otherwise.
    if (setupText(head.setup) !== setupText(JSON.parse(stored) as ExerciseSetup)) throw new SetupChangedError(head.id);
    this.remember(head.id, head.setup);
  }
}
