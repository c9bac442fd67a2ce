import { describe, expect, it } from 'vitest';
import { debriefMarkdown } from '../../../src/features/debrief/exportMarkdown';
import { i18n } from '../../../src/i18n';
import { SETUP } from '../../fixtures/exercise';
import { debriefOf, newStore, quickerScript, riotControlStore, runExercise } from './fixtures';

const options = { exportedAt: '2026-12-31T23:30:00.000Z' };
const nl = i18n.getFixedT('nl');
const en = i18n.getFixedT('en');

/** The "at a glance" list of the Markdown report. */
function glance(text: string): string[] {
  const section = text.split('\n## ')[1] ?? '';
  return section.split('\n').filter((line) => line.startsWith('- '));
}

describe('the debrief’s summary in Markdown', () => {
  it('counts decisions, revocations and refusals in proper plurals, each number with its own', async () => {
    const { store, id } = await riotControlStore();
    const many = await debriefOf(store, id);
    // Two decisions granted, one revoked; three refused attempts under three rules (R3, R5, R4).
    expect(glance(debriefMarkdown(many, nl, 'nl', options))).toEqual(
      expect.arrayContaining([
        '- 2 besluiten (2 verleend, 0 geweigerd), 1 keer ingetrokken',
        '- 3 geweigerde pogingen, onder 3 regels',
      ]),
    );
    expect(glance(debriefMarkdown(many, en, 'en', options))).toEqual(
      expect.arrayContaining([
        '- 2 decisions (2 granted, 0 refused), revoked 1 time',
        '- 3 refused attempts, under 3 rules',
      ]),
    );

    const quicker = newStore();
    const one = await debriefOf(quicker, await runExercise(quicker, SETUP, quickerScript));
    expect(glance(debriefMarkdown(one, nl, 'nl', options))).toEqual(
      expect.arrayContaining([
        '- 2 besluiten (1 verleend, 1 geweigerd), 0 keer ingetrokken',
        '- 1 geweigerde poging, onder 1 regel',
      ]),
    );
    expect(glance(debriefMarkdown(one, en, 'en', options))).toEqual(
      expect.arrayContaining([
        '- 2 decisions (1 granted, 1 refused), revoked 0 times',
        '- 1 refused attempt, under 1 rule',
      ]),
    );
  });

  it('says nothing of rules when nothing was refused, and never writes “(s)”', async () => {
    const store = newStore();
    const id = await runExercise(store, SETUP, () => undefined);
    const debrief = await debriefOf(store, id);
    expect(glance(debriefMarkdown(debrief, nl, 'nl', options))).toContain('- 0 geweigerde pogingen');
    expect(glance(debriefMarkdown(debrief, en, 'en', options))).toContain('- 0 refused attempts');
    for (const [t, language] of [
      [nl, 'nl'],
      [en, 'en'],
    ] as const) {
      const { store: riot, id: riotId } = await riotControlStore();
      expect(debriefMarkdown(await debriefOf(riot, riotId), t, language, options)).not.toMatch(/\(s\)/);
    }
  });
});
