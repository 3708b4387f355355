import type { ReactNode } from 'react';

interface ChartPanelProps {
  /** Heading and accessible name of the section. */
  title: string;
  /** One line under the title saying what the numbers mean. */
  description?: ReactNode;
  /** Small figures or controls at the right of the heading. */
  aside?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** The frame every chart sits in: a named section with a heading, a definition and a body. */
export function ChartPanel({ title, description, aside, className, children }: ChartPanelProps) {
  return (
    <section aria-label={title} className={['panel', className].filter(Boolean).join(' ')}>
      <header className="panel__header">
        <div className="panel__heading">
          <h2 className="panel__title">{title}</h2>
          {description && <p className="panel__description">{description}</p>}
        </div>
        {aside && <div className="panel__aside">{aside}</div>}
      </header>
      <div className="panel__body">{children}</div>
    </section>
  );
}
