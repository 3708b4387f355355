import type { ReactNode } from 'react';

/** A page's heading: its title, a subtitle of short spans (children), and controls at the right (`aside`). */
export function PageHeader({ title, aside, children }: { title: ReactNode; aside?: ReactNode; children: ReactNode }) {
  return (
    <div className="page__header">
      <div>
        <h1 className="page__title">{title}</h1>
        <p className="page__subtitle">{children}</p>
      </div>
      {aside}
    </div>
  );
}
