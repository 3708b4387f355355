import type { ReactNode } from 'react';
import { SaveView } from './save-view';

/**
 * A page's heading: its title, a subtitle of short spans (children), and controls at the right
 * (`aside`), with "Save view" (the page's path and query string under a name) beside them.
 */
export function PageHeader({ title, aside, children }: { title: ReactNode; aside?: ReactNode; children: ReactNode }) {
  return (
    <div className="page__header">
      <div>
        <h1 className="page__title">{title}</h1>
        <p className="page__subtitle">{children}</p>
      </div>
      <div className="page__header-aside">
        {aside}
        <SaveView />
      </div>
    </div>
  );
}
