// @vitest-environment node
/**
 * Issue #13 item 1: the exercise core runs under plain Node, as a server will
 * run it. A built-in scenario's exercise is played through `applyAttempt`
 * (time and ids as arguments), and its log replays and verifies to the same
 * state, with nothing from a browser present.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { By } from '../../machines';
// The core's public surface, as a server would import it.
import {
  applyAttempt,
  genesisOf,
  newExercise,
  replay,
  verifyChain,
  type ExerciseState,
  type LogEntry,
  type Proposal,
} from '../../src/core';
import { parseScenario } from '../../src/scenarios/parseScenario';
import { scenarioToSetup } from '../../src/scenarios';

const T0 = Date.UTC(2026, 11, 31, 21, 0);
const scenario = (() => {
  const parsed = parseScenario(
    readFileSync(new URL('../../public/scenarios/jaarwisseling.json', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error('the built-in scenario does not parse');
  return parsed.scenario;
})();
// The form keeps the scenario whole in the set-up (its injects come with it), as here.
const setup = { ...scenarioToSetup(scenario), scenario };
const by = (role: By['role']): By => {
  const member = setup.cast.find((person) => person.role === role);
  if (!member) throw new Error(`no ${role} in the cast`);
  return { role, name: member.name, ...(member.municipality ? { municipality: member.municipality } : {}) };
};
const commander = by('commander');
const mayor = by('mayor');
const trainer = by('trainer');
const observer = by('observer');
const firstInject = scenario.injects[0]?.id ?? '';

/** A run of the riot-control path, with refusals on the way: every kind of attempt. */
const RUN: Proposal[] = [
  { kind: 'clock', by: trainer, action: { type: 'start' } },
  { kind: 'inject', by: trainer, injectId: firstInject, action: 'released' },
  { kind: 'inject', by: observer, injectId: firstInject, action: 'held' },
  ...[3, 4, 5].map((phase): Proposal => ({
    kind: 'attempt',
    attempt: { type: 'phase.escalate', by: commander, reason: `Naar fase ${String(phase)}` },
  })),
  { kind: 'attempt', attempt: { type: 'waterCannon.deploy', by: commander } },
  { kind: 'attempt', attempt: { type: 'crowd.warn', by: commander } },
  {
    kind: 'attempt',
    attempt: {
      type: 'mayor.decide',
      by: mayor,
      subject: 'waterCannon',
      verdict: 'granted',
      grounds: 'Ernstige wanordelijkheden',
    },
  },
  { kind: 'attempt', attempt: { type: 'waterCannon.deploy', by: commander } },
  { kind: 'attempt', attempt: { type: 'tearGas.add', by: commander } },
  { kind: 'note', by: trainer, text: 'Traanverwekkende stof zonder eigen besluit geweigerd', refersTo: 10 },
  { kind: 'correction', by: observer, text: 'Tijd klopte niet', corrects: 4 },
  { kind: 'clock', by: observer, action: { type: 'pause' } },
];

function play(id: string) {
  const created = newExercise(setup, { id, wall: T0 });
  let state: ExerciseState = created.state;
  const log: LogEntry[] = [created.entry];
  const ignored: string[] = [];
  RUN.forEach((proposal, index) => {
    const applied = applyAttempt(state, proposal, { wall: T0 + (index + 1) * 60_000 });
    if (applied.outcome === 'ignored') {
      ignored.push(applied.reason.en);
      return;
    }
    state = applied.state;
    log.push(applied.entry);
  });
  return { head: created.head, state, log, ignored };
}

describe('the exercise core under Node', () => {
  it('has no browser here to lean on', () => {
    expect(typeof globalThis.window).toBe('undefined');
    expect(typeof globalThis.document).toBe('undefined');
    expect(typeof globalThis.localStorage).toBe('undefined');
  });

  it('plays a built-in scenario: every attempt logged, refusals with their rule', () => {
    const { state, log, ignored } = play('ex-node');
    expect(ignored).toEqual([]);
    expect(log).toHaveLength(RUN.length + 1);
    const refusals = log.flatMap((entry) =>
      entry.kind === 'attempt' || entry.kind === 'steeringRefused'
        ? entry.refusal
          ? [[entry.seq, entry.refusal.rule]]
          : []
        : [],
    );
    // The observer may not hold an inject or stop the clock (R13); no decision of the mayor yet (R3); no own decision on the agent (R4).
    expect(refusals).toEqual([
      [4, 'R13'],
      [8, 'R3'],
      [12, 'R4'],
      [15, 'R13'],
    ]);
    expect(state.head.length).toBe(log.length);
    expect(state.head.headHash).toBe(log.at(-1)?.hash);
    expect(state.injects.get(firstInject)).toBe('released');
    expect(state.head.clock.running).toBe(true);
  });

  it('replays its own log to the same state, and the chain verifies', () => {
    const { head, state, log } = play('ex-node');
    expect(verifyChain(genesisOf(head), log)).toBeNull();
    const replayed = replay(setup, log);
    expect(replayed.divergences).toEqual([]);
    expect(replayed.snapshot.value).toEqual(state.snapshot.value);
    expect(replayed.snapshot.context).toEqual(state.snapshot.context);
    expect(replayed.injects.find((inject) => inject.inject.id === firstInject)?.status).toBe('released');
  });

  it('is deterministic: the same attempts at the same times seal the same chain', () => {
    const hashes = (id: string) => play(id).log.map((entry) => entry.hash);
    expect(hashes('ex-a')).toEqual(hashes('ex-a'));
    expect(hashes('ex-a')).not.toEqual(hashes('ex-b'));
  });

  it('ignores an inject step that changes nothing, and logs nothing for it', () => {
    const { state } = play('ex-node');
    const again = applyAttempt(
      state,
      { kind: 'inject', by: trainer, injectId: firstInject, action: 'released' },
      { wall: T0 },
    );
    expect(again.outcome).toBe('ignored');
    expect(again.outcome === 'ignored' && again.reason.en).toMatch(/already been released/);
    const unknown = applyAttempt(
      state,
      { kind: 'inject', by: trainer, injectId: 'constructor', action: 'released' },
      { wall: T0 },
    );
    expect(unknown.outcome).toBe('ignored');
    expect(unknown.outcome === 'ignored' && unknown.reason.en).toMatch(/no inject "constructor"/);
  });
});
