// The date range lives in the URL query so a view can be bookmarked, shared and saved:
//   ?range=30 | 90 | 365 | all   a preset, ending at the newest event
//   ?from=YYYY-MM-DD&to=YYYY-MM-DD   a custom range (either bound may be left out)
// No parameter means the server's default: the 90 days ending at the newest event.
// One reading for the dashboard (the range control) and the server (a scheduled report of a saved view).

import { addDays, isValidDay } from './dates';

/** Range parameters of a read: both optional; without them the server answers its default range. */
export interface RangeParams {
  from?: string;
  to?: string;
}

export const PRESET_DAYS = [30, 90, 365] as const;
export type PresetDays = (typeof PRESET_DAYS)[number];

/** The server's default window, in days; asking for it sends no parameters at all. */
export const SERVER_DEFAULT_DAYS: PresetDays = 90;

/**
 * "All" needs a lower bound: the first event day (`data_from` of the overview) when known and
 * earlier, else the last ten years (the server accepts either); charts trim the empty days before
 * the first one.
 */
export const ALL_TIME_DAYS = 3650;

export type RangeSelection =
  | { kind: 'preset'; days: PresetDays }
  | { kind: 'all' }
  | { kind: 'custom'; from?: string; to?: string };

export const DEFAULT_SELECTION: RangeSelection = { kind: 'preset', days: SERVER_DEFAULT_DAYS };

export function parseRangeSearch(search: URLSearchParams): RangeSelection {
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const validFrom = isValidDay(from) ? from : undefined;
  const validTo = isValidDay(to) ? to : undefined;
  if (validFrom || validTo) return { kind: 'custom', from: validFrom, to: validTo };

  const range = search.get('range');
  if (range === 'all') return { kind: 'all' };
  const days = Number(range);
  if ((PRESET_DAYS as readonly number[]).includes(days)) return { kind: 'preset', days: days as PresetDays };
  return DEFAULT_SELECTION;
}

/** Writes a selection into a copy of the current query, keeping unrelated parameters. */
export function applyRangeSearch(current: URLSearchParams, selection: RangeSelection): URLSearchParams {
  const next = new URLSearchParams(current);
  next.delete('range');
  next.delete('from');
  next.delete('to');
  if (selection.kind === 'preset') next.set('range', String(selection.days));
  else if (selection.kind === 'all') next.set('range', 'all');
  else {
    if (selection.from) next.set('from', selection.from);
    if (selection.to) next.set('to', selection.to);
  }
  return next;
}

/** Whether turning a selection into API parameters needs the newest event day first. */
export function needsAnchor(selection: RangeSelection): boolean {
  return selection.kind === 'all' || (selection.kind === 'preset' && selection.days !== SERVER_DEFAULT_DAYS);
}

/**
 * API parameters for a selection. Presets end at `anchor`, the newest event day, which the
 * server reports as `range.to` of its default answer (and resolves the same way itself). Returns null while the anchor is unknown.
 */
export function toRangeParams(selection: RangeSelection, anchor: string | undefined, dataFrom?: string | null): RangeParams | null {
  if (selection.kind === 'custom') return { from: selection.from, to: selection.to };
  if (!needsAnchor(selection)) return {};
  if (!anchor || !isValidDay(anchor)) return null;
  const days = selection.kind === 'all' ? ALL_TIME_DAYS : selection.days;
  const from = addDays(anchor, -(days - 1));
  if (selection.kind === 'all' && dataFrom && isValidDay(dataFrom) && dataFrom < from) return { from: dataFrom, to: anchor };
  return { from, to: anchor };
}

export function isSameSelection(a: RangeSelection, b: RangeSelection): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'preset' && b.kind === 'preset') return a.days === b.days;
  if (a.kind === 'custom' && b.kind === 'custom') return a.from === b.from && a.to === b.to;
  return true;
}

/** A custom range the user typed: both bounds valid days, in order. Returns a message or null. */
export function validateCustomRange(from: string, to: string): string | null {
  if (!isValidDay(from)) return 'Enter a start date.';
  if (!isValidDay(to)) return 'Enter an end date.';
  if (from > to) return 'The start date must be on or before the end date.';
  return null;
}
