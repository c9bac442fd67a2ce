/**
 * Issue #12, item 4: a cast member's position ("wethouder" / "alderman") is
 * its own bilingual field. Exercises from before it — exported files and
 * stored exercises, whose names held the position — still load and verify:
 * their set-up has no `position` key, so it hashes as it did.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  exerciseFile,
  genesisOf,
  importExerciseFile,
  openSession,
  parseExerciseFile,
  verifyChain,
  type ExerciseFile,
} from '../../src/session';
import { MemoryRepository } from '../../src/session/local/memoryRepository';
import { fakeWallClock } from '../fixtures/exercise';
import { TRAINER, scenarioSession } from '../fixtures/scenario';
import { EXPORTED_AT, copy, dutch, text } from './exerciseFileHelpers';

/** Written by Paraat at 7838219, before positions: Jaarwisseling, clock started, one inject, one escalation, a note. */
// A path, not `new URL(…)`: under jsdom `URL` is jsdom's, which node:fs does not accept.
const BEFORE = readFileSync(
  resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/exercise-before-positions.json'),
  'utf8',
);

function parsed(source: string): ExerciseFile {
  const result = parseExerciseFile(source);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.file;
}

describe('an exercise from before positions', () => {
  it('still reads and verifies as it was written, names and all', () => {
    const file = parsed(BEFORE);
    expect(file).toEqual(JSON.parse(BEFORE));
    expect(file.head.setup.cast.map((member) => member.name)).toContain('Jeroen Visser (Algemeen Commandant SGBO)');
    expect(file.head.setup.cast.some((member) => 'position' in member)).toBe(false);
    expect(file.head.setup.scenario?.cast.some((member) => 'position' in member)).toBe(false);
    expect(genesisOf(file.head)).toBe(file.entries[0]?.prevHash);
    expect(verifyChain(genesisOf(file.head), file.entries)).toBeNull();
  });

  it('stored on this device, opens and goes on, and exports to a file that verifies', async () => {
    const repository = new MemoryRepository();
    const { head } = await importExerciseFile(repository, parsed(BEFORE));
    const clock = fakeWallClock('2026-12-31T21:10:00Z');
    const session = await openSession(repository, head.id, clock.now);
    if (!session) throw new Error('the imported exercise opens');
    expect((await session.annotate(TRAINER, 'Verder na het openen')).outcome).toBe('stored');
    const again = parsed(text(exerciseFile(session.getState(), EXPORTED_AT)));
    expect(again.entries).toHaveLength(parsed(BEFORE).entries.length + 1);
    expect(again.head.setup).toEqual(parsed(BEFORE).head.setup);
  });
});

describe('an exercise with positions', () => {
  it('carries them through export and import, and the chain covers them', () => {
    const { session } = scenarioSession('jaarwisseling');
    const state = session.getState();
    const commander = state.head.setup.cast.find((member) => member.id === 'commandant');
    expect(commander).toEqual({
      id: 'commandant',
      role: 'commander',
      name: 'Jeroen Visser',
      position: { nl: 'Algemeen Commandant SGBO', en: 'Overall Commander, SGBO' },
    });
    const file = parsed(text(exerciseFile(state, EXPORTED_AT)));
    expect(file.head.setup.cast).toEqual(state.head.setup.cast);

    // A position changed after the fact is a changed head.
    const changed = copy(file);
    const member = changed.head.setup.cast.find((candidate) => candidate.id === 'commandant');
    if (!member?.position) throw new Error('the commander has a position');
    member.position.en = 'Mayor';
    expect(dutch(parseExerciseFile(text(changed)))).toEqual([
      'De kop van het bestand is gewijzigd: titel, gemeente, rolverdeling, starttijd, scenario, oefeningnummer of aanmaaktijdstip is niet meer wat regel 1 vastlegde.',
    ]);
  });

  it('refuses a position that is not text in both languages, by its field', () => {
    const file = copy(parsed(text(exerciseFile(scenarioSession('jaarwisseling').session.getState(), EXPORTED_AT))));
    const raw = JSON.parse(text(file)) as { head: { setup: { cast: Record<string, unknown>[] } } };
    const member = raw.head.setup.cast[2];
    if (!member) throw new Error('the cast has a third member');
    member.position = { nl: 'Algemeen Commandant SGBO', en: 42 };
    const result = parseExerciseFile(JSON.stringify(raw));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toContain('head.setup.cast[2].position.en');
  });
});
