import type { GoalMetric, GoalSummary, TargetType } from '@hubpulse/contracts';
import { parseDay } from '../../lib/dates';
import { formatDay, formatMetricValue, formatMonth } from '../../lib/format';

export const METRIC_LABELS: Record<GoalMetric, string> = {
  revenue: 'Revenue',
  cost_reduction: 'Cost reduction',
  profit: 'Profit',
  market_share: 'Market share',
  custom: 'Custom KPI',
};

const TARGET_TYPE_LABELS: Record<TargetType, string> = {
  at_or_above: 'At or above',
  at_or_below: 'At or below',
  increase_to: 'Increase to',
  decrease_to: 'Decrease to',
};

/** met: target reached · on-track: progress keeps pace with time elapsed · behind · no-data. */
export type GoalStatus = 'met' | 'on-track' | 'behind' | 'no-data';

const STATUS_LABELS: Record<GoalStatus, string> = {
  met: 'Target met',
  'on-track': 'On track',
  behind: 'Behind plan',
  'no-data': 'No data yet',
};

export interface SparkPoint {
  period: string;
  value: number;
  target: number;
}

export interface GoalCardModel {
  id: string;
  name: string;
  metricLabel: string;
  unit: string;
  latestValue: string;
  latestPeriod: string | null;
  target: string;
  targetLine: string;
  baseline: string;
  /** Share of the way from baseline to target as the server computed it (may exceed 1). */
  progress: number | null;
  /** The same, clamped to 0–1 for the bar's width. */
  progressBar: number;
  progressLabel: string;
  status: GoalStatus;
  statusLabel: string;
  sparkline: SparkPoint[];
}

/** Bar width for a progress share: 0–1, with null, NaN and negatives as 0 and overshoot as 1. */
export function clampProgress(progress: number | null | undefined): number {
  if (progress === null || progress === undefined || !Number.isFinite(progress)) return 0;
  return Math.min(1, Math.max(0, progress));
}

/**
 * Share of the goal's period that has passed by the end of the latest reported month,
 * 0–1. The latest value stands for its whole month, so its month's end is what counts.
 */
export function elapsedShare(goal: Pick<GoalSummary, 'period_start' | 'period_end' | 'latest'>): number | null {
  if (!goal.latest) return null;
  const start = parseDay(goal.period_start);
  const end = parseDay(goal.period_end);
  const latest = parseDay(goal.latest.period);
  if (start === null || end === null || latest === null || end <= start) return null;
  const d = new Date(latest);
  const monthEnd = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
  return Math.min(1, Math.max(0, (Math.min(monthEnd, end) - start) / (end - start)));
}

/** Slack before a goal counts as behind: KPI series are noisy month to month. */
const PACE_TOLERANCE = 0.05;

export function goalStatus(goal: Pick<GoalSummary, 'period_start' | 'period_end' | 'latest' | 'progress'>): GoalStatus {
  if (!goal.latest || goal.progress === null || !Number.isFinite(goal.progress)) return 'no-data';
  if (goal.progress >= 1) return 'met';
  const elapsed = elapsedShare(goal);
  if (elapsed === null) return 'on-track';
  return goal.progress + PACE_TOLERANCE >= elapsed ? 'on-track' : 'behind';
}

export function buildGoalCard(goal: GoalSummary): GoalCardModel {
  const status = goalStatus(goal);
  const fmt = (v: number) => formatMetricValue(v, goal.unit);
  const progress = goal.progress !== null && Number.isFinite(goal.progress) ? goal.progress : null;
  return {
    id: goal.id,
    name: goal.name,
    metricLabel: METRIC_LABELS[goal.metric] ?? goal.metric,
    unit: goal.unit,
    latestValue: goal.latest ? fmt(goal.latest.value) : '—',
    latestPeriod: goal.latest ? formatMonth(goal.latest.period) : null,
    target: fmt(goal.target),
    targetLine: `${TARGET_TYPE_LABELS[goal.target_type] ?? 'Target'} ${fmt(goal.target)} by ${formatDay(goal.period_end)}`,
    baseline: fmt(goal.baseline),
    progress,
    progressBar: clampProgress(progress),
    progressLabel: progress === null ? 'No progress yet' : `${Math.round(progress * 100)}% of the way from baseline`,
    status,
    statusLabel: STATUS_LABELS[status],
    sparkline: buildSparkline(goal),
  };
}

/** Monthly values in order, each with the target it is measured against (the month's, else the goal's). */
export function buildSparkline(goal: Pick<GoalSummary, 'values' | 'target'>): SparkPoint[] {
  return [...goal.values]
    .filter((v) => Number.isFinite(v.value))
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((v) => ({ period: v.period, value: v.value, target: v.target ?? goal.target }));
}

export function buildGoalCards(goals: readonly GoalSummary[]): GoalCardModel[] {
  return goals.map(buildGoalCard);
}
