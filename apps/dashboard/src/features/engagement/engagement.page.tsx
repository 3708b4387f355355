import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet } from 'react-router';
import { sessionQuery } from '../../api/auth.api';
import { isAdmin } from '../admin/admin-gate';

/** The Engagement area: its sections as tabs, each a lazily loaded child route. */
export function EngagementPage() {
  const { data: user } = useQuery(sessionQuery);
  return (
    <main className="page">
      <div className="page__header">
        <div>
          <h1 className="page__title">Engagement</h1>
          <p className="page__subtitle">
            <span>Who engages on the hub, how, and whether management takes part</span>
            <span className="page__privacy">Numbers about groups are hidden below the minimum group size</span>
          </p>
        </div>
      </div>
      <nav className="subnav" aria-label="Engagement sections">
        <NavLink to="/engagement" end className="subnav__link">
          Scores
        </NavLink>
        <NavLink to="/engagement/purposes" className="subnav__link">
          Purposes
        </NavLink>
        <NavLink to="/engagement/personas" className="subnav__link">
          Personas &amp; ambassadors
        </NavLink>
        <NavLink to="/engagement/leaders" className="subnav__link">
          Leader responsiveness
        </NavLink>
        {isAdmin(user) && (
          <NavLink to="/engagement/why" className="subnav__link">
            Why this score
          </NavLink>
        )}
      </nav>
      <Outlet />
    </main>
  );
}
