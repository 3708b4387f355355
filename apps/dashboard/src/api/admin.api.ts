// Admin → Write keys, Imports and Audit: the existing ingestion-key, import and audit-log endpoints.
import { infiniteQueryOptions } from '@tanstack/react-query';
import type { AuditFacetsDto, AuditLogEntryDto, ImportDto, ImportKind, WriteKeyCreate, WriteKeyDto } from '@hubpulse/contracts';
import { ApiError, apiDownload, apiRequest, withQuery } from './api.client';
import { queryKeys } from './query-keys';

export interface CreatedWriteKey extends WriteKeyCreate {
  id: string;
  /** The key itself: in this answer only. */
  key: string;
  note: string;
}

export const writeKeysQuery = {
  queryKey: queryKeys.writeKeys,
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<{ keys: WriteKeyDto[] }>('/api/ingestion/keys', { signal }),
};

export function createWriteKey(spec: WriteKeyCreate): Promise<CreatedWriteKey> {
  return apiRequest<CreatedWriteKey>('/api/ingestion/keys', { method: 'POST', body: spec });
}

/** Sets the web origins a browser key may send from (its CORS allow-list). */
export function setWriteKeyOrigins(id: string, origins: string[]): Promise<WriteKeyDto> {
  return apiRequest<WriteKeyDto>(`/api/ingestion/keys/${encodeURIComponent(id)}`, { method: 'PATCH', body: { allowed_origins: origins } });
}

export function revokeWriteKey(id: string): Promise<void> {
  return apiRequest<void>(`/api/ingestion/keys/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export const importsQuery = {
  queryKey: queryKeys.imports,
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<{ imports: ImportDto[] }>('/api/imports', { signal }),
};

/** Admin → Audit's filters as the API takes them (empty = not filtered). */
export interface AuditParams {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
}

/** Entries per page of Admin → Audit. */
export const AUDIT_PAGE_SIZE = 200;

/** The log a page at a time, newest first; the next page starts after the last entry shown. */
export function auditPagesQuery(params: AuditParams) {
  return infiniteQueryOptions({
    queryKey: queryKeys.audit(params),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => apiRequest<AuditLogEntryDto[]>(withQuery('/api/audit', { ...params, before: pageParam, limit: String(AUDIT_PAGE_SIZE) }), { signal }),
    getNextPageParam: (last: AuditLogEntryDto[]) => (last.length < AUDIT_PAGE_SIZE ? undefined : last[last.length - 1].id),
  });
}

export const auditFacetsQuery = {
  queryKey: queryKeys.auditFacets,
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<AuditFacetsDto>('/api/audit/facets', { signal }),
};

/** Every entry matching the filters as CSV, built by the server (the export is itself audited). */
export function downloadAuditCsv(params: AuditParams): Promise<{ blob: Blob; fileName: string | null }> {
  return apiDownload(withQuery('/api/audit/export.csv', { ...params }), 'text/csv');
}

/**
 * Uploads a file as the raw request body of `POST /api/imports`. XMLHttpRequest rather than fetch:
 * only it reports upload progress. `onProgress` gets the share sent (0–1).
 */
export function uploadImport(
  file: File,
  kind: ImportKind,
  onProgress: (sent: number) => void,
  signal?: AbortSignal,
): Promise<ImportDto> {
  const path = withQuery('/api/imports', { kind, filename: file.name });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', uploadContentType(file.name));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText) as { import?: ImportDto; message?: string | string[]; request_id?: string } | undefined;
      if (xhr.status >= 200 && xhr.status < 300 && body?.import) return resolve(body.import);
      const raw = body?.message;
      const messages = Array.isArray(raw) ? raw : raw ? [raw] : [`Upload failed (${xhr.status}).`];
      reject(new ApiError(xhr.status, messages, path, body?.request_id ?? xhr.getResponseHeader('x-request-id') ?? undefined));
    };
    xhr.onerror = () => reject(new ApiError(0, ['Could not reach the Hubpulse server. Check your connection and try again.'], path));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

/** The API takes text/csv, application/x-ndjson or octet-stream (never application/json). */
export function uploadContentType(fileName: string): string {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) return 'application/x-ndjson';
  return 'application/octet-stream';
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
