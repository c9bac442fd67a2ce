/**
 * CSV as Excel in the Dutch locale reads it: a semicolon between fields (the
 * comma is the decimal sign there), UTF-8 with a byte-order mark (else Excel
 * guesses Windows-1252 and garbles é and ë), CRLF line ends, and fields
 * quoted when they hold a separator, a quote or a line break (RFC 4180).
 *
 * Text typed in an exercise ends up in a spreadsheet, so a cell that starts
 * like a formula (= + - @, or a tab or carriage return that Excel skips
 * before one) gets a leading apostrophe: Excel shows it as text and never
 * runs it (OWASP, "CSV Injection").
 */
export const CSV_SEPARATOR = ';';
export const CSV_BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

/** One field: text neutralised and quoted as needed; numbers as they are; nothing as an empty field. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The whole file: BOM, then each row on its own CRLF-terminated line. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(CSV_SEPARATOR) + CSV_NEWLINE).join('');
}
