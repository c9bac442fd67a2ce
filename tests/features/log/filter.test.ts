import { describe, expect, it } from 'vitest';
import { attachmentsOf, filterEntries, indexOfSeq, NO_FILTER, type LogFilter } from '../../../src/features/log/filter';
import type { LogEntry } from '../../../src/session';
import { BY, riotControlSession } from '../../fixtures/exercise';

const seqs = (filter: Partial<LogFilter>, log = riotControlSession().session.getState().log) =>
  filterEntries(log, { ...NO_FILTER, ...filter }).map((entry) => entry.seq);

describe('the log filters', () => {
  it('shows everything without a filter', () => {
    expect(seqs({})).toHaveLength(13);
  });

  it('narrows to refusals only: R3, R5 and R4 of the riot-control run', () => {
    expect(seqs({ kind: 'refusals' })).toEqual([6, 7, 11]);
    expect(seqs({ outcome: 'refused' })).toEqual([6, 7, 11]);
  });

  it('narrows by role', () => {
    expect(seqs({ role: 'mayor' })).toEqual([7, 8, 12]);
    expect(seqs({ role: 'trainer' })).toEqual([1]);
    expect(seqs({ role: 'mayor', outcome: 'accepted' })).toEqual([8, 12]);
  });

  it('separates actions from decisions', () => {
    expect(seqs({ kind: 'decisions' })).toEqual([7, 8, 12]);
    expect(seqs({ kind: 'actions' })).toEqual([2, 3, 4, 5, 6, 9, 10, 11, 13]);
  });

  it('finds notes, corrections and clock entries', () => {
    const { session } = riotControlSession();
    void session.annotate(BY.observer, 'Goed', 8);
    void session.correct(BY.trainer, 'Beter', 14);
    void session.clock(BY.trainer, { type: 'start' });
    const log = session.getState().log;
    expect(seqs({ kind: 'notes' }, log)).toEqual([14, 15]);
    expect(seqs({ kind: 'clock' }, log)).toEqual([16]);
    expect(seqs({ outcome: 'accepted' }, log)).not.toContain(14);
  });

  it('reads only as far as it is told: the log grows in place', () => {
    const log = riotControlSession().session.getState().log;
    expect(filterEntries(log, NO_FILTER, 5).map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(filterEntries(log, { ...NO_FILTER, kind: 'actions' }, 5).map((entry) => entry.seq)).toEqual([2, 3, 4, 5]);
  });

  it('gives a copy, so an entry appended to the log later is not shown until it is read', () => {
    const log = [...riotControlSession().session.getState().log];
    const shown = filterEntries(log, NO_FILTER);
    log.push({ ...(log[0] as LogEntry), seq: 14 });
    expect(shown).toHaveLength(13);
  });

  it('finds where an entry is among those shown, by its seq', () => {
    const log = riotControlSession().session.getState().log;
    const refusals = filterEntries(log, { ...NO_FILTER, kind: 'refusals' });
    expect(indexOfSeq(refusals, 7)).toBe(1);
    expect(indexOfSeq(refusals, 8)).toBeUndefined();
    for (const entry of log) expect(indexOfSeq(log, entry.seq)).toBe(entry.seq - 1);
    expect(indexOfSeq(log, 0)).toBeUndefined();
    expect(indexOfSeq(log, 14)).toBeUndefined();
    expect(indexOfSeq([], 1)).toBeUndefined();
  });

  it('finds an entry in a log that is out of order (a damaged one can be shown too)', () => {
    const log = riotControlSession().session.getState().log;
    const shuffled = [log[4], log[0], log[12], log[2], log[7]] as LogEntry[];
    shuffled.forEach((entry, index) => {
      expect(indexOfSeq(shuffled, entry.seq)).toBe(index);
    });
    expect(indexOfSeq(shuffled, 2)).toBeUndefined();
  });

  it('attaches notes and corrections to the earlier entry they refer to, never to a later one', () => {
    const { session } = riotControlSession();
    void session.annotate(BY.observer, 'Over het besluit', 8);
    void session.correct(BY.trainer, 'Correctie op de aantekening', 14);
    void session.annotate(BY.trainer, 'Over de toekomst', 99);
    const attached = attachmentsOf(session.getState().log);
    expect(attached.get(8)?.map((entry) => entry.seq)).toEqual([14]);
    expect(attached.get(14)?.map((entry) => entry.seq)).toEqual([15]);
    expect(attached.has(99)).toBe(false);
  });
});
