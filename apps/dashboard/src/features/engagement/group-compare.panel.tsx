import type { ReactNode } from 'react';
import { type Column, DataTable } from '../../charts/shared/data-table';
import { ExportCsvButton } from '../../charts/shared/export-csv-button';
import { CompareControl } from './pattern-range-control';
import { PatternPanel } from './pattern.panel';

interface Compared {
  by: string;
  range: { to: string };
}

interface GroupComparePanelProps<D extends Compared> {
  /** The pattern read by the comparison grouping (usePattern(kind, 'compare')). */
  query: { data: D | undefined; error: unknown; isPlaceholderData: boolean; refetch: () => unknown };
  title: string;
  description: ReactNode;
  /** Names the table: "<caption> by department". */
  caption: string;
  /** The export: "<stem>-by-department-<to>.csv", "<what> by department" for screen readers. */
  csv: (data: D) => string;
  stem: string;
  what: string;
  /** The empty state's title, or false when there are rows. */
  empty: string | false;
  /** The columns after the group's, and the rows. */
  columns: (data: D) => Column[];
  rows: (data: D) => ReactNode;
}

/** A pattern per department or location: the compare switch, the export and one table, a group a row. */
export function GroupComparePanel<D extends Compared>({ query, title, description, caption, csv, stem, what, empty, columns, rows }: GroupComparePanelProps<D>) {
  const data = query.data;
  return (
    <PatternPanel
      query={query}
      title={title}
      description={description}
      csv={csv}
      stem={stem}
      what={what}
      height={160}
      empty={() => empty}
      aside={
        <div className="panel__controls">
          <CompareControl />
          {data && <ExportCsvButton stem={`${stem}-by-${data.by}-${data.range.to}`} csv={() => csv(data)} what={`${what} by ${data.by}`} hasSuppressed />}
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
