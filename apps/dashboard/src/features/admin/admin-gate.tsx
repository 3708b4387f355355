import { roleMayOpen } from '@hubpulse/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useLocation } from 'react-router';
import { isApiError } from '../../api/api.client';
import { sessionQuery } from '../../api/auth.api';
import { type NavItem, NavLinks } from '../shell/nav-links';

export function isAdmin(user: { role: string } | undefined): boolean {
  return user?.role === 'admin';
}

/** Whether the user's role may open `path` (PAGE_ACCESS in contracts: the same table the saved-view API reads). */
export function mayOpen(user: { role: string } | undefined, path: string): boolean {
  return roleMayOpen(user?.role, path);
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
  const { pathname } = useLocation();
  // The parent route's loader has the session before this renders.
  if (!mayOpen(user, pathname)) return <AdminOnlyNotice nested={nested} />;
  if (nested) return <Outlet />;
  return (
    <>
      <nav className="subnav subnav--admin" aria-label="Admin sections">
        <NavLinks items={ADMIN_SECTIONS} className="subnav__link" />
      </nav>
      <Outlet />
    </>
  );
}

/** The Admin area's pages, as tabs above each of them. */
const ADMIN_SECTIONS: NavItem[] = [
  { to: '/admin/data-sources', label: 'Data sources' },
  { to: '/admin/event-mappings', label: 'Event mappings' },
  { to: '/admin/scoring-model', label: 'Scoring model' },
  { to: '/admin/people', label: 'People & access' },
  { to: '/admin/write-keys', label: 'Write keys' },
  { to: '/admin/imports', label: 'Imports' },
  { to: '/admin/audit', label: 'Audit log' },
];

export function AdminOnlyNotice({ nested = false }: { nested?: boolean }) {
  const Root = nested ? 'div' : 'main';
  return (
    <Root className={nested ? undefined : 'page'}>
      <title>Administrators only · Hubpulse</title>
      <div className="notice" role="alert">
        <h1 className="notice__title">Only administrators can see this page</h1>
        <p>
          Data sources, event mappings, keys, imports and the scoring model change how data reaches Hubpulse and how it is read; people
          and access decide who can sign in; the audit log and score explanations name people. Ask an administrator if you need something
          here.
        </p>
        <p>
          <Link to="/">Go to your start page</Link>
        </p>
      </div>
    </Root>
  );
}
