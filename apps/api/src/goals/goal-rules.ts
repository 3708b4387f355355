import {
  DAY_MS,
  dayStart,
  FORECAST_MAX_POINTS,
  FORECAST_METHOD,
  FORECAST_MIN_POINTS,
  type ForecastPointDto,
  GOAL_STATUS_LABELS,
  GOAL_STATUS_RULE,
  type GoalForecastDto,
  type GoalSeriesPointDto,
  type GoalStatus,
  type GoalStatusDto,
  STATUS_AT_RISK_MAX_SHORTFALL,
  STATUS_ON_TRACK_MAX_SHORTFALL,
  type TargetType,
} from '@hubpulse/contracts';
import { addMonths, linearFit, monthsBetween, predictionInterval, probabilityAtLeast, type LinearFit } from '@hubpulse/analytics';

/**
 * The goal rules as pure functions: expected value, status (GOAL_STATUS_RULE, word for word),
 * progress, forecast (FORECAST_METHOD) and the month-by-month chart series.
 */

export interface GoalRuleInput {
  baseline: number;
  target: number;
  target_type: TargetType;
  /** YYYY-MM-01 */
  period_start: string;
  /** Last day of a month. */
  period_end: string;
  monthly_targets: { period: string; target: number }[];
}

interface MonthValue {
  period: string;
  value: number;
}


/** Share of the way from baseline to target; null without a value. */
export function goalProgress(baseline: number, target: number, latest: number | null): number | null {
  if (latest === null) return null;
  if (target === baseline) return latest >= target ? 1 : 0;
  return (latest - baseline) / (target - baseline);
}

/** True when a higher value is better for this target type. */
const higherIsBetter = (t: TargetType) => t === 'increase_to' || t === 'at_or_above';

/** Share of the period's days up to and including the last day of `period`'s month, 0–1. */
export function elapsedAtMonthEnd(goal: Pick<GoalRuleInput, 'period_start' | 'period_end'>, period: string): number {
  const total = (dayStart(goal.period_end) - dayStart(goal.period_start)) / DAY_MS + 1;
  const monthEnd = dayStart(addMonths(period, 1)) - DAY_MS;
  const done = (monthEnd - dayStart(goal.period_start)) / DAY_MS + 1;
  return Math.min(1, Math.max(0, done / total));
}

/** Where the goal should be in `period`: its monthly target, else the straight line (trajectory goals) or the target (threshold goals). */
export function expectedValue(goal: GoalRuleInput, period: string): { value: number; from: 'monthly_target' | 'trajectory' | 'target' } {
  const monthly = goal.monthly_targets.find((t) => t.period === period);
  if (monthly) return { value: monthly.target, from: 'monthly_target' };
  if (goal.target_type === 'increase_to' || goal.target_type === 'decrease_to') {
    return { value: goal.baseline + (goal.target - goal.baseline) * elapsedAtMonthEnd(goal, period), from: 'trajectory' };
  }
  return { value: goal.target, from: 'target' };
}

/** GOAL_STATUS_RULE applied to the latest value inside the period. */
export function goalStatus(goal: GoalRuleInput, values: readonly MonthValue[]): GoalStatusDto {
  const endMonth = addMonths(goal.period_end, 0);
  const inPeriod = values.filter((v) => v.period >= goal.period_start && v.period <= endMonth).sort((a, b) => a.period.localeCompare(b.period));
  const latest = inPeriod.at(-1);
  const base = { rule: GOAL_STATUS_RULE };
  if (!latest) {
    return {
      ...base, status: null, label: null, reason: 'No KPI value in the period yet.', as_of: null, latest: null, expected: null,
      expected_from: null, shortfall: null, progress: null, expected_progress: null, elapsed: null,
    };
  }
  const expected = expectedValue(goal, latest.period);
  const wrongSide = higherIsBetter(goal.target_type) ? expected.value - latest.value : latest.value - expected.value;
  const distance = Math.abs(goal.target - goal.baseline) || Math.abs(goal.target) || 1;
  const shortfall = Math.max(0, wrongSide) / distance;
  // A hair of tolerance so that 5% computed in floating point is still 5%.
  const status: GoalStatus =
    shortfall <= STATUS_ON_TRACK_MAX_SHORTFALL + 1e-12 ? 'on_track' : shortfall <= STATUS_AT_RISK_MAX_SHORTFALL + 1e-12 ? 'at_risk' : 'off_track';
  return {
    ...base,
    status,
    label: GOAL_STATUS_LABELS[status],
    reason: null,
    as_of: latest.period,
    latest: latest.value,
    expected: expected.value,
    expected_from: expected.from,
    shortfall,
    progress: goalProgress(goal.baseline, goal.target, latest.value),
    expected_progress: goalProgress(goal.baseline, goal.target, expected.value),
    elapsed: elapsedAtMonthEnd(goal, latest.period),
  };
}

function forecastPoint(fit: LinearFit, x: number, period: string): ForecastPointDto {
  const p80 = predictionInterval(fit, x, 0.8);
  const p95 = predictionInterval(fit, x, 0.95);
  return { period, forecast: true, value: p80.estimate, lower80: p80.lower, upper80: p80.upper, lower95: p95.lower, upper95: p95.upper };
}

/** FORECAST_METHOD: null with a reason when there is nothing to forecast or too little to fit. */
export function goalForecast(goal: GoalRuleInput, values: readonly MonthValue[]): { forecast: GoalForecastDto | null; reason: string | null } {
  const endMonth = addMonths(goal.period_end, 0);
  const sorted = values.filter((v) => v.period <= endMonth).sort((a, b) => a.period.localeCompare(b.period));
  const last = sorted.at(-1);
  if (last && last.period >= endMonth) return { forecast: null, reason: 'Nothing left to forecast: the period’s last month already has a value.' };
  const used = sorted.slice(-FORECAST_MAX_POINTS);
  if (used.length < FORECAST_MIN_POINTS) {
    return { forecast: null, reason: `too few points: n=${used.length}, need ≥ ${FORECAST_MIN_POINTS}` };
  }
  const origin = used[0].period;
  const { fit, reason } = linearFit(
    used.map((v) => monthsBetween(origin, v.period)),
    used.map((v) => v.value),
  );
  if (!fit) return { forecast: null, reason };
  const points: ForecastPointDto[] = [];
  for (let m = addMonths(last!.period, 1); m <= endMonth; m = addMonths(m, 1)) points.push(forecastPoint(fit, monthsBetween(origin, m), m));
  const end = points.at(-1)!;
  const atEnd = expectedValue(goal, endMonth);
  const target = atEnd.from === 'monthly_target' ? atEnd.value : goal.target;
  const up = higherIsBetter(goal.target_type);
  const pAbove = probabilityAtLeast(fit, monthsBetween(origin, endMonth), target);
  return {
    forecast: {
      forecast: true,
      method: FORECAST_METHOD,
      n: used.length,
      fitted_from: origin,
      fitted_to: last!.period,
      slope_per_month: fit.slope,
      points,
      end,
      meets_target: up ? end.value >= target : end.value <= target,
      probability_of_meeting_target: up ? pAbove : 1 - pAbove,
    },
    reason: null,
  };
}

/** Month by month from the first value (or the period start, if earlier) to the period's last month. */
export function goalSeries(goal: GoalRuleInput, values: readonly MonthValue[], forecast: GoalForecastDto | null): GoalSeriesPointDto[] {
  const endMonth = addMonths(goal.period_end, 0);
  const actual = new Map(values.map((v) => [v.period, v.value]));
  const predicted = new Map((forecast?.points ?? []).map((p) => [p.period, p]));
  const first = [goal.period_start, ...values.map((v) => v.period)].sort()[0];
  const last = [endMonth, ...values.map((v) => v.period)].sort().at(-1)!;
  const series: GoalSeriesPointDto[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) {
    const inPeriod = m >= goal.period_start && m <= endMonth;
    series.push({ period: m, actual: actual.get(m) ?? null, expected: inPeriod ? expectedValue(goal, m).value : null, forecast: predicted.get(m) ?? null });
  }
  return series;
}
