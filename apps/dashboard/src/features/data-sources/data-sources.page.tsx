import type { IngestionSourcesResponse } from '@hubpulse/contracts';
import { useMemo } from 'react';
import { ErrorState, LoadingState } from '../../charts/shared/chart-states';
import { Segmented } from '../../charts/shared/segmented';
import { ExportMenu } from '../../charts/shared/export-menu';
import { formatInteger } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { AdminOnlyNotice, isForbidden } from '../admin/admin-gate';
import { DataSourcesTable } from './data-sources-table';
import {
  WINDOW_OPTIONS,
  buildSourceRows,
  formatElapsed,
  formatRejectedShare,
  summarizeSources,
  windowLabel,
} from './data-sources.transform';
import { SendDataHelp } from './send-data-help';
import { REFRESH_MS, useDataSources, useWindowSelection } from './use-data-sources';
import { PageHeader } from '../shell/page-header';

export function DataSourcesPage() {
  const { windowMinutes } = useWindowSelection();
  const query = useDataSources();
  const { data, error, isPlaceholderData } = query;

  if (isForbidden(error)) return <AdminOnlyNotice />;

  return (
    <main className="page" aria-busy={isPlaceholderData || undefined}>
      <title>Data sources · Hubpulse</title>
      <PageHeader title="Data sources" aside={<WindowControl />}>
        <span>Events received in the last {windowLabel(windowMinutes)}, per write key and format</span>
        {data && <UpdatedNote updatedAt={query.dataUpdatedAt} failed={query.isRefetchError} />}
      </PageHeader>

      <section aria-label="Data sources" className={isPlaceholderData ? 'panel is-stale' : 'panel'}>
        {data ? (
          <SourcesPanelBody data={data} />
        ) : error ? (
          <ErrorState error={error} onRetry={() => void query.refetch()} />
        ) : (
          <LoadingState label="Loading data sources…" />
        )}
      </section>
    </main>
  );
}

function WindowControl() {
  const { windowMinutes, setWindow } = useWindowSelection();
  return (
    <Segmented label="Time window" options={WINDOW_OPTIONS} isActive={(o) => o.minutes === windowMinutes} onSelect={(o) => setWindow(o.minutes)}>
      {(o) => o.label}
    </Segmented>
  );
}

/** "Updated 7 s ago", counting; says so when the last refresh failed and the numbers are older. */
function UpdatedNote({ updatedAt, failed }: { updatedAt: number; failed: boolean }) {
  const now = useNow(1000);
  const ago = formatElapsed(now - updatedAt);
  return (
    <span className={failed ? 'updated-note updated-note--failed' : 'updated-note'}>
      {failed ? `Refresh failed; showing data from ${ago}` : `Updated ${ago}`} · refreshes every {REFRESH_MS / 1000} s
    </span>
  );
}

function SourcesPanelBody({ data }: { data: IngestionSourcesResponse }) {
  // Relative times move on with each refresh and in between, without redrawing every second.
  const now = useNow(REFRESH_MS);
  const rows = useMemo(() => buildSourceRows(data, now), [data, now]);
  const summary = summarizeSources(rows);
  const share = formatRejectedShare(summary.rejectedShare);
  const windowText = windowLabel(data.window_minutes);
  const hasRejects = data.sources.some((s) => (s.rejects_by_reason ?? []).length > 0);

  return (
    <>
      <header className="panel__header">
        <div className="panel__heading">
          <h2 className="panel__title">Sources</h2>
          <p className="panel__description">
            Accepted events are stored; rejected ones are not, and their reasons are listed under each source. Lag is the time from an
            event happening to Hubpulse storing it.
          </p>
        </div>
        <div className="panel__aside panel__aside--stack">
          <dl className="kpis">
            <div>
              <dt>Accepted</dt>
              <dd>{formatInteger(summary.accepted)}</dd>
            </div>
            <div>
              <dt>Rejected</dt>
              <dd className={summary.rejected > 0 ? 'kpis__bad' : undefined}>
                {formatInteger(summary.rejected)}
                {share && <span className="kpis__share"> ({share})</span>}
              </dd>
            </div>
          </dl>
          <div className="panel__actions">
            <ExportMenu view="ingestion.sources" params={{ window: data.window_minutes }} what="data sources" disabled={rows.length === 0} />
            <ExportMenu view="ingestion.rejects" params={{ window: data.window_minutes }} what="rejects by reason" label="Export rejects" disabled={!hasRejects} />
          </div>
        </div>
      </header>

      {rows.length === 0 ? (
        <div className="chart-state chart-state--empty chart-state--left">
          <p className="chart-state__title">No events in the last {windowText}</p>
          <SendDataHelp />
        </div>
      ) : (
        <>
          <DataSourcesTable rows={rows} windowText={windowText} />
          <details className="send-help__details">
            <summary>How to send data</summary>
            <SendDataHelp />
          </details>
        </>
      )}
    </>
  );
}
