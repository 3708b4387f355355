import type { ForecastPointDto, GoalCardDto, GoalDto, GoalStatus } from '@hubpulse/contracts';
import { LOCALE, formatDay, formatMetricValue, formatMonth } from '../../lib/format';

// Goal cards from the API's GoalCardDto. Status, progress and forecast are the server's (one rule,
// written as GOAL_STATUS_RULE); this file only words and formats them.

/** A goal's status, or 'none' before it has a KPI value in its period. */
export type StatusKey = GoalStatus | 'none';

export interface SparkPoint {
  period: string;
  value: number;
  /** The month's target when one is set; for "stay at or above/below" goals the target; else null (no line). */
  target: number | null;
}

export interface GoalCardModel {
  id: string;
  name: string;
  metricLabel: string;
  scopeLabel: string;
  owner: string | null;
  unit: string;
  status: StatusKey;
  statusLabel: string;
  /** Why there is no status, when there is none. */
  statusReason: string | null;
  latestValue: string;
  latestPeriod: string | null;
  target: string;
  targetLine: string;
  baseline: string;
  /** Share of the way from baseline to target (may be below 0 or above 1). */
  progress: number | null;
  /** The same, clamped to 0–1 for the bar's width. */
  progressBar: number;
  /** Where the bar should be by now (0–1), drawn as a tick; null without a status. */
  expectedBar: number | null;
  progressLabel: string;
  /** The forecast for the period's last month, worded; null with `forecastReason` when there is none. */
  forecast: { month: string; value: string; range: string; chance: string | null } | null;
  forecastReason: string | null;
  sparkline: SparkPoint[];
  links: number;
}

type Unit = Pick<GoalDto, 'unit_kind' | 'unit'>;

/**
 * A KPI value in its unit: a currency goal as money in its ISO code ("$44.8M", "€850K"), "%" as a
 * percentage, any other unit after the number. Compact from 10,000 unless told otherwise.
 */
export function formatGoalValue(value: number, goal: Unit, opts: { compact?: boolean } = {}): string {
  if (goal.unit_kind !== 'currency') return formatMetricValue(value, goal.unit, opts);
  const compact = opts.compact ?? Math.abs(value) >= 10_000;
  try {
    return new Intl.NumberFormat(LOCALE, {
      style: 'currency',
      currency: goal.unit.toUpperCase(),
      notation: compact ? 'compact' : 'standard',
      minimumFractionDigits: 0,
      maximumFractionDigits: compact ? 1 : 2,
    }).format(value);
  } catch {
    // Not a code this browser knows: the number and the code.
    return `${formatMetricValue(value, '', opts)} ${goal.unit}`;
  }
}

/** Bar width for a progress share: 0–1, with null, NaN and negatives as 0 and overshoot as 1. */
export function clampProgress(progress: number | null | undefined): number {
  if (progress === null || progress === undefined || !Number.isFinite(progress)) return 0;
  return Math.min(1, Math.max(0, progress));
}

/** 0.0679 → "7%"; below 1% and above 99% say so instead of rounding to a certainty. */
export function formatChance(p: number): string {
  if (p < 0.01) return 'under 1%';
  if (p > 0.99) return 'over 99%';
  return `${Math.round(p * 100)}%`;
}

export function forecastRangeText(point: ForecastPointDto, goal: Unit, level: 80 | 95 = 80): string {
  const [lo, hi] = level === 80 ? [point.lower80, point.upper80] : [point.lower95, point.upper95];
  return `${level}% range ${formatGoalValue(lo, goal)} – ${formatGoalValue(hi, goal)}`;
}

export function targetLine(goal: GoalDto): string {
  return `${goal.target_type_label} ${formatGoalValue(goal.target, goal)} by ${formatDay(goal.period_end)}`;
}

export function buildGoalCard(goal: GoalCardDto): GoalCardModel {
  const fmt = (v: number) => formatGoalValue(v, goal);
  const s = goal.status;
  const progress = s.progress !== null && Number.isFinite(s.progress) ? s.progress : null;
  const status: StatusKey = s.status ?? 'none';
  const expected = s.expected_progress !== null && Number.isFinite(s.expected_progress) ? s.expected_progress : null;
  let progressLabel = 'No progress yet';
  if (progress !== null) {
    progressLabel = `${Math.round(progress * 100)}% of the way from baseline to target`;
    if (expected !== null && s.as_of) progressLabel += ` (${Math.round(expected * 100)}% expected by ${formatMonth(s.as_of)})`;
  }
  const end = goal.forecast_end;
  return {
    id: goal.id,
    name: goal.name,
    metricLabel: goal.metric_label,
    scopeLabel: goal.scope_label,
    owner: goal.owner,
    unit: goal.unit,
    status,
    statusLabel: s.label ?? 'No status yet',
    statusReason: s.status ? null : s.reason,
    latestValue: goal.latest ? fmt(goal.latest.value) : '—',
    latestPeriod: goal.latest ? formatMonth(goal.latest.period) : null,
    target: fmt(goal.target),
    targetLine: targetLine(goal),
    baseline: fmt(goal.baseline),
    progress,
    progressBar: clampProgress(progress),
    expectedBar: s.status && expected !== null ? clampProgress(expected) : null,
    progressLabel,
    forecast: end
      ? {
          month: formatMonth(end.period),
          value: fmt(end.value),
          range: forecastRangeText(end, goal),
          chance: goal.probability_of_meeting_target !== null ? `${formatChance(goal.probability_of_meeting_target)} chance of meeting the target` : null,
        }
      : null,
    forecastReason: end ? null : (goal.forecast_reason ?? 'not available'),
    sparkline: buildSparkline(goal),
    links: goal.links,
  };
}

/**
 * Monthly values in order, each with the target it is measured against: the month's own target,
 * or for "stay at or above/below" goals the target inside the period. Months before the period,
 * and straight-line months of "increase/decrease to" goals, have none (the detail chart draws those).
 */
export function buildSparkline(goal: Pick<GoalCardDto, 'sparkline' | 'monthly_targets' | 'target' | 'target_type' | 'period_start' | 'period_end'>): SparkPoint[] {
  const monthly = new Map(goal.monthly_targets.map((t) => [t.period, t.target]));
  const threshold = goal.target_type === 'at_or_above' || goal.target_type === 'at_or_below';
  return [...goal.sparkline]
    .filter((v) => Number.isFinite(v.value))
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((v) => {
      const inPeriod = v.period >= goal.period_start && v.period <= goal.period_end;
      return { period: v.period, value: v.value, target: monthly.get(v.period) ?? (threshold && inPeriod ? goal.target : null) };
    });
}

export function buildGoalCards(goals: readonly GoalCardDto[]): GoalCardModel[] {
  return goals.map(buildGoalCard);
}
