import { PASSWORD_MIN, type InviteDto, roleLabel } from '@hubpulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/api.client';
import { queryKeys } from '../../api/query-keys';
import { acceptInvite, inviteQuery } from '../../api/users.api';
import { formatDateTime } from '../../lib/format';
import { PasswordField } from '../account/account.page';
import { formErrors } from '../admin/form-errors.transform';

/** Public: `/invite/:token`, an invitation or a password reset link. Sets the password and signs in. */
export function AcceptInvitePage() {
  const { token = '' } = useParams();
  const invite = useQuery(inviteQuery(token));

  return (
    <main className="login">
      <title>Set your password · Hubpulse</title>
      <div className="login__card">
        <div className="brand brand--large">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">Hubpulse</span>
        </div>
        {invite.data ? (
          <AcceptForm token={token} invite={invite.data} />
        ) : invite.error ? (
          <LinkProblem error={invite.error} />
        ) : (
          <p className="login__subtitle" role="status">
            Checking your link…
          </p>
        )}
      </div>
    </main>
  );
}

function LinkProblem({ error }: { error: unknown }) {
  const status = isApiError(error) ? error.status : 0;
  const text =
    status === 410
      ? 'This link has been used or has expired. Ask your Hubpulse administrator for a new one.'
      : status === 404
        ? 'This link is not valid. Check that you copied all of it, or ask your Hubpulse administrator for a new one.'
        : error instanceof Error
          ? error.message
          : 'Could not check this link.';
  return (
    <>
      <h1 className="login__title">{status === 410 ? 'Link expired' : 'Link not valid'}</h1>
      <p className="form__error" role="alert">
        {text}
      </p>
      <p className="login__subtitle">
        <Link to="/login">Go to sign in</Link>
      </p>
    </>
  );
}

function AcceptForm({ token, invite }: { token: string; invite: InviteDto }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState(invite.name);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const accept = useMutation({
    mutationFn: () => acceptInvite(token, { password, ...(invite.kind === 'invite' && name.trim() ? { name: name.trim() } : {}) }),
    onSuccess: async (user) => {
      queryClient.setQueryData(queryKeys.session, user);
      await navigate('/', { replace: true });
    },
  });
  const errors = formErrors(accept.error, ['password', 'name']);
  const isInvite = invite.kind === 'invite';

  return (
    <>
      <h1 className="login__title">{isInvite ? 'Welcome to Hubpulse' : 'Set a new password'}</h1>
      <p className="login__subtitle">
        {isInvite ? (
          <>
            You are invited as <strong>{roleLabel(invite.role)}</strong> with <strong>{invite.email}</strong>. Choose a password to sign in.
          </>
        ) : (
          <>
            For <strong>{invite.email}</strong>. Your old password works until you set this one.
          </>
        )}{' '}
        The link expires {formatDateTime(invite.expires_at)}.
      </p>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const bad = password !== confirm;
          setMismatch(bad);
          if (!bad && !accept.isPending) accept.mutate();
        }}
      >
        {errors.general.length > 0 && (
          <div className="form__error" role="alert">
            {errors.general.join(' ')}
          </div>
        )}
        <div className="field">
          <label htmlFor="invite-email-shown">Email</label>
          <input id="invite-email-shown" type="email" autoComplete="username" value={invite.email} readOnly />
        </div>
        {isInvite && (
          <div className="field">
            <label htmlFor="invite-accept-name">Your name</label>
            <input id="invite-accept-name" type="text" autoComplete="name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
            {errors.byField.name && <span className="field-error">{errors.byField.name}</span>}
          </div>
        )}
        <PasswordField id="invite-password" label="Password" autoComplete="new-password" value={password} error={errors.byField.password} help={`At least ${PASSWORD_MIN} characters. A long phrase is better than symbols.`} onChange={setPassword} />
        <PasswordField id="invite-confirm" label="Password again" autoComplete="new-password" value={confirm} error={mismatch ? 'does not match the password' : undefined} onChange={setConfirm} />
        <button type="submit" className="button button--primary button--block" disabled={accept.isPending || !password}>
          {accept.isPending ? 'Signing in…' : 'Set password and sign in'}
        </button>
      </form>
    </>
  );
}
