import { describe, expect, it } from 'vitest';
import { debriefMarkdown, markdownText } from '../../../src/features/debrief/exportMarkdown';
import { i18n } from '../../../src/i18n';
import { BY, play, SETUP } from '../../fixtures/exercise';
import { debriefOf, emptyStore, jaarwisselingStore, newStore, riotControlStore, runExercise } from './fixtures';

const nl = i18n.getFixedT('nl');
const en = i18n.getFixedT('en');
const options = { exportedAt: '2026-12-31T23:30:00.000Z' };

describe('Markdown text', () => {
  it('escapes what Markdown would act on, so typed text stays text', () => {
    expect(markdownText('[klik](http://x) *vet* _schuin_ <b>html</b> `code` | pijp # geen kop')).toBe(
      '\\[klik\\](http://x) \\*vet\\* \\_schuin\\_ \\<b\\>html\\</b\\> \\`code\\` \\| pijp # geen kop',
    );
    expect(markdownText('# kop')).toBe('\\# kop');
    expect(markdownText('- lijst')).toBe('\\- lijst');
    expect(markdownText('12. lijst')).toBe('12\\. lijst');
    expect(markdownText('regel 1\n\nregel 2\r\n')).toBe('regel 1 regel 2');
    expect(markdownText('Gewoon een zin.')).toBe('Gewoon een zin.');
  });
});

describe('the debrief as Markdown', () => {
  it('has every section, the decisions with grounds and BOB notes, refusals by rule, and the final hash', async () => {
    const { store, id } = await riotControlStore();
    const debrief = await debriefOf(store, id);
    const text = debriefMarkdown(debrief, nl, 'nl', options);
    expect(text.startsWith('# Nabespreking: Jaarwisseling Utrecht-Centrum\n')).toBe(true);
    for (const heading of [
      '## In één oogopslag',
      '## Fasen in de tijd',
      '## Besluiten van de burgemeester',
      '## Tijd tot besluit en tot actie',
      '## Pilotinzet traanverwekkende stof (R11)',
      '## Weigeringen per regel',
      '## Dekking: regels en fasen',
      '## Leerdoelen en nabesprekingsvragen',
      '## Aantekeningen en correcties',
    ])
      expect(text).toContain(`\n${heading}\n`);
    expect(text).toContain('### 1. Waterwerper — Toestemming verleend');
    expect(text).toContain('- **Beeld:** Circa 300 relschoppers, brandende barricades');
    expect(text).toContain('- **Voorwaarden:** Niet richten op hoofden');
    expect(text).toMatch(/### R3 Waterwerper alleen met besluit van de burgemeester — 1 keer/);
    expect(text).toMatch(/### R5 Alleen de bevoegde burgemeester besluit — 1 keer/);
    expect(text).toContain('Burgemeester Joris Vermeulen (Amsterdam)');
    expect(text).toContain('**Pilotinzet 1:**');
    expect(text).toContain('**Correctie van regel 15**');
    // The hash at the top and at the bottom.
    expect(text.split(`\`${debrief.integrity.finalHash}\``)).toHaveLength(3);
    expect(text).toContain('keten gecontroleerd: intact');
  });

  it('tables keep their shape when typed text holds a pipe or a line break', async () => {
    const store = newStore();
    const id = await runExercise(store, SETUP, (session, clock) => {
      play(session, clock, [{ type: 'phase.escalate', by: BY.commander, reason: 'a | b\nc' }]);
    });
    const text = debriefMarkdown(await debriefOf(store, id), nl, 'nl', options);
    const row = text.split('\n').find((line) => line.includes('Opgeschaald'));
    expect(row).toContain('a \\| b c');
    expect(row?.split(/(?<!\\)\|/)).toHaveLength(7);
  });

  it('gives the scenario’s learning objectives, questions and decision-point times', async () => {
    const { store, id } = await jaarwisselingStore();
    const text = debriefMarkdown(await debriefOf(store, id), nl, 'nl', options);
    expect(text).toContain('### Leerdoelen\n\n1. Handelen binnen de tolerantiegrenzen');
    expect(text).toContain('### Nabesprekingsvragen\n\n1. ');
    expect(text).toMatch(/\| Het basisteam houdt het niet meer \| .* \| 5 min oefentijd \(5 min werkelijk\) \|/);
    expect(text).toContain('geen besluit genomen');
  });

  it('says plainly what is missing in an empty exercise, in English too', async () => {
    const { store, id } = await emptyStore();
    const text = debriefMarkdown(await debriefOf(store, id), en, 'en', options);
    expect(text).toContain('No decision was taken.');
    expect(text).toContain('Nothing was refused.');
    expect(text).toContain('This exercise was played without a scenario');
  });
});
