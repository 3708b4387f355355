import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { KPI_CSV_HELP, type KpiImportResultDto } from '@hubpulse/contracts';
import { isApiError } from '../../api/api.client';
import { importKpiCsv } from '../../api/goals.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { useRefreshGoals } from './use-strategy';
import { DataTable } from '../../charts/shared/data-table';

/** Upload a CSV of monthly values: good rows are stored, bad rows come back by line and column. */
export function KpiImportPanel({ goalId }: { goalId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const refresh = useRefreshGoals();
  const upload = useMutation({
    mutationFn: (f: File) => importKpiCsv(goalId, f),
    onSuccess: async (result) => {
      if (result.stored > 0) await refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) upload.mutate(file);
  };
  const refused = upload.error;
  return (
    <ChartPanel title="Import KPI values from CSV" description={KPI_CSV_HELP} className="panel--wide no-print kpi-import">
      <form className="inline-form" onSubmit={submit} aria-label="Upload KPI values">
        <label className="form-field inline-form__grow">
          <span>CSV file</span>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              upload.reset();
            }}
          />
        </label>
        <div className="inline-form__actions">
          <button type="submit" className="button button--primary" disabled={!file || upload.isPending}>
            {upload.isPending ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
      <pre className="csv-example" aria-label="Example file">
        {'period,value,note\n2026-01,41250000,\n2026-02,41900000,restated after audit'}
      </pre>
      {refused && (
        <div className="form__error" role="alert">
          <p>{isApiError(refused) && refused.status === 400 ? 'Nothing was imported: the file was refused.' : 'The import failed.'}</p>
          <ul className="import-errors__list">
            {(isApiError(refused) ? refused.messages : [refused.message]).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {upload.data && <ImportResult result={upload.data} />}
    </ChartPanel>
  );
}

function ImportResult({ result }: { result: KpiImportResultDto }) {
  const ok = result.rejected === 0;
  return (
    <div className={ok ? 'import-result import-result--ok' : 'import-result import-result--partial'} role="status" aria-label="Import result">
      <p className="import-result__head">
        {result.filename}: {result.rows} row{result.rows === 1 ? '' : 's'} read, {result.stored} stored ({result.created} new, {result.updated} replaced)
        {result.rejected > 0 && `, ${result.rejected} rejected`}.
      </p>
      {result.errors.length > 0 && (
        <DataTable caption="Rows not imported — fix them in the file and import it again (good rows are already stored)" captionClass={null} className="import-errors" columns={[{ num: 'Line' }, 'Column', 'Problem']} bare>
          {result.errors.map((e, i) => (
            <tr key={`${e.line}-${e.column}-${i}`}>
              <td className="num">{e.line}</td>
              <td>{e.column ?? 'whole row'}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
