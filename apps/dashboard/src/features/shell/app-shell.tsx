import { roleLabel } from '@hubpulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { logout, sessionQuery } from '../../api/auth.api';
import { mayOpen } from '../admin/admin-gate';
import { LOGIN_ROUTE } from '../auth/session';
import { type NavItem, NavLinks } from './nav-links';
import { FocusStart } from './focus-start';
import { SkipLink } from './skip-link';

const MAIN_NAV: NavItem[] = [
  { to: '/strategy', label: 'Strategy' },
  { to: '/overview', label: 'Overview' },
  { to: '/engagement', label: 'Engagement' },
  { to: '/audiences', label: 'Audiences' },
  { to: '/content', label: 'Content' },
  { to: '/reports', label: 'Reports' },
];

/** One entry for the Admin area; its pages are tabs inside it (AdminGate). */
const ADMIN_NAV: NavItem[] = [{ to: '/admin', label: 'Admin' }];

/** The frame of every signed-in page: product name, navigation, the user and "Log out". */
export function AppShell() {
  const { data: user } = useQuery(sessionQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const signOut = useMutation({
    mutationFn: logout,
    // Whatever the server says (an expired session answers 401), the user wanted out.
    onSettled: async () => {
      await navigate(LOGIN_ROUTE, { replace: true });
      queryClient.clear();
    },
  });

  return (
    <div className="app">
      <FocusStart />
      <SkipLink />
      <header className="topbar">
        <div className="topbar__inner">
          <NavLink to="/" className="brand" aria-label="Hubpulse home">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">Hubpulse</span>
          </NavLink>
          <nav className="topnav" aria-label="Main">
            <NavLinks items={MAIN_NAV} className="topnav__link" />
            {mayOpen(user, '/admin/data-sources') && (
              <div className="topnav__group">
                <NavLinks items={ADMIN_NAV} className="topnav__link" />
              </div>
            )}
          </nav>
          <div className="topbar__user">
            {user && (
              <NavLink to="/account" className="user" title={`${user.email}: your account, password and sessions`} aria-label={`Your account: ${user.name || user.email}`}>
                <span className="user__avatar" aria-hidden="true">
                  {initials(user.name || user.email)}
                </span>
                <span className="user__text">
                  <span className="user__name">{user.name || user.email}</span>
                  <span className="user__role">{roleLabel(user.role)}</span>
                </span>
              </NavLink>
            )}
            <button
              type="button"
              className="button button--ghost"
              onClick={() => signOut.mutate()}
              disabled={signOut.isPending}
            >
              Log out
            </button>
          </div>
        </div>
      </header>
      <div className="app__content">
        <Outlet />
      </div>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/[\s@._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase() || '?';
}
