import { useQuery } from '@tanstack/react-query';
import { Outlet } from 'react-router';
import { sessionQuery } from '../../api/auth.api';
import { mayOpen } from '../admin/admin-gate';
import { type NavItem, NavLinks } from '../shell/nav-links';
import { PageHeader } from '../shell/page-header';

const SECTIONS: NavItem[] = [
  { to: '/engagement', label: 'Scores', end: true },
  { to: '/engagement/purposes', label: 'Purposes' },
  { to: '/engagement/personas', label: 'Personas & ambassadors' },
  { to: '/engagement/leaders', label: 'Leader responsiveness' },
];

/** Admins only: explanations name a person. */
const WHY: NavItem = { to: '/engagement/why', label: 'Why this score' };

/** The Engagement area: its sections as tabs, each a lazily loaded child route. */
export function EngagementPage() {
  const { data: user } = useQuery(sessionQuery);
  return (
    <main className="page">
      <PageHeader title="Engagement">
        <span>Who engages on the hub, how, and whether management takes part</span>
        <span className="page__privacy">Numbers about groups are hidden below the minimum group size</span>
      </PageHeader>
      <nav className="subnav" aria-label="Engagement sections">
        <NavLinks items={mayOpen(user, WHY.to) ? [...SECTIONS, WHY] : SECTIONS} className="subnav__link" />
      </nav>
      <Outlet />
    </main>
  );
}
