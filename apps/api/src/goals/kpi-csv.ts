import { KPI_CSV_OPTIONAL_COLUMNS, KPI_CSV_REQUIRED_COLUMNS, type KpiImportErrorDto } from '@hubpulse/contracts';
import { CsvParser, type CsvRecord } from '@hubpulse/ingestion';
import { z } from 'zod';
import { InvalidInputError } from '../common/errors';
import { readCsvText, type BodyRequest } from '../common/request-body';

/** A data row that parsed: month (YYYY-MM-01), value, note. Still to be checked against the goal. */
interface KpiCsvRow {
  line: number;
  period: string;
  value: number;
  note: string | null;
}

/** Query of the KPI CSV import: the file's name, shown in each value's note; never a 400. */
export const kpiImportQuerySchema = z
  .object({ filename: z.unknown().optional() })
  .transform(({ filename: v }) => ({ filename: typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : 'upload.csv' }));

/** Data rows read at most from one file. */
const KPI_CSV_MAX_ROWS = 10_000;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const EXPECTED = `${KPI_CSV_REQUIRED_COLUMNS.join(',')}[,${KPI_CSV_OPTIONAL_COLUMNS.join(',')}]`;
const shown = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** A month as YYYY-MM or YYYY-MM-01 → YYYY-MM-01, or null. */
export function parsePeriod(s: string): string | null {
  const m = /^(\d{4})-(\d{2})(?:-01)?$/.exec(s);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${m[2]}-01` : null;
}

/**
 * KPI values from CSV text, pushed in pieces as they arrive (RFC 4180 via the import parser: quoted
 * fields, doubled quotes, CRLF/LF/CR, BOM, blank lines skipped). The header row must name period
 * and value (and optionally note) in any order and case: anything else is a 400 before any row is
 * read. Each bad row becomes an error with its line and column; good rows are returned for storing.
 */
export class KpiCsvReader {
  private readonly parser = new CsvParser(64 * 1024);
  private readonly pending: CsvRecord[] = [];
  private columns: Record<'period' | 'value' | 'note', number> | null = null;
  private width = 0;
  private readonly firstLine = new Map<string, number>();
  readonly rows: KpiCsvRow[] = [];
  readonly errors: KpiImportErrorDto[] = [];
  /** Data rows read (good and bad). */
  read = 0;

  push(text: string): void {
    this.parser.push(text, this.pending);
    this.drain();
  }

  end(): void {
    this.parser.end(this.pending);
    this.drain();
    if (!this.columns) throw new InvalidInputError([`body: empty file; expected a header row ${EXPECTED}`]);
  }

  private drain(): void {
    for (const record of this.pending.splice(0)) {
      if (!this.columns) this.header(record);
      else this.row(record);
    }
  }

  private header(record: CsvRecord): void {
    if (record.error) throw new InvalidInputError([`header (line ${record.line}): ${record.error}`]);
    const names = record.cells.map((c) => c.trim().toLowerCase());
    const problems: string[] = [];
    const known = new Set<string>([...KPI_CSV_REQUIRED_COLUMNS, ...KPI_CSV_OPTIONAL_COLUMNS]);
    const unknown = names.filter((n) => !known.has(n));
    const repeated = names.filter((n, i) => names.indexOf(n) !== i);
    const missing = KPI_CSV_REQUIRED_COLUMNS.filter((n) => !names.includes(n));
    if (missing.length) problems.push(`header: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
    if (unknown.length) problems.push(`header: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map(shown).join(', ')}`);
    if (repeated.length) problems.push(`header: repeated column ${[...new Set(repeated)].join(', ')}`);
    if (problems.length) {
      throw new InvalidInputError([...problems, `header: expected ${EXPECTED} (got ${record.cells.map(shown).join(',')})`]);
    }
    this.columns = { period: names.indexOf('period'), value: names.indexOf('value'), note: names.indexOf('note') };
    this.width = names.length;
  }

  private row(record: CsvRecord): void {
    this.read++;
    if (this.read > KPI_CSV_MAX_ROWS) throw new InvalidInputError([`body: more than ${KPI_CSV_MAX_ROWS} data rows; split the file`]);
    const bad = (column: string | null, message: string) => void this.errors.push({ line: record.line, column, message });
    if (record.error) return bad(null, record.error);
    if (record.cells.length !== this.width) {
      return bad(null, `has ${record.cells.length} field${record.cells.length === 1 ? '' : 's'}, the header has ${this.width}`);
    }
    const c = this.columns!;
    const periodText = record.cells[c.period].trim();
    const valueText = record.cells[c.value].trim();
    const note = c.note >= 0 ? record.cells[c.note].trim() || null : null;
    let ok = true;
    const fail = (column: string, message: string) => {
      bad(column, message);
      ok = false;
    };
    const period = parsePeriod(periodText);
    if (!periodText) fail('period', 'required: a month YYYY-MM or YYYY-MM-01');
    else if (!period) fail('period', `must be a month YYYY-MM or YYYY-MM-01 (got ${shown(periodText)})`);
    const value = NUMBER.test(valueText) ? Number(valueText) : NaN;
    if (!valueText) fail('value', 'required: a number');
    else if (!Number.isFinite(value)) fail('value', `must be a plain number with a dot as decimal separator and no thousands separators (got ${shown(valueText)})`);
    if (note && note.length > 500) fail('note', 'must be at most 500 characters');
    if (!ok || !period) return;
    const first = this.firstLine.get(period);
    if (first !== undefined) return bad('period', `${period} is already on line ${first}: one value per month`);
    this.firstLine.set(period, record.line);
    this.rows.push({ line: record.line, period, value, note });
  }
}

/** The request's CSV body read into a KpiCsvReader (415 / 413 / 400 as readCsvText refuses; 400 for a bad header). */
export async function readKpiCsv(req: BodyRequest): Promise<KpiCsvReader> {
  const reader = new KpiCsvReader();
  await readCsvText(req, reader);
  return reader;
}
