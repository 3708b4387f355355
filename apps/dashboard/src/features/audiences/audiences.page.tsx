import { NavLink, Outlet, useLocation } from 'react-router';
import { PageHeader } from '../shell/page-header';

/** The Audiences area (comms planners): segments and the programmes built on them. */
export function AudiencesPage() {
  const { pathname } = useLocation();
  const inSegments = pathname === '/audiences' || pathname.startsWith('/audiences/segments');
  return (
    <main className="page">
      <PageHeader title="Audiences">
        <span>Who to reach, how they are grouped, and what reaches them</span>
        <span className="page__privacy">Numbers about groups are hidden below the minimum group size</span>
      </PageHeader>
      <nav className="subnav" aria-label="Audiences sections">
        <NavLink to="/audiences" end className={inSegments ? 'subnav__link active' : 'subnav__link'} aria-current={inSegments ? 'page' : undefined}>
          Segments
        </NavLink>
        <NavLink to="/audiences/programmes" className="subnav__link">
          Programmes
        </NavLink>
      </nav>
      <Outlet />
    </main>
  );
}
