import { type InviteCreatedDto, type InviteLinkDto, type Role, type UserDto, ROLE_DESCRIPTIONS, roleLabel } from '@hubpulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { sessionQuery } from '../../api/auth.api';
import { queryKeys } from '../../api/query-keys';
import { inviteUser, resetUserPassword, updateUser, usersQuery } from '../../api/users.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { DataTable } from '../../charts/shared/data-table';
import { formatDateTime } from '../../lib/format';
import { AdminOnlyNotice, isForbidden } from '../admin/admin-gate';
import { ShownOnce } from '../admin/shown-once';
import { FormProblems, useCreateForm } from '../admin/use-create-form';
import { PageHeader } from '../shell/page-header';
import { EMPTY_INVITE, type PeopleCounts, ROLE_OPTIONS, countPeople, inviteBody, inviteErrors, lastSignInText, lockReason, sortUsers, statusLabel } from './people.transform';

/** A link just made, for whom and what for: shown once above the table. */
interface FreshLink {
  what: 'invite' | 'reset';
  email: string;
  link: InviteLinkDto;
}

export function PeoplePage() {
  const users = useQuery(usersQuery);
  const { data: me } = useQuery(sessionQuery);
  const [fresh, setFresh] = useState<FreshLink | null>(null);
  const sorted = useMemo(() => users.data && sortUsers(users.data.users), [users.data]);
  const counts = useMemo(() => countPeople(users.data?.users ?? []), [users.data]);

  if (isForbidden(users.error)) return <AdminOnlyNotice />;

  return (
    <main className="page admin-page">
      <title>People & access · Hubpulse</title>
      <PageHeader title="People & access">
        <span>Who can sign in to Hubpulse, and with which role.</span>
        {users.data && (
          <span>
            {counts.byStatus.active} active · {counts.byStatus.invited} invited · {counts.byStatus.deactivated} deactivated
          </span>
        )}
      </PageHeader>

      <ChartPanel title="Invite someone" description={<>They get a one-time link to set their password. It expires; an unused invitation can be sent again by inviting the same address.</>}>
        {fresh ? <FreshLinkView fresh={fresh} onDone={() => setFresh(null)} /> : <InviteForm onInvited={(r) => setFresh({ what: 'invite', email: r.user.email, link: r.invite })} />}
      </ChartPanel>

      <ChartPanel title="People" description={<>Deactivating someone ends all their sessions at once. A password reset makes a one-time link; their password works until they use it.</>}>
        <QueryStates data={sorted} error={users.error} onRetry={() => void users.refetch()} loadingLabel="Loading people…" empty={(u) => u.length === 0 && 'Nobody yet'}>
          {(u) => <PeopleTable users={u} meId={me?.id} counts={counts} onLink={setFresh} />}
        </QueryStates>
      </ChartPanel>
    </main>
  );
}

function FreshLinkView({ fresh, onDone }: { fresh: FreshLink; onDone: () => void }) {
  const what = fresh.what === 'invite' ? 'Invitation' : 'Password reset link';
  const expires = `It expires ${formatDateTime(fresh.link.expires_at)}.`;
  if (fresh.link.sent_by_mail || !fresh.link.url) {
    return (
      <div className="shown-once" role="status">
        <p className="shown-once__title">
          {what} sent by mail to {fresh.email}
        </p>
        <p className="shown-once__warning">{expires}</p>
        <button type="button" className="button button--ghost button--small" onClick={onDone}>
          Done
        </button>
      </div>
    );
  }
  return (
    <ShownOnce title={`${what} for ${fresh.email}`} value={fresh.link.url} onDone={onDone}>
      No mail server is set up, so pass this link on yourself (it signs them in: send it only to {fresh.email}). {expires}
    </ShownOnce>
  );
}

function InviteForm({ onInvited }: { onInvited: (r: InviteCreatedDto) => void }) {
  const form = useCreateForm({
    empty: EMPTY_INVITE,
    check: inviteErrors,
    toBody: inviteBody,
    send: inviteUser,
    invalidate: queryKeys.users,
    onDone: onInvited,
    fields: ['email', 'name', 'role'],
  });
  const { draft, set, error: err } = form;

  return (
    <form className="admin-form" noValidate onSubmit={form.submit}>
      <FormProblems messages={form.general} />
      <div className="admin-form__row">
        <Field id="invite-email" label="Email" error={err('email')}>
          <input id="invite-email" type="email" autoComplete="off" value={draft.email} aria-invalid={err('email') ? true : undefined} onChange={(e) => set({ email: e.target.value })} />
        </Field>
        <Field id="invite-name" label="Name (optional)" error={err('name')}>
          <input id="invite-name" type="text" maxLength={200} value={draft.name} aria-invalid={err('name') ? true : undefined} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <Field id="invite-role" label="Role" error={err('role')} help={ROLE_DESCRIPTIONS[draft.role]}>
          <select id="invite-role" value={draft.role} onChange={(e) => set({ role: e.target.value as Role })}>
            {ROLE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="admin-form__actions">
        <button type="submit" className="button button--primary" disabled={form.pending}>
          {form.pending ? 'Inviting…' : 'Invite'}
        </button>
      </div>
    </form>
  );
}

function Field({ id, label, error, help, children }: { id: string; label: string; error?: string; help?: string; children: React.ReactNode }) {
  return (
    <div className="form-field form-field--grow">
      <label htmlFor={id}>{label}</label>
      {children}
      {(error ?? help) && <span className={error ? 'field-error' : 'field-help'}>{error ?? help}</span>}
    </div>
  );
}

function PeopleTable({ users, meId, counts, onLink }: { users: UserDto[]; meId: string | undefined; counts: PeopleCounts; onLink: (f: FreshLink) => void }) {
  return (
    <DataTable caption="People" columns={['Person', 'Role', 'Status', 'Last sign-in', 'Added', '']}>
      {users.map((u) => (
        <PersonRow key={u.id} user={u} locked={lockReason(u, meId, counts)} isMe={u.id === meId} onLink={onLink} />
      ))}
    </DataTable>
  );
}

function PersonRow({ user, locked, isMe, onLink }: { user: UserDto; locked: string | null; isMe: boolean; onLink: (f: FreshLink) => void }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.users });
  const update = useMutation({ mutationFn: (patch: { role?: Role; active?: boolean }) => updateUser(user.id, patch), onSettled: refresh });
  const reset = useMutation({ mutationFn: () => resetUserPassword(user.id), onSuccess: (link) => onLink({ what: 'reset', email: user.email, link }) });
  const who = user.name || user.email;
  const error = update.error ?? reset.error;

  return (
    <tr className={user.active ? undefined : 'is-revoked'}>
      <th scope="row" className="source-cell">
        <span className="source-cell__name">
          {user.name || user.email}
          {isMe && <span className="muted"> (you)</span>}
        </span>
        {user.name && <span className="source-cell__prefix">{user.email}</span>}
      </th>
      <td>
        <select
          aria-label={`Role of ${who}`}
          value={user.role}
          disabled={!!locked || update.isPending || !user.active}
          title={locked ?? undefined}
          onChange={(e) => {
            const role = e.target.value as Role;
            if (window.confirm(`Make ${who} ${roleLabel(role)}? They see what that role sees from their next page load.`)) update.mutate({ role });
            else e.target.value = user.role;
          }}
        >
          {ROLE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <span className={`badge badge--status-${user.status}`}>{statusLabel(user.status)}</span>
      </td>
      <td className="nowrap">{user.status === 'invited' ? <span className="muted">Not yet</span> : lastSignInText(user.last_sign_in_at)}</td>
      <td className="nowrap">{formatDateTime(user.created_at)}</td>
      <td className="actions-cell">
        {user.active ? (
          <button
            type="button"
            className="button button--danger button--small"
            disabled={!!locked || update.isPending}
            title={locked ?? undefined}
            aria-label={`Deactivate ${who}`}
            onClick={() => window.confirm(`Deactivate ${who}? They are signed out everywhere at once and cannot sign in until reactivated.`) && update.mutate({ active: false })}
          >
            Deactivate
          </button>
        ) : (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={update.isPending}
            aria-label={`Reactivate ${who}`}
            onClick={() => window.confirm(`Reactivate ${who}? They can sign in again with their password.`) && update.mutate({ active: true })}
          >
            Reactivate
          </button>
        )}
        {user.status === 'active' && !isMe && (
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={reset.isPending}
            aria-label={`Reset the password of ${who}`}
            onClick={() => window.confirm(`Make a password reset link for ${who}?`) && reset.mutate()}
          >
            Reset password
          </button>
        )}
        {error && (
          <span className="field-error" role="alert">
            {error.message}
          </span>
        )}
      </td>
    </tr>
  );
}
