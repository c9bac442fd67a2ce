// @vitest-environment node
/**
 * Branching in the core (src/core/branch.ts): pure, the new id and the time
 * are arguments, nothing is stored. The branch's log is the original's first
 * lines verbatim plus its 'branched' line, and its chain verifies from the
 * original's genesis.
 */
import { describe, expect, it } from 'vitest';
import type { By } from '../../machines';
import { applyAttempt, type Proposal } from '../../src/core/applyAttempt';
import { branchOf } from '../../src/core/branch';
import { exerciseNow, parseExerciseTime } from '../../src/core/clock';
import { newExercise } from '../../src/core/exerciseState';
import { genesisOf, verifyChain } from '../../src/core/hashChain';
import type { ExerciseSetup, LogEntry } from '../../src/core/log';

const T0 = Date.UTC(2026, 11, 31, 21, 0);
const commander: By = { role: 'commander', name: 'Jeroen Visser' };
const trainer: By = { role: 'trainer', name: 'Anouk de Vries' };
const setup: ExerciseSetup = {
  title: 'Jaarwisseling',
  municipality: 'Amsterdam',
  startTime: '2026-12-31T22:00',
  cast: [
    { id: 'ac', ...commander },
    { id: 'bm', role: 'mayor', name: 'Femke Halsema' },
    { id: 'ol', ...trainer },
  ],
};
const RUN: Proposal[] = [
  { kind: 'clock', by: trainer, action: { type: 'speed', speed: 2 } },
  { kind: 'clock', by: trainer, action: { type: 'start' } },
  { kind: 'attempt', attempt: { type: 'phase.escalate', by: commander, reason: 'Groepen met vuurwerk' } },
  { kind: 'attempt', attempt: { type: 'phase.escalate', by: commander, reason: 'Barricades' } },
];

function play() {
  const created = newExercise(setup, { id: 'aaaaaaaaaaaaaaaa', wall: T0 });
  let state = created.state;
  const log: LogEntry[] = [created.entry];
  RUN.forEach((proposal, index) => {
    const applied = applyAttempt(state, proposal, { wall: T0 + (index + 1) * 60_000 });
    if (applied.outcome === 'ignored') throw new Error(applied.reason.en);
    state = applied.state;
    log.push(applied.entry);
  });
  return { head: state.head, log };
}

describe('branchOf', () => {
  it('goes on from line 4 under the id it is given, its chain verifying from the original genesis', () => {
    const { head, log } = play();
    const now = T0 + 3_600_000;
    const branch = branchOf(head, log, 4, { titleSuffix: ' (vertakking)', now, id: 'bbbbbbbbbbbbbbbb' });
    expect(branch.head.id).toBe('bbbbbbbbbbbbbbbb');
    expect(branch.head.setup.title).toBe('Jaarwisseling (vertakking)');
    expect(branch.entries.slice(0, 4)).toEqual(log.slice(0, 4));
    const branched = branch.entries[4];
    expect(branched?.kind === 'exercise' && branched.action === 'branched' && branched.branchedFrom).toEqual({
      id: head.id,
      seq: 4,
      hash: log[3]?.hash,
      title: 'Jaarwisseling',
    });
    expect(verifyChain(genesisOf(branch.head), branch.entries)).toBeNull();
    expect(branch.head.length).toBe(5);
    // Paused at line 4's exercise time, at the speed set before it (2×), whatever the wall clock does.
    expect(branch.head.clock).toMatchObject({ running: false, speed: 2 });
    expect(exerciseNow(branch.head.clock, now + 600_000)).toBe(parseExerciseTime(log[3]?.exercise ?? ''));
    // Only one escalation is in the branch's model: line 5 of the original came after the branch point.
    expect(branch.head.snapshot).not.toEqual(head.snapshot);
  });

  it('refuses to branch a log whose chain does not hold, or at a line it does not have', () => {
    const { head, log } = play();
    const options = { titleSuffix: '', now: T0, id: 'cccccccccccccccc' };
    const tampered = log.map((entry) =>
      entry.seq === 3 && entry.kind === 'clock' ? { ...entry, exercise: '2026-12-31T23:00:00' } : entry,
    );
    expect(() => branchOf(head, tampered, 4, options)).toThrow(/does not hold at line 3/);
    expect(() => branchOf(head, log, 9, options)).toThrow(RangeError);
  });
});
