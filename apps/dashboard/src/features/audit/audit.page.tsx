import { auditActionLabel } from '@hubpulse/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { auditQuery } from '../../api/admin.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { DataTable } from '../../charts/shared/data-table';
import { ExportCsvButton } from '../../charts/shared/export-csv-button';
import { formatDateTime } from '../../lib/format';
import { AdminOnlyNotice, isForbidden } from '../admin/admin-gate';
import { PageHeader } from '../shell/page-header';
import { AUDIT_LIMIT, type AuditFilter, EMPTY_AUDIT_FILTER, applyAuditSearch, auditChoices, auditCsv, countText, describeDetails, filterAudit, parseAuditSearch } from './audit.transform';

export function AuditPage() {
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => parseAuditSearch(search), [search]);
  const setFilter = (f: AuditFilter) => setSearch((current) => applyAuditSearch(current, f), { replace: true });
  const query = useQuery(auditQuery({ limit: AUDIT_LIMIT }));
  const entries = query.data;
  const shown = useMemo(() => entries && filterAudit(entries, filter), [entries, filter]);
  const choices = useMemo(() => auditChoices(entries ?? []), [entries]);

  if (isForbidden(query.error)) return <AdminOnlyNotice />;

  return (
    <main className="page admin-page">
      <title>Audit · Hubpulse</title>
      <PageHeader title="Audit log">
        <span>Who did what, and when: administrative actions and reads of people’s data, newest first.</span>
      </PageHeader>

      <ChartPanel title="Entries" description={<>{entries && shown ? countText(shown.length, entries.length) : '…'}
              {entries && entries.length >= AUDIT_LIMIT && ` (the latest ${AUDIT_LIMIT}; older entries are kept but not listed here)`}</>} aside={<ExportCsvButton stem="audit-log" csv={() => auditCsv(shown ?? [])} disabled={!shown || shown.length === 0} what="the entries shown" />}>

        <form className="admin-form admin-form__row audit-filters" role="search" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
          <div className="form-field">
            <label htmlFor="audit-action">Action</label>
            <select id="audit-action" value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value })}>
              <option value="">All actions</option>
              {choices.actions.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
              {filter.action && !choices.actions.some((a) => a.value === filter.action) && <option value={filter.action}>{auditActionLabel(filter.action)}</option>}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor="audit-actor">Who</label>
            <input id="audit-actor" type="search" list="audit-actors" placeholder="email" value={filter.actor} onChange={(e) => setFilter({ ...filter, actor: e.target.value })} />
            <datalist id="audit-actors">
              {choices.actors.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </div>
          <div className="form-field">
            <label htmlFor="audit-from">From</label>
            <input id="audit-from" type="date" value={filter.from} max={filter.to || undefined} onChange={(e) => setFilter({ ...filter, from: e.target.value })} />
          </div>
          <div className="form-field">
            <label htmlFor="audit-to">To</label>
            <input id="audit-to" type="date" value={filter.to} min={filter.from || undefined} onChange={(e) => setFilter({ ...filter, to: e.target.value })} />
          </div>
          <div className="admin-form__actions">
            <button type="button" className="button button--ghost button--small" disabled={Object.values(filter).every((v) => !v)} onClick={() => setFilter(EMPTY_AUDIT_FILTER)}>
              Clear filters
            </button>
          </div>
        </form>

        <QueryStates
          data={shown}
          error={query.error}
          onRetry={() => void query.refetch()}
          loadingLabel="Loading the audit log…"
          empty={(s) => s.length === 0 && (entries?.length ? 'No entries match these filters' : 'Nothing recorded yet')}
        >
          {(s) => (
            <DataTable caption="Audit log entries" columns={['When (UTC)', 'Who', 'What', 'Target', 'Details']}>
              {s.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{formatDateTime(e.at)}</td>
                  <td>{e.actor}</td>
                  <td>
                    <span title={e.action}>{auditActionLabel(e.action)}</span>
                  </td>
                  <td>
                    <code>{e.target}</code>
                  </td>
                  <td className="audit-details">{describeDetails(e.details)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </QueryStates>
      </ChartPanel>
    </main>
  );
}
