import { Fragment, useState } from 'react';
import { SourceSparkline } from '../../charts/ingestion/source-sparkline';
import { formatInteger } from '../../lib/format';
import type { SourceRow } from './data-sources.transform';
import { DataTable, TableHead } from '../../charts/shared/data-table';

const COLUMNS = 9;

/** One row per write key and format; rejects by reason open under their row. */
export function DataSourcesTable({ rows, windowText }: { rows: SourceRow[]; windowText: string }) {
  const bucket = rows[0]?.series.bucketMinutes ?? 1;
  // Ids are stable across refreshes, so an open row stays open as the data updates.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <DataTable caption={<>Events received per write key and format, last {windowText}</>} columns={['Source', 'Format', { num: 'Events / min' }, { num: 'Accepted' }, { num: 'Rejected' }, 'Last event', { num: <abbr title="Median time from the event happening to Hubpulse storing it">Lag p50</abbr> }, { num: <abbr title="95th percentile: 95% of events were stored at least this fast">Lag p95</abbr> }, bucket === 1 ? 'Per minute' : `Per ${bucket} min`]}>
      {rows.map((row) => (
        <Fragment key={row.id}>
          <SourceRowView row={row} expanded={open.has(row.id)} onToggle={() => toggle(row.id)} />
          {open.has(row.id) && row.rejects.length > 0 && (
            <tr className="data-table__detail" id={detailId(row)}>
              <td colSpan={COLUMNS}>
                <RejectsByReason row={row} />
              </td>
            </tr>
          )}
        </Fragment>
      ))}
    </DataTable>
  );
}

function detailId(row: SourceRow): string {
  return `rejects-${row.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function sourceName(row: SourceRow): string {
  return `${row.keyName} (${row.formatLabel})`;
}

function SourceRowView({ row, expanded, onToggle }: { row: SourceRow; expanded: boolean; onToggle: () => void }) {
  const peak = row.series.points.reduce((m, p) => Math.max(m, p.accepted + p.rejected), 0);
  const per = row.series.bucketMinutes === 1 ? 'minute' : `${row.series.bucketMinutes} minutes`;
  return (
    <tr className={expanded ? 'is-expanded' : undefined}>
      <th scope="row" className="source-cell">
        <span className={row.internal ? 'source-cell__name source-cell__name--internal' : 'source-cell__name'}>{row.keyName}</span>
        {row.keyPrefix ? (
          <code className="source-cell__prefix" title="The start of the write key">
            {row.keyPrefix}…
          </code>
        ) : (
          row.internal && <span className="source-cell__prefix">no write key</span>
        )}
      </th>
      <td>
        <span className={row.knownFormat ? `badge badge--format badge--format-${row.format}` : 'badge badge--format'}>{row.formatLabel}</span>
      </td>
      <td className="num">{row.eventsPerMinute}</td>
      <td className="num">{formatInteger(row.accepted)}</td>
      <td className="num">
        <span className="rejected-cell">
          <span className={row.rejected > 0 ? 'rejected-cell__count has-rejects' : 'rejected-cell__count'}>{formatInteger(row.rejected)}</span>
          {row.rejects.length > 0 && (
            <button
              type="button"
              className="disclosure"
              aria-expanded={expanded}
              aria-controls={expanded ? detailId(row) : undefined}
              aria-label={`${expanded ? 'Hide' : 'Show'} reasons for rejected events from ${sourceName(row)}`}
              onClick={onToggle}
            >
              <span className="disclosure__icon" aria-hidden="true" />
              {row.rejects.length === 1 ? '1 reason' : `${row.rejects.length} reasons`}
            </button>
          )}
        </span>
      </td>
      <td>
        <span title={row.lastEventAt ?? undefined} className={row.lastEventAt ? undefined : 'muted'}>
          {row.lastSeen}
        </span>
      </td>
      <td className="num">{row.lagP50}</td>
      <td className="num">{row.lagP95}</td>
      <td className="spark-cell">
        {row.series.points.length > 0 ? (
          <>
            {/* inert: Recharts makes its surface focusable, and a hidden picture must not take focus */}
            <div className="spark" aria-hidden="true" inert>
              <SourceSparkline series={row.series} source={sourceName(row)} />
            </div>
            <span className="visually-hidden">
              At most {formatInteger(peak)} events per {per}
            </span>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}

function RejectsByReason({ row }: { row: SourceRow }) {
  const total = row.rejects.reduce((n, r) => n + r.count, 0);
  return (
    <table className="reasons-table">
      <caption>Why events from {sourceName(row)} were rejected</caption>
      <TableHead columns={['Reason', { num: 'Events' }, { num: 'Share' }]} />
      <tbody>
        {row.rejects.map((r) => (
          <tr key={r.reason}>
            <td className="reasons-table__reason">{r.reason}</td>
            <td className="num">{formatInteger(r.count)}</td>
            <td className="num">{total > 0 ? `${Math.round((r.count / total) * 100)}%` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
