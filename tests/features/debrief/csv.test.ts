import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, toCsv } from '../../../src/features/debrief/csv';
import { debriefCsv } from '../../../src/features/debrief/exportCsv';
import { i18n } from '../../../src/i18n';
import { formatSpreadsheetDateTime } from '../../../src/i18n/format';
import { BY, play, SETUP } from '../../fixtures/exercise';
import { debriefOf, newStore, riotControlStore, runExercise } from './fixtures';

const nl = i18n.getFixedT('nl');
const en = i18n.getFixedT('en');
const EXPORTED_AT = '2026-12-31T23:30:00.000Z';

/** Split a CSV file (as Excel would read it) into rows of fields, honouring quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else field += char;
  }
  return rows;
}

describe('CSV fields for Excel (Dutch locale)', () => {
  it('leaves plain text and numbers alone and writes nothing for no value', () => {
    expect(csvField('Waterwerper ingezet')).toBe('Waterwerper ingezet');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes a field with a semicolon, a quote or a line break, doubling the quotes', () => {
    expect(csvField('Rust; orde')).toBe('"Rust; orde"');
    expect(csvField('Hij zei "nu"')).toBe('"Hij zei ""nu"""');
    expect(csvField('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvField('regel 1\r\nregel 2')).toBe('"regel 1\r\nregel 2"');
    expect(csvField(' spatie ')).toBe('" spatie "');
    // A comma is no separator here (it is the Dutch decimal sign).
    expect(csvField('1,5 km')).toBe('1,5 km');
  });

  it('neutralises formula injection: = + - @ (and tab, CR) at the start get an apostrophe', () => {
    expect(csvField('=HYPERLINK("http://evil","klik")')).toBe('"\'=HYPERLINK(""http://evil"",""klik"")"');
    expect(csvField('+31 6 1234')).toBe("'+31 6 1234");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1+1')).toBe("'\t=1+1");
    expect(csvField('a=b')).toBe('a=b');
    // Numbers the export writes itself are numbers, not text.
    expect(csvField(-3)).toBe('-3');
  });

  it('writes a BOM, semicolons between fields and CRLF after every row', () => {
    const text = toCsv([
      ['a', 'b'],
      ['c;d', 1],
    ]);
    expect(text).toBe('\uFEFFa;b\r\n"c;d";1\r\n');
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes dates as Excel in nl-NL reads them', () => {
    expect(formatSpreadsheetDateTime(Date.parse('2026-12-31T22:07:05Z'), 'UTC')).toBe('31-12-2026 22:07:05');
    expect(formatSpreadsheetDateTime(Date.parse('2026-12-31T21:07:05Z'), 'Europe/Amsterdam')).toBe(
      '31-12-2026 22:07:05',
    );
    expect(formatSpreadsheetDateTime(Date.parse('2027-01-01T00:00:00Z'), 'UTC')).toBe('01-01-2027 00:00:00');
    expect(formatSpreadsheetDateTime(Number.NaN)).toBe('');
  });
});

// Read once, before the tests are collected: the debrief is read asynchronously, as the screen reads it.
const riotControl = await riotControlStore();
const debrief = await debriefOf(riotControl.store, riotControl.id);

describe('the debrief as CSV', () => {
  const text = debriefCsv(debrief, nl, 'nl', { exportedAt: EXPORTED_AT, timeZone: 'Europe/Amsterdam' });
  const rows = parseCsv(text.slice(1));

  it('starts with a BOM, uses CRLF only, and ends with a line break', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('heads the file with the exercise and the final hash of the log', () => {
    expect(rows[0]).toEqual(['Oefening', 'Jaarwisseling Utrecht-Centrum']);
    expect(rows).toContainEqual(['Laatste hash (SHA-256)', debrief.integrity.finalHash]);
    expect(rows).toContainEqual(['Keten', 'keten gecontroleerd: intact']);
    expect(rows).toContainEqual(['Geëxporteerd', '01-01-2027 00:30:00']);
    expect(debrief.integrity.finalHash).toBe(debrief.head.headHash);
  });

  it('has one row per log entry under a header, every row as wide as the header', () => {
    const headerIndex = rows.findIndex((row) => row[0] === 'Regel');
    const header = rows[headerIndex] ?? [];
    expect(header.slice(0, 4)).toEqual(['Regel', 'Oefentijd', 'Werkelijke tijd', 'Rol']);
    const body = rows.slice(headerIndex + 1);
    expect(body).toHaveLength(debrief.entries.length);
    expect(body.every((row) => row.length === header.length)).toBe(true);
    expect(body.at(-1)?.at(-1)).toBe(debrief.integrity.finalHash);
  });

  it('writes the refusal with its rule, the decision with its BOB notes, the pilot case, in Dutch dates', () => {
    const headerIndex = rows.findIndex((row) => row[0] === 'Regel');
    const header = rows[headerIndex] ?? [];
    const column = (name: string) => header.indexOf(name);
    const row = (seq: number) => rows.find((candidate, index) => index > headerIndex && candidate[0] === String(seq));
    const refused = row(7);
    expect(refused?.[column('Oefentijd')]).toBe('31-12-2026 22:05:00');
    expect(refused?.[column('Werkelijke tijd')]).toBe('31-12-2026 22:05:00');
    expect(refused?.[column('Handeling')]).toBe('Waterwerper inzetten');
    expect(refused?.[column('Uitkomst')]).toBe('Geweigerd');
    expect(refused?.[column('Weigering: regel')]).toBe('R3');
    expect(refused?.[column('Titel van de regel')]).toBe('Waterwerper alleen met besluit van de burgemeester');
    const decision = row(9);
    expect(decision?.[column('Besluit')]).toBe('Toestemming verleend');
    expect(decision?.[column('Reden / gronden / tekst')]).toBe(
      'Groot gevaar voor agenten en omstanders; andere middelen onvoldoende',
    );
    expect(decision?.[column('Beeld')]).toBe('Circa 300 relschoppers, brandende barricades');
    expect(decision?.[column('Voorwaarden')]).toBe('Niet richten op hoofden');
    expect(row(14)?.[column('Pilotinzet (R11)')]).toBe('ja');
    expect(row(14)?.[column('Middelen in gebruik na')]).toBe('waterwerper, traanverwekkende stof in de waterwerper');
    expect(row(16)?.[column('Over regel')]).toBe('15');
  });

  it('neutralises formulas typed into the exercise', async () => {
    const hostile = newStore();
    const hostileId = await runExercise(hostile, SETUP, (session, clock) => {
      play(session, clock, [{ type: 'phase.escalate', by: BY.commander, reason: '=cmd|" /C calc"!A0' }]);
      clock.advance(1);
      void session.annotate(BY.trainer, '@SUM(1+1)');
    });
    const csv = debriefCsv(await debriefOf(hostile, hostileId), nl, 'nl', { exportedAt: EXPORTED_AT });
    const fields = parseCsv(csv.slice(1)).flat();
    expect(fields).toContain('\'=cmd|" /C calc"!A0');
    expect(fields).toContain("'@SUM(1+1)");
    expect(fields.some((field) => /^[=+\-@]/.test(field))).toBe(false);
  });

  it('uses the current language for the words and keeps Dutch dates', () => {
    const english = parseCsv(debriefCsv(debrief, en, 'en', { exportedAt: EXPORTED_AT, timeZone: 'UTC' }).slice(1));
    expect(english[0]).toEqual(['Exercise', 'Jaarwisseling Utrecht-Centrum']);
    const refused = english.find((row) => row[0] === '7');
    expect(refused).toContain('Deploy the water cannon');
    expect(refused).toContain('31-12-2026 22:05:00');
  });
});
