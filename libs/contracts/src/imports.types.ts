/** Bulk imports (`/api/imports`): the file's meta as the API and the import worker keep it. */

export type ImportKind = 'events' | 'people' | 'content';
export type ImportFormat = 'ndjson' | 'csv';
export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

/** Counters of an import; also the BullMQ job progress. */
export interface ImportProgress {
  /** Bytes of the (decompressed) file read so far, and its size. */
  bytes: number;
  total: number;
  /** Records read (NDJSON lines that are not blank, CSV records after the header). */
  rows: number;
  accepted: number;
  rejected: number;
}

/**
 * What the API and the import worker know about one import (meta.json beside the upload): the
 * API writes it on upload, the worker updates it while it runs.
 */
export interface ImportMeta {
  id: string;
  kind: ImportKind;
  format: ImportFormat;
  filename: string;
  /** Bytes stored (after gzip/deflate/br decoding of the upload). */
  size: number;
  created_by: { id: string; email: string };
  created_at: string;
  status: ImportStatus;
  progress: ImportProgress;
  /** Chunks written so far in the current attempt. */
  chunks: number;
  attempts: number;
  started_at: string | null;
  finished_at: string | null;
  /** Why the import failed (or why the last attempt failed, while a retry is queued). */
  error: string | null;
}

/** One import as `GET /api/imports` and `GET /api/imports/:id` show it. */
export type ImportDto = ImportMeta & { errors_url: string };
