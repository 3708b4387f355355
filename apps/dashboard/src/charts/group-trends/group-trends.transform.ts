// Shaping for scores per group: the group-by and range in the URL, which groups the line chart
// draws and one row per day for Recharts. The table's rows (buildGroupRows) live in contracts: the
// server's exports read the same rows.

import { DEFAULT_GROUP_BY, DEFAULT_GROUP_DAYS, eachDay, round, type Attribution, type GroupScoreRow, type GroupScoresDto, type GroupTableRow, type HiddenReason, type ScoreGroupBy } from '@hubpulse/contracts';
import { formatDay } from '../../lib/format';
import { DAYS, summarizeSeriesSet } from '../shared/chart-summary';
import { valueCell, type ChartTableModel } from '../shared/chart-table';

// ---------- URL: ?by=department|location|team|manager|tenure&days=30|90 ----------

export const GROUP_BY_OPTIONS: { by: ScoreGroupBy; label: string; noun: string }[] = [
  { by: 'department', label: 'Department', noun: 'department' },
  { by: 'location', label: 'Location', noun: 'location' },
  { by: 'team', label: 'Team', noun: 'team' },
  { by: 'manager', label: 'Manager', noun: 'manager (everyone under them)' },
  { by: 'tenure', label: 'Tenure', noun: 'tenure band' },
];

export const GROUP_RANGE_DAYS = [30, 90] as const;
export type GroupRangeDays = (typeof GROUP_RANGE_DAYS)[number];

export interface GroupSelection {
  by: ScoreGroupBy;
  days: GroupRangeDays;
  /** Whose group a day counts under (?attribution=today; absent: as it was). Optional: old links lack it. */
  attribution?: Attribution;
}

/** ?attribution=…: each day under the group people were in then (default), or under today's. */
export const ATTRIBUTION_OPTIONS: { attribution: Attribution; label: string }[] = [
  { attribution: 'as_it_was', label: 'As it was' },
  { attribution: 'today', label: 'As of today' },
];

export const DEFAULT_GROUP_SELECTION: GroupSelection = { by: DEFAULT_GROUP_BY, days: DEFAULT_GROUP_DAYS };

export function parseGroupSearch(search: URLSearchParams): GroupSelection {
  const by = GROUP_BY_OPTIONS.find((o) => o.by === search.get('by'))?.by ?? DEFAULT_GROUP_SELECTION.by;
  const days = Number(search.get('days'));
  const selection: GroupSelection = { by, days: (GROUP_RANGE_DAYS as readonly number[]).includes(days) ? (days as GroupRangeDays) : DEFAULT_GROUP_SELECTION.days };
  if (search.get('attribution') === 'today') selection.attribution = 'today';
  return selection;
}

export function applyGroupSearch(current: URLSearchParams, selection: GroupSelection): URLSearchParams {
  const next = new URLSearchParams(current);
  next.set('by', selection.by);
  next.set('days', String(selection.days));
  if (selection.attribution === 'today') next.set('attribution', 'today');
  else next.delete('attribution');
  return next;
}

/** Lines the chart starts with: the largest groups that have a trend (all of them for tenure). */
export function defaultChartKeys(rows: readonly GroupTableRow[], by: ScoreGroupBy, count = 5): string[] {
  const drawable = rows.filter((r) => r.hasTrend);
  if (by === 'tenure') return drawable.slice(0, MAX_LINES).map((r) => r.key);
  return [...drawable]
    .sort((a, b) => (b.people ?? 0) - (a.people ?? 0) || a.label.localeCompare(b.label))
    .slice(0, count)
    .map((r) => r.key);
}

/** More lines than this stop being readable. */
export const MAX_LINES = 8;

// ---------- Chart ----------

export interface TrendSeries {
  key: string;
  label: string;
  /** The data key in each point: never the group key itself, which may hold dots or spaces. */
  dataKey: string;
}

/** A day's values by data key; `${dataKey}_hidden` holds why a value is hidden (absent: no value that day). */
export type TrendPoint = { day: string } & Record<string, number | null | string>;

/** Why a point's value on this line is hidden for privacy; null when it is shown or there is none. */
export function trendHidden(point: TrendPoint, dataKey: string): HiddenReason | null {
  return (point[`${dataKey}_hidden`] as HiddenReason | undefined) ?? null;
}

/**
 * One point per day of the range with a value per chosen group (null = hidden or no score that
 * day, drawn as a gap; a hidden one says why under `${dataKey}_hidden`), in the order the keys were chosen.
 */
export function buildTrendPoints(
  dto: Pick<GroupScoresDto, 'from' | 'to' | 'groups'>,
  keys: readonly string[],
): { series: TrendSeries[]; points: TrendPoint[] } {
  const byKey = new Map(dto.groups.map((g) => [g.key, g]));
  const chosen = keys.map((k) => byKey.get(k)).filter((g): g is GroupScoreRow => !!g && !g.suppressed);
  const series = chosen.map((g, i) => ({ key: g.key, label: g.label || g.key, dataKey: `g${i}` }));
  const values = chosen.map((g) => new Map(g.trend.map((p) => [p.day.slice(0, 10), p])));
  const points = eachDay(dto.from.slice(0, 10), dto.to.slice(0, 10)).map((day) => {
    const point: TrendPoint = { day };
    series.forEach((s, i) => {
      const p = values[i].get(day);
      const v = p?.mean_score;
      point[s.dataKey] = v === undefined || v === null ? null : round(v, 1);
      if (point[s.dataKey] === null && p?.hidden_reason) point[`${s.dataKey}_hidden`] = p.hidden_reason;
    });
    return point;
  });
  return { series, points };
}

/**
 * A y-axis range that shows the differences between lines: the values' span padded and rounded
 * out to multiples of 5, within 0–100, at least 10 points tall.
 */
export function trendDomain(points: readonly TrendPoint[], series: readonly TrendSeries[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    for (const s of series) {
      const v = p[s.dataKey];
      if (typeof v === 'number') {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  if (!Number.isFinite(lo)) return [0, 100];
  let from = Math.max(0, Math.floor((lo - 2) / 5) * 5);
  let to = Math.min(100, Math.ceil((hi + 2) / 5) * 5);
  if (to - from < 10) {
    to = Math.min(100, from + 10);
    from = Math.max(0, to - 10);
  }
  return [from, to];
}

/**
 * One dash pattern per line, in colour order: lines differ by their dashes as well as their colour
 * (the legend draws the same dashes), so no one needs to tell the colours apart.
 */
export const SERIES_DASHES = ['', '8 4', '2 3', '10 3 2 3', '4 4', '14 4', '6 2 2 2 2 2', '1 5'] as const;

export function seriesDash(index: number): string | undefined {
  return SERIES_DASHES[index % SERIES_DASHES.length] || undefined;
}

const oneDecimal = (n: number) => n.toFixed(1);

/**
 * The chart's text alternative: each line's move from its first shown value to its last, which
 * line ends highest and lowest, and how many values are hidden for privacy (a day with no value at
 * all is neither guessed nor counted as hidden).
 */
export function trendsSummary(what: string, series: readonly TrendSeries[], points: readonly TrendPoint[], format: (n: number) => string = oneDecimal): string {
  return summarizeSeriesSet({
    what,
    series: series.map((s) => ({ name: s.label, points: points.map((p) => ({ label: formatDay(p.day), value: p[s.dataKey] as number | null, hidden: trendHidden(p, s.dataKey) !== null })) })),
    format,
    noun: DAYS,
  });
}

/** The chart as a table: a row per day, a column per line; a hidden value says why, a day without one says "no value". */
export function trendsTable(caption: string, series: readonly TrendSeries[], points: readonly TrendPoint[], format: (n: number) => string = oneDecimal): ChartTableModel {
  const cell = (p: TrendPoint, dataKey: string) => {
    const reason = trendHidden(p, dataKey);
    return valueCell(p[dataKey] as number | null, format, { hidden: reason !== null, reason }, 'no value');
  };
  return {
    caption,
    rowHeader: 'Day',
    columns: series.map((s) => ({ label: s.label, numeric: true })),
    rows: points.map((p) => ({ key: p.day, label: formatDay(p.day), cells: series.map((s) => cell(p, s.dataKey)) })),
  };
}
