import { z } from 'zod';

/** Server exports (issue 14): one record and one job per export; the file stays for a retention period. */

export const EXPORT_FORMATS = ['csv', 'xlsx', 'parquet', 'ndjson'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormatName, string> = {
  csv: 'CSV (spreadsheets, any tool)',
  xlsx: 'Excel workbook (XLSX)',
  parquet: 'Parquet (notebooks, BI tools, data lakes)',
  ndjson: 'NDJSON (one JSON object per line)',
};

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** Body of POST /api/exports: a registered view (GET /api/exports/views lists them), its parameters, a format. */
export const exportCreateSchema = z.strictObject(
  {
    view: z.string({ error: 'is required' }).min(1, 'is required').max(100, 'must be at most 100 characters'),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]), { error: 'must be an object of text, number or true/false values' }).default({}),
    format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(', ')}` }),
  },
  { error: (iss: { code: string; keys?: string[] }) => (iss.code === 'unrecognized_keys' ? `unknown field(s) ${(iss.keys ?? []).join(', ')}` : 'must be an object') },
);
export type ExportCreate = z.output<typeof exportCreateSchema>;

/** GET /api/exports/views: what can be exported, for whom. */
export interface ExportViewDto {
  id: string;
  title: string;
  description: string;
  /** Roles that may export it (the roles that may read the view). */
  roles: string[];
  /** Parameter names the view takes, with what each means. */
  params: { name: string; description: string; required: boolean }[];
  /** A large export (member lists, raw events, daily scores per group): always a background job with progress. */
  large: boolean;
}

export interface ExportDto {
  id: string;
  view: string;
  title: string;
  params: Record<string, string | number | boolean>;
  format: ExportFormatName;
  status: ExportStatus;
  /** 0–100 while running. */
  progress: number;
  rows: number | null;
  /** Numbers left empty because they would describe fewer than k people. */
  hidden_cells: number | null;
  bytes: number | null;
  sha256: string | null;
  created_at: string;
  created_by: string;
  finished_at: string | null;
  /** When the file is deleted (retention). */
  expires_at: string;
  error: string | null;
  /** Set once done: the file, and the manifest beside it. */
  file_url: string | null;
  manifest_url: string | null;
  file_name: string | null;
}

/** Column types every format understands (Parquet and XLSX type their columns with them). */
export type TableColumnType = 'string' | 'int' | 'float' | 'bool' | 'date' | 'datetime';

export interface TableColumn {
  name: string;
  type: TableColumnType;
  /** What the column holds, in the manifest and the glossary of the file. */
  description: string;
}

/** A cell: null is empty (no value, or hidden for privacy — the row's note says which). */
export type TableCell = string | number | boolean | null;

/** A view as a table: the numbers of the screen, hidden ones empty, with a note column saying why. */
export interface ViewTable {
  columns: TableColumn[];
  rows: TableCell[][];
  /** Cells left empty for privacy. */
  hidden_cells: number;
}
