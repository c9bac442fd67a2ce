/**
 * Stepping through a long log without replaying it from the start at every
 * step. The cursor keeps a live actor at its position and a checkpoint (a
 * persisted snapshot) every `interval` entries it has passed: forward it sends
 * only the entries in between, backward it starts again from the nearest
 * checkpoint at or before the target. The state is still rebuilt from the
 * events, never read from a stored picture (same result as `replay`).
 */
import { createActor, type Actor } from 'xstate';
import { escalationMachine, type EscalationSnapshot } from '../../machines';
import { inputOf } from '../core/replay';
import type { ExerciseSetup, LogEntry } from '../core/log';

type Persisted = ReturnType<typeof escalationMachine.getPersistedSnapshot>;

export interface ReplayCursor {
  /** Entries applied so far: 0 (before the first line) up to the log's length. */
  readonly position: number;
  readonly length: number;
  /** The model as it stood after line `position` (`position` 0: as the exercise started). */
  seek(position: number): EscalationSnapshot;
  snapshot(): EscalationSnapshot;
  dispose(): void;
}

export const DEFAULT_CHECKPOINT_INTERVAL = 250;

export function createReplayCursor(
  setup: ExerciseSetup,
  entries: readonly LogEntry[],
  interval = DEFAULT_CHECKPOINT_INTERVAL,
): ReplayCursor {
  if (!Number.isInteger(interval) || interval < 1)
    throw new RangeError('The checkpoint interval must be a whole number ≥ 1');
  const input = inputOf(setup);
  let actor: Actor<typeof escalationMachine> = createActor(escalationMachine, { input }).start();
  let position = 0;
  /** checkpoints[k]: the persisted state after k × interval entries. */
  const checkpoints: Persisted[] = [escalationMachine.getPersistedSnapshot(actor.getSnapshot())];

  const restore = (checkpoint: number) => {
    const persisted = checkpoints[checkpoint];
    if (!persisted) throw new Error(`No checkpoint ${String(checkpoint)}`);
    actor.stop();
    actor = createActor(escalationMachine, { input, snapshot: persisted }).start();
    position = checkpoint * interval;
  };

  const forwardTo = (target: number) => {
    while (position < target) {
      const entry = entries[position];
      if (entry?.kind === 'attempt') actor.send(entry.event);
      position++;
      if (position % interval === 0 && checkpoints.length === position / interval)
        checkpoints.push(escalationMachine.getPersistedSnapshot(actor.getSnapshot()));
    }
  };

  return {
    get position() {
      return position;
    },
    get length() {
      return entries.length;
    },
    seek(target) {
      const to = Math.max(0, Math.min(entries.length, Math.trunc(target)));
      if (to < position) restore(Math.min(Math.floor(to / interval), checkpoints.length - 1));
      else {
        // Far ahead: jump to the last checkpoint already made on the way, if it is nearer.
        const known = Math.min(Math.floor(to / interval), checkpoints.length - 1);
        if (known * interval > position) restore(known);
      }
      forwardTo(to);
      return actor.getSnapshot();
    },
    snapshot() {
      return actor.getSnapshot();
    },
    dispose() {
      actor.stop();
    },
  };
}
