// The "View as table" of a chart, as data: the same points the chart draws, one row per point (day,
// channel, band…) and one column per series. Pure, so a spec can check that a hidden number stays
// hidden: a cell is a formatted value, a hidden mark with the API's reason, or "no value".

import type { HiddenReason } from '@hubpulse/contracts';

export type TableCell =
  | { kind: 'value'; text: string }
  /** A number the disclosure layer hid: shown with the same short text and reason as everywhere else. */
  | { kind: 'hidden'; reason: HiddenReason | null }
  /** Nothing to show (no data, not applicable): a muted dash or the given words. */
  | { kind: 'none'; text?: string };

export interface ChartTableRow {
  key: string;
  /** The row's header cell (`<th scope="row">`). */
  label: string;
  cells: TableCell[];
}

export interface ChartTableModel {
  /** The table's caption, and so its accessible name. */
  caption: string;
  /** Heading of the row-header column ("Day", "Channel"). */
  rowHeader: string;
  columns: { label: string; numeric?: boolean }[];
  rows: ChartTableRow[];
}

/**
 * One cell from a number that may be missing: the formatted value; hidden (with its reason) when the
 * API hid it; otherwise "no value". `hidden` is only asked when the value is null.
 */
export function valueCell(value: number | null | undefined, format: (n: number) => string, hidden?: { hidden: boolean; reason?: HiddenReason | null }, none?: string): TableCell {
  if (value !== null && value !== undefined && Number.isFinite(value)) return { kind: 'value', text: format(value) };
  if (hidden?.hidden) return { kind: 'hidden', reason: hidden.reason ?? null };
  return none === undefined ? { kind: 'none' } : { kind: 'none', text: none };
}

/** A cell of text that is not a number (a status, a name). */
export function textCell(text: string): TableCell {
  return { kind: 'value', text };
}

/** A point of a one-series chart, as summaries and tables read it. */
export interface TablePoint {
  key: string;
  label: string;
  value: number | null;
  /** The API hid this value (`reason` says why); otherwise a null value is "none". */
  hidden?: boolean;
  reason?: HiddenReason | null;
}

/** A one-series chart as a table: a row per point, one value column. */
export function pointsTable(caption: string, rowHeader: string, column: string, points: readonly TablePoint[], format: (n: number) => string, none?: string): ChartTableModel {
  return {
    caption,
    rowHeader,
    columns: [{ label: column, numeric: true }],
    rows: points.map((p) => ({ key: p.key, label: p.label, cells: [valueCell(p.value, format, { hidden: !!p.hidden, reason: p.reason }, none)] })),
  };
}
