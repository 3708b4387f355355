// Server exports: every view as CSV, XLSX, Parquet or NDJSON with a manifest (POST /api/exports, then poll).
import type { ExportDto, ExportFormatName } from '@hubpulse/contracts';
import { apiDownload, apiRequest } from './api.client';
import { queryKeys } from './query-keys';

export type ExportParams = Record<string, string | number | boolean | undefined>;

export function createExport(view: string, params: ExportParams, format: ExportFormatName): Promise<ExportDto> {
  const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== ''));
  return apiRequest<ExportDto>('/api/exports', { method: 'POST', body: { view, params: defined, format } });
}

export function getExport(id: string): Promise<ExportDto> {
  return apiRequest<ExportDto>(`/api/exports/${encodeURIComponent(id)}`);
}

/** Your exports, newest first (the Reports → Exports history); refetched while one is running. */
export const exportsQuery = {
  queryKey: queryKeys.exports,
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<ExportDto[]>('/api/exports', { signal }),
};

/** The finished file (or its manifest), with the server's file name. */
export function downloadExport(dto: ExportDto, what: 'file' | 'manifest'): Promise<{ blob: Blob; fileName: string | null }> {
  const url = what === 'file' ? dto.file_url : dto.manifest_url;
  if (!url) throw new Error('The export is not ready yet.');
  return apiDownload(url, what === 'file' ? '*/*' : 'application/json');
}
