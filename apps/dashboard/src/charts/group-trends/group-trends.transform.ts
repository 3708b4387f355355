// Shaping for scores per group: the group-by and range in the URL, which groups the line chart
// draws, one row per day for Recharts, the table rows and their CSV.

import { EVENT_TYPE_LABELS, hiddenReasonText, type EventType, type GroupScoreRow, type GroupScoresDto, type HiddenReason, type ScoreGroupBy, round } from '@hubpulse/contracts';
import { type CsvCell, toCsv } from '@hubpulse/contracts';
import { addDays, eachDay } from '@hubpulse/contracts';

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
}

export const DEFAULT_GROUP_SELECTION: GroupSelection = { by: 'department', days: 30 };

export function parseGroupSearch(search: URLSearchParams): GroupSelection {
  const by = GROUP_BY_OPTIONS.find((o) => o.by === search.get('by'))?.by ?? DEFAULT_GROUP_SELECTION.by;
  const days = Number(search.get('days'));
  return { by, days: (GROUP_RANGE_DAYS as readonly number[]).includes(days) ? (days as GroupRangeDays) : DEFAULT_GROUP_SELECTION.days };
}

export function applyGroupSearch(current: URLSearchParams, selection: GroupSelection): URLSearchParams {
  const next = new URLSearchParams(current);
  next.set('by', selection.by);
  next.set('days', String(selection.days));
  return next;
}

/** The range ending on the newest scored day; null while that day is unknown. */
export function groupRange(days: GroupRangeDays, anchor: string | null | undefined): { from: string; to: string } | null {
  if (!anchor) return null;
  const to = anchor.slice(0, 10);
  return { from: addDays(to, -(days - 1)), to };
}

// ---------- Table ----------

export interface GroupTableRow {
  key: string;
  label: string;
  people: number | null;
  meanScore: number | null;
  activeShare: number | null;
  /** Mean score on the last day minus on the first day with one, in points; null without two days. */
  change: number | null;
  /** The action type earning the largest share of the group's points, with that share. */
  topAction: { type: EventType; label: string; share: number } | null;
  /** Why the group, its mean score or its active share is hidden (the API's reasons). */
  hiddenReason: HiddenReason | null;
  meanHidden: HiddenReason | null;
  activeHidden: HiddenReason | null;
  suppressed: boolean;
  /** Whether the trend has at least one shown day. */
  hasTrend: boolean;
}

const TENURE_ORDER = ['under 1 year', '1–3 years', '3–10 years', '10+ years', 'unknown'];

function trendChange(trend: GroupScoreRow['trend']): number | null {
  const shown = [...trend].sort((a, b) => a.day.localeCompare(b.day)).filter((p) => p.mean_score !== null);
  if (shown.length < 2) return null;
  return round((shown[shown.length - 1].mean_score as number) - (shown[0].mean_score as number), 1);
}

function topAction(mix: GroupScoreRow['mix']): GroupTableRow['topAction'] {
  if (!mix) return null;
  let best: GroupTableRow['topAction'] = null;
  for (const [type, share] of Object.entries(mix) as [EventType, number][]) {
    if (typeof share === 'number' && share > 0 && (!best || share > best.share)) {
      best = { type, label: EVENT_TYPE_LABELS[type] ?? type, share };
    }
  }
  return best;
}

/**
 * One row per group. Tenure bands keep their natural order; other groupings put the highest mean
 * score first, hidden groups last (their order must not hint at their numbers).
 */
export function buildGroupRows(dto: Pick<GroupScoresDto, 'by' | 'groups'>): GroupTableRow[] {
  const rows = dto.groups.map<GroupTableRow>((g) => ({
    key: g.key,
    label: g.label || g.key,
    people: g.people,
    meanScore: g.mean_score,
    activeShare: g.active_share,
    change: g.suppressed ? null : trendChange(g.trend),
    topAction: g.suppressed ? null : topAction(g.mix),
    hiddenReason: g.hidden_reason ?? null,
    meanHidden: g.mean_score_hidden ?? null,
    activeHidden: g.active_share_hidden ?? null,
    suppressed: g.suppressed,
    hasTrend: !g.suppressed && g.trend.some((p) => p.mean_score !== null),
  }));
  if (dto.by === 'tenure') {
    const rank = (label: string) => {
      const i = TENURE_ORDER.indexOf(label);
      return i === -1 ? TENURE_ORDER.length : i;
    };
    return rows.sort((a, b) => rank(a.label) - rank(b.label) || a.label.localeCompare(b.label));
  }
  return rows.sort((a, b) => {
    if (a.suppressed !== b.suppressed) return a.suppressed ? 1 : -1;
    if (a.suppressed) return a.label.localeCompare(b.label);
    return (b.meanScore ?? -1) - (a.meanScore ?? -1) || a.label.localeCompare(b.label);
  });
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

export type TrendPoint = { day: string } & Record<string, number | null | string>;

/**
 * One point per day of the range with a value per chosen group (null = hidden or no score that
 * day, drawn as a gap), in the order the keys were chosen.
 */
export function buildTrendPoints(
  dto: Pick<GroupScoresDto, 'from' | 'to' | 'groups'>,
  keys: readonly string[],
): { series: TrendSeries[]; points: TrendPoint[] } {
  const byKey = new Map(dto.groups.map((g) => [g.key, g]));
  const chosen = keys.map((k) => byKey.get(k)).filter((g): g is GroupScoreRow => !!g && !g.suppressed);
  const series = chosen.map((g, i) => ({ key: g.key, label: g.label || g.key, dataKey: `g${i}` }));
  const values = chosen.map((g) => new Map(g.trend.map((p) => [p.day.slice(0, 10), p.mean_score])));
  const points = eachDay(dto.from.slice(0, 10), dto.to.slice(0, 10)).map((day) => {
    const point: TrendPoint = { day };
    series.forEach((s, i) => {
      const v = values[i].get(day);
      point[s.dataKey] = v === undefined || v === null ? null : round(v, 1);
    });
    return point;
  });
  return { series, points };
}

// ---------- CSV ----------

/** The table, plus the daily means of every shown group in a second file. */
export function groupsCsv(dto: GroupScoresDto): string {
  const note = (r: GroupTableRow) => {
    const reason = r.hiddenReason ?? r.meanHidden ?? r.activeHidden;
    return r.suppressed || r.meanScore === null || r.activeShare === null ? hiddenReasonText(reason, dto.min_group_size) : '';
  };
  const rows: CsvCell[][] = buildGroupRows(dto).map((r) => [
    dto.by,
    r.key,
    r.label,
    dto.from,
    dto.to,
    r.people,
    r.meanScore === null ? null : round(r.meanScore, 1),
    r.activeShare === null ? null : round(r.activeShare, 3),
    r.change,
    r.topAction?.type ?? null,
    note(r),
  ]);
  return toCsv(['group_by', 'group_key', 'group', 'from', 'to', 'people', 'mean_score', 'active_share', 'change', 'top_action', 'note'], rows);
}

export function groupTrendsCsv(dto: GroupScoresDto): string {
  const note = (reason: HiddenReason | null | undefined) => hiddenReasonText(reason, dto.min_group_size);
  const rows: CsvCell[][] = [];
  for (const r of buildGroupRows(dto)) {
    const g = dto.groups.find((x) => x.key === r.key);
    if (!g) continue;
    if (g.suppressed) {
      rows.push([dto.by, g.key, r.label, null, null, note(g.hidden_reason)]);
      continue;
    }
    for (const p of [...g.trend].sort((a, b) => a.day.localeCompare(b.day))) {
      rows.push([dto.by, g.key, r.label, p.day.slice(0, 10), p.mean_score === null ? null : round(p.mean_score, 1), p.mean_score === null ? note(p.hidden_reason) : '']);
    }
  }
  return toCsv(['group_by', 'group_key', 'group', 'day', 'mean_score', 'note'], rows);
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
