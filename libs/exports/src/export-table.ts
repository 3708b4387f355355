// The table contract between views and format writers (issue 14): columns with a type and a
// description, rows in pages, every cell nullable (a hidden cell is null).

export type ExportColumnType = 'string' | 'int' | 'float' | 'bool' | 'date' | 'datetime';

export interface ExportColumn {
  name: string;
  type: ExportColumnType;
  description: string;
}

/** date: 'YYYY-MM-DD'; datetime: ISO 'YYYY-MM-DDTHH:mm:ss.sssZ'; null: empty (no value, or hidden). */
export type ExportCell = string | number | boolean | null;

export interface ExportTable {
  columns: readonly ExportColumn[];
  /** Pages of rows, read once, in order; a writer holds at most one page (plus its own buffer). */
  rows: AsyncIterable<readonly (readonly ExportCell[])[]>;
}

export const EXPORT_FORMATS = ['csv', 'xlsx', 'parquet', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  csv: 'csv',
  xlsx: 'xlsx',
  parquet: 'parquet',
  ndjson: 'ndjson',
};

/** The content type of the manifest written beside every file. */
export const MANIFEST_CONTENT_TYPE = 'application/json; charset=utf-8';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Why `cell` does not fit `column`, or null when it does (null fits every column). */
export function cellProblem(column: ExportColumn, cell: ExportCell): string | null {
  if (cell === null) return null;
  switch (column.type) {
    case 'string':
      return typeof cell === 'string' ? null : 'expected text';
    case 'int':
      return typeof cell === 'number' && Number.isSafeInteger(cell) ? null : 'expected a whole number';
    case 'float':
      return typeof cell === 'number' ? null : 'expected a number';
    case 'bool':
      return typeof cell === 'boolean' ? null : 'expected true or false';
    case 'date':
      return typeof cell === 'string' && DATE.test(cell) ? null : "expected a date 'YYYY-MM-DD'";
    case 'datetime':
      return typeof cell === 'string' && DATETIME.test(cell) ? null : "expected a UTC time 'YYYY-MM-DDTHH:mm:ss.sssZ'";
  }
}

/** Column names must be unique and printable: they become CSV headers, JSON keys and Parquet/XLSX column names. */
export function checkColumns(columns: readonly ExportColumn[]): void {
  if (columns.length === 0) throw new Error('an export table needs at least one column');
  const seen = new Set<string>();
  for (const c of columns) {
    // eslint-disable-next-line no-control-regex
    if (!c.name || /[\u0000-\u001f\u007f]/.test(c.name)) throw new Error(`export column name ${JSON.stringify(c.name)} is empty or holds a control character`);
    if (seen.has(c.name)) throw new Error(`export column ${JSON.stringify(c.name)} appears twice`);
    seen.add(c.name);
  }
}

/**
 * The table's pages, each row checked against the columns (width and cell types): a view that
 * breaks the contract fails the export with the row and column named, instead of writing a file
 * whose types lie.
 */
export async function* checkedPages(table: ExportTable): AsyncGenerator<readonly (readonly ExportCell[])[]> {
  const { columns } = table;
  checkColumns(columns);
  let index = 0;
  for await (const page of table.rows) {
    for (const row of page) {
      if (row.length !== columns.length) throw new Error(`export row ${index + 1} has ${row.length} cells for ${columns.length} columns`);
      for (let i = 0; i < columns.length; i++) {
        const problem = cellProblem(columns[i], row[i]);
        if (problem) throw new Error(`export row ${index + 1}, column ${columns[i].name}: ${problem}, got ${JSON.stringify(row[i])}`);
      }
      index++;
    }
    yield page;
  }
}
