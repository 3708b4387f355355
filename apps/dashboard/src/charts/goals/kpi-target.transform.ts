import type { GoalDetailDto, KpiSource } from '@hubpulse/contracts';
import { LOCALE, formatMonth } from '../../lib/format';
import { MONTHS, summarizeSeries } from '../shared/chart-summary';
import { textCell, valueCell, type ChartTableModel } from '../shared/chart-table';

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

/**
 * The KPI chart's text alternative: how the measured values moved, their highest and lowest months,
 * the target, and the forecast at its last month with its 80% and 95% bands.
 */
export function kpiChartSummary(model: KpiChartModel, target: number, format: (v: number) => string): string {
  const measured = model.points.filter((p) => !p.isForecast);
  const course = summarizeSeries({ what: 'Measured values', points: measured.map((p) => ({ label: p.label, value: p.actual })), format, noun: MONTHS });
  const end = [...model.points].reverse().find((p) => p.isForecast && p.forecast !== null);
  const bands = end ? [end.band80 && `80% band ${format(end.band80[0])} to ${format(end.band80[1])}`, end.band95 && `95% band ${format(end.band95[0])} to ${format(end.band95[1])}`].filter(Boolean) : [];
  const forecast = end ? `Forecast for ${end.label}: ${format(end.forecast as number)}${bands.length ? ` (${bands.join('; ')})` : ''}.` : 'No forecast.';
  return `${course} Target ${format(target)}. ${forecast}`;
}

/** The KPI chart as a table: per month what was measured, where it should be, and the forecast with its bands. */
export function kpiChartTable(model: KpiChartModel, format: (v: number) => string): ChartTableModel {
  const band = (b: [number, number] | null, p: KpiChartPoint) => (p.isForecast && b ? textCell(`${format(b[0])} – ${format(b[1])}`) : ({ kind: 'none' } as const));
  return {
    caption: 'KPI by month: measured, where it should be, and the forecast',
    rowHeader: 'Month',
    columns: [
      { label: 'Measured', numeric: true },
      { label: 'Where it should be', numeric: true },
      { label: 'Forecast', numeric: true },
      { label: '80% band', numeric: true },
      { label: '95% band', numeric: true },
    ],
    rows: model.points.map((p) => ({
      key: p.period,
      label: p.label,
      cells: [valueCell(p.actual, format), valueCell(p.expected, format), p.isForecast ? valueCell(p.forecast, format) : { kind: 'none' }, band(p.band80, p), band(p.band95, p)],
    })),
  };
}
