import type { ReadTokenCreatedDto, ReadTokenDto } from '@hubpulse/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { sessionQuery } from '../../api/auth.api';
import { queryKeys } from '../../api/query-keys';
import { createReadToken, myReadTokensQuery, revokeReadToken } from '../../api/read-tokens.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { DataTable } from '../../charts/shared/data-table';
import { formatDateTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { CopyButton } from '../admin/copy-button';
import { CredentialNameCell, LastUsedCell, RevokeCell } from '../admin/credential-cells';
import { ShownOnce } from '../admin/shown-once';
import { FormProblems, useCreateForm } from '../admin/use-create-form';
import { EMPTY_TOKEN_DRAFT, EXPIRY_CHOICES, TOKEN_STATUS_LABELS, sortTokens, tokenDraftErrors, tokenDraftToBody, tokenSnippets } from './read-tokens.transform';

/** Reports → Tokens: personal read tokens for notebooks, spreadsheets and BI tools. */
export function ReadTokensPage() {
  const tokens = useQuery(myReadTokensQuery);
  const [created, setCreated] = useState<ReadTokenCreatedDto | null>(null);
  const rows = useMemo(() => tokens.data && sortTokens(tokens.data.tokens), [tokens.data]);

  return (
    <>
      <title>Read tokens · Reports · Hubpulse</title>
      <p className="reports-intro">Pull numbers into pandas, a spreadsheet or a BI tool. A token reads what your role may read, as you, and changes nothing.</p>

      <ChartPanel
        title="New read token"
        description={
          <>
            One token per tool, so each can be revoked on its own. Send it as <code>Authorization: Bearer hp_rt_…</code>. It opens only the pages’ data (GET requests), never
            a change; every use is in the audit log.
          </>
        }
      >
        {created ? <CreatedToken token={created} onDone={() => setCreated(null)} /> : <CreateTokenForm onCreated={setCreated} />}
      </ChartPanel>

      <ChartPanel title="Your tokens" description={<>Last used is recorded to the minute; hover it for the exact time.</>}>
        <QueryStates data={rows} error={tokens.error} onRetry={() => void tokens.refetch()} loadingLabel="Loading your tokens…" empty={(r) => r.length === 0 && 'No read tokens yet'} emptyText="Create one above to read Hubpulse from another tool.">
          {(r) => <TokensTable rows={r} />}
        </QueryStates>
      </ChartPanel>
    </>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: ReadTokenCreatedDto) => void }) {
  const form = useCreateForm({
    empty: EMPTY_TOKEN_DRAFT,
    check: tokenDraftErrors,
    toBody: tokenDraftToBody,
    send: createReadToken,
    invalidate: queryKeys.myReadTokens,
    onDone: onCreated,
    fields: ['name', 'expires_in_days'],
  });
  const { draft, set } = form;
  const nameError = form.error('name');
  const daysError = form.error('expires_in_days');
  return (
    <form className="admin-form" noValidate onSubmit={form.submit}>
      <FormProblems messages={form.general} />
      <div className="admin-form__row">
        <div className="form-field form-field--grow">
          <label htmlFor="token-name">Name</label>
          <input id="token-name" type="text" maxLength={250} placeholder="e.g. Quarterly notebook" value={draft.name} aria-invalid={nameError ? true : undefined} aria-describedby="token-name-help" onChange={(e) => set({ name: e.target.value })} />
          <span id="token-name-help" className={nameError ? 'field-error' : 'field-help'}>
            {nameError ?? 'Where it is used.'}
          </span>
        </div>
        <div className="form-field">
          <label htmlFor="token-expiry">Expires after</label>
          <select id="token-expiry" value={draft.days} aria-describedby="token-expiry-help" onChange={(e) => set({ days: Number(e.target.value) })}>
            {EXPIRY_CHOICES.map((c) => (
              <option key={c.days} value={c.days}>
                {c.label}
              </option>
            ))}
          </select>
          <span id="token-expiry-help" className={daysError ? 'field-error' : 'field-help'}>
            {daysError ?? 'At most a year.'}
          </span>
        </div>
      </div>
      <div className="admin-form__actions">
        <button type="submit" className="button button--primary" disabled={form.pending}>
          {form.pending ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  );
}

/** The new token, once, with examples that use it. */
function CreatedToken({ token, onDone }: { token: ReadTokenCreatedDto; onDone: () => void }) {
  const { data: me } = useQuery(sessionQuery);
  const csvPath = me?.role === 'admin' || me?.role === 'planner' ? '/api/segments/<SEGMENT_ID>/members.csv' : undefined;
  const { curl, pandas } = tokenSnippets(window.location.origin, token.token, csvPath);
  return (
    <div className="token-created">
      <ShownOnce title={`Read token “${token.name}” created`} value={token.token} onDone={onDone}>
        It expires {formatDateTime(token.expires_at)}. Hubpulse keeps only a fingerprint of it; if it is lost, create a new one and revoke this one.
      </ShownOnce>
      <p className="field-help">Check it from a terminal:</p>
      <div className="code-block" data-testid="token-curl">
        <pre>
          <code>{curl}</code>
        </pre>
        <CopyButton text={curl} />
      </div>
      <p className="field-help">
        Or read the numbers into pandas{csvPath ? ' (replace <SEGMENT_ID> with a segment’s id from its address)' : ''}:
      </p>
      <div className="code-block" data-testid="token-pandas">
        <pre>
          <code>{pandas}</code>
        </pre>
        <CopyButton text={pandas} />
      </div>
    </div>
  );
}

function TokensTable({ rows }: { rows: ReadTokenDto[] }) {
  const now = useNow(15_000);
  return (
    <DataTable caption="Your read tokens" columns={['Name', 'Created', 'Expires', 'Last used', 'Status', '']}>
      {rows.map((row) => (
        <TokenRow key={row.id} row={row} now={now} />
      ))}
    </DataTable>
  );
}

function TokenRow({ row, now }: { row: ReadTokenDto; now: number }) {
  return (
    <tr className={row.status === 'active' ? undefined : 'is-revoked'} data-testid="token-row">
      <CredentialNameCell name={row.name} prefix={row.prefix} prefixTitle="The start of the token" />
      <td className="nowrap">{formatDateTime(row.created_at)}</td>
      <td className="nowrap">{formatDateTime(row.expires_at)}</td>
      <LastUsedCell iso={row.last_used_at} now={now} />
      <td>{row.status === 'revoked' ? <span className="muted">Revoked {formatDateTime(row.revoked_at)}</span> : TOKEN_STATUS_LABELS[row.status]}</td>
      <RevokeCell
        name={row.name}
        show={row.status !== 'revoked'}
        confirm={`Revoke “${row.name}”? Tools reading with it are refused from now on.`}
        revoke={() => revokeReadToken(row.id)}
        invalidate={queryKeys.myReadTokens}
      />
    </tr>
  );
}
