import { roleMayOpen } from '@hubpulse/contracts';
import { useQuery } from '@tanstack/react-query';
import { Outlet } from 'react-router';
import { sessionQuery } from '../../api/auth.api';
import { NavLinks } from '../shell/nav-links';
import { PageHeader } from '../shell/page-header';
import { REPORTS_TABS } from './reports-tabs';

/** The Reports area (analysts, and everyone): its tabs, each a lazily loaded child route. */
export function ReportsPage() {
  const { data: user } = useQuery(sessionQuery);
  const tabs = REPORTS_TABS.map((t) => ({ to: `/reports/${t.path}`, label: t.label })).filter((t) => roleMayOpen(user?.role, t.to));
  return (
    <main className="page">
      <PageHeader title="Reports">
        <span>Exports with their manifests, views saved under a name and sent on a schedule, alerts on goals and indices, read tokens for other tools, and what every number means</span>
      </PageHeader>
      <nav className="subnav" aria-label="Reports sections">
        <NavLinks items={tabs} className="subnav__link" />
      </nav>
      <Outlet />
    </main>
  );
}
