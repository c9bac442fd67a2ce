// @vitest-environment node
/**
 * Issue #14 item 6: a device checks what the server sends before it shows
 * it — the seq is the next, each entry links to the one before, an entry it
 * may read is sealed as it stands, and a device that sees everything checks
 * the first entry against the exercise (genesis). Hidden entries (a player's
 * view of a trainer's note) still link.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { By } from '../../../machines';
import {
  applyAttempt,
  newExercise,
  projectExercise,
  type ExerciseState,
  type LogEntry,
  type Proposal,
} from '../../../src/core';
import { scenarioToSetup } from '../../../src/scenarios';
import { parseScenario } from '../../../src/scenarios/parseScenario';
import { checkProjectedChain } from '../../../src/session/remote/projectedChain';
import { reconnectDelay, RECONNECT_BACKOFF } from '../../../src/session/remote/backoff';

const parsed = parseScenario(
  readFileSync(new URL('../../../public/scenarios/jaarwisseling.json', import.meta.url), 'utf8'),
);
if (!parsed.ok) throw new Error('the built-in scenario does not parse');
const setup = { ...scenarioToSetup(parsed.scenario), scenario: parsed.scenario };
const T0 = Date.UTC(2026, 11, 31, 20, 0);
const trainer: By = { role: 'trainer', name: 'Petra de Wit' };
const commander: By = { role: 'commander', name: 'Jeroen Visser' };

function played() {
  const created = newExercise(setup, { id: 'ex-chain', wall: T0 });
  let state: ExerciseState = created.state;
  const log: LogEntry[] = [created.entry];
  const proposals: Proposal[] = [
    { kind: 'attempt', attempt: { type: 'phase.escalate', reason: 'Onrust', by: commander } },
    { kind: 'note', by: trainer, text: 'Alleen voor de oefenleider' },
    { kind: 'attempt', attempt: { type: 'waterCannon.deploy', by: commander } },
  ];
  for (const proposal of proposals) {
    const applied = applyAttempt(state, proposal, { wall: T0 });
    if (applied.outcome === 'ignored') throw new Error(applied.reason.en);
    state = applied.state;
    log.push(applied.entry);
  }
  return { head: state.head, log };
}

describe('checkProjectedChain', () => {
  const { head, log } = played();

  it('passes the whole log for the trainer, genesis included, and a player view with a hidden note', () => {
    const trainerView = projectExercise(head, log, 'trainer');
    expect(checkProjectedChain(trainerView.head, 'trainer', [], trainerView.entries)).toBeNull();
    const mayorView = projectExercise(head, log, 'mayor');
    expect(mayorView.entries.some((projected) => projected.entry.kind === 'redacted')).toBe(true);
    expect(checkProjectedChain(mayorView.head, 'mayor', [], mayorView.entries)).toBeNull();
    // Appending in two parts checks the same.
    expect(
      checkProjectedChain(mayorView.head, 'mayor', mayorView.entries.slice(0, 2), mayorView.entries.slice(2)),
    ).toBeNull();
  });

  it('names a gap, a broken link, a changed entry and a foreign genesis', () => {
    const { head: view, entries } = projectExercise(head, log, 'trainer');
    expect(checkProjectedChain(view, 'trainer', entries.slice(0, 1), entries.slice(2))).toEqual({
      problem: 'sequence',
      seq: 3,
      expected: 2,
    });
    const [first, second] = entries;
    if (!first || !second || second.entry.kind === 'redacted') throw new Error('fixture');
    const unlinked = { ...second, entry: { ...second.entry, prevHash: '0'.repeat(64) } };
    expect(checkProjectedChain(view, 'trainer', [first], [unlinked])).toEqual({ problem: 'link', seq: 2 });
    const changed = { ...second, entry: { ...second.entry, wall: '2027-01-01T00:00:00.000Z' } };
    expect(checkProjectedChain(view, 'trainer', [first], [changed])).toEqual({ problem: 'hash', seq: 2 });
    const otherExercise = { ...view, id: 'ex-other' };
    expect(checkProjectedChain(otherExercise, 'trainer', [], entries)).toEqual({ problem: 'genesis', seq: 1 });
  });
});

describe('reconnectDelay', () => {
  it('grows with each attempt up to the cap, never below the floor, and spreads devices out', () => {
    expect(reconnectDelay(0, 0)).toBe(RECONNECT_BACKOFF.floorMs);
    expect(reconnectDelay(0, 0.999)).toBeLessThan(RECONNECT_BACKOFF.baseMs);
    expect(reconnectDelay(3, 0.999)).toBeGreaterThan(reconnectDelay(1, 0.999));
    expect(reconnectDelay(50, 0.999)).toBeLessThanOrEqual(RECONNECT_BACKOFF.capMs);
    expect(reconnectDelay(50, 0.999)).toBeGreaterThan(RECONNECT_BACKOFF.capMs * 0.99);
    expect(new Set([0.1, 0.4, 0.7].map((random) => reconnectDelay(4, random))).size).toBe(3);
  });
});
