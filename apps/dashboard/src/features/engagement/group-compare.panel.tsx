import type { ReactNode } from 'react';
import { type Column, DataTable } from '../../charts/shared/data-table';
import { ExportMenu } from '../../charts/shared/export-menu';
import { CompareControl } from './pattern-range-control';
import { PatternPanel, patternExportParams, type PatternData } from './pattern.panel';

interface GroupComparePanelProps<D extends PatternData> {
  /** The pattern read by the comparison grouping (usePattern(kind, 'compare')). */
  query: { data: D | undefined; error: unknown; isPlaceholderData: boolean; refetch: () => unknown };
  title: string;
  description: ReactNode;
  /** Names the table: "<caption> by department". */
  caption: string;
  /** The view the server exports, "<what> by department" for screen readers. */
  exportView: string;
  what: string;
  /** The empty state's title, or false when there are rows. */
  empty: string | false;
  /** The columns after the group's, and the rows. */
  columns: (data: D) => Column[];
  rows: (data: D) => ReactNode;
}

/** A pattern per department or location: the compare switch, the export and one table, a group a row. */
export function GroupComparePanel<D extends PatternData>({ query, title, description, caption, exportView, what, empty, columns, rows }: GroupComparePanelProps<D>) {
  const data = query.data;
  return (
    <PatternPanel
      query={query}
      title={title}
      description={description}
      exportView={exportView}
      what={what}
      height={160}
      empty={() => empty}
      aside={
        <div className="panel__controls">
          <CompareControl />
          <ExportMenu view={exportView} params={data ? patternExportParams(data) : {}} what={`${what} by ${data?.by ?? 'group'}`} disabled={!data} />
        </div>
      }
    >
      {(d) => (
        <DataTable
          caption={
            <>
              {caption} by {d.by}
            </>
          }
          columns={[d.by === 'department' ? 'Department' : 'Location', ...columns(d)]}
        >
          {rows(d)}
        </DataTable>
      )}
    </PatternPanel>
  );
}
