import type { Channel, GoalMetric, Purpose, TargetType } from './enums';

/**
 * Numbers about people are `null` when the group behind them is smaller than the
 * minimum group size; `suppressed` then says so explicitly.
 */
export interface OverviewResponse {
  range: { from: string; to: string };
  min_group_size: number;
  totals: {
    events: number;
    people: number | null;
    active_people: number | null;
    suppressed: boolean;
  };
  /**
   * Daily engagement index: the share (0–100 %) of the directory who did anything on the hub in the 7
   * days ending that day; `people` = how many did (both hidden below the minimum group size). Days
   * nobody was active in are absent. (Scores are percentiles — relative by design — so their mean
   * cannot show whether the whole organisation engages more or less over time; this share can.)
   */
  engagement: { day: string; index: number | null; people: number | null }[];
  by_channel: { channel: Channel | 'other'; events: number; active_people: number | null }[];
  goals: GoalSummary[];
}

export interface GoalSummary {
  id: string;
  name: string;
  metric: GoalMetric;
  unit: string;
  baseline: number;
  target: number;
  target_type: TargetType;
  period_start: string;
  period_end: string;
  latest: { period: string; value: number } | null;
  /** Share of the way from baseline to target, 0–1 (may exceed 1). */
  progress: number | null;
  values: { period: string; value: number; target: number | null }[];
}

export interface HealthResponse {
  status: 'ok' | 'degraded';
  clickhouse: 'ok' | 'down';
  database: 'ok' | 'down';
  redis: 'ok' | 'down';
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

/** A goal with its monthly KPI values, as the demo seeder and imports hand it over. */
export interface GoalSeed {
  name: string;
  metric: GoalMetric;
  /** Currency code or unit: "USD", "%", … */
  unit: string;
  baseline: number;
  target: number;
  target_type: TargetType;
  /** YYYY-MM-DD */
  period_start: string;
  /** YYYY-MM-DD */
  period_end: string;
  owner: string | null;
  /** One value per month: period is the first day of the month (YYYY-MM-01); a target inside the period becomes that month's target. */
  values: { period: string; value: number; target: number | null }[];
  custom_metric_name?: string | null;
  /** Default: currency when `unit` is a 3-letter code, else unit. */
  unit_kind?: 'currency' | 'unit';
  /** Contribution hypotheses over a scope (the demo's links; segments and programmes are linked through the API). */
  links?: { scope: 'organisation' | 'department' | 'location'; values: string[]; purpose: Purpose | null; hypothesis: string }[];
}
