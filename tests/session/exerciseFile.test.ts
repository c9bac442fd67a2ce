import { describe, expect, it } from 'vitest';
import { escalationMachine, phaseOf } from '../../machines';
import {
  EXERCISE_FILE_FORMAT,
  exerciseFile,
  exerciseFileName,
  genesisOf,
  importExerciseFile,
  openSession,
  parseExerciseFile,
  replay,
  storedExerciseFile,
  verifyChain,
  type AttemptEntry,
  type InjectEntry,
  type NoteEntry,
} from '../../src/session';
import { MemoryRepository } from '../../src/session/local/memoryRepository';
import { BY, SETUP, longLogSession } from '../fixtures/exercise';
import { TRAINER, scenarioSession } from '../fixtures/scenario';
import {
  EXPORTED_AT,
  copy,
  dutch,
  english,
  errorsOf,
  exportedFile,
  line,
  playedExercise,
  reseal,
  text,
} from './exerciseFileHelpers';

describe('the exercise file', () => {
  it('holds the head with cast, the whole log and the final hash, from the one producer', async () => {
    const { session, repository, id } = await playedExercise();
    const state = session.getState();
    const file = exerciseFile(state, EXPORTED_AT);
    expect(file.format).toBe(EXERCISE_FILE_FORMAT);
    expect(file.exportedAt).toBe(EXPORTED_AT);
    expect(file.entries).toEqual(state.log);
    expect(file.finalHash).toBe(state.log.at(-1)?.hash);
    expect(file.finalHash).toBe(state.head.headHash);
    expect(file.head.setup.cast).toEqual(SETUP.cast);
    // From storage, the same file as from the open session.
    expect(await storedExerciseFile(repository, id, EXPORTED_AT)).toEqual(file);
    expect(await storedExerciseFile(repository, 'ffffffffffff', EXPORTED_AT)).toBeNull();
    expect(exerciseFileName(state)).toMatch(/^paraat-Jaarwisseling-Utrecht-Centrum-\d{4}-\d{2}-\d{2}\.json$/);
  });

  it('reads back as it was written: same head, same log', async () => {
    const file = (await exportedFile());
    const result = parseExerciseFile(text(file));
    expect(result).toEqual({ ok: true, file });
  });

  it('carries the whole scenario and the cast, and its injects’ course, through export and import', async () => {
    const { session } = scenarioSession();
    await session.inject(TRAINER, 'start-oudejaarsavond', 'released');
    await session.inject(TRAINER, 'vuurwerk-naar-brandweer', 'held');
    const state = session.getState();
    const result = parseExerciseFile(text(exerciseFile(state, EXPORTED_AT)));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.file.head.setup.scenario).toEqual(state.head.setup.scenario);
    expect(result.file.head.setup.cast).toEqual(state.head.setup.cast);
    expect(replay(result.file.head.setup, result.file.entries).injects).toEqual(
      replay(state.head.setup, state.log).injects,
    );

    // The scenario is covered by the chain's genesis: one changed inject text is seen.
    const changed = copy(result.file);
    const inject = changed.head.setup.scenario?.injects[0];
    if (!inject) throw new Error('the scenario has injects');
    inject.text.nl = 'Rustige avond, niets aan de hand.';
    expect(dutch(parseExerciseFile(text(changed)))).toEqual([
      'De kop van het bestand is gewijzigd: titel, gemeente, rolverdeling, starttijd, scenario, oefeningnummer of aanmaaktijdstip is niet meer wat regel 1 vastlegde.',
    ]);

    // An inject entry the session would not have logged (a second release), sealed anew: replay names it.
    const again = copy(result.file);
    again.entries.push({ ...(line(again, 2) as InjectEntry), seq: 4, prevHash: '', hash: '' });
    again.head.length = 4;
    reseal(again, 4);
    again.head.updatedAt = line(again, 4).wall;
    expect(dutch(parseExerciseFile(text(again)))).toEqual([
      'Regel 4 had de oefening zo niet vastgelegd: wie het deed mag dat niet (R13), of de stap kan niet bij dit scenario.',
    ]);
  });

  it('export → import → open gives the same state, clock and log, and the session goes on from there', async () => {
    const { session } = await playedExercise();
    const before = session.getState();
    const result = parseExerciseFile(text(exerciseFile(before, EXPORTED_AT)));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));

    const repository = new MemoryRepository();
    const { head, renumbered } = await importExerciseFile(repository, result.file);
    expect(renumbered).toBe(false);
    expect(head.id).toBe(before.head.id);
    expect((await repository.list()).map((summary) => summary.id)).toEqual([head.id]);

    const reopened = await openSession(repository, head.id, () => Date.parse('2027-01-01T01:00:00Z'));
    if (!reopened) throw new Error('the imported exercise opens');
    const after = reopened.getState();
    expect(after.log).toEqual(before.log);
    expect(after.head).toEqual(before.head);
    expect(phaseOf(after.snapshot)).toBe(phaseOf(before.snapshot));
    expect(after.snapshot.context).toEqual(before.snapshot.context);
    // Replaying the imported log gives the state the file claims.
    const replayed = replay(after.head.setup, after.log);
    expect(replayed.divergences).toEqual([]);
    expect(JSON.parse(JSON.stringify(escalationMachine.getPersistedSnapshot(replayed.snapshot)))).toEqual(
      after.head.snapshot,
    );

    await reopened.dispatch({ type: 'phase.deescalate', by: BY.commander, reason: 'Alles rustig' });
    const again = parseExerciseFile(text(exerciseFile(reopened.getState(), EXPORTED_AT)));
    expect(again.ok).toBe(true);
  });

  it('imports an exercise whose id is taken as a new one, overwriting nothing, and its chain still proves itself', async () => {
    const { session, repository, id } = await playedExercise();
    const file = exerciseFile(session.getState(), EXPORTED_AT);
    const stored = await repository.head(id);
    if (!stored) throw new Error('the played exercise is stored');
    const before = await repository.entries(stored);

    const { head, renumbered } = await importExerciseFile(repository, file);
    expect(renumbered).toBe(true);
    expect(head.id).not.toBe(id);
    expect(head.id).toMatch(/^[0-9a-f]{32}$/);
    expect(head.chainId).toBe(id);
    // The exercise that was there is there unchanged.
    expect(await repository.head(id)).toEqual(stored);
    expect(await repository.entries(stored)).toEqual(before);
    expect((await repository.list()).map((summary) => summary.id).sort()).toEqual([id, head.id].sort());
    expect(verifyChain(genesisOf(head), await repository.entries(head))).toBeNull();

    // The renumbered copy goes on, and exports and imports again, twice over.
    const copySession = await openSession(repository, head.id, () => Date.parse('2027-01-01T01:00:00Z'));
    if (!copySession) throw new Error('the copy opens');
    expect((await copySession.annotate(BY.trainer, 'Kopie voor de evaluatie')).outcome).toBe('stored');
    const second = parseExerciseFile(text(exerciseFile(copySession.getState(), EXPORTED_AT)));
    if (!second.ok) throw new Error(JSON.stringify(second.errors));
    const third = await importExerciseFile(repository, second.file);
    expect(third.renumbered).toBe(true);
    expect(third.head.chainId).toBe(id);
    expect(parseExerciseFile(text(await storedExerciseFile(repository, third.head.id, EXPORTED_AT))).ok).toBe(true);
    expect(await repository.list()).toHaveLength(3);
  });

  it('stores nothing of an import that storage refuses, and says why', async () => {
    const repository = new MemoryRepository();
    repository.failWith = 'quota';
    await expect(importExerciseFile(repository, await exportedFile())).rejects.toMatchObject({ reason: 'quota' });
    repository.failWith = null;
    expect(await repository.list()).toEqual([]);
  });

  it('reads a long log (2,000 attempts) back', () => {
    const { session } = longLogSession(2000);
    const result = parseExerciseFile(text(exerciseFile(session.getState(), EXPORTED_AT)));
    expect(result.ok).toBe(true);
  });
});

describe('tampering is detected, and its place named', () => {
  it('a changed field of an entry', async () => {
    const file = copy((await exportedFile()));
    (line(file, 15) as NoteEntry).text = 'Waterwerper ingezet zonder waarschuwing';
    const result = parseExerciseFile(text(file));
    expect(errorsOf(result)[0]).toEqual({
      path: 'entries[14]',
      message: {
        nl: 'Regel 15 is gewijzigd: de inhoud past niet meer bij de vingerafdruk (hash) die bij het vastleggen is berekend.',
        en: 'Line 15 has been changed: its content no longer matches the fingerprint (hash) computed when it was recorded.',
      },
    });
  });

  it('a changed decision: grounds, verdict or who decided', async () => {
    for (const change of [
      (entry: AttemptEntry) => {
        if (entry.event.type === 'mayor.decide') entry.event.grounds = 'Omdat het kan';
      },
      (entry: AttemptEntry) => {
        entry.by = { ...BY.neighbourMayor };
      },
      (entry: AttemptEntry) => {
        entry.wall = '2026-12-31T20:00:00.000Z';
      },
    ]) {
      const file = copy((await exportedFile()));
      change(line(file, 8) as AttemptEntry);
      expect(dutch(parseExerciseFile(text(file)))).toContain(
        'Regel 8 is gewijzigd: de inhoud past niet meer bij de vingerafdruk (hash) die bij het vastleggen is berekend.',
      );
    }
  });

  it('a removed entry', async () => {
    const file = copy((await exportedFile()));
    file.entries = file.entries.filter((entry) => entry.seq !== 7);
    const result = parseExerciseFile(text(file));
    expect(errorsOf(result)).toContainEqual({
      path: 'entries[6]',
      message: {
        nl: 'Tussen regel 6 en regel 8 ontbreekt een regel (regel 7).',
        en: 'Between line 6 and line 8 a line is missing (line 7).',
      },
    });
    expect(dutch(result)).toContain('Volgens de kop heeft het logboek 21 regels, maar het bestand bevat er 20.');
  });

  it('several removed entries, and the first', async () => {
    const file = copy((await exportedFile()));
    file.entries = file.entries.filter((entry) => ![1, 10, 11, 12].includes(entry.seq));
    expect(dutch(parseExerciseFile(text(file)))).toEqual(
      expect.arrayContaining([
        'Aan het begin van het logboek ontbreekt een regel (regel 1).',
        'Tussen regel 9 en regel 13 ontbreken 3 regels (regels 10 t/m 12).',
      ]),
    );
  });

  it('an inserted entry: a made-up note, and a copy of an existing line', async () => {
    const original = (await exportedFile());
    const made = copy(original);
    const note = { ...line(made, 15), text: 'Burgemeester akkoord (mondeling)', seq: 8 };
    made.entries.splice(7, 0, note);
    const result = parseExerciseFile(text(made));
    expect(errorsOf(result)[0]).toEqual({
      path: 'entries[7]',
      message: {
        nl: 'Na regel 7 staat een regel die er niet in hoort: die is ingevoegd (plaats 8 in het bestand).',
        en: 'After line 7 there is a line that does not belong: it was inserted (place 8 in the file).',
      },
    });

    const copied = copy(original);
    copied.entries.splice(12, 0, copy(original).entries[11] as never);
    expect(dutch(parseExerciseFile(text(copied)))).toContain(
      'Na regel 12 staat een regel die er niet in hoort: die is ingevoegd (plaats 13 in het bestand).',
    );
  });

  it('reordered entries', async () => {
    const file = copy((await exportedFile()));
    const [fourth, fifth] = file.entries.splice(3, 2);
    if (!fourth || !fifth) throw new Error('fixture too short');
    file.entries.splice(3, 0, fifth, fourth);
    expect(errorsOf(parseExerciseFile(text(file)))[0]).toEqual({
      path: 'entries[4]',
      message: {
        nl: 'Regel 4 staat na regel 5, maar is eerder vastgelegd: de volgorde is veranderd.',
        en: 'Line 4 stands after line 5, but was recorded before it: the order has been changed.',
      },
    });

    const moved = copy((await exportedFile()));
    const [third] = moved.entries.splice(2, 1);
    if (!third) throw new Error('fixture too short');
    moved.entries.splice(6, 0, third);
    expect(dutch(parseExerciseFile(text(moved)))[0]).toBe(
      'Regel 3 staat na regel 7, maar is eerder vastgelegd: de volgorde is veranderd.',
    );
  });

  it('a log cut short at the end', async () => {
    const file = copy((await exportedFile()));
    file.entries = file.entries.slice(0, 16);
    const result = parseExerciseFile(text(file));
    expect(errorsOf(result)[0]).toEqual({
      path: 'head.length',
      message: {
        nl: 'Het logboek is ingekort: volgens de kop heeft het 21 regels, maar het bestand bevat er 16; regels 17 t/m 21 ontbreken.',
        en: 'The log has been cut short: the head says it has 21 lines, but the file holds 16; lines 17 to 21 are missing.',
      },
    });
    // The head's state (phase 4 after de-escalation) is not what the shortened log gives.
    expect(dutch(result)).toContain(
      'De toestand van het model in de kop van het bestand is niet wat het logboek oplevert bij opnieuw afspelen (staat op fase 4, het logboek geeft fase 5).',
    );
  });

  it('a log cut short with its head made to match is caught by the replay', async () => {
    const file = copy((await exportedFile()));
    file.entries = file.entries.slice(0, 16);
    file.head.length = 16;
    reseal(file, 17);
    file.head.updatedAt = line(file, 16).wall;
    expect(dutch(parseExerciseFile(text(file)))).toEqual([
      'De toestand van het model in de kop van het bestand is niet wat het logboek oplevert bij opnieuw afspelen (staat op fase 4, het logboek geeft fase 5).',
      'De oefenklok in de kop van het bestand staat niet waar de klokregels in het logboek haar brengen.',
    ]);
  });

  it('a changed head: set-up, cast, id, creation time', async () => {
    const changes: ((file: ReturnType<typeof copy>) => void)[] = [
      (file) => {
        file.head.setup.title = 'Oefening B';
      },
      (file) => {
        file.head.setup.municipality = 'Amsterdam';
      },
      (file) => {
        const mayor = file.head.setup.cast[0];
        if (mayor) mayor.name = 'Iemand anders';
      },
      (file) => {
        file.head.id = 'abcdef0123456789';
      },
      (file) => {
        file.head.createdAt = '2026-12-30T21:00:00.000Z';
      },
    ];
    for (const change of changes) {
      const file = copy((await exportedFile()));
      change(file);
      const errors = errorsOf(parseExerciseFile(text(file)));
      expect(errors).toContainEqual({
        path: 'head.setup',
        message: {
          nl: 'De kop van het bestand is gewijzigd: titel, gemeente, rolverdeling, starttijd, scenario, oefeningnummer of aanmaaktijdstip is niet meer wat regel 1 vastlegde.',
          en: 'The head of the file has been changed: title, municipality, cast, start time, scenario, exercise number or creation time is no longer what line 1 recorded.',
        },
      });
    }
  });

  it('a changed head: snapshot, clock, length, hashes, last change', async () => {
    const expectations: [(file: ReturnType<typeof copy>) => void, string, string][] = [
      [
        (file) => {
          (file.head.snapshot as { value: string }).value = 'riotControl';
        },
        'head.snapshot',
        'De toestand van het model in de kop van het bestand is niet wat het logboek oplevert bij opnieuw afspelen (staat op fase 5, het logboek geeft fase 4).',
      ],
      [
        (file) => {
          file.head.clock.running = true;
        },
        'head.clock',
        'De oefenklok in de kop van het bestand staat niet waar de klokregels in het logboek haar brengen.',
      ],
      [
        (file) => {
          file.head.length = 30;
        },
        'head.length',
        'Volgens de kop heeft het logboek 30 regels, maar het bestand bevat er 21.',
      ],
      [
        (file) => {
          file.head.headHash = '0'.repeat(64);
        },
        'head.headHash',
        'De kop van het bestand hoort niet bij de laatste regel (regel 21): de vingerafdruk in de kop (head.headHash) is een andere.',
      ],
      [
        (file) => {
          file.finalHash = 'f'.repeat(64);
        },
        'finalHash',
        'De vingerafdruk van het logboek (finalHash) is niet die van de laatste regel (regel 21).',
      ],
      [
        (file) => {
          file.head.updatedAt = '2027-01-01T00:00:00.000Z';
        },
        'head.updatedAt',
        'Het tijdstip ‘laatst gewijzigd’ in de kop (head.updatedAt) is niet dat van de laatste regel (regel 21).',
      ],
    ];
    for (const [change, path, nl] of expectations) {
      const file = copy((await exportedFile()));
      change(file);
      const errors = errorsOf(parseExerciseFile(text(file)));
      expect(errors.map((error) => [error.path, error.message.nl])).toEqual([[path, nl]]);
    }
  });

  it('a line changed and sealed anew: the next line no longer links to it', async () => {
    const file = copy((await exportedFile()));
    (line(file, 15) as NoteEntry).text = 'Anders opgeschreven';
    reseal(file, 15);
    // Only line 15 resealed, the rest as it was:
    const original = (await exportedFile());
    file.entries.forEach((entry, index) => {
      if (entry.seq > 15) file.entries[index] = copy(original).entries[index] as never;
    });
    file.head.headHash = original.head.headHash;
    file.finalHash = original.finalHash;
    expect(dutch(parseExerciseFile(text(file)))).toEqual([
      'Regel 16 sluit niet aan op regel 15: regel 15 is gewijzigd en opnieuw verzegeld, of vervangen.',
    ]);
  });

  it('a whole chain sealed anew after a change is still caught when the log does not replay to its state', async () => {
    // The forger turns the refused water cannon of line 6 into an accepted one and reseals everything.
    const file = copy((await exportedFile()));
    const refused = line(file, 6) as AttemptEntry;
    refused.outcome = 'accepted';
    delete refused.refusal;
    reseal(file);
    const result = parseExerciseFile(text(file));
    expect(errorsOf(result)).toContainEqual({
      path: 'entries[5]',
      message: {
        nl: 'Regel 6 staat in het logboek als uitgevoerd, maar het model weigert die handeling bij het opnieuw afspelen.',
        en: 'Line 6 is logged as accepted, but the model refuses that action when the log is replayed.',
      },
    });

    // And the phases the log shows must follow from the actions.
    const phases = copy((await exportedFile()));
    (line(phases, 4) as AttemptEntry).after.phase = 5;
    reseal(phases);
    expect(dutch(parseExerciseFile(text(phases)))).toEqual([
      'Regel 5: de toestand vóór deze handeling sluit niet aan op het logboek ervoor (staat op fase 4, het logboek geeft fase 5).',
    ]);

    // An accepted escalation without its reason: the model itself refuses it (R1).
    const noReason = copy((await exportedFile()));
    const escalation = line(noReason, 2) as AttemptEntry;
    if (escalation.event.type === 'phase.escalate') escalation.event.reason = ' ';
    reseal(noReason);
    expect(english(parseExerciseFile(text(noReason)))[0]).toBe(
      'Line 2 is logged as accepted, but the model refuses that action when the log is replayed.',
    );
  });

  it('names more than one problem, in file order', async () => {
    const file = copy((await exportedFile()));
    (line(file, 3) as AttemptEntry).wall = '2026-12-31T20:00:00.000Z';
    file.entries = file.entries.filter((entry) => entry.seq !== 10);
    const errors = errorsOf(parseExerciseFile(text(file)));
    expect(errors.slice(0, 2).map((error) => error.path)).toEqual(['entries[2]', 'entries[9]']);
  });
});

describe('a head whose model state cannot be restored', () => {
  // Found by the fuzz suite: XState reports an unrestorable snapshot from a timer, outside any try.
  it.each([
    ['null', null],
    ['an empty object', {}],
    ['a list', []],
    ['a value without context', { value: 'riotControl', status: 'active' }],
    ['nonsense in every field', { value: 42, context: { municipality: 7 }, status: 'active', children: null }],
  ])('is refused, not thrown, when the snapshot is %s', async (_label, snapshot) => {
    const file = copy((await exportedFile()));
    (file.head as { snapshot: unknown }).snapshot = snapshot;
    const result = parseExerciseFile(text(file));
    expect(result.ok).toBe(false);
    // Let any timer XState might have set fire inside this test: an unhandled error fails the run.
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
});
