import type { GoalDetailDto, KpiSource } from '@hubpulse/contracts';
import { LOCALE, formatMonth } from '../../lib/format';

// A goal's monthly KPI against where it should be, and the forecast after the last value.

export interface KpiChartPoint {
  period: string;
  /** "Mar 2026", for the axis. */
  label: string;
  actual: number | null;
  /** Where the goal should be that month (the status rule's expected value). */
  expected: number | null;
  /** The forecast's point value; at the last measured month it equals the measurement, so the dashed line starts there. */
  forecast: number | null;
  band80: [number, number] | null;
  band95: [number, number] | null;
  /** True from the first month after the last value: a forecast month, not a measurement. */
  isForecast: boolean;
}

export interface KpiChartModel {
  points: KpiChartPoint[];
  /** The x-axis label where the forecast starts (the last measured month) and the last label; null without a forecast. */
  forecastSpan: { from: string; to: string } | null;
  /** y-axis bounds covering values, expectations, bands, target and baseline, on round numbers. */
  domain: [number, number];
  /** The y-axis ticks: round steps from the bottom of the domain to its top. */
  ticks: number[];
}

/** A round step (1, 2, 2.5 or 5 × a power of ten) giving about `count` intervals over `span`. */
export function niceStep(span: number, count = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}

/** Bounds widened to whole steps, and the ticks between them. */
export function niceAxis(lo: number, hi: number, count = 5): { domain: [number, number]; ticks: number[] } {
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.1 || 1;
    [lo, hi] = [lo - pad, hi + pad];
  }
  const step = niceStep(hi - lo, count);
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision, so 0.1 + 0.2 stays 0.3 on the axis.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  for (let t = start; t <= end + step / 2; t += step) ticks.push(Number(t.toFixed(digits)));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/**
 * The chart's rows from the goal's series. The forecast is joined to the last measured value (its
 * line and bands start from that point and fan out), so the eye reads one course that turns dashed.
 */
export function buildKpiChart(goal: Pick<GoalDetailDto, 'series' | 'target' | 'baseline'>): KpiChartModel {
  const series = [...goal.series].sort((a, b) => a.period.localeCompare(b.period));
  const firstForecast = series.findIndex((p) => p.forecast !== null);
  // The month the forecast grows from: the last one with a value before the forecast.
  let anchor = -1;
  if (firstForecast > 0) {
    for (let i = firstForecast - 1; i >= 0; i--) {
      if (series[i].actual !== null) {
        anchor = i;
        break;
      }
    }
  }
  const points: KpiChartPoint[] = series.map((p, i) => {
    const f = p.forecast;
    const bridge = i === anchor && p.actual !== null;
    return {
      period: p.period,
      label: formatMonth(p.period),
      actual: p.actual,
      expected: p.expected,
      forecast: f ? f.value : bridge ? p.actual : null,
      band80: f ? [f.lower80, f.upper80] : bridge ? [p.actual!, p.actual!] : null,
      band95: f ? [f.lower95, f.upper95] : bridge ? [p.actual!, p.actual!] : null,
      isForecast: f !== null,
    };
  });

  const forecastSpan =
    firstForecast >= 0 ? { from: points[anchor >= 0 ? anchor : firstForecast].label, to: points[points.length - 1].label } : null;

  const values: number[] = [goal.target, goal.baseline];
  for (const p of points) {
    for (const v of [p.actual, p.expected, p.forecast, ...(p.band95 ?? [])]) if (v !== null && Number.isFinite(v)) values.push(v);
  }
  return { points, forecastSpan, ...niceAxis(Math.min(...values), Math.max(...values)) };
}

/** Who or what set a value, in words. */
export const KPI_SOURCE_LABELS: Record<KpiSource, string> = {
  entry: 'Typed in',
  api: 'Sent through the API',
  import: 'CSV import',
  demo: 'Demo data',
};

const setAtFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** '2026-11-26T01:47:47.092Z' → "Nov 26, 2026, 01:47 UTC". */
export function formatSetAt(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${setAtFormat.format(t)} UTC`;
}

export interface KpiValueRow {
  period: string;
  month: string;
  value: number;
  /** The month's own target, when one is set. */
  monthTarget: number | null;
  source: string;
  setBy: string;
  setAt: string;
  note: string | null;
}

/** The values table, newest month first. */
export function kpiValueRows(goal: Pick<GoalDetailDto, 'values' | 'monthly_targets'>): KpiValueRow[] {
  const targets = new Map(goal.monthly_targets.map((t) => [t.period, t.target]));
  return [...goal.values]
    .sort((a, b) => b.period.localeCompare(a.period))
    .map((v) => ({
      period: v.period,
      month: formatMonth(v.period),
      value: v.value,
      monthTarget: targets.get(v.period) ?? null,
      source: KPI_SOURCE_LABELS[v.source] ?? v.source,
      setBy: v.set_by,
      setAt: formatSetAt(v.set_at),
      note: v.note,
    }));
}
