import { EXPORT_FORMAT_LABELS, type ExportDto } from '@hubpulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/api.client';
import { downloadExport, exportsQuery } from '../../api/exports.api';
import { queryKeys } from '../../api/query-keys';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { DataTable } from '../../charts/shared/data-table';
import { saveBlob } from '../../lib/download';
import { formatBytes, formatCount, formatDateTime } from '../../lib/format';

/** While any export runs, the history is asked again this often. */
const REFRESH_MS = 1000;

const STATUS_LABELS: Record<ExportDto['status'], string> = { queued: 'Queued', running: 'Running', done: 'Ready', failed: 'Failed', expired: 'Deleted (past retention)' };

/** Reports → Exports: your exports, their manifests and hashes, downloadable until their retention ends. */
export function ExportsPage() {
  const query = useQuery({ ...exportsQuery, refetchInterval: (q) => (q.state.data?.some((e) => e.status === 'queued' || e.status === 'running') ? REFRESH_MS : false) });
  const queryClient = useQueryClient();
  const download = useMutation({
    mutationFn: ({ dto, what }: { dto: ExportDto; what: 'file' | 'manifest' }) => downloadExport(dto, what),
    onSuccess: ({ blob, fileName }, { dto, what }) => saveBlob(fileName ?? (what === 'file' ? (dto.file_name ?? `hubpulse-export.${dto.format}`) : `${dto.file_name ?? 'hubpulse-export'}.manifest.json`), blob),
  });
  const rerun = useMutation({
    mutationFn: async (dto: ExportDto) => {
      const manifest = await apiRequest<Record<string, unknown>>(dto.manifest_url!);
      return apiRequest<ExportDto>('/api/exports/rerun', { method: 'POST', body: manifest });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.exports }),
  });

  return (
    <ChartPanel
      title="Exports"
      description="Files made from the views, with the manifest beside each (the view, its parameters, the minimum group size, versions, the data they were made from). Files are deleted after the retention period; “Again from manifest” makes the same file, byte for byte, while the data is unchanged."
    >
      {(download.isError || rerun.isError) && (
        <p className="form__error" role="alert">
          {String(((download.error ?? rerun.error) as Error).message)}
        </p>
      )}
      <QueryStates data={query.data} error={query.error} onRetry={() => void query.refetch()} loadingLabel="Loading your exports…" empty={(rows) => rows.length === 0 && 'No exports yet: use Export ▾ on any panel.'}>
        {(rows) => (
          <DataTable caption="Your exports" columns={['When (UTC)', 'View', 'Format', 'Status', 'Rows', 'Hidden cells', 'Size', 'SHA-256', 'Kept until', '']}>
            {rows.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{formatDateTime(e.created_at)}</td>
                <td>
                  {e.title}
                  {Object.keys(e.params).length > 0 && (
                    <div className="muted small">
                      {Object.entries(e.params)
                        .map(([k, v]) => `${k}: ${String(v)}`)
                        .join(' · ')}
                    </div>
                  )}
                </td>
                <td title={EXPORT_FORMAT_LABELS[e.format]}>{e.format.toUpperCase()}</td>
                <td>
                  {STATUS_LABELS[e.status]}
                  {e.status === 'running' && ` ${e.progress}%`}
                  {e.error && <div className="form__error small">{e.error}</div>}
                </td>
                <td className="num">{e.rows === null ? '' : formatCount(e.rows)}</td>
                <td className="num">{e.hidden_cells === null ? '' : formatCount(e.hidden_cells)}</td>
                <td className="num nowrap">{e.bytes === null ? '' : formatBytes(e.bytes)}</td>
                <td>{e.sha256 && <code title={e.sha256}>{e.sha256.slice(0, 12)}…</code>}</td>
                <td className="nowrap">{formatDateTime(e.expires_at)}</td>
                <td>
                  {e.status === 'done' && (
                    <div className="export-actions">
                      <button type="button" className="button button--secondary button--small" onClick={() => download.mutate({ dto: e, what: 'file' })} aria-label={`Download ${e.title} (${e.format.toUpperCase()})`}>
                        Download
                      </button>
                      <button type="button" className="button button--ghost button--small" onClick={() => download.mutate({ dto: e, what: 'manifest' })} aria-label={`Manifest of ${e.title} (${e.format.toUpperCase()})`}>
                        Manifest
                      </button>
                      <button type="button" className="button button--ghost button--small" disabled={rerun.isPending} onClick={() => rerun.mutate(e)} aria-label={`Export ${e.title} again from its manifest`}>
                        Again from manifest
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryStates>
    </ChartPanel>
  );
}
