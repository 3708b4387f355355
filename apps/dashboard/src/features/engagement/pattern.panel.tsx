import type { ReactNode } from 'react';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { ExportMenu } from '../../charts/shared/export-menu';

/** What every pattern response carries: its range and grouping, the parameters of its export. */
export interface PatternData {
  range: { from: string; to: string };
  by: string;
}

/** The export's parameters: the range and grouping the panel shows. */
export const patternExportParams = (d: PatternData) => ({ from: d.range.from, to: d.range.to, by: d.by });

interface PatternPanelProps<D extends PatternData> {
  /** The pattern for the whole organisation (usePattern(kind, 'org')). */
  query: { data: D | undefined; error: unknown; isPlaceholderData: boolean; refetch: () => unknown };
  title: string;
  description: ReactNode;
  /** The view the server exports (GET /api/exports/views), named "<what>" for screen readers. */
  exportView: string;
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
export function PatternPanel<D extends PatternData>({ query, title, description, exportView, what, loadingLabel, empty, emptyText, height, aside, children }: PatternPanelProps<D>) {
  const data = query.data;
  return (
    <ChartPanel
      title={title}
      description={description}
      className={query.isPlaceholderData ? 'panel--wide is-stale' : 'panel--wide'}
      aside={aside ?? <ExportMenu view={exportView} params={data ? patternExportParams(data) : {}} what={what} disabled={!data} />}
    >
      <QueryStates data={data} error={query.error} onRetry={() => void query.refetch()} height={height} loadingLabel={loadingLabel} empty={empty} emptyText={emptyText}>
        {children}
      </QueryStates>
    </ChartPanel>
  );
}
