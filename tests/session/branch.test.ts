import { describe, expect, it } from 'vitest';
import { escalationMachine, phaseOf } from '../../machines';
import {
  exerciseFile,
  genesisOf,
  importExerciseFile,
  openSession,
  parseExerciseTime,
  replay,
  validateExerciseFile,
  verifyChain,
  type LogEntry,
} from '../../src/session';
import { integrityOf } from '../../src/features/debrief/integrity';
import { branchExercise } from '../../src/session/branch';
import { BY, riotControlSession, SETUP } from '../fixtures/exercise';

const SUFFIX = (seq: number) => ` (vertakking vanaf regel ${String(seq)})`;

/** The line of the mayor's granted water-cannon decision in the riot-control run. */
function grantLine(log: readonly LogEntry[]): number {
  const grant = log.find(
    (entry) =>
      entry.kind === 'attempt' &&
      entry.outcome === 'accepted' &&
      entry.event.type === 'mayor.decide' &&
      entry.event.subject === 'waterCannon',
  );
  if (!grant) throw new Error('the fixture has a granted water-cannon decision');
  return grant.seq;
}

describe('branching an exercise', () => {
  it('replays to the same state as the original at the branch line, with the log up to there', () => {
    const { session, store, id, clock } = riotControlSession();
    const log = session.getState().log;
    const seq = grantLine(log) - 1;
    const original = store.head(id);
    if (!original) throw new Error('stored');
    const branch = branchExercise(store, original, log, seq, { titleSuffix: SUFFIX(seq), now: clock.now() });

    expect(branch.id).not.toBe(id);
    expect(branch.setup.title).toBe(`${SETUP.title} (vertakking vanaf regel ${String(seq)})`);
    expect(branch.branchedFrom).toMatchObject({ id, seq, hash: log[seq - 1]?.hash });
    expect(branch.length).toBe(seq);
    const copied = store.entries(branch);
    expect(copied).toEqual(log.slice(0, seq));

    const atBranch = replay(SETUP, log, seq).snapshot;
    const opened = openSession(store, branch.id, clock.now);
    const state = opened.getState();
    expect(state.snapshot.value).toEqual(atBranch.value);
    expect(state.snapshot.context).toEqual(atBranch.context);
    expect(replay(branch.setup, copied).snapshot.context).toEqual(atBranch.context);
    // Before the grant: no decision on the water cannon yet in the branch.
    expect(state.snapshot.context).toEqual(replay(SETUP, log, seq).snapshot.context);
    expect(phaseOf(state.snapshot)).toBe(5);
    // The clock stands paused at the branch line's exercise time.
    expect(state.head.clock.running).toBe(false);
    expect(state.head.clock.exerciseAtAnchor).toBe(parseExerciseTime(log[seq - 1]?.exercise ?? ''));
    opened.dispose();
  });

  it('leaves the original untouched', () => {
    const { session, store, id, clock } = riotControlSession();
    const log = session.getState().log;
    session.dispose();
    const original = store.head(id);
    if (!original) throw new Error('stored');
    const headBefore = JSON.stringify(original);
    const entriesBefore = JSON.stringify(store.entries(original));
    branchExercise(store, original, log, 4, { titleSuffix: SUFFIX(4), now: clock.now() });
    expect(JSON.stringify(store.head(id))).toBe(headBefore);
    expect(JSON.stringify(store.entries(original))).toBe(entriesBefore);
    expect(store.list()).toHaveLength(2);
  });

  it('keeps a chain that verifies, also after the branch goes on, and as an exported file', () => {
    const { session, store, id, clock } = riotControlSession();
    const log = session.getState().log;
    const original = store.head(id);
    if (!original) throw new Error('stored');
    const seq = grantLine(log) - 1;
    const branch = branchExercise(store, original, log, seq, { titleSuffix: SUFFIX(seq), now: clock.now() });
    expect(verifyChain(genesisOf(branch), store.entries(branch))).toBeNull();

    // The branch goes another way: the mayor refuses the water cannon.
    const opened = openSession(store, branch.id, clock.now);
    opened.dispatch({
      type: 'mayor.decide',
      by: BY.mayor,
      subject: 'waterCannon',
      verdict: 'refused',
      grounds: 'Eerst de-escalatie proberen',
    });
    const state = opened.getState();
    expect(state.log).toHaveLength(seq + 1);
    expect(verifyChain(genesisOf(state.head), state.log)).toBeNull();
    const file = exerciseFile(state, '2027-01-01T00:00:00.000Z');
    const checked = validateExerciseFile(JSON.parse(JSON.stringify(file)));
    expect(checked).toMatchObject({ ok: true });
    // Imported again on this device (its id is taken, so it is renumbered), the chain still verifies.
    if (!checked.ok) throw new Error('valid');
    const imported = importExerciseFile(store, checked.file);
    expect(imported.renumbered).toBe(true);
    expect(imported.head.branchedFrom).toEqual(branch.branchedFrom);
    expect(verifyChain(genesisOf(imported.head), store.entries(imported.head))).toBeNull();
    // The debrief's seal says the same.
    expect(integrityOf(imported.head, store.entries(imported.head)).chainBreak).toBeNull();
    opened.dispose();

    // A changed set-up (other than the title) still breaks the chain.
    const tampered = { ...branch, setup: { ...branch.setup, municipality: 'Amsterdam' } };
    expect(verifyChain(genesisOf(tampered), store.entries(branch))).not.toBeNull();
  });

  it('branches a branch, keeping the first genesis', () => {
    const { session, store, id, clock } = riotControlSession();
    const log = session.getState().log;
    const original = store.head(id);
    if (!original) throw new Error('stored');
    const first = branchExercise(store, original, log, 8, { titleSuffix: SUFFIX(8), now: clock.now() });
    const second = branchExercise(store, first, store.entries(first), 5, { titleSuffix: SUFFIX(5), now: clock.now() });
    expect(second.branchedFrom).toMatchObject({ id: first.id, seq: 5, title: SETUP.title });
    expect(verifyChain(genesisOf(second), store.entries(second))).toBeNull();
    expect(escalationMachine.resolveState(second.snapshot as never).value).toEqual(
      replay(SETUP, log, 5).snapshot.value,
    );
  });

  it('refuses a line outside the log', () => {
    const { session, store, id, clock } = riotControlSession();
    const log = session.getState().log;
    const original = store.head(id);
    if (!original) throw new Error('stored');
    for (const seq of [0, log.length + 1, 2.5])
      expect(() => branchExercise(store, original, log, seq, { titleSuffix: '', now: clock.now() })).toThrow(
        RangeError,
      );
    expect(store.list()).toHaveLength(1);
  });
});
