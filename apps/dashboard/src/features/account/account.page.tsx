import { PASSWORD_MIN, type SessionDto, roleLabel } from '@hubpulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { sessionQuery } from '../../api/auth.api';
import { queryKeys } from '../../api/query-keys';
import { changeOwnPassword, endOtherSessions, endSession, mySessionsQuery } from '../../api/users.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { DataTable } from '../../charts/shared/data-table';
import { formatDateTime } from '../../lib/format';
import { formErrors } from '../admin/form-errors.transform';
import { FormProblems } from '../admin/use-create-form';
import { describeUserAgent, sortSessions } from '../people/people.transform';
import { PageHeader } from '../shell/page-header';

/** Everyone's own page: who they are, their password, where they are signed in. */
export function AccountPage() {
  const { data: me } = useQuery(sessionQuery);
  return (
    <main className="page admin-page">
      <title>Your account · Hubpulse</title>
      <PageHeader title="Your account">
        <span>{me ? `${me.name || me.email} · ${me.email}` : ''}</span>
        {me && <span>{roleLabel(me.role)}</span>}
      </PageHeader>
      <div className="account-grid">
        <ChartPanel title="Change password" description={<>Other sessions end when the password changes; this one stays signed in.</>}>
          <PasswordForm />
        </ChartPanel>
        <SessionsPanel />
      </div>
      <ChartPanel className="account-tokens" title="Read tokens" description={<>Pull numbers into pandas, a spreadsheet or a BI tool with a personal token that reads what your role may read, and nothing else.</>}>
        <Link className="button button--secondary" to="/reports/tokens">
          Manage read tokens
        </Link>
      </ChartPanel>
    </main>
  );
}

const EMPTY = { current_password: '', new_password: '', confirm: '' };

function PasswordForm() {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(EMPTY);
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: changeOwnPassword,
    onSuccess: async () => {
      setDraft(EMPTY);
      await queryClient.invalidateQueries({ queryKey: queryKeys.mySessions });
    },
  });
  const server = formErrors(change.error, ['current_password', 'new_password']);
  const set = (k: keyof typeof EMPTY, v: string) => {
    setDraft({ ...draft, [k]: v });
    if (change.isSuccess) change.reset();
  };

  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const bad = draft.new_password !== draft.confirm;
        setMismatch(bad);
        if (!bad) change.mutate({ current_password: draft.current_password, new_password: draft.new_password });
      }}
    >
      <FormProblems messages={server.general} />
      {change.isSuccess && (
        <p className="form__success" role="status">
          Password changed. Your other sessions have ended.
        </p>
      )}
      <PasswordField id="pw-current" label="Current password" autoComplete="current-password" value={draft.current_password} error={server.byField.current_password} onChange={(v) => set('current_password', v)} />
      <PasswordField
        id="pw-new"
        label="New password"
        autoComplete="new-password"
        value={draft.new_password}
        error={server.byField.new_password}
        help={`At least ${PASSWORD_MIN} characters. A long phrase is better than symbols.`}
        onChange={(v) => set('new_password', v)}
      />
      <PasswordField id="pw-confirm" label="New password again" autoComplete="new-password" value={draft.confirm} error={mismatch ? 'does not match the new password' : undefined} onChange={(v) => set('confirm', v)} />
      <div className="admin-form__actions">
        <button type="submit" className="button button--primary" disabled={change.isPending || !draft.current_password || !draft.new_password}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}

export function PasswordField(props: { id: string; label: string; autoComplete: string; value: string; error?: string; help?: string; onChange: (v: string) => void }) {
  const { id, label, autoComplete, value, error, help, onChange } = props;
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="password" autoComplete={autoComplete} value={value} aria-invalid={error ? true : undefined} aria-describedby={`${id}-help`} onChange={(e) => onChange(e.target.value)} />
      {(error ?? help) && (
        <span id={`${id}-help`} className={error ? 'field-error' : 'field-help'}>
          {error ?? help}
        </span>
      )}
    </div>
  );
}

function SessionsPanel() {
  const queryClient = useQueryClient();
  const sessions = useQuery(mySessionsQuery);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.mySessions });
  const endOthers = useMutation({ mutationFn: endOtherSessions, onSettled: refresh });
  const others = (sessions.data?.sessions ?? []).filter((s) => !s.current).length;

  return (
    <ChartPanel
      title="Where you are signed in"
      description={<>End a session you do not recognise, or every other one at once.</>}
      aside={
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={others === 0 || endOthers.isPending}
          onClick={() => window.confirm(`Sign out your ${others === 1 ? 'other session' : `${others} other sessions`}? This one stays signed in.`) && endOthers.mutate()}
        >
          End all others
        </button>
      }
    >
      <FormProblems messages={endOthers.error ? [endOthers.error.message] : []} />
      <QueryStates data={sessions.data && sortSessions(sessions.data.sessions)} error={sessions.error} onRetry={() => void sessions.refetch()} loadingLabel="Loading your sessions…" height={120}>
        {(list) => (
          <DataTable caption="Your sessions" columns={['Device', 'Signed in', 'Last active', '']}>
            {list.map((s) => (
              <SessionRow key={s.id} session={s} onEnded={refresh} />
            ))}
          </DataTable>
        )}
      </QueryStates>
    </ChartPanel>
  );
}

function SessionRow({ session, onEnded }: { session: SessionDto; onEnded: () => void }) {
  const end = useMutation({ mutationFn: () => endSession(session.id), onSettled: onEnded });
  const device = describeUserAgent(session.user_agent);
  return (
    <tr>
      <th scope="row" title={session.user_agent ?? undefined}>
        {device}
        {session.current && <span className="badge badge--status-active session-current">This session</span>}
      </th>
      <td className="nowrap">{formatDateTime(session.created_at)}</td>
      <td className="nowrap">{formatDateTime(session.last_seen_at)}</td>
      <td className="actions-cell">
        {!session.current && (
          <button type="button" className="button button--danger button--small" disabled={end.isPending} aria-label={`End the session on ${device}`} onClick={() => end.mutate()}>
            End
          </button>
        )}
        {end.error && <span className="field-error">{end.error.message}</span>}
      </td>
    </tr>
  );
}
