import type { ImportDto, ImportKind } from '@hubpulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { importsQuery, uploadImport } from '../../api/admin.api';
import { queryKeys } from '../../api/query-keys';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { DataTable } from '../../charts/shared/data-table';
import { Segmented } from '../../charts/shared/segmented';
import { formatDateTime, formatShare } from '../../lib/format';
import { AdminOnlyNotice, isForbidden } from '../admin/admin-gate';
import { PageHeader } from '../shell/page-header';
import { IMPORT_ACCEPT, IMPORT_KINDS, fileFormat, formatBytes, importShare, importSummary, isImportActive, mergeImports, statusLabel } from './imports.transform';

/** How often a running import is asked about. */
const POLL_MS = 1000;

export function ImportsPage() {
  const [latest, setLatest] = useState<ImportDto | null>(null);
  const imports = useQuery({
    ...importsQuery,
    // Poll while something is queued or running; otherwise the list is still.
    refetchInterval: (q) => ((q.state.data?.imports ?? []).some(isImportActive) || (latest && isImportActive(latest)) ? POLL_MS : false),
  });
  const all = useMemo(() => imports.data && mergeImports(imports.data.imports, latest), [imports.data, latest]);
  const current = latest && all?.find((i) => i.id === latest.id);

  if (isForbidden(imports.error)) return <AdminOnlyNotice />;

  return (
    <main className="page admin-page">
      <title>Imports · Hubpulse</title>
      <PageHeader title="Imports">
        <span>Bring in history from a file: events or the people directory, as CSV or NDJSON.</span>
      </PageHeader>

      <ChartPanel title="Upload a file" className="panel--wide-description" description={<>NDJSON: one object per line, as the API takes them. CSV: a header row of those field names; <code>properties.&lt;name&gt;</code>{' '}
              and <code>attributes.&lt;name&gt;</code> columns fill the flat object. Events without an <code>event_id</code> get a stable one from
              their row, so importing a file again counts each event once. Rows with errors are skipped and listed in the error report.</>}>
        <UploadForm onUploaded={setLatest} />
        {current && <ImportProgressView imp={current} />}
      </ChartPanel>

      <ChartPanel title="Import history" description={<>The latest 100 imports, newest first.</>}>
        <QueryStates data={all} error={imports.error} onRetry={() => void imports.refetch()} loadingLabel="Loading imports…" empty={(a) => a.length === 0 && 'No imports yet'}>
          {(a) => <ImportsTable imports={a} />}
        </QueryStates>
      </ChartPanel>
    </main>
  );
}

function UploadForm({ onUploaded }: { onUploaded: (imp: ImportDto) => void }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('events');
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: ({ f, k }: { f: File; k: ImportKind }) => uploadImport(f, k, setSent),
    onMutate: () => setSent(0),
    onSuccess: async (imp) => {
      onUploaded(imp);
      setFile(null);
      if (input.current) input.current.value = '';
      await queryClient.invalidateQueries({ queryKey: queryKeys.imports });
    },
  });
  const format = file && fileFormat(file.name);

  return (
    <form
      className="admin-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.mutate({ f: file, k: kind });
      }}
    >
      <div className="admin-form__row">
        <div className="form-field">
          <span id="import-kind-label">What the file holds</span>
          <Segmented label="What the file holds" options={IMPORT_KINDS} isActive={(o) => o.kind === kind} onSelect={(o) => setKind(o.kind)}>
            {(o) => o.label}
          </Segmented>
          <span className="field-help">{IMPORT_KINDS.find((o) => o.kind === kind)?.help}</span>
        </div>
        <div className="form-field form-field--grow">
          <label htmlFor="import-file">File (CSV or NDJSON)</label>
          <input id="import-file" ref={input} type="file" accept={IMPORT_ACCEPT} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <span className={file && !format ? 'field-error' : 'field-help'}>
            {file ? (format ? `${format}, ${formatBytes(file.size)}` : 'Name the file .csv, .ndjson or .jsonl so Hubpulse knows its format.') : 'Up to 10 GB.'}
          </span>
        </div>
      </div>
      {upload.isPending && (
        <div className="upload-progress" aria-label="Upload">
          <progress max={1} value={sent} />
          <span>Uploading… {formatShare(sent)}</span>
        </div>
      )}
      {upload.error && (
        <p className="form__error" role="alert">
          {upload.error.message}
        </p>
      )}
      <div className="admin-form__actions">
        <button type="submit" className="button button--primary" disabled={!file || !format || upload.isPending}>
          {upload.isPending ? 'Uploading…' : 'Upload and import'}
        </button>
      </div>
    </form>
  );
}

function ImportProgressView({ imp }: { imp: ImportDto }) {
  const share = importShare(imp);
  return (
    <div className={`import-status import-status--${imp.status}`} role="status" aria-live="polite" data-testid="import-status">
      <p className="import-status__title">
        {imp.filename}: {statusLabel(imp.status)}
        {isImportActive(imp) && ` (${formatShare(share)})`}
      </p>
      {isImportActive(imp) && <progress max={1} value={share} aria-label={`Import of ${imp.filename}`} />}
      <p>{importSummary(imp)}</p>
      {imp.error && <p className="field-error">{imp.error}</p>}
      {imp.status === 'done' && imp.progress.rejected > 0 && (
        <p>
          <a className="button button--secondary button--small" href={imp.errors_url} download>
            Download the error report
          </a>{' '}
          <span className="muted">one line per rejected row: its line in the file and why</span>
        </p>
      )}
    </div>
  );
}

function ImportsTable({ imports }: { imports: ImportDto[] }) {
  return (
    <DataTable caption="Imports" columns={['File', 'Kind', 'Uploaded', 'By', 'Status', 'Summary', '']}>
      {imports.map((i) => (
        <tr key={i.id}>
          <th scope="row" className="source-cell">
            <span className="source-cell__name">{i.filename}</span>
            <span className="source-cell__prefix">
              {i.format.toUpperCase()}, {formatBytes(i.size)}
            </span>
          </th>
          <td>{IMPORT_KINDS.find((k) => k.kind === i.kind)?.label ?? i.kind}</td>
          <td>{formatDateTime(i.created_at)}</td>
          <td>{i.created_by.email}</td>
          <td>
            <span className={`badge badge--import-${i.status}`}>{statusLabel(i.status)}</span>
            {i.error && <span className="field-error">{i.error}</span>}
          </td>
          <td>{importSummary(i)}</td>
          <td className="actions-cell">
            {i.progress.rejected > 0 && (
              <a href={i.errors_url} download aria-label={`Error report of ${i.filename}`}>
                Error report
              </a>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
