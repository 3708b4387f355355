import { z } from 'zod';
import type { ImportFormat } from '@hubpulse/queue';

/** Query of `POST /api/imports`; the file is the raw request body. */
export const importQuerySchema = z.object({
  kind: z.enum(['events', 'people', 'content'], { error: 'must be events, people or content' }),
  format: z.enum(['ndjson', 'csv'], { error: 'must be ndjson or csv' }).optional(),
  filename: z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters').optional(),
});
export type ImportQuery = z.output<typeof importQuerySchema>;

/** The format when the query gives none: from the file name (.csv, .ndjson, .jsonl, optionally .gz), else the Content-Type. */
export function inferFormat(filename: string | undefined, contentType: string | undefined): ImportFormat | undefined {
  const name = (filename ?? '').toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) return 'ndjson';
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/jsonlines') return 'ndjson';
  return undefined;
}
