import { useQuery } from '@tanstack/react-query';
import { Link, Outlet } from 'react-router';
import { isApiError } from '../../api/api.client';
import { sessionQuery } from '../../api/auth.api';

export function isAdmin(user: { role: string } | undefined): boolean {
  return user?.role === 'admin';
}

/** The API's answer for a role without access; the session may have changed role since sign-in. */
export function isForbidden(error: unknown): boolean {
  return isApiError(error) && error.status === 403;
}

/**
 * Route element for /admin/* (and admin-only sections elsewhere): admins see the page, everyone
 * else a plain explanation. `nested` when it sits inside another page's <main>.
 */
export function AdminGate({ nested = false }: { nested?: boolean }) {
  const { data: user } = useQuery(sessionQuery);
  // The parent route's loader has the session before this renders.
  return isAdmin(user) ? <Outlet /> : <AdminOnlyNotice nested={nested} />;
}

export function AdminOnlyNotice({ nested = false }: { nested?: boolean }) {
  const Root = nested ? 'div' : 'main';
  return (
    <Root className={nested ? undefined : 'page'}>
      <title>Administrators only · Hubpulse</title>
      <div className="notice" role="alert">
        <h1 className="notice__title">Only administrators can see this page</h1>
        <p>
          Data sources, event mappings and the scoring model change how data reaches Hubpulse and how it is read; score explanations name
          people. Ask an administrator if you need something here.
        </p>
        <p>
          <Link to="/">Go to your start page</Link>
        </p>
      </div>
    </Root>
  );
}
