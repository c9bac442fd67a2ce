import { beforeEach, describe, expect, it } from 'vitest';
import { announceEntry, describeEntry } from '../../../src/features/log/describeEntry';
import { filterEntries, NO_FILTER } from '../../../src/features/log/filter';
import { i18n } from '../../../src/i18n';
import type { LogEntry } from '../../../src/session';
import { BY } from '../../fixtures/exercise';
import { builtInScenario, COMMANDER, scenarioSession, TRAINER } from '../../fixtures/scenario';

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

function loggedInjects() {
  const { session } = scenarioSession();
  void session.inject(TRAINER, 'vraag-waterwerper', 'released');
  void session.inject(TRAINER, 'vuurwerk-naar-brandweer', 'held');
  void session.inject(TRAINER, 'staf-bereidt-voor', 'skipped');
  void session.inject(COMMANDER, 'barricades', 'released');
  void session.annotate(BY.trainer, 'Goed moment');
  return session.getState();
}

const at = (log: readonly LogEntry[], seq: number) => {
  const entry = log[seq - 1];
  if (!entry) throw new Error(`no entry ${String(seq)}`);
  return entry;
};

describe('injects in the log', () => {
  it('names an inject by its title in the current language, with its audience and decision point', () => {
    const { log, head } = loggedInjects();
    const scenario = head.setup.scenario;
    const released = describeEntry(at(log, 2), i18n.t, 'nl', scenario);
    expect(released.what).toBe('Inject vrijgegeven: De commandant vraagt om inzet van de waterwerper');
    expect(released.details).toEqual(['Voor: iedereen', 'Beslismoment: waterwerper']);
    expect(released.who).toBe('Oefenleider Petra de Wit');
    expect(released.outcome).toBeNull();
    expect(describeEntry(at(log, 3), i18n.t, 'nl', scenario).what).toBe(
      'Inject aangehouden: Vuurwerk naar de brandweer',
    );
    expect(describeEntry(at(log, 4), i18n.t, 'nl', scenario)).toMatchObject({
      what: 'Inject overgeslagen: Staf: bereid de burgemeester voor',
      details: ['Voor: de burgemeester en staf'],
    });
  });

  it('keeps what the trainees are expected to do out of the log (it may be projected)', () => {
    const { log, head } = loggedInjects();
    const text = JSON.stringify(describeEntry(at(log, 2), i18n.t, 'nl', head.setup.scenario));
    expect(text).not.toMatch(/Daarna waarschuwt de commandant/);
  });

  it('speaks English', async () => {
    await i18n.changeLanguage('en');
    const { log, head } = loggedInjects();
    expect(describeEntry(at(log, 3), i18n.t, 'en', head.setup.scenario)).toMatchObject({
      what: 'Inject held: Fireworks thrown at the fire brigade',
      details: ['For: everyone'],
    });
  });

  it('shows the id, and says it is unknown, when the scenario does not have the inject', () => {
    const { log } = loggedInjects();
    const other = { ...builtInScenario('ggp-go-in-de-wijk') };
    expect(describeEntry(at(log, 3), i18n.t, 'nl', other)).toMatchObject({
      what: 'Inject aangehouden: vuurwerk-naar-brandweer',
      details: ['Het scenario van deze oefening heeft geen inject ‘vuurwerk-naar-brandweer’.'],
    });
    expect(describeEntry(at(log, 3), i18n.t, 'nl').what).toBe('Inject aangehouden: vuurwerk-naar-brandweer');
  });

  it('logs a refused attempt to steer an inject with R13', () => {
    const { log, head } = loggedInjects();
    const refused = describeEntry(at(log, 5), i18n.t, 'nl', head.setup.scenario);
    expect(refused.what).toBe('Inject vrijgeven, aanhouden of overslaan geprobeerd');
    expect(refused.outcome).toBe('refused');
    expect(refused.refusal?.rule).toBe('R13');
    expect(announceEntry(at(log, 5), i18n.t, 'nl', head.setup.scenario)).toMatch(/^Geweigerd: R13 /);
    expect(announceEntry(at(log, 2), i18n.t, 'nl', head.setup.scenario)).toBe(
      'Nieuwe regel: Inject vrijgegeven: De commandant vraagt om inzet van de waterwerper',
    );
  });

  it('has a filter for injects: released, held, skipped and refused attempts to steer them', () => {
    const { log } = loggedInjects();
    const shown = filterEntries(log, { ...NO_FILTER, kind: 'injects' }).map((entry) => entry.seq);
    expect(shown).toEqual([2, 3, 4, 5]);
    expect(filterEntries(log, { ...NO_FILTER, kind: 'injects', outcome: 'refused' }).map((e) => e.seq)).toEqual([5]);
    expect(filterEntries(log, { ...NO_FILTER, kind: 'notes' }).map((entry) => entry.seq)).toEqual([6]);
  });
});
