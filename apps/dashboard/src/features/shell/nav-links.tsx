import { NavLink } from 'react-router';

export interface NavItem {
  to: string;
  label: string;
  /** Active only on this exact path, not below it. */
  end?: boolean;
}

/** A row of navigation links sharing one class (the top bar's, a section's tabs). */
export function NavLinks({ items, className }: { items: readonly NavItem[]; className: string }) {
  return items.map((item) => (
    <NavLink key={item.to} to={item.to} end={item.end} className={className}>
      {item.label}
    </NavLink>
  ));
}
