import type { ReactNode } from 'react';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { ExportCsvButton } from '../../charts/shared/export-csv-button';

interface PatternPanelProps<D extends { range: { to: string } }> {
  /** The pattern for the whole organisation (usePattern(kind, 'org')). */
  query: { data: D | undefined; error: unknown; isPlaceholderData: boolean; refetch: () => unknown };
  title: string;
  description: ReactNode;
  /** The export: "<stem>-<to>.csv", named "<what>" for screen readers. */
  csv: (data: D) => string;
  stem: string;
  what: string;
  loadingLabel?: string;
  empty?: (data: D) => string | false;
  emptyText?: ReactNode;
  /** The states' height while loading or empty. */
  height?: number;
  /** What stands at the right of the heading; the export button unless told otherwise. */
  aside?: ReactNode;
  children: (data: D) => ReactNode;
}

/** One engagement pattern for the organisation: loading, error and empty states, the export, greyed while a new range loads. */
export function PatternPanel<D extends { range: { to: string } }>({ query, title, description, csv, stem, what, loadingLabel, empty, emptyText, height, aside, children }: PatternPanelProps<D>) {
  const data = query.data;
  return (
    <ChartPanel
      title={title}
      description={description}
      className={query.isPlaceholderData ? 'panel--wide is-stale' : 'panel--wide'}
      aside={aside ?? (data && <ExportCsvButton stem={`${stem}-${data.range.to}`} csv={() => csv(data)} what={what} hasSuppressed />)}
    >
      <QueryStates data={data} error={query.error} onRetry={() => void query.refetch()} height={height} loadingLabel={loadingLabel} empty={empty} emptyText={emptyText}>
        {children}
      </QueryStates>
    </ChartPanel>
  );
}
