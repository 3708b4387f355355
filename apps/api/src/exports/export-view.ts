import { z } from 'zod';
import { ROLES, type ExportFormatName, type ExportViewDto, type Role, type SessionUser, type TableCell, type TableColumn, type ViewTable } from '@hubpulse/contracts';

/**
 * What an export writes: the columns, the rows a page at a time, and what the manifest says of them.
 * Counts are known once the pages have been read (a stream is counted as it goes).
 */
export interface ExportSource {
  title: string;
  columns: readonly TableColumn[];
  pages: AsyncIterable<readonly (readonly TableCell[])[]>;
  /** Cells left empty for privacy (known up front for a view table; 0 for member lists and raw events, which are not statistics). */
  hiddenCells: number;
  /** Segment membership versions the rows come from (segment id → version), for the manifest. */
  segmentVersions: Record<string, number>;
  /** Rows to expect, where known before reading (for progress). */
  expectedRows?: number;
}

export interface ExportView<P> {
  id: string;
  title: string;
  description: string;
  roles: readonly Role[];
  params: z.ZodType<P>;
  paramDocs: ExportViewDto['params'];
  large: boolean;
  source(params: P, user: SessionUser, format: ExportFormatName): Promise<ExportSource>;
}

export const RANGE_DOCS = [
  { name: 'from', description: 'First day, YYYY-MM-DD (default as on the page)', required: false },
  { name: 'to', description: 'Last day, YYYY-MM-DD (default: the newest event day)', required: false },
];

export const ALL_ROLES: readonly Role[] = ROLES;

export const idParams = (what: string) => z.strictObject({ id: z.string({ error: `is required: the ${what}'s id` }).min(1, `is required: the ${what}'s id`).max(36, 'must be at most 36 characters') });

/** A view table as one page. */
export function tableSource(title: string, t: ViewTable, segmentVersions: Record<string, number> = {}): ExportSource {
  return { title, columns: t.columns, pages: once(t.rows), hiddenCells: t.hidden_cells, segmentVersions, expectedRows: t.rows.length };
}

async function* once<T>(rows: T[]): AsyncIterable<T[]> {
  yield rows;
}

