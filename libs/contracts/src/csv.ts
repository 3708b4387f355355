// CSV cells and files for every export (dashboard and server): RFC 4180 quoting, CRLF line ends, and spreadsheet formulas defused.

export type CsvCell = string | number | boolean | null | undefined;

/** A cell a spreadsheet would run as a formula (event names and reasons come from outside senders). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: null/undefined → empty; numbers as they are; text quoted when it holds a comma, a
 * quote or a line break (quotes doubled). Text that starts like a formula gets a leading `'`
 * so Excel and Sheets show it instead of evaluating it.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row, CRLF-separated, ending with a CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A file name safe on every OS: `hubpulse-data-sources-60min-2026-03-01T0930Z.csv`. */
export function csvFileName(stem: string, at: Date): string {
  const stamp = Number.isNaN(at.getTime()) ? '' : `-${at.toISOString().slice(0, 16).replace(/:/g, '')}Z`;
  return `hubpulse-${stem.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}${stamp}.csv`;
}

/**
 * The note a CSV row carries when some of its numbers were hidden below the privacy minimum: the
 * cells themselves are empty (never 0), and this says why.
 */
export function suppressedCsvNote(minGroupSize: number): string {
  return `hidden: fewer than ${minGroupSize} people`;
}
