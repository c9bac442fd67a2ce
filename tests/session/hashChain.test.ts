import { createHash } from 'node:crypto';
import referenceCanonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize, hashOf, sealEntryWithText, verifyChain, genesisHash } from '../../src/core/hashChain';
import type { LogEntry } from '../../src/session';
import { newSession, play, RIOT_CONTROL_RUN } from '../fixtures/exercise';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('canonical JSON (RFC 8785)', () => {
  it('is what the reference implementation writes, for any JSON value', () => {
    // Full Unicode keys and strings (lone surrogates included), integer-like keys, every kind of number.
    const json = fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' });
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalize(value)).toBe(referenceCanonicalize(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts keys by UTF-16 code units, not by property order', () => {
    expect(canonicalize({ b: 1, '10': 2, '9': 3, é: 4, e: 5, a: { z: [1, { y: 0, x: -0 }] } })).toBe(
      '{"10":2,"9":3,"a":{"z":[1,{"x":0,"y":0}]},"b":1,"e":5,"é":4}',
    );
  });

  it('refuses a value without a JSON form instead of writing null', () => {
    expect(() => canonicalize({ n: Number.NaN })).toThrow();
    expect(() => canonicalize({ n: Number.POSITIVE_INFINITY })).toThrow();
    expect(() => canonicalize(JSON.parse('{"n": 1e999}'))).toThrow();
  });
});

describe('hashOf', () => {
  it('is SHA-256 of the canonical JSON, as another runtime computes it', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }), (value) => {
        expect(hashOf(value)).toBe(nodeSha256(referenceCanonicalize(value) ?? ''));
      }),
      { numRuns: 500 },
    );
    // FIPS 180-2 test vector: the JSON string "abc" is 5 bytes with its quotes; the bare digest for comparison.
    expect(nodeSha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('sealEntryWithText', () => {
  it('gives the stored form of exactly the sealed entry', () => {
    const { session, clock } = newSession();
    play(session, clock, RIOT_CONTROL_RUN);
    for (const entry of session.getState().log) {
      const { hash, ...unsealed } = entry;
      const { entry: sealed, text } = sealEntryWithText(unsealed as Omit<LogEntry, 'hash'> as never);
      expect(sealed.hash).toBe(hash);
      expect(JSON.parse(text)).toEqual(entry);
    }
  });

  it('seals a chain that verifies', () => {
    const genesis = genesisHash(
      'x',
      { title: 't', municipality: 'Utrecht', startTime: '2026-12-31T22:00', cast: [] },
      '2026-01-01T00:00:00.000Z',
    );
    const { entry } = sealEntryWithText<LogEntry>({
      kind: 'note',
      text: 'Bürgermeister “zegt” 😀',
      by: { role: 'trainer', name: 'K' },
      seq: 1,
      prevHash: genesis,
      wall: '2026-12-31T21:00:00.000Z',
      exercise: '2026-12-31T22:00:00',
    } as never);
    expect(verifyChain(genesis, [entry])).toBeNull();
    expect(verifyChain(genesis, [{ ...entry, text: 'anders' } as LogEntry])).toEqual({
      position: 1,
      seq: 1,
      problem: 'hash',
    });
  });
});
