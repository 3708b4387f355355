import { csvFileName, auditActionLabel } from '@hubpulse/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { auditFacetsQuery, auditPagesQuery, downloadAuditCsv } from '../../api/admin.api';
import { queryKeys } from '../../api/query-keys';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { DataTable } from '../../charts/shared/data-table';
import { saveBlob } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { AdminOnlyNotice, isForbidden } from '../admin/admin-gate';
import { PageHeader } from '../shell/page-header';
import { type AuditFilter, EMPTY_AUDIT_FILTER, applyAuditSearch, auditChoices, auditParams, countText, describeDetails, parseAuditSearch } from './audit.transform';

/** Typing in "Who" pauses this long before the server is asked. */
const ACTOR_DEBOUNCE_MS = 350;

export function AuditPage() {
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => parseAuditSearch(search), [search]);
  const setFilter = (f: AuditFilter) => setSearch((current) => applyAuditSearch(current, f), { replace: true });
  // The actor is typed: kept here while typing, sent once typing pauses.
  const [actor, setActor] = useState(filter.actor);
  const debouncedActor = useDebounced(actor, ACTOR_DEBOUNCE_MS);
  useEffect(() => {
    if (debouncedActor !== filter.actor) setFilter({ ...filter, actor: debouncedActor });
    // Only a settled actor changes the address (the filter itself is read fresh from it).
  }, [debouncedActor]);
  useEffect(() => setActor(filter.actor), [filter.actor]);

  const params = useMemo(() => auditParams(filter), [filter]);
  const pages = useInfiniteQuery(auditPagesQuery(params));
  const facets = useQuery(auditFacetsQuery);
  const entries = useMemo(() => pages.data?.pages.flat(), [pages.data]);
  const choices = useMemo(() => auditChoices(facets.data, filter.action), [facets.data, filter.action]);
  const filtered = Object.values(filter).some(Boolean);
  const queryClient = useQueryClient();
  const exportCsv = useMutation({
    mutationFn: () => downloadAuditCsv(params),
    onSuccess: ({ blob, fileName }) => {
      saveBlob(fileName ?? csvFileName('audit-log', new Date()), blob);
      // The export is itself an entry of the log: lists read before it are out of date.
      void queryClient.invalidateQueries({ queryKey: queryKeys.auditAll });
    },
  });

  if (isForbidden(pages.error)) return <AdminOnlyNotice />;

  return (
    <main className="page admin-page">
      <title>Audit · Hubpulse</title>
      <PageHeader title="Audit log">
        <span>Who did what, and when: every administrative action (people and roles, keys, imports, the scoring model, event mappings, goals and KPI values, segments, programmes) and every read of people’s data, newest first.</span>
      </PageHeader>

      <ChartPanel
        title="Entries"
        description={entries ? countText(entries.length, !!pages.hasNextPage) + (filtered ? ' matching the filters' : '') : '…'}
        aside={
          <button type="button" className="button button--secondary button--small" onClick={() => exportCsv.mutate()} disabled={!entries?.length || exportCsv.isPending} aria-label="Export CSV: every entry matching the filters">
            {exportCsv.isPending ? 'Preparing…' : 'Export CSV'}
          </button>
        }
      >
        <form className="admin-form admin-form__row audit-filters" role="search" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
          <div className="form-field">
            <label htmlFor="audit-action">Action</label>
            <select id="audit-action" value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value })}>
              <option value="">All actions</option>
              {choices.families.length > 0 && (
                <optgroup label="Areas">
                  {choices.families.map((a) => (
                    <option key={a.value} value={a.value}>
                      {a.label}
                    </option>
                  ))}
                </optgroup>
              )}
              <optgroup label="Actions">
                {choices.actions.map((a) => (
                  <option key={a.value} value={a.value}>
                    {a.label}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
          <div className="form-field">
            <label htmlFor="audit-actor">Who</label>
            <input id="audit-actor" type="search" list="audit-actors" placeholder="email, or write_key:" value={actor} onChange={(e) => setActor(e.target.value)} />
            <datalist id="audit-actors">
              {(facets.data?.actors ?? []).map((a) => (
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
            <button type="button" className="button button--ghost button--small" disabled={!filtered && !actor} onClick={() => { setActor(''); setFilter(EMPTY_AUDIT_FILTER); }}>
              Clear filters
            </button>
          </div>
        </form>
        {exportCsv.isError && (
          <p className="form__error" role="alert">
            Could not export: {exportCsv.error instanceof Error ? exportCsv.error.message : 'unknown error'}
          </p>
        )}

        <QueryStates
          data={entries}
          error={pages.error}
          onRetry={() => void pages.refetch()}
          loadingLabel="Loading the audit log…"
          empty={(s) => s.length === 0 && (filtered ? 'No entries match these filters' : 'Nothing recorded yet')}
        >
          {(s) => (
            <>
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
              {pages.hasNextPage && (
                <p className="audit-more">
                  <button type="button" className="button button--secondary button--small" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
                    {pages.isFetchingNextPage ? 'Loading older entries…' : 'Show older entries'}
                  </button>
                </p>
              )}
            </>
          )}
        </QueryStates>
      </ChartPanel>
    </main>
  );
}
