import type { HiddenReason, OverviewResponse } from '@hubpulse/contracts';
import { eachDay, round } from '@hubpulse/contracts';
import { formatCount, formatDay } from '../../lib/format';
import { DAYS, summarizeSeries, type SummaryPoint } from '../shared/chart-summary';
import { valueCell, type ChartTableModel } from '../shared/chart-table';

type EngagementRow = OverviewResponse['engagement'][number];

/**
 * ok: an index to draw · suppressed: people had scores, but fewer than the privacy minimum ·
 * no-data: nobody had a score that day (or the server sent no row for it).
 */
export type EngagementStatus = 'ok' | 'suppressed' | 'no-data';

export interface EngagementPoint {
  day: string;
  /** 0–100, one decimal; null leaves a gap in the line. */
  index: number | null;
  people: number | null;
  status: EngagementStatus;
  /** Why a suppressed point is hidden (the API's reason). */
  hiddenReason?: HiddenReason | null;
}

export interface EngagementSeriesOptions {
  /** Drop the days before the first one with any scores (used for "all time"). */
  trimLeadingEmpty?: boolean;
}

/**
 * One point per day from `range.from` to `range.to`, so a quiet day shows as a gap at its
 * place instead of the line silently joining its neighbours.
 */
export function buildEngagementSeries(
  rows: readonly EngagementRow[],
  range: { from: string; to: string },
  opts: EngagementSeriesOptions = {},
): EngagementPoint[] {
  const byDay = new Map<string, EngagementRow>();
  for (const row of rows) byDay.set(row.day.slice(0, 10), row);

  let days = eachDay(range.from.slice(0, 10), range.to.slice(0, 10));
  // Rows outside the announced range still count: never hide data the server sent.
  const extra = [...byDay.keys()].filter((d) => d < (days[0] ?? '') || d > (days[days.length - 1] ?? ''));
  if (days.length === 0 || extra.length > 0) {
    const all = [...days, ...extra].sort();
    days = all.length ? eachDay(all[0], all[all.length - 1]) : [];
  }

  let points = days.map((day) => toPoint(day, byDay.get(day)));
  if (opts.trimLeadingEmpty) {
    const first = points.findIndex((p) => p.status !== 'no-data');
    points = first === -1 ? [] : points.slice(first);
  }
  return points;
}

function toPoint(day: string, row: EngagementRow | undefined): EngagementPoint {
  if (!row) return { day, index: null, people: null, status: 'no-data' };
  if (row.index !== null && Number.isFinite(row.index)) {
    return { day, index: round(clamp(row.index, 0, 100), 1), people: row.people, status: 'ok' };
  }
  return { day, index: null, people: row.people, status: row.people === 0 ? 'no-data' : 'suppressed', hiddenReason: row.hidden_reason ?? null };
}

export interface EngagementSummary {
  /** Whether any day has an index to draw. */
  hasIndex: boolean;
  /** Days that had scores but were hidden below the privacy minimum. */
  suppressedDays: number;
  /** The most recent day with an index. */
  latest: EngagementPoint | null;
  /** Mean of the daily indexes shown, one decimal. */
  average: number | null;
}

export function summarizeEngagement(points: readonly EngagementPoint[]): EngagementSummary {
  const shown = points.filter((p) => p.status === 'ok' && p.index !== null);
  const average = shown.length
    ? round(shown.reduce((sum, p) => sum + (p.index ?? 0), 0) / shown.length, 1)
    : null;
  return {
    hasIndex: shown.length > 0,
    suppressedDays: points.filter((p) => p.status === 'suppressed').length,
    latest: shown.length ? shown[shown.length - 1] : null,
    average,
  };
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

const percent = (n: number) => `${n.toFixed(1)}%`;

function summaryPoints(points: readonly EngagementPoint[]): SummaryPoint[] {
  return points.map((p) => ({ label: formatDay(p.day), value: p.status === 'ok' ? p.index : null, hidden: p.status === 'suppressed' }));
}

/** The chart's text alternative: the trend of the index over the range, its highest and lowest days, and the hidden days. */
export function engagementChartSummary(points: readonly EngagementPoint[]): string {
  return summarizeSeries({ what: 'Engagement index', points: summaryPoints(points), format: percent, noun: DAYS });
}

/** The chart as a table: the index and the people behind it per day; a hidden day hides both. */
export function engagementChartTable(points: readonly EngagementPoint[]): ChartTableModel {
  return {
    caption: 'Engagement index by day',
    rowHeader: 'Day',
    columns: [
      { label: 'Engagement index', numeric: true },
      { label: 'People active in the 7 days', numeric: true },
    ],
    rows: points.map((p) => {
      // A shown index may come with its people count hidden (null): that count is hidden, not missing.
      const hidden = { hidden: p.status !== 'no-data', reason: p.hiddenReason ?? null };
      return {
        key: p.day,
        label: formatDay(p.day),
        cells:
          p.status === 'no-data'
            ? [{ kind: 'none', text: 'no data' }, { kind: 'none', text: 'nobody active' }]
            : [valueCell(p.status === 'ok' ? p.index : null, percent, hidden), valueCell(p.status === 'ok' ? p.people : null, formatCount, hidden)],
      };
    }),
  };
}
