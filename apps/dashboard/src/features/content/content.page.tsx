import { Outlet } from 'react-router';
import { type NavItem, NavLinks } from '../shell/nav-links';
import { PageHeader } from '../shell/page-header';

const SECTIONS: NavItem[] = [
  { to: '/content', label: 'Items', end: true },
  { to: '/content/newsletters', label: 'Newsletters' },
  { to: '/content/authors', label: 'Authors' },
];

/** The Content area: which posts, newsletters and authors worked, for whom. */
export function ContentPage() {
  return (
    <main className="page">
      <PageHeader title="Content">
        <span>Which posts, newsletters and authors worked, and for whom</span>
        <span className="page__privacy">Numbers about readers are hidden below the minimum group size</span>
      </PageHeader>
      <nav className="subnav" aria-label="Content sections">
        <NavLinks items={SECTIONS} className="subnav__link" />
      </nav>
      <Outlet />
    </main>
  );
}
