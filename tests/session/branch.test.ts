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
  type ExerciseHead,
  type ExerciseStore,
  type LogEntry,
} from '../../src/session';
import { integrityOf } from '../../src/features/debrief/integrity';
import { branchExercise } from '../../src/session/branch';
import { BY, newSession, play, RIOT_CONTROL_RUN, riotControlSession, SETUP } from '../fixtures/exercise';

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

function stored(store: ExerciseStore, id: string): ExerciseHead {
  const head = store.head(id);
  if (!head) throw new Error(`exercise ${id} is stored`);
  return head;
}

/** The exercise file of a stored exercise, through JSON as a download and an import would see it. */
function checkedFile(store: ExerciseStore, head: ExerciseHead) {
  const file = exerciseFile({ head, log: store.entries(head) }, '2027-01-01T00:00:00.000Z');
  return validateExerciseFile(JSON.parse(JSON.stringify(file)));
}

describe('branching an exercise', () => {
  it('replays to the same state as the original at the branch line, with the log up to there and a line saying so', () => {
    const { session, store, id, clock } = riotControlSession();
    const log = session.getState().log;
    const seq = grantLine(log) - 1;
    clock.advance(45);
    const branch = branchExercise(store, stored(store, id), log, seq, { titleSuffix: SUFFIX(seq), now: clock.now() });

    expect(branch.id).not.toBe(id);
    expect(branch.setup.title).toBe(`${SETUP.title} (vertakking vanaf regel ${String(seq)})`);
    expect(branch.branchedFrom).toMatchObject({ id, seq, hash: log[seq - 1]?.hash });
    expect(branch.length).toBe(seq + 1);
    const copied = store.entries(branch);
    expect(copied.slice(0, seq)).toEqual(log.slice(0, seq));
    // Its first own line: branched, from where, by the trainer, at the branch line's exercise time.
    expect(copied[seq]).toEqual({
      kind: 'exercise',
      action: 'branched',
      branchedFrom: { id, seq, hash: log[seq - 1]?.hash, title: SETUP.title },
      seq: seq + 1,
      wall: new Date(clock.now()).toISOString(),
      exercise: log[seq - 1]?.exercise,
      by: BY.trainer,
      prevHash: log[seq - 1]?.hash,
      hash: branch.headHash,
    });

    const atBranch = replay(SETUP, log, seq).snapshot;
    const opened = openSession(store, branch.id, clock.now);
    const state = opened.getState();
    expect(state.snapshot.value).toEqual(atBranch.value);
    expect(state.snapshot.context).toEqual(atBranch.context);
    expect(replay(branch.setup, copied).snapshot.context).toEqual(atBranch.context);
    expect(replay(branch.setup, copied).divergences).toEqual([]);
    // Before the grant: no decision on the water cannon yet in the branch, in riot control.
    expect(state.snapshot.context.decisions.waterCannon).toBeNull();
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
    const original = stored(store, id);
    const headBefore = JSON.stringify(original);
    const entriesBefore = JSON.stringify(store.entries(original));
    branchExercise(store, original, log, 4, { titleSuffix: SUFFIX(4), now: clock.now() });
    expect(JSON.stringify(store.head(id))).toBe(headBefore);
    expect(JSON.stringify(store.entries(original))).toBe(entriesBefore);
    expect(store.list()).toHaveLength(2);
  });

  it('is a trusted exercise file at once: chain, head, replay and clock agree', () => {
    // The original's clock ran at 5× and was paused again; the branch line falls while it ran.
    const { session, store, id, clock } = newSession();
    session.clock(BY.trainer, { type: 'start' });
    session.clock(BY.trainer, { type: 'speed', speed: 5 });
    play(session, clock, RIOT_CONTROL_RUN.slice(0, 6));
    session.clock(BY.trainer, { type: 'pause' });
    const log = session.getState().log;
    session.dispose();
    const seq = 6;
    expect(log[seq - 1]?.exercise).not.toBe(log[0]?.exercise);
    clock.advance(30);
    const branch = branchExercise(store, stored(store, id), log, seq, { titleSuffix: SUFFIX(seq), now: clock.now() });

    expect(branch.clock).toEqual({
      running: false,
      speed: 5,
      exerciseAtAnchor: parseExerciseTime(log[seq - 1]?.exercise ?? ''),
      wallAtAnchor: clock.now(),
    });
    expect(checkedFile(store, branch)).toMatchObject({ ok: true });
    // The console goes on from where the clock stands.
    const opened = openSession(store, branch.id, clock.now);
    clock.advance(10);
    expect(opened.exerciseTimeNow()).toBe(log[seq - 1]?.exercise);
    opened.dispose();
  });

  it('keeps a chain that verifies, also after the branch goes on, and as an exported file', () => {
    const { session, store, id, clock } = riotControlSession();
    const log = session.getState().log;
    const seq = grantLine(log) - 1;
    const branch = branchExercise(store, stored(store, id), log, seq, { titleSuffix: SUFFIX(seq), now: clock.now() });
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
    expect(state.log).toHaveLength(seq + 2);
    expect(verifyChain(genesisOf(state.head), state.log)).toBeNull();
    const checked = checkedFile(store, state.head);
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

  it('says in the file when the branched line was changed', () => {
    const { session, store, id, clock } = riotControlSession();
    const log = session.getState().log;
    const branch = branchExercise(store, stored(store, id), log, 5, { titleSuffix: SUFFIX(5), now: clock.now() });
    const file = JSON.parse(
      JSON.stringify(exerciseFile({ head: branch, log: store.entries(branch) }, '2027-01-01T00:00:00.000Z')),
    ) as { entries: { branchedFrom?: { title: string } }[] };
    const line = file.entries[5]?.branchedFrom;
    if (!line) throw new Error('line 6 is the branched line');
    line.title = 'Een andere oefening';
    const checked = validateExerciseFile(file);
    if (checked.ok) throw new Error('a changed line is refused');
    expect(checked.errors.map((error) => error.message.en).join(' ')).toMatch(/Line 6 has been changed/);
  });

  it('branches a branch, keeping the first genesis and naming the branch it came from', () => {
    const { session, store, id, clock } = riotControlSession();
    const log = session.getState().log;
    const first = branchExercise(store, stored(store, id), log, 8, { titleSuffix: SUFFIX(8), now: clock.now() });
    const second = branchExercise(store, first, store.entries(first), 5, { titleSuffix: SUFFIX(5), now: clock.now() });
    expect(second.branchedFrom).toMatchObject({ id: first.id, seq: 5, title: SETUP.title });
    expect(store.entries(second)[5]).toMatchObject({
      action: 'branched',
      branchedFrom: { id: first.id, seq: 5, title: first.setup.title },
    });
    expect(verifyChain(genesisOf(second), store.entries(second))).toBeNull();
    expect(checkedFile(store, second)).toMatchObject({ ok: true });
    expect(escalationMachine.resolveState(second.snapshot as never).value).toEqual(
      replay(SETUP, log, 5).snapshot.value,
    );
    // From the first branch's own 'branched' line (line 9): that line is copied too, and still verifies.
    const third = branchExercise(store, first, store.entries(first), 9, { titleSuffix: SUFFIX(9), now: clock.now() });
    expect(store.entries(third).map((entry) => entry.kind === 'exercise' && entry.action)).toContain('branched');
    expect(checkedFile(store, third)).toMatchObject({ ok: true });
  });

  it('refuses a line outside the log, and a log whose chain does not hold', () => {
    const { session, store, id, clock } = riotControlSession();
    const log = session.getState().log;
    const original = stored(store, id);
    for (const seq of [0, log.length + 1, 2.5])
      expect(() => branchExercise(store, original, log, seq, { titleSuffix: '', now: clock.now() })).toThrow(
        RangeError,
      );
    const changed = log.map((entry) =>
      entry.seq === 3 && entry.kind === 'attempt' ? { ...entry, by: BY.mayor } : entry,
    );
    expect(() => branchExercise(store, original, changed, 6, { titleSuffix: '', now: clock.now() })).toThrow(
      /does not hold at line 3/,
    );
    expect(store.list()).toHaveLength(1);
  });
});
