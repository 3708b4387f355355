import type { GoalMetric, Role, TargetType } from './enums';
import type { GoalLinkDto } from './goal-links.types';

/**
 * Strategy goals, their KPI values and what engagement has to do with them (issue 6). Browser-safe:
 * shared by the API and the dashboard's Strategy area.
 *
 * Months are written as their first day, YYYY-MM-01 ("periods"). Every rule behind a number the
 * dashboard shows travels with it as a sentence (status `rule`, forecast `method`, `definition`s),
 * so what is computed and what is explained cannot drift apart. Numbers over groups of people are
 * null below the minimum group size; statistics are null with a `reason` when there are too few
 * points to mean anything; every engagement–KPI response carries `caveat: "correlation, not proof"`.
 */

/** Roles that may create, edit and delete goals, their KPI values and links. Every signed-in role reads. */
export const GOAL_EDITOR_ROLES: readonly Role[] = ['admin', 'leader'];

export const GOAL_METRIC_LABELS: Record<GoalMetric, string> = {
  revenue: 'Revenue',
  cost_reduction: 'Cost reduction',
  profit: 'Profit',
  market_share: 'Market share',
  custom: 'Custom metric',
};

export const TARGET_TYPE_LABELS: Record<TargetType, string> = {
  at_or_above: 'Stay at or above',
  at_or_below: 'Stay at or below',
  increase_to: 'Increase to',
  decrease_to: 'Decrease to',
};

export const GOAL_SCOPES = ['organisation', 'department', 'location'] as const;
export type GoalScope = (typeof GOAL_SCOPES)[number];

/** currency: `unit` is an ISO 4217 code (USD, EUR) for Intl.NumberFormat; unit: `unit` is a label (%, NPS points, tickets). */
export const UNIT_KINDS = ['currency', 'unit'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const GOAL_STATUSES = ['on_track', 'at_risk', 'off_track'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' };

/** Shortfall limits of the status rule, as shares of the distance between baseline and target. */
export const STATUS_ON_TRACK_MAX_SHORTFALL = 0.05;
export const STATUS_AT_RISK_MAX_SHORTFALL = 0.15;

/** A linear trend needs this many monthly values (n − 2 ≥ 1 degree of freedom for its band). */
export const FORECAST_MIN_POINTS = 3;
/** The trend is fitted on at most this many of the latest monthly values. */
export const FORECAST_MAX_POINTS = 24;

export interface GoalDto {
  id: string;
  name: string;
  metric: GoalMetric;
  /** "Revenue", … or the custom metric's name. */
  metric_label: string;
  custom_metric_name: string | null;
  scope: GoalScope;
  scope_value: string | null;
  /** "Organisation", "Department: Sales", "Location: Lisbon". */
  scope_label: string;
  unit_kind: UnitKind;
  unit: string;
  baseline: number;
  target: number;
  target_type: TargetType;
  target_type_label: string;
  period_start: string;
  period_end: string;
  monthly_targets: { period: string; target: number }[];
  owner: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Who or what set a value: entry = typed in (PUT one value), api = POST in bulk, import = CSV upload, demo = demo seed. */
export const KPI_SOURCES = ['entry', 'api', 'import', 'demo'] as const;
export type KpiSource = (typeof KPI_SOURCES)[number];

export interface KpiValueDto {
  period: string;
  value: number;
  source: KpiSource;
  /** The user's email (or "demo"). */
  set_by: string;
  set_at: string;
  /** Free text given with the value; for imports "file.csv line 7". */
  note: string | null;
}

/** A value that was overwritten or deleted, with who set it and who replaced it. */
export interface KpiValueHistoryDto extends KpiValueDto {
  replaced_by: string;
  replaced_at: string;
  /** overwritten: a new value replaced it; deleted: the value was removed. */
  change: 'overwritten' | 'deleted';
}

/** GET /api/goals/:id/values/history: newest change first. */
export interface KpiHistoryDto {
  goal_id: string;
  history: KpiValueHistoryDto[];
}

export interface GoalStatusDto {
  status: GoalStatus | null;
  label: string | null;
  /** Why there is no status, when there is none. */
  reason: string | null;
  /** GOAL_STATUS_RULE, verbatim. */
  rule: string;
  /** Month of the value the status is about. */
  as_of: string | null;
  latest: number | null;
  expected: number | null;
  /** monthly_target or trajectory (straight line) or target (threshold goals). */
  expected_from: 'monthly_target' | 'trajectory' | 'target' | null;
  /** ≥ 0; 0 when level with or ahead of expected. */
  shortfall: number | null;
  progress: number | null;
  expected_progress: number | null;
  /** Share of the period elapsed at the end of the as_of month, 0–1. */
  elapsed: number | null;
}

export interface ForecastPointDto {
  period: string;
  /** Always true: a forecast, not a measurement. */
  forecast: true;
  value: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

export interface GoalForecastDto {
  forecast: true;
  method: string;
  /** Monthly values the line was fitted on. */
  n: number;
  fitted_from: string;
  fitted_to: string;
  slope_per_month: number;
  /** Every month after the last value up to the period's last month. */
  points: ForecastPointDto[];
  /** The period's last month. */
  end: ForecastPointDto;
  /** Whether the point forecast for the last month is on the target's side. */
  meets_target: boolean;
  /** 0–1: predictive probability that the last month's value is on the target's side. */
  probability_of_meeting_target: number;
}

/** One month of the goal's chart: the value (or null), the expected value, and the forecast band after the last value. */
export interface GoalSeriesPointDto {
  period: string;
  actual: number | null;
  /** Where the goal should be that month (the status rule's expected value). */
  expected: number | null;
  forecast: ForecastPointDto | null;
}

/** A goal as a card: status, progress, latest value and the forecast's end. */
export interface GoalCardDto extends GoalDto {
  latest: { period: string; value: number } | null;
  status: GoalStatusDto;
  /** The forecast for the period's last month, or null (see forecast_reason). */
  forecast_end: ForecastPointDto | null;
  probability_of_meeting_target: number | null;
  forecast_reason: string | null;
  /** Monthly values for a sparkline, oldest first. */
  sparkline: { period: string; value: number }[];
  links: number;
}

/** GET /api/goals. */
export interface GoalListDto {
  status_rule: string;
  progress_definition: string;
  forecast_method: string;
  goals: GoalCardDto[];
}

/** A programme whose planner set this goal as its goal (programmes.goal_id). */
export interface GoalProgrammeDto {
  id: string;
  name: string;
  status: 'draft' | 'launched';
  launched_at: string | null;
  segment_id: string;
  /** True when a link of this goal names the programme (with a hypothesis). */
  linked: boolean;
}

/** GET /api/goals/:id, and the body of 201/200 answers to POST/PUT of a goal. */
export interface GoalDetailDto extends GoalDto {
  values: KpiValueDto[];
  status: GoalStatusDto;
  progress_definition: string;
  forecast: GoalForecastDto | null;
  /** Why there is no forecast ("too few points: n=2, need ≥ 3", "the period has ended"). */
  forecast_reason: string | null;
  /** Month by month from the first value (or period start) to the period end. */
  series: GoalSeriesPointDto[];
  links: GoalLinkDto[];
  programmes: GoalProgrammeDto[];
  /** Overwritten or deleted values kept (see GET …/values/history). */
  history_count: number;
}

/** POST /api/goals/:id/values: what was stored. */
export interface KpiBulkResultDto {
  goal_id: string;
  created: number;
  updated: number;
  unchanged: number;
  values: KpiValueDto[];
}

export interface KpiImportErrorDto {
  /** Line of the file (1 = header), as an editor shows it. */
  line: number;
  /** The column at fault ("period", "value", "note"), or null for the whole row. */
  column: string | null;
  message: string;
}

/** POST /api/goals/:id/values/import (text/csv body): good rows stored, bad rows reported. */
export interface KpiImportResultDto {
  goal_id: string;
  filename: string;
  /** Data rows read (header and blank lines excluded). */
  rows: number;
  stored: number;
  created: number;
  updated: number;
  rejected: number;
  errors: KpiImportErrorDto[];
}
