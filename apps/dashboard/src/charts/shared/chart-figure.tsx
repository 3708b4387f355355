import { useId, useState, type ReactNode } from 'react';
import { hiddenShortText } from '@hubpulse/contracts';
import { DataTable } from './data-table';
import { HiddenReasonValue } from './hidden-reason-value';
import { summarizeCategories } from './chart-summary';
import { pointsTable, type ChartTableModel, type TableCell, type TablePoint } from './chart-table';

/**
 * What a Recharts chart needs to be read by a screen reader: an image named by its `<title>`,
 * described by its `<desc>` and by the visible summary under it.
 */
export interface ChartA11yProps {
  role: 'img';
  title: string;
  desc: string;
  'aria-describedby'?: string;
}

/** The props of a chart drawn without a figure around it (a sparkline in a card or a table row): no focus stop. */
export function chartA11y(name: string, summary: string): ChartA11yProps & { accessibilityLayer: false } {
  return { role: 'img', title: name, desc: summary, accessibilityLayer: false };
}

/**
 * Name, summary and table of a one-series bar chart by category (its largest and smallest bars,
 * hidden ones by name): spread on a ChartFigure.
 */
export function categoryFigure(name: string, rowHeader: string, column: string, points: readonly TablePoint[], format: (n: number) => string) {
  return { name, summary: summarizeCategories({ what: name, items: points, format }), table: () => pointsTable(name, rowHeader, column, points, format) };
}

interface ChartFigureProps {
  /** The chart's accessible name; the table's caption unless the model has its own. */
  name: string;
  /** The generated text alternative (chart-summary.ts), shown under the chart. */
  summary: string;
  /** The same numbers as a table, built only when asked for. */
  table: () => ChartTableModel;
  minGroupSize: number;
  /** Shown under the chart (a legend), not under the table. */
  legend?: ReactNode;
  /** Draws the chart, spreading `a11y` on the Recharts chart element. */
  children: (a11y: ChartA11yProps) => ReactNode;
}

/**
 * A chart with its text alternative: the picture (an image named and described), a one- or
 * two-sentence summary under it, and a "View as table" toggle that shows the same numbers as a table
 * in its place — hidden ones with the same words as everywhere else, never a number the chart hides.
 */
export function ChartFigure({ name, summary, table, minGroupSize, legend, children }: ChartFigureProps) {
  const [asTable, setAsTable] = useState(false);
  const summaryId = useId();
  const tableId = useId();
  return (
    <div className="chart-figure">
      <div className="chart-figure__tools">
        <button type="button" className="button button--ghost button--small chart-figure__toggle" aria-pressed={asTable} aria-controls={asTable ? tableId : undefined} onClick={() => setAsTable((v) => !v)}>
          View as table
        </button>
      </div>
      {asTable ? (
        <ChartTable id={tableId} model={table()} fallbackCaption={name} minGroupSize={minGroupSize} />
      ) : (
        <>
          {children({ role: 'img', title: name, desc: summary, 'aria-describedby': summaryId })}
          {legend}
        </>
      )}
      <p className="chart-figure__summary" id={summaryId}>
        {summary}
      </p>
    </div>
  );
}

/** A chart's numbers as a table a screen reader can walk: a caption, column headers and a row header per row. */
export function ChartTable({ id, model, fallbackCaption, minGroupSize }: { id?: string; model: ChartTableModel; fallbackCaption: string; minGroupSize: number }) {
  const caption = model.caption || fallbackCaption;
  // A wide table scrolls sideways on a narrow screen: the scroll box takes keyboard focus so it can be scrolled without a mouse.
  return (
    <div id={id} className="chart-table" role="group" aria-label={caption} tabIndex={0}>
      <DataTable
        caption={caption}
        captionClass="chart-table__caption"
        columns={[model.rowHeader, ...model.columns.map((c) => (c.numeric ? { num: c.label } : c.label))]}
        bare
      >
        {model.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {r.cells.map((c, i) => (
              <td key={i} className={model.columns[i]?.numeric ? 'num' : undefined}>
                <CellView cell={c} minGroupSize={minGroupSize} />
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

function CellView({ cell, minGroupSize }: { cell: TableCell; minGroupSize: number }) {
  switch (cell.kind) {
    case 'value':
      return <>{cell.text}</>;
    case 'hidden':
      return (
        <HiddenReasonValue reason={cell.reason} minGroupSize={minGroupSize}>
          {hiddenShortText(cell.reason, minGroupSize)}
        </HiddenReasonValue>
      );
    case 'none':
      return <span className="muted">{cell.text ?? '—'}</span>;
  }
}
