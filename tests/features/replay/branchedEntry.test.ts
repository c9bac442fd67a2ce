import { describe, expect, it } from 'vitest';
import { entryAction } from '../../../src/features/debrief/entryWords';
import { announceEntry, describeEntry } from '../../../src/features/log/describeEntry';
import { i18n } from '../../../src/i18n';
import { branchExercise } from '../../../src/session';
import { riotControlSession, SETUP, stored } from '../../fixtures/exercise';

const nl = i18n.getFixedT('nl');
const en = i18n.getFixedT('en');

/** A branch from line 7 of the riot-control run; its own first line says so. */
async function branchedLine() {
  const { session, repository, id, clock } = riotControlSession();
  await stored(session);
  const head = await repository.head(id);
  if (!head) throw new Error('stored');
  const branch = await branchExercise(repository, head, session.getState().log, 7, {
    titleSuffix: ' (b)',
    now: clock.now(),
  });
  const line = (await repository.entries(branch)).at(-1);
  if (!line) throw new Error('the branch has lines');
  return { line, branch };
}

describe("a branch's own first line in words", () => {
  it('names the exercise and the line it goes on from, in Dutch and English', async () => {
    const { line } = await branchedLine();
    const dutch = describeEntry(line, nl, 'nl');
    expect(dutch).toMatchObject({
      seq: 8,
      kind: 'exercise',
      outcome: null,
      refusal: null,
      phase: null,
      what: `Oefening vertakt van “${SETUP.title}” vanaf regel 7`,
      details: ['Regel 1 tot en met 7 komen uit die oefening; vanaf hier gaat deze oefening haar eigen weg.'],
    });
    expect(dutch.who).toBe('Oefenleider Karin Jansen');
    expect(describeEntry(line, en, 'en').what).toBe(`Exercise branched from “${SETUP.title}” at line 7`);
    expect(announceEntry(line, nl, 'nl')).toContain('vertakt');
  });

  it('is named as a branching in the debrief table, not as a creation', async () => {
    const { line, branch } = await branchedLine();
    expect(entryAction(line, branch.setup, nl, 'nl')).toBe(`Vertakt van “${SETUP.title}” vanaf regel 7`);
    expect(entryAction(line, branch.setup, en, 'en')).toBe(`Branched from “${SETUP.title}” at line 7`);
  });
});
