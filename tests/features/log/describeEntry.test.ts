import { beforeAll, describe, expect, it } from 'vitest';
import { announceEntry, describeEntry } from '../../../src/features/log/describeEntry';
import { i18n } from '../../../src/i18n';
import type { LogEntry, Proposed } from '../../../src/session';
import { BY, riotControlSession } from '../../fixtures/exercise';

const nl = i18n.getFixedT('nl');
const en = i18n.getFixedT('en');

// Only Dutch is bundled; English is loaded when it is first asked for.
beforeAll(async () => {
  await i18n.loadLanguages('en');
});

/** The entry the session logged for a proposal, once stored. */
async function logged(proposal: Promise<Proposed>): Promise<LogEntry> {
  const proposed = await proposal;
  if (proposed.outcome !== 'stored') throw new Error(`not stored: ${proposed.outcome}`);
  return proposed.entry;
}

const entryAt = (log: readonly LogEntry[], seq: number): LogEntry => {
  const entry = log[seq - 1];
  if (entry?.seq !== seq) throw new Error(`No entry ${String(seq)}`);
  return entry;
};

describe('describeEntry: one log entry in words', () => {
  const { session } = riotControlSession();
  const log = session.getState().log;

  it('names the rule, its title and the model’s message for a refused attempt, in the current language', () => {
    const refused = describeEntry(entryAt(log, 6), nl, 'nl');
    expect(refused.outcome).toBe('refused');
    expect(refused.what).toBe('Waterwerper inzetten geprobeerd');
    expect(refused.refusal).toEqual({
      rule: 'R3',
      title: 'Waterwerper alleen met besluit van de burgemeester',
      message: expect.stringContaining('waterwerper') as unknown,
    });
    const english = describeEntry(entryAt(log, 6), en, 'en');
    expect(english.refusal?.title).toBe('Water cannon needs the mayor');
    expect(english.what).toBe('Tried to deploy the water cannon');
    const entry = entryAt(log, 6);
    if (entry.kind !== 'attempt') throw new Error('not an attempt');
    expect(english.refusal?.message).toBe(entry.refusal?.message.en);
  });

  it('says who acted with the role word and the name, and the exercise time in nl-NL', () => {
    const description = describeEntry(entryAt(log, 7), nl, 'nl');
    expect(description.who).toBe('Burgemeester Joris Vermeulen');
    expect(description.refusal?.rule).toBe('R5');
    expect(description.what).toBe('Besluit waterwerper: toestemming verleend — gronden: Ik sta erachter');
    expect(description.exerciseTime).toBe('31-12 22:00:00');
  });

  it('reads a decision with its grounds, BOB notes and conditions', () => {
    const description = describeEntry(entryAt(log, 8), nl, 'nl');
    expect(description.outcome).toBe('accepted');
    expect(description.what).toMatch(/^Besluit waterwerper: toestemming verleend — gronden: Groot gevaar/);
    expect(description.details).toEqual([
      'Beeldvorming: Circa 300 relschoppers, brandende barricades',
      'Oordeelsvorming: Waterwerper proportioneel',
      'Voorwaarden: Niet richten op hoofden',
    ]);
  });

  it('shows a phase change only when the phase changed', () => {
    expect(describeEntry(entryAt(log, 5), nl, 'nl').phase?.text).toBe('Fase 4 (ME specialistisch) → 5 (Riot control)');
    expect(describeEntry(entryAt(log, 6), nl, 'nl').phase).toBeNull();
  });

  it('marks the tear agent coming into use as a pilot case (R11), and not the water cannon', () => {
    const tearAgent = describeEntry(entryAt(log, 13), nl, 'nl');
    expect(tearAgent.pilot).toEqual({ rule: 'R11', title: 'Pilotinzet wordt gemarkeerd' });
    expect(tearAgent.started?.ids).toEqual(['tearAgent']);
    const waterCannon = describeEntry(entryAt(log, 10), nl, 'nl');
    expect(waterCannon.pilot).toBeNull();
    expect(waterCannon.started?.means).toBe('waterwerper');
  });

  it('says that means stopped by a revocation is R8 and by de-escalation is R9', async () => {
    const fixture = riotControlSession();
    const revoked = await logged(
      fixture.session.dispatch({
        type: 'mayor.revoke',
        by: BY.mayor,
        subject: 'tearGas',
        grounds: 'Rust keert terug',
      }),
    );
    const revocation = describeEntry(revoked, nl, 'nl');
    expect(revocation.stopped?.ids).toEqual(['tearAgent']);
    expect(revocation.stopped?.because?.rule).toBe('R8');

    const stepped = await logged(
      fixture.session.dispatch({
        type: 'phase.deescalate',
        by: BY.commander,
        reason: 'Menigte trekt weg',
      }),
    );
    const deescalation = describeEntry(stepped, nl, 'nl');
    expect(deescalation.outcome).toBe('accepted');
    expect(deescalation.what).toBe('Afschalen: Menigte trekt weg');
    expect(deescalation.stopped?.ids).toEqual(['waterCannon']);
    expect(deescalation.stopped?.because).toEqual({ rule: 'R9', title: 'Afschalen trekt middelen in' });

    const withdrawn = await logged(riotControlSession().session.dispatch({ type: 'tearGas.stop', by: BY.commander }));
    expect(describeEntry(withdrawn, nl, 'nl').stopped?.because).toBeNull();
  });

  it('reads notes and corrections with the entry they point at', async () => {
    const fixture = riotControlSession();
    const note = await logged(fixture.session.annotate(BY.observer, 'Snel besloten', 8));
    const correction = await logged(fixture.session.correct(BY.trainer, 'Niet zo snel', note.seq));
    const loose = await logged(fixture.session.annotate(BY.trainer, 'Pauze'));
    expect(describeEntry(note, nl, 'nl')).toMatchObject({
      what: 'Aantekening bij #8: Snel besloten',
      refersTo: 8,
      outcome: null,
    });
    expect(describeEntry(correction, nl, 'nl')).toMatchObject({ what: 'Correctie op #14: Niet zo snel', refersTo: 14 });
    expect(describeEntry(loose, nl, 'nl')).toMatchObject({ what: 'Aantekening: Pauze', refersTo: null });
  });

  it('reads a refused steering action with R13', async () => {
    const fixture = riotControlSession();
    const refused = await logged(fixture.session.annotate(BY.commander, 'Mag ik ook?', 3));
    const description = describeEntry(refused, nl, 'nl');
    expect(description.what).toBe('Aantekening maken geprobeerd');
    expect(description.outcome).toBe('refused');
    expect(description.refusal?.rule).toBe('R13');
  });

  it('reads clock entries', async () => {
    const fixture = riotControlSession();
    const jump = await logged(fixture.session.clock(BY.trainer, { type: 'jump', minutes: 5 }));
    expect(describeEntry(jump, nl, 'nl').what).toBe('Oefenklok 5 minuten vooruitgezet');
    expect(
      describeEntry(await logged(fixture.session.clock(BY.trainer, { type: 'speed', speed: 10 })), en, 'en').what,
    ).toBe('Exercise clock at 10× speed');
  });

  it('announces a refusal with its rule first, and an accepted attempt with what happened', () => {
    expect(announceEntry(entryAt(log, 11), nl, 'nl')).toMatch(
      /^Geweigerd: R4 Traanverwekkende stof vraagt een eigen, apart besluit — /,
    );
    expect(announceEntry(entryAt(log, 13), en, 'en')).toBe('Carried out: Tear agent added');
  });
});
