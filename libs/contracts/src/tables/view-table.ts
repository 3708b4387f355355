import type { HiddenReason } from '../privacy.types';
import { hiddenReasonText } from '../privacy.types';
import type { TableCell, TableColumn, TableColumnType, ViewTable } from '../exports.types';

/** A value the privacy layer hid, with its reason: empty in the file, counted, and explained in the row's note. */
export interface HiddenCell {
  hidden: HiddenReason | null;
}

export type DraftCell = TableCell | HiddenCell;

/** `value`, or a hidden cell when the DTO carries a reason (or the value is null beside a reason). */
export function shown(value: number | null | undefined, reason: HiddenReason | null | undefined): DraftCell {
  if (value === null || value === undefined) return reason ? { hidden: reason } : null;
  return value;
}

export const col = (name: string, type: TableColumnType, description: string): TableColumn => ({ name, type, description });

export const NOTE_COLUMN = col('note', 'string', 'Why a cell of the row is empty: the privacy rule that hid it (empty when nothing is hidden)');

/**
 * The finished table: hidden cells become empty (never 0) and are counted, and a `note` column
 * says, once per reason, why the row has empty cells.
 */
export function finishTable(columns: readonly TableColumn[], rows: readonly (readonly DraftCell[])[], minGroupSize: number): ViewTable {
  let hidden = 0;
  const out = rows.map((row) => {
    const reasons = new Set<string>();
    const cells = row.map((c) => {
      if (c !== null && typeof c === 'object') {
        hidden++;
        reasons.add(hiddenReasonText(c.hidden, minGroupSize));
        return null;
      }
      return c;
    });
    return [...cells, [...reasons].join(' ')];
  });
  return { columns: [...columns, NOTE_COLUMN], rows: out, hidden_cells: hidden };
}

/**
 * A table of settings or records rather than numbers about people (versions, jobs, mappings): nothing
 * is ever hidden, so no note column.
 */
export function plainTable(columns: readonly TableColumn[], rows: readonly (readonly TableCell[])[]): ViewTable {
  return { columns: [...columns], rows: rows.map((r) => [...r]), hidden_cells: 0 };
}

/** A time as exports write it (UTC, milliseconds: 2026-03-01T09:00:00.000Z), whatever ISO form the DTO carries; null stays null. */
export function utcTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString();
}

/** The day of an ISO date or time (YYYY-MM-DD); null stays null. */
export function dayOf(iso: string | null | undefined): string | null {
  return iso ? iso.slice(0, 10) : null;
}
