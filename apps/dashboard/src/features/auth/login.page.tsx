import { SSO_ERROR_MESSAGES } from '@hubpulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api.client';
import { login, ssoInfoQuery } from '../../api/auth.api';
import { queryKeys } from '../../api/query-keys';
import { SESSION_ENDED_PARAM, safeReturnPath } from './session';

function loginErrorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 401) return 'Incorrect email or password. Check both and try again.';
    if (error.status === 429) return 'Too many attempts. Wait a minute, then try again.';
    return error.message;
  }
  return 'Sign-in failed. Please try again.';
}

export function LoginPage() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const next = safeReturnPath(search.get('next'));
  const { data: sso } = useQuery(ssoInfoQuery);
  const ssoError = search.get('sso_error');
  // SSO only: password sign-in is for the break-glass administrator, so the form is opened on purpose.
  const ssoOnly = sso?.enabled === true && sso.sso_only === true;
  const [showPassword, setShowPassword] = useState(false);

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      queryClient.setQueryData(queryKeys.session, user);
      void navigate(next, { replace: true });
    },
  });

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (mutation.isPending) return;
    if (!email.trim() || !password) {
      setMissing(!email.trim() ? 'Enter your email address.' : 'Enter your password.');
      return;
    }
    setMissing(null);
    mutation.mutate({ email: email.trim(), password });
  };

  return (
    <main className="login">
      <title>Sign in · Hubpulse</title>
      <div className="login__card">
        <div className="brand brand--large">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">Hubpulse</span>
        </div>
        <h1 className="login__title">Sign in</h1>
        <p className="login__subtitle">Engagement analytics for your company hub.</p>

        {search.has(SESSION_ENDED_PARAM) && !ssoError && (
          <p className="login__notice" role="status">
            Your session has ended. Sign in again to continue.
          </p>
        )}
        {(ssoError || sso?.enabled) && (
          <div className="login__sso">
            {ssoError && (
              <div className="form__error login__sso-error" role="alert">
                {(SSO_ERROR_MESSAGES as Record<string, string>)[ssoError] ?? 'Single sign-on did not complete. Try again, or ask your administrator.'}
              </div>
            )}
            {sso?.enabled && sso.login_url && (
              <>
                <a className={`button ${ssoOnly ? 'button--primary' : 'button--secondary'} button--block`} href={`${sso.login_url}${sso.login_url.includes('?') ? '&' : '?'}next=${encodeURIComponent(next)}`}>
                  Sign in with {sso.label ?? 'single sign-on'}
                </a>
                {!ssoOnly && <p className="login__or">or with your password</p>}
              </>
            )}
          </div>
        )}
        {ssoOnly && !showPassword ? (
          // Only the break-glass administrator has a password here: the form waits behind a button.
          <p className="login__break-glass">
            <button type="button" className="button button--ghost button--small" onClick={() => setShowPassword(true)}>
              Administrator sign-in with a password
            </button>
          </p>
        ) : (
          <form className="form" onSubmit={onSubmit} noValidate>
            {ssoOnly && <p className="login__or">For the break-glass administrator only: everyone else signs in with {sso?.label ?? 'single sign-on'}.</p>}
            {(missing || mutation.isError) && (
              <div className="form__error" role="alert">
                {missing ?? loginErrorMessage(mutation.error)}
              </div>
            )}
            <div className="field">
              <label htmlFor="login-email">Email</label>
              <input
                id="login-email"
                name="email"
                type="email"
                autoComplete="username"
                autoFocus
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-invalid={mutation.isError || undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="login-password">Password</label>
              <input
                id="login-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={mutation.isError || undefined}
              />
            </div>
            <button
              type="submit"
              className="button button--primary button--block"
              disabled={mutation.isPending}
            >
              {mutation.isPending ? 'Signing in…' : 'Sign in'}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
