import { describe, expect, it } from 'vitest';
import {
  comingNewYearsEve,
  draftOf,
  emptyDraft,
  firstInvalid,
  setupOf,
  validateDraft,
  type ExerciseDraft,
} from '../../../src/features/exercises/setup';

const local = (year: number, month: number, day: number, hour: number, minute = 0) =>
  new Date(year, month - 1, day, hour, minute).getTime();

const filled: ExerciseDraft = {
  title: ' Jaarwisseling Utrecht ',
  municipality: ' Utrecht ',
  names: {
    mayor: 'Marieke de Boer',
    locoMayor: 'Linda Voortman',
    commander: 'Cdt. Pieter de Vries',
    prosecutor: 'Mr. Anna Bakker',
    trainer: 'Karin Jansen',
  },
  observers: ['', ' Youssef el Amrani ', '   ', 'Eva de Wit'],
  startTime: '2026-12-31T22:00',
  startPhase: 1,
};

describe('the new-exercise form as data', () => {
  it('defaults the start to the coming New Year’s Eve, 22:00', () => {
    expect(comingNewYearsEve(local(2026, 11, 28, 13))).toBe('2026-12-31T22:00');
    expect(comingNewYearsEve(local(2026, 12, 31, 21, 59))).toBe('2026-12-31T22:00');
    expect(comingNewYearsEve(local(2026, 12, 31, 22, 30))).toBe('2027-12-31T22:00');
    expect(comingNewYearsEve(local(2027, 1, 1, 0, 30))).toBe('2027-12-31T22:00');
  });

  it('finds every missing field, the first one first', () => {
    const errors = validateDraft(emptyDraft(local(2026, 11, 28, 13)));
    expect(Object.keys(errors).sort()).toEqual(
      ['title', 'municipality', 'mayor', 'locoMayor', 'commander', 'prosecutor', 'trainer'].sort(),
    );
    expect(firstInvalid(errors)).toBe('title');
    expect(validateDraft({ ...filled, names: { ...filled.names, trainer: '  ' } })).toEqual({ trainer: true });
  });

  it('refuses a start time it cannot read', () => {
    expect(validateDraft({ ...filled, startTime: '' })).toEqual({ startTime: true });
    expect(validateDraft({ ...filled, startTime: '31-12-2026 22:00' })).toEqual({ startTime: true });
    expect(validateDraft({ ...filled, startTime: '2026-12-31T22:00:30' })).toEqual({});
    expect(validateDraft(filled)).toEqual({});
  });

  it('gives the cast fixed ids, the mayors the exercise’s municipality, and leaves blank observers out', () => {
    expect(setupOf(filled)).toEqual({
      title: 'Jaarwisseling Utrecht',
      municipality: 'Utrecht',
      startTime: '2026-12-31T22:00',
      startPhase: 1,
      cast: [
        { id: 'mayor', role: 'mayor', name: 'Marieke de Boer', municipality: 'Utrecht' },
        { id: 'locoMayor', role: 'locoMayor', name: 'Linda Voortman', municipality: 'Utrecht' },
        { id: 'commander', role: 'commander', name: 'Cdt. Pieter de Vries' },
        { id: 'prosecutor', role: 'prosecutor', name: 'Mr. Anna Bakker' },
        { id: 'trainer', role: 'trainer', name: 'Karin Jansen' },
        { id: 'observer-1', role: 'observer', name: 'Youssef el Amrani' },
        { id: 'observer-2', role: 'observer', name: 'Eva de Wit' },
      ],
    });
  });

  it('turns a set-up back into the same form input', () => {
    const setup = setupOf({ ...filled, startPhase: 4 });
    expect(setupOf(draftOf(setup))).toEqual(setup);
  });
});
