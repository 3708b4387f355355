import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { logout, sessionQuery } from '../../api/auth.api';
import { isAdmin } from '../admin/admin-gate';
import { LOGIN_ROUTE } from '../auth/session';

const ROLE_LABELS: Record<string, string> = {
  admin: 'Admin',
  leader: 'Leadership',
  planner: 'Comms planner',
  analyst: 'Analyst',
};

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
      <header className="topbar">
        <div className="topbar__inner">
          <NavLink to="/" className="brand" aria-label="Hubpulse home">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">Hubpulse</span>
          </NavLink>
          <nav className="topnav" aria-label="Main">
            <NavLink to="/strategy" className="topnav__link">
              Strategy
            </NavLink>
            <NavLink to="/overview" className="topnav__link">
              Overview
            </NavLink>
            <NavLink to="/engagement" className="topnav__link">
              Engagement
            </NavLink>
            <NavLink to="/audiences" className="topnav__link">
              Audiences
            </NavLink>
            {isAdmin(user) && (
              <div className="topnav__group" role="group" aria-labelledby="topnav-admin">
                <span className="topnav__label" id="topnav-admin">
                  Admin
                </span>
                <NavLink to="/admin/data-sources" className="topnav__link">
                  Data sources
                </NavLink>
                <NavLink to="/admin/event-mappings" className="topnav__link">
                  Event mappings
                </NavLink>
                <NavLink to="/admin/scoring-model" className="topnav__link">
                  Scoring model
                </NavLink>
              </div>
            )}
          </nav>
          <div className="topbar__user">
            {user && (
              <div className="user" title={user.email}>
                <span className="user__avatar" aria-hidden="true">
                  {initials(user.name || user.email)}
                </span>
                <span className="user__text">
                  <span className="user__name">{user.name || user.email}</span>
                  <span className="user__role">{ROLE_LABELS[user.role] ?? user.role}</span>
                </span>
              </div>
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
