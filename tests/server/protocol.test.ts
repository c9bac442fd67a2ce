/**
 * Issue #14: the protocol's schemas (src/core/protocol.ts). Who acts is never
 * part of a client message; a wire proposal becomes the core's proposal only
 * with the `by` the server gives it.
 */
import { describe, expect, it } from 'vitest';
import type { By } from '../../machines';
import {
  MACHINE_VERSION,
  PROTOCOL_VERSION,
  applyAttempt,
  clientMessageSchema,
  issuesOf,
  newExercise,
  toProposal,
  wireProposalSchema,
} from '../../src/core';
import { scenarioSetup } from './helpers';

const commander: By = { role: 'commander', name: 'Jeroen Visser' };

describe('client messages', () => {
  it('reads a hello and a propose', () => {
    const hello = {
      type: 'hello',
      protocolVersion: PROTOCOL_VERSION,
      machineVersion: MACHINE_VERSION,
      exerciseId: '0123456789abcdef0123456789abcdef',
      deviceToken: 'x'.repeat(32),
      lastSeq: 0,
    };
    expect(clientMessageSchema.safeParse(hello).success).toBe(true);
    const propose = {
      type: 'propose',
      clientMessageId: 'c-1',
      proposal: { kind: 'attempt', attempt: { type: 'phase.escalate', reason: 'Onrust neemt toe' } },
    };
    expect(clientMessageSchema.safeParse(propose).success).toBe(true);
  });

  it('has no room for who acts: a role, a person or a `by` in a message fails its schema', () => {
    const cases = [
      { kind: 'attempt', attempt: { type: 'crowd.warn', by: commander } },
      { kind: 'note', text: 'x', by: commander },
      { kind: 'clock', action: { type: 'start' }, role: 'trainer' },
    ];
    for (const proposal of cases) {
      const parsed = wireProposalSchema.safeParse(proposal);
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(issuesOf(parsed.error)[0]?.code).toMatch(/^unrecognized_keys/);
    }
    expect(
      clientMessageSchema.safeParse({
        type: 'propose',
        clientMessageId: 'c',
        proposal: { kind: 'note', text: 'x' },
        role: 'mayor',
      }).success,
    ).toBe(false);
  });

  it('holds values to the log’s vocabulary and caps', () => {
    const bad = [
      { kind: 'attempt', attempt: { type: 'phase.explode' } },
      { kind: 'attempt', attempt: { type: 'mayor.decide', subject: 'waterCannon', verdict: 'maybe', grounds: 'x' } },
      { kind: 'clock', action: { type: 'speed', speed: 3 } },
      { kind: 'clock', action: { type: 'jump', minutes: 1e9 } },
      { kind: 'inject', injectId: '', action: 'released' },
      { kind: 'note', text: 'x'.repeat(20_001) },
      { kind: 'correction', text: 'x', corrects: 0 },
    ];
    for (const proposal of bad) expect(wireProposalSchema.safeParse(proposal).success).toBe(false);
  });

  it('becomes the core’s proposal with the server’s `by`, which the core judges as usual', () => {
    const wire = wireProposalSchema.parse({ kind: 'attempt', attempt: { type: 'waterCannon.deploy' } });
    const proposal = toProposal(wire, commander);
    expect(proposal).toEqual({ kind: 'attempt', attempt: { type: 'waterCannon.deploy', by: commander } });
    const { state } = newExercise(scenarioSetup(), { id: 'aaaaaaaa00000010', wall: 0 });
    const applied = applyAttempt(state, proposal, { wall: 1000 });
    expect(applied.outcome === 'logged' && applied.entry.kind === 'attempt' && applied.entry.refusal?.rule).toMatch(
      /^R\d+$/,
    );
  });
});
