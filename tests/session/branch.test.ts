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
  type ExerciseReader,
  type ExerciseSession,
  type LogEntry,
} from '../../src/session';
import type { MemoryRepository } from '../../src/session/local/memoryRepository';
import { integrityOf } from '../../src/features/debrief/integrity';
import { branchExercise } from '../../src/session/branch';
import { BY, newSession, play, RIOT_CONTROL_RUN, riotControlSession, SETUP, stored } from '../fixtures/exercise';

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

async function storedHead(repository: ExerciseReader, id: string): Promise<ExerciseHead> {
  const head = await repository.head(id);
  if (!head) throw new Error(`exercise ${id} is stored`);
  return head;
}

/** The exercise file of a stored exercise, through JSON as a download and an import would see it. */
async function checkedFile(repository: ExerciseReader, head: ExerciseHead) {
  const file = exerciseFile({ head, log: await repository.entries(head) }, '2027-01-01T00:00:00.000Z');
  return validateExerciseFile(JSON.parse(JSON.stringify(file)));
}

async function opened(repository: MemoryRepository, id: string, now: () => number): Promise<ExerciseSession> {
  const session = await openSession(repository, id, now);
  if (!session) throw new Error(`exercise ${id} is stored`);
  return session;
}

/** A riot-control fixture whose whole log is in its repository. */
async function storedRiotControl() {
  const fixture = riotControlSession();
  await stored(fixture.session);
  return fixture;
}

describe('branching an exercise', () => {
  it('replays to the same state as the original at the branch line, with the log up to there and a line saying so', async () => {
    const { session, repository, id, clock } = await storedRiotControl();
    const log = session.getState().log;
    const seq = grantLine(log) - 1;
    clock.advance(45);
    const branch = await branchExercise(repository, await storedHead(repository, id), log, seq, {
      titleSuffix: SUFFIX(seq),
      now: clock.now(),
    });

    expect(branch.id).not.toBe(id);
    expect(branch.setup.title).toBe(`${SETUP.title} (vertakking vanaf regel ${String(seq)})`);
    expect(branch.branchedFrom).toMatchObject({ id, seq, hash: log[seq - 1]?.hash });
    expect(branch.length).toBe(seq + 1);
    const copied = await repository.entries(branch);
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
    const reopened = await opened(repository, branch.id, clock.now);
    const state = reopened.getState();
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
    reopened.dispose();
  });

  it('leaves the original untouched', async () => {
    const { session, repository, id, clock } = await storedRiotControl();
    const log = session.getState().log;
    session.dispose();
    const original = await storedHead(repository, id);
    const headBefore = JSON.stringify(original);
    const entriesBefore = JSON.stringify(await repository.entries(original));
    await branchExercise(repository, original, log, 4, { titleSuffix: SUFFIX(4), now: clock.now() });
    expect(JSON.stringify(await repository.head(id))).toBe(headBefore);
    expect(JSON.stringify(await repository.entries(original))).toBe(entriesBefore);
    expect(await repository.list()).toHaveLength(2);
  });

  it('is a trusted exercise file at once: chain, head, replay and clock agree', async () => {
    // The original's clock ran at 5× and was paused again; the branch line falls while it ran.
    const { session, repository, id, clock } = newSession();
    void session.clock(BY.trainer, { type: 'start' });
    void session.clock(BY.trainer, { type: 'speed', speed: 5 });
    play(session, clock, RIOT_CONTROL_RUN.slice(0, 6));
    void session.clock(BY.trainer, { type: 'pause' });
    await stored(session);
    const log = session.getState().log;
    session.dispose();
    const seq = 6;
    expect(log[seq - 1]?.exercise).not.toBe(log[0]?.exercise);
    clock.advance(30);
    const branch = await branchExercise(repository, await storedHead(repository, id), log, seq, {
      titleSuffix: SUFFIX(seq),
      now: clock.now(),
    });

    expect(branch.clock).toEqual({
      running: false,
      speed: 5,
      exerciseAtAnchor: parseExerciseTime(log[seq - 1]?.exercise ?? ''),
      wallAtAnchor: clock.now(),
    });
    expect(await checkedFile(repository, branch)).toMatchObject({ ok: true });
    // The console goes on from where the clock stands.
    const reopened = await opened(repository, branch.id, clock.now);
    clock.advance(10);
    expect(reopened.exerciseTimeNow()).toBe(log[seq - 1]?.exercise);
    reopened.dispose();
  });

  it('keeps a chain that verifies, also after the branch goes on, and as an exported file', async () => {
    const { session, repository, id, clock } = await storedRiotControl();
    const log = session.getState().log;
    const seq = grantLine(log) - 1;
    const branch = await branchExercise(repository, await storedHead(repository, id), log, seq, {
      titleSuffix: SUFFIX(seq),
      now: clock.now(),
    });
    expect(verifyChain(genesisOf(branch), await repository.entries(branch))).toBeNull();

    // The branch goes another way: the mayor refuses the water cannon.
    const reopened = await opened(repository, branch.id, clock.now);
    const refusal = await reopened.dispatch({
      type: 'mayor.decide',
      by: BY.mayor,
      subject: 'waterCannon',
      verdict: 'refused',
      grounds: 'Eerst de-escalatie proberen',
    });
    expect(refusal.outcome).toBe('stored');
    const state = reopened.getState();
    expect(state.log).toHaveLength(seq + 2);
    expect(verifyChain(genesisOf(state.head), state.log)).toBeNull();
    const checked = await checkedFile(repository, state.head);
    expect(checked).toMatchObject({ ok: true });
    // Imported again on this device (its id is taken, so it is renumbered), the chain still verifies.
    if (!checked.ok) throw new Error('valid');
    const imported = await importExerciseFile(repository, checked.file);
    expect(imported.renumbered).toBe(true);
    expect(imported.head.branchedFrom).toEqual(branch.branchedFrom);
    expect(verifyChain(genesisOf(imported.head), await repository.entries(imported.head))).toBeNull();
    // The debrief's seal says the same.
    expect(integrityOf(imported.head, await repository.entries(imported.head)).chainBreak).toBeNull();
    reopened.dispose();

    // A changed set-up (other than the title) still breaks the chain.
    const tampered = { ...branch, setup: { ...branch.setup, municipality: 'Amsterdam' } };
    expect(verifyChain(genesisOf(tampered), await repository.entries(branch))).not.toBeNull();
  });

  it('says in the file when the branched line was changed', async () => {
    const { session, repository, id, clock } = await storedRiotControl();
    const log = session.getState().log;
    const branch = await branchExercise(repository, await storedHead(repository, id), log, 5, {
      titleSuffix: SUFFIX(5),
      now: clock.now(),
    });
    const file = JSON.parse(
      JSON.stringify(exerciseFile({ head: branch, log: await repository.entries(branch) }, '2027-01-01T00:00:00.000Z')),
    ) as { entries: { branchedFrom?: { title: string } }[] };
    const line = file.entries[5]?.branchedFrom;
    if (!line) throw new Error('line 6 is the branched line');
    line.title = 'Een andere oefening';
    const checked = validateExerciseFile(file);
    if (checked.ok) throw new Error('a changed line is refused');
    expect(checked.errors.map((error) => error.message.en).join(' ')).toMatch(/Line 6 has been changed/);
  });

  it('branches a branch, keeping the first genesis and naming the branch it came from', async () => {
    const { session, repository, id, clock } = await storedRiotControl();
    const log = session.getState().log;
    const first = await branchExercise(repository, await storedHead(repository, id), log, 8, {
      titleSuffix: SUFFIX(8),
      now: clock.now(),
    });
    const second = await branchExercise(repository, first, await repository.entries(first), 5, {
      titleSuffix: SUFFIX(5),
      now: clock.now(),
    });
    expect(second.branchedFrom).toMatchObject({ id: first.id, seq: 5, title: SETUP.title });
    expect((await repository.entries(second))[5]).toMatchObject({
      action: 'branched',
      branchedFrom: { id: first.id, seq: 5, title: first.setup.title },
    });
    expect(verifyChain(genesisOf(second), await repository.entries(second))).toBeNull();
    expect(await checkedFile(repository, second)).toMatchObject({ ok: true });
    expect(escalationMachine.resolveState(second.snapshot as never).value).toEqual(
      replay(SETUP, log, 5).snapshot.value,
    );
    // From the first branch's own 'branched' line (line 9): that line is copied too, and still verifies.
    const third = await branchExercise(repository, first, await repository.entries(first), 9, {
      titleSuffix: SUFFIX(9),
      now: clock.now(),
    });
    expect((await repository.entries(third)).map((entry) => entry.kind === 'exercise' && entry.action)).toContain(
      'branched',
    );
    expect(await checkedFile(repository, third)).toMatchObject({ ok: true });
  });

  it('refuses a line outside the log, and a log whose chain does not hold, storing nothing', async () => {
    const { session, repository, id, clock } = await storedRiotControl();
    const log = session.getState().log;
    const original = await storedHead(repository, id);
    for (const seq of [0, log.length + 1, 2.5])
      await expect(branchExercise(repository, original, log, seq, { titleSuffix: '', now: clock.now() })).rejects.toThrow(
        RangeError,
      );
    const changed = log.map((entry) =>
      entry.seq === 3 && entry.kind === 'attempt' ? { ...entry, by: BY.mayor } : entry,
    );
    await expect(
      branchExercise(repository, original, changed, 6, { titleSuffix: '', now: clock.now() }),
    ).rejects.toThrow(/does not hold at line 3/);
    expect(await repository.list()).toHaveLength(1);
  });
});
