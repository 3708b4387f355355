import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { type CreatedWriteKey, createWriteKey, revokeWriteKey, writeKeysQuery } from '../../api/admin.api';
import { ingestionSourcesQuery } from '../../api/ingestion.api';
import { queryKeys } from '../../api/query-keys';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { DataTable } from '../../charts/shared/data-table';
import { formatDateTime, formatInteger } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { AdminOnlyNotice, isForbidden } from '../admin/admin-gate';
import { CredentialNameCell, LastUsedCell, RevokeCell } from '../admin/credential-cells';
import { ShownOnce } from '../admin/shown-once';
import { FormProblems, useCreateForm } from '../admin/use-create-form';
import { PageHeader } from '../shell/page-header';
import { OriginsCell } from './write-key-origins';
import { EMPTY_KEY_DRAFT, KEY_EVENTS_WINDOW_MINUTES, type WriteKeyRow, buildKeyRows, keyDraftErrors, keyDraftToBody } from './write-keys.transform';

export function WriteKeysPage() {
  const keys = useQuery(writeKeysQuery);
  const sources = useQuery(ingestionSourcesQuery(KEY_EVENTS_WINDOW_MINUTES));
  const [created, setCreated] = useState<CreatedWriteKey | null>(null);
  const rows = useMemo(() => keys.data && buildKeyRows(keys.data.keys, sources.data?.sources), [keys.data, sources.data]);

  if (isForbidden(keys.error)) return <AdminOnlyNotice />;

  return (
    <main className="page admin-page">
      <title>Write keys · Hubpulse</title>
      <PageHeader title="Write keys">
        <span>Keys that systems send events and directory data with. A key is shown once, when it is created.</span>
      </PageHeader>

      <ChartPanel title="New write key" description={<>One key per sending system, so each can be revoked on its own. A browser key ships inside a web page where anyone can read it:
              it can send events only, and only from the pages listed as its allowed origins.</>}>
        {created ? (
          <ShownOnce title={`Write key “${created.name}” created`} value={created.key} onDone={() => setCreated(null)}>
            Hubpulse keeps only a fingerprint of it. If it is lost, create a new key and revoke this one.
          </ShownOnce>
        ) : (
          <CreateKeyForm onCreated={setCreated} />
        )}
      </ChartPanel>

      <ChartPanel title="All keys" description={<>Events are those received in the last 24 hours; see <Link to={`/admin/data-sources?window=${KEY_EVENTS_WINDOW_MINUTES}`}>Data sources</Link>{' '}
              for rates, lag and why events were rejected. Last used may be up to a minute behind; hover it for the exact time.</>}>
        <QueryStates data={rows} error={keys.error} onRetry={() => void keys.refetch()} loadingLabel="Loading write keys…" empty={(r) => r.length === 0 && 'No write keys yet'} emptyText="Create one above to start sending events.">
          {(r) => <KeysTable rows={r} />}
        </QueryStates>
      </ChartPanel>
    </main>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedWriteKey) => void }) {
  const form = useCreateForm({
    empty: EMPTY_KEY_DRAFT,
    check: keyDraftErrors,
    toBody: keyDraftToBody,
    send: createWriteKey,
    invalidate: queryKeys.writeKeys,
    onDone: onCreated,
    fields: ['name', 'scopes', 'browser'],
  });
  const { draft, set } = form;
  const nameError = form.error('name');
  const scopeError = form.error('scopes') ?? form.error('browser');

  return (
    <form className="admin-form" noValidate onSubmit={form.submit}>
      <FormProblems messages={form.general} />
      <div className="admin-form__row">
        <div className="form-field form-field--grow">
          <label htmlFor="key-name">Name</label>
          <input id="key-name" type="text" maxLength={250} placeholder="e.g. Intranet CMS" value={draft.name} aria-invalid={nameError ? true : undefined} aria-describedby="key-name-help" onChange={(e) => set({ name: e.target.value })} />
          <span id="key-name-help" className={nameError ? 'field-error' : 'field-help'}>
            {nameError ?? 'Which system sends with it.'}
          </span>
        </div>
      </div>
      <fieldset className="admin-form__choices">
        <legend>What it may write</legend>
        <label className="check">
          <input type="checkbox" checked disabled /> Events (every key sends events)
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.directory && !draft.browser} disabled={draft.browser} onChange={(e) => set({ directory: e.target.checked })} /> Directory: people and
          the content catalogue
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.browser} onChange={(e) => set({ browser: e.target.checked })} /> Browser key (used inside a web page; events only)
        </label>
        {scopeError && <span className="field-error">{scopeError}</span>}
      </fieldset>
      <div className="admin-form__actions">
        <button type="submit" className="button button--primary" disabled={form.pending}>
          {form.pending ? 'Creating…' : 'Create key'}
        </button>
      </div>
    </form>
  );
}

function KeysTable({ rows }: { rows: WriteKeyRow[] }) {
  const now = useNow(15_000); // "… ago" keeps counting between refetches
  return (
    <DataTable caption="Write keys" columns={['Name', 'Scopes', 'Kind', 'Allowed origins', 'Created', 'Last used', { num: 'Events (24 h)' }, { num: 'Rejected' }, 'Status', '']}>
      {rows.map((row) => (
        <KeyRowView key={row.id} row={row} now={now} />
      ))}
    </DataTable>
  );
}

function KeyRowView({ row, now }: { row: WriteKeyRow; now: number }) {
  const revoked = row.revokedAt !== null;
  return (
    <tr className={revoked ? 'is-revoked' : undefined}>
      <CredentialNameCell name={row.name} prefix={row.prefix} prefixTitle="The start of the write key" />
      <td>{row.scopes}</td>
      <td>{row.browser ? <span className="badge">Browser</span> : <span className="muted">Server</span>}</td>
      <OriginsCell row={row} />
      <td>{formatDateTime(row.createdAt)}</td>
      <LastUsedCell iso={row.lastUsedAt} now={now} testId="key-last-used" />
      <td className="num">{row.accepted === null ? '…' : formatInteger(row.accepted)}</td>
      <td className="num">{row.rejected === null ? '…' : formatInteger(row.rejected)}</td>
      <td>{revoked ? <span className="muted">Revoked {formatDateTime(row.revokedAt)}</span> : 'Active'}</td>
      <RevokeCell
        name={row.name}
        show={!revoked}
        confirm={`Revoke “${row.name}”? Systems sending with it are refused from now on; the data it sent stays.`}
        revoke={() => revokeWriteKey(row.id)}
        invalidate={queryKeys.writeKeys}
      />
    </tr>
  );
}
