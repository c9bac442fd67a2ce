// @vitest-environment node
/**
 * Issue #13 item 1: the release policy and the per-role projections a server
 * will use, tested where a server runs them (Node), on the Jaarwisseling
 * scenario's injects.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { By } from '../../machines';
import { applyAttempt, type ExerciseState, type Proposal } from '../../src/core/applyAttempt';
import { newExercise } from '../../src/core/exerciseState';
import { projectEntry, projectExercise } from '../../src/core/projections';
import { dueForRelease, nextReleaseAt } from '../../src/core/releasePolicy';
import { scenarioToSetup } from '../../src/scenarios';
import { parseScenario } from '../../src/scenarios/parseScenario';
import { parseExerciseTime } from '../../src/core/clock';
import type { LogEntry } from '../../src/core/log';

const parsed = parseScenario(
  readFileSync(new URL('../../public/scenarios/jaarwisseling.json', import.meta.url), 'utf8'),
);
if (!parsed.ok) throw new Error('the built-in scenario does not parse');
const scenario = parsed.scenario;
const setup = { ...scenarioToSetup(scenario), scenario };
const start = parseExerciseTime(setup.startTime);
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 11, 31, 20, 0);
const trainer: By = { role: 'trainer', name: 'Petra de Wit' };
const commander: By = { role: 'commander', name: 'Jeroen Visser' };

function run(proposals: Proposal[]) {
  const created = newExercise(setup, { id: 'ex-projections', wall: T0 });
  let state: ExerciseState = created.state;
  const log: LogEntry[] = [created.entry];
  for (const proposal of proposals) {
    const applied = applyAttempt(state, proposal, { wall: T0 });
    if (applied.outcome === 'ignored') throw new Error(applied.reason.en);
    state = applied.state;
    log.push(applied.entry);
  }
  return { state, log };
}

const release = (injectId: string): Proposal => ({ kind: 'inject', by: trainer, injectId, action: 'released' });

describe('the release policy', () => {
  it('releases what is queued and due, in scenario order; held injects wait', () => {
    const { state } = run([{ kind: 'inject', by: trainer, injectId: 'vuurwerk-naar-brandweer', action: 'held' }]);
    const due = (minutes: number) => dueForRelease(setup, state.injects, start + minutes * MINUTE).map((i) => i.id);
    expect(due(0)).toEqual(['start-oudejaarsavond']);
    expect(due(20)).toEqual(['start-oudejaarsavond', 'vraag-me-inzet']);
    expect(due(-1)).toEqual([]);
  });

  it('names the exercise time of the next release, and none when nothing waits', () => {
    const { state } = run([release('start-oudejaarsavond')]);
    expect(nextReleaseAt(setup, state.injects)).toBe(start + 10 * MINUTE);
    const everything = run(scenario.injects.map((inject) => release(inject.id)));
    expect(nextReleaseAt(setup, everything.state.injects)).toBeNull();
  });
});

describe('what each role sees', () => {
  const { state, log } = run([
    release('vraag-me-inzet'),
    release('staf-bereidt-voor'),
    release('oefenleider-tolerantiegrenzen'),
    { kind: 'inject', by: trainer, injectId: 'barricades', action: 'skipped' },
    { kind: 'note', by: trainer, text: 'Commandant aarzelt' },
    { kind: 'attempt', attempt: { type: 'phase.escalate', by: commander, reason: 'Onrust' } },
    { kind: 'clock', by: { role: 'observer', name: 'Martijn Kok' }, action: { type: 'start' } },
  ]);

  it('gives the trainer and the observers everything', () => {
    for (const role of ['trainer', 'observer'] as const) {
      const projected = projectExercise(state.head, log, role);
      expect(projected.entries.map((p) => p.entry)).toEqual(log);
      expect(projected.head).toBe(state.head);
    }
  });

  it('tells the commander their released injects and everyone’s, without what is expected of them', () => {
    const projected = projectExercise(state.head, log, 'commander');
    const kinds = projected.entries.map((p) => p.entry.kind);
    // created, 3 releases (commander's, staff's, trainer's), skip, note, escalation, refused clock
    expect(kinds).toEqual([
      'exercise',
      'inject',
      'redacted',
      'redacted',
      'redacted',
      'redacted',
      'attempt',
      'redacted',
    ]);
    expect(projected.entries[1]?.inject?.id).toBe('vraag-me-inzet');
    expect(projected.entries[1]?.inject).not.toHaveProperty('decisionPoint');
    expect(projected.head.setup.scenario?.injects.map((i) => i.id)).toEqual(['vraag-me-inzet']);
    expect(projected.head.setup.scenario?.learningObjectives).toEqual([]);
    expect(JSON.stringify(projected)).not.toContain('Commandant aarzelt');
  });

  it('tells the mayor the staff’s injects, not the commander’s or the trainer’s', () => {
    const projected = projectExercise(state.head, log, 'mayor');
    expect(projected.head.setup.scenario?.injects.map((i) => i.id)).toEqual(['staf-bereidt-voor']);
    expect(projected.entries.filter((p) => p.inject).map((p) => p.inject?.id)).toEqual(['staf-bereidt-voor']);
  });

  it('keeps a hidden entry’s place in the chain: its seq and hashes link up', () => {
    const projected = projectExercise(state.head, log, 'prosecutor').entries.map((p) => p.entry);
    projected.forEach((entry, index) => {
      expect(entry.seq).toBe(index + 1);
      if (index > 0) expect(entry.prevHash).toBe(projected[index - 1]?.hash);
    });
    const note = log.find((entry) => entry.kind === 'note');
    if (!note) throw new Error('the run has a note');
    expect(projectEntry(setup, note, 'prosecutor').entry).toEqual({
      kind: 'redacted',
      seq: note.seq,
      prevHash: note.prevHash,
      hash: note.hash,
    });
  });
});
