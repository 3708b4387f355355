import { z } from 'zod';
import { GOAL_METRICS, PURPOSES, TARGET_TYPES, type GoalMetric, type Purpose, type Role, type TargetType } from './enums';
import type { HiddenReason } from './privacy.types';

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

// ── roles, labels, constants ───────────────────────────────────────────────

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

/** The status rule, shown next to every status. apps/api/src/goals/goal-status.ts implements exactly this. */
export const GOAL_STATUS_RULE =
  'Status compares the latest KPI value with where the goal should be in that month. Expected value: the monthly target set for that month; ' +
  'without one, for "increase to" and "decrease to" goals, the straight line from the baseline at the start of the period to the target at its end, ' +
  'read at the end of that month; for "stay at or above" and "stay at or below" goals, the target itself. ' +
  'Shortfall: how far the latest value falls on the wrong side of the expected value (below it for "increase to" and "at or above", above it for ' +
  '"decrease to" and "at or below"), as a share of the distance between baseline and target (of the target itself when they are equal). ' +
  'On track: shortfall of 5% or less (level with or ahead of expected counts as 0). At risk: more than 5% and at most 15%. Off track: more than 15%. ' +
  'No status without a KPI value in the period.';

export const PROGRESS_DEFINITION =
  'Progress: share of the way from the baseline to the target reached by the latest value, (latest − baseline) / (target − baseline); 1 = target reached, may be below 0 or above 1. ' +
  'Expected progress: the same share for the expected value. Elapsed: share of the period’s days up to the end of the latest value’s month.';

/** A linear trend needs this many monthly values (n − 2 ≥ 1 degree of freedom for its band). */
export const FORECAST_MIN_POINTS = 3;
/** The trend is fitted on at most this many of the latest monthly values. */
export const FORECAST_MAX_POINTS = 24;
export const FORECAST_METHOD =
  'Forecast, not a measurement: an ordinary least squares straight line through the latest monthly KPI values (at most 24, those up to the last month with a value), ' +
  'extended month by month to the end of the period. The bands are 80% and 95% prediction intervals for a single month’s value: ' +
  'fitted value ± t(n − 2) quantile × residual standard error × √(1 + 1/n + (month − mean month)² / Σ(month − mean month)²). ' +
  'The probability of meeting the target is the share of that t predictive distribution for the last month on the target’s side. Needs at least 3 values.';

/** Correlations need this many monthly pairs. */
export const LINK_MIN_CORRELATION_POINTS = 6;
/** Difference in differences needs this many people in the targeted and in the comparison group (and at least the minimum group size). */
export const LINK_MIN_DID_GROUP = 10;
export const LINK_LAGS = [0, 1, 2, 3] as const;
export const CORRELATION_CAVEAT = 'correlation, not proof' as const;

export const CORRELATION_METHOD =
  'Each engagement series (mean score, each purpose) of a month is paired with the KPI value of the same month (lag 0) or 1, 2, 3 months later. ' +
  'Pearson r on the values; Spearman ρ on their ranks (ties share the average rank). n = months with both values. 95% interval by Fisher’s z: ' +
  'tanh(atanh(r) ± 1.96 × se), se = 1/√(n − 3) for Pearson and √((1 + ρ²/2)/(n − 3)) for Spearman (Bonett & Wright). p-value: two-sided, ' +
  't = r√((n − 2)/(1 − r²)) on n − 2 degrees of freedom. Not computed with fewer than 6 months.';

export const MULTIPLE_COMPARISONS_NOTE =
  'Many correlations are shown at once (6 series × 4 lags × 2 methods): about 1 in 20 will have p < 0.05 by chance alone even when nothing is related. ' +
  'Look for a consistent pattern across lags and methods, not a single small p-value.';

export const DID_METHOD =
  'Difference in differences for a launched programme. Targeted group: the members of the programme’s segment at launch (its current members for programmes launched before memberships were kept); comparison group: everyone else in the directory ' +
  'in the same departments as those members (comparable untargeted people). Both only people hired before the before-window. Outcome: each person’s mean daily engagement score ' +
  '(0–100, a day without a score counts 0) over the 90 days before launch and the 90 days from launch (up to the newest scored day). ' +
  'Estimate = (targeted after − before) − (comparison after − before), the difference of the mean per-person changes; its standard error, 95% interval and p-value ' +
  'are Welch’s two-sample t on those changes (Welch–Satterthwaite degrees of freedom). It assumes both groups would have moved alike without the programme (parallel trends): ' +
  'compare their monthly lines before launch. Not computed with fewer than 10 people, or fewer than the minimum group size, in either group.';
export const DID_WINDOW_DAYS = 90;

export const LINK_ENGAGEMENT_DEFINITIONS = {
  mean_score:
    "Mean engagement score (0–100 percentile in the organisation) of the audience's members over the month's scored days; a member without a score on a day counts 0, as in the Engagement area's group views.",
  purposes:
    "Purpose reach in the month: the share (0–100) of the audience's members who, in that calendar month, did what the purpose's index counts (Engagement area definitions, with the calendar month in place of the 28-day window): " +
    'inform — viewed inform-purpose content; shared vision — a non-view action on vision-purpose content or feedback on the CEO blog; productivity — shared or reused a document, gave feedback or updated a task; ' +
    'engagement — replied to an item someone else wrote or wrote an item someone else replied to; strategy — any action on strategy-purpose content.',
  audience:
    "The audience is today's membership: for a segment, its current computed version; for a programme, the membership pinned at launch (its target segment's current one before launch); for a scope, today's directory. " +
    'An audience the privacy rules hide shows nothing; a month’s mean score is shown only when at least the minimum group size of members scored, and a purpose’s reach only when at least that many members did it and at least that many did not — also when subtracted from any other group shown anywhere.',
} as const;

// ── inputs ─────────────────────────────────────────────────────────────────

const text = (max: number) => z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const finite = z.number({ error: 'must be a number' }).finite('must be a finite number');
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const date = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
const monthFirst = z
  .string({ error: 'must be a month YYYY-MM or YYYY-MM-01' })
  .transform((s) => (/^\d{4}-\d{2}$/.test(s) ? `${s}-01` : s))
  .refine((s) => isDate(s) && s.endsWith('-01'), { error: 'must be a month YYYY-MM or YYYY-MM-01' });
/** A month as YYYY-MM or YYYY-MM-01, normalised to YYYY-MM-01. */
export const periodSchema = monthFirst;

const lastDayOfMonth = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10) === s;
};

const monthlyTargets = z
  .array(z.strictObject({ period: monthFirst, target: finite }), { error: 'must be an array' })
  .max(120, 'must hold at most 120 months');

const goalFields = z.strictObject({
  name: text(200),
  metric: z.enum(GOAL_METRICS, { error: `must be one of ${GOAL_METRICS.join(', ')}` }),
  /** Required when metric is custom ("Employee NPS"); must be absent or null otherwise. */
  custom_metric_name: text(100).nullable().optional(),
  scope: z.enum(GOAL_SCOPES, { error: `must be one of ${GOAL_SCOPES.join(', ')}` }).default('organisation'),
  /** The department or location name when scope is department or location; null for organisation. */
  scope_value: text(200).nullable().optional(),
  unit_kind: z.enum(UNIT_KINDS, { error: `must be one of ${UNIT_KINDS.join(', ')}` }),
  /** ISO 4217 code (unit_kind currency) or a label of at most 20 characters (unit_kind unit). */
  unit: text(20),
  baseline: finite,
  target: finite,
  target_type: z.enum(TARGET_TYPES, { error: `must be one of ${TARGET_TYPES.join(', ')}` }),
  /** First day of a month. */
  period_start: date,
  /** Last day of a month, on or after period_start; at most 10 years later. */
  period_end: date,
  /** Optional target per month of the period; replaces the straight-line expectation for that month. */
  monthly_targets: monthlyTargets.default([]),
  owner: z.string({ error: 'must be text' }).trim().max(200, 'must be at most 200 characters').nullable().optional(),
});

type GoalFieldsOut = z.output<typeof goalFields>;

/** Cross-field checks, each naming its field. */
function checkGoal(g: GoalFieldsOut, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (g.metric === 'custom' && !g.custom_metric_name) issue(['custom_metric_name'], 'required when metric is custom');
  if (g.metric !== 'custom' && g.custom_metric_name) issue(['custom_metric_name'], 'only for metric custom');
  if (g.scope === 'organisation' && g.scope_value) issue(['scope_value'], 'must be null for scope organisation');
  if (g.scope !== 'organisation' && !g.scope_value) issue(['scope_value'], `required: the ${g.scope} name`);
  if (g.unit_kind === 'currency' && !/^[A-Z]{3}$/.test(g.unit)) issue(['unit'], 'must be a 3-letter ISO 4217 currency code such as USD or EUR');
  if (!g.period_start.endsWith('-01')) issue(['period_start'], 'must be the first day of a month');
  if (!lastDayOfMonth(g.period_end)) issue(['period_end'], 'must be the last day of a month');
  if (g.period_end < g.period_start) issue(['period_end'], 'must not be before period_start');
  else if (Number(g.period_end.slice(0, 4)) - Number(g.period_start.slice(0, 4)) > 10) issue(['period_end'], 'period is limited to 10 years');
  if (g.target_type === 'increase_to' && !(g.target > g.baseline)) issue(['target'], 'must be above baseline for target_type increase_to');
  if (g.target_type === 'decrease_to' && !(g.target < g.baseline)) issue(['target'], 'must be below baseline for target_type decrease_to');
  const seen = new Set<string>();
  g.monthly_targets.forEach((t, i) => {
    if (seen.has(t.period)) issue(['monthly_targets', i, 'period'], `repeats ${t.period}`);
    seen.add(t.period);
    if (t.period < g.period_start || t.period > g.period_end) issue(['monthly_targets', i, 'period'], `must be a month of the period ${g.period_start}..${g.period_end}`);
  });
}

/** Body of POST /api/goals. */
export const goalCreateSchema = goalFields.superRefine(checkGoal);
export type GoalCreateInput = z.input<typeof goalCreateSchema>;

/**
 * Body of PUT /api/goals/:id: any of the fields; the result (stored goal + changes) is checked as a
 * whole, so a 400 may name a field that was not sent (e.g. target after a new baseline).
 * `monthly_targets`, when sent, replaces the whole list.
 */
export const goalUpdateSchema = goalFields.partial().extend({
  scope: z.enum(GOAL_SCOPES, { error: `must be one of ${GOAL_SCOPES.join(', ')}` }).optional(),
  monthly_targets: monthlyTargets.optional(),
});
export type GoalUpdateInput = z.input<typeof goalUpdateSchema>;

/** Body of PUT /api/goals/:id/values/:period (period YYYY-MM or YYYY-MM-01 in the path). */
export const kpiValuePutSchema = z.strictObject({
  value: finite,
  note: z.string({ error: 'must be text' }).max(500, 'must be at most 500 characters').nullable().optional(),
});
export type KpiValuePutInput = z.input<typeof kpiValuePutSchema>;

/** Body of POST /api/goals/:id/values: several months at once, all stored or none (400 naming values[i].field). */
export const kpiValuesBulkSchema = z.strictObject({
  values: z
    .array(z.strictObject({ period: monthFirst, value: finite, note: kpiValuePutSchema.shape.note }), { error: 'must be an array' })
    .min(1, 'must hold at least one value')
    .max(1000, 'must hold at most 1000 values'),
});
export type KpiValuesBulkInput = z.input<typeof kpiValuesBulkSchema>;

/** CSV import: the header row must name these columns (any order, case-insensitive); `note` is optional. */
export const KPI_CSV_REQUIRED_COLUMNS = ['period', 'value'] as const;
export const KPI_CSV_OPTIONAL_COLUMNS = ['note'] as const;
export const KPI_CSV_HELP =
  'CSV with a header row: period,value[,note]. period is a month, YYYY-MM or YYYY-MM-01; value a plain number (dot as decimal separator, no thousands separators). ' +
  'UTF-8, a byte order mark and blank lines are fine; quote a field that holds a comma. Good rows are stored, bad rows are reported by line and column.';

export const GOAL_LINK_KINDS = ['segment', 'programme', 'scope'] as const;
export type GoalLinkKind = (typeof GOAL_LINK_KINDS)[number];

const hypothesis = text(500);
const linkPurpose = z.enum(PURPOSES, { error: `must be one of ${PURPOSES.join(', ')}` }).nullable().optional();
const names = z
  .array(text(200), { error: 'must be an array' })
  .min(1, 'must name at least one')
  .max(200, 'must name at most 200')
  .refine((xs) => new Set(xs).size === xs.length, { error: 'must not repeat a name' });

/**
 * Body of POST /api/goals/:id/links: the audience whose engagement should move the goal, and the
 * contribution hypothesis in words ("engagement of Sales with the vision content should lift Q3 revenue").
 * scope: the whole organisation, or a list of departments, or a list of locations.
 */
export const goalLinkCreateSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('segment'), segment_id: text(36), purpose: linkPurpose, hypothesis }),
    z.strictObject({ kind: z.literal('programme'), programme_id: text(36), purpose: linkPurpose, hypothesis }),
    z
      .strictObject({
        kind: z.literal('scope'),
        scope: z.enum(GOAL_SCOPES, { error: `must be one of ${GOAL_SCOPES.join(', ')}` }),
        /** Required for scope department, absent otherwise. */
        departments: names.optional(),
        /** Required for scope location, absent otherwise. */
        locations: names.optional(),
        purpose: linkPurpose,
        hypothesis,
      })
      .superRefine((l, ctx) => {
        const need = l.scope === 'department' ? 'departments' : l.scope === 'location' ? 'locations' : null;
        for (const field of ['departments', 'locations'] as const) {
          if (field === need && !l[field]) ctx.addIssue({ code: 'custom', path: [field], message: `required for scope ${l.scope}` });
          if (field !== need && l[field]) ctx.addIssue({ code: 'custom', path: [field], message: need ? `not for scope ${l.scope} (use ${need})` : 'not for scope organisation' });
        }
      }),
  ],
  { error: `kind: must be one of ${GOAL_LINK_KINDS.join(', ')}` },
);
export type GoalLinkCreateInput = z.input<typeof goalLinkCreateSchema>;

/** Body of PUT /api/goals/:id/links/:linkId: the words and the purpose; the audience is fixed (make a new link instead). */
export const goalLinkUpdateSchema = z.strictObject({ purpose: linkPurpose, hypothesis: hypothesis.optional() });
export type GoalLinkUpdateInput = z.input<typeof goalLinkUpdateSchema>;

// ── goals and KPI values ───────────────────────────────────────────────────

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

// ── links and their analysis ───────────────────────────────────────────────

export interface GoalLinkDto {
  id: string;
  goal_id: string;
  kind: GoalLinkKind;
  segment_id: string | null;
  programme_id: string | null;
  scope: GoalScope | null;
  /** Departments or locations of a scope link (empty for organisation and other kinds). */
  scope_values: string[];
  /** "Segment: Sales ambassadors", "Programme: Vision roadshow", "Departments: Sales, Product". */
  audience_label: string;
  purpose: Purpose | null;
  hypothesis: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CorrelationDto {
  method: 'pearson' | 'spearman';
  n: number;
  estimate: number | null;
  ci95: [number, number] | null;
  p_value: number | null;
  /** Why it was not computed ("too few points: n=4, need ≥ 6"). */
  reason: string | null;
}

export type EngagementSeriesKey = 'mean_score' | Purpose;

export interface LaggedCorrelationDto {
  /** Engagement series: mean score or one purpose's reach. */
  series: EngagementSeriesKey;
  /** KPI month = engagement month + lag. */
  lag: number;
  pearson: CorrelationDto;
  spearman: CorrelationDto;
}

/** One month of the audience's engagement against the KPI. */
export interface LinkMonthDto {
  period: string;
  kpi: number | null;
  /** Audience members that month (null when the group plan hides the audience). */
  members: number | null;
  /** Null when hidden (mean_score_hidden: fewer than k members scored, also in a difference with any other group of the plan) or undefined. */
  mean_score: number | null;
  mean_score_hidden: HiddenReason | null;
  /** Share 0–100 per purpose; null when hidden (purposes_hidden: the people who did it, or the rest, fewer than k — by subtraction from any other group of the plan too). */
  purposes: Record<Purpose, number | null>;
  purposes_hidden: Record<Purpose, HiddenReason | null>;
  /** Why the engagement values are null, when they are. */
  reason: string | null;
}

export interface DidGroupDto {
  label: string;
  /** People in the group (null when hidden: see DidDto.hidden_reason). */
  people: number | null;
  before: number | null;
  after: number | null;
}

/** Difference in differences for a programme link. */
export interface DidDto {
  method: string;
  launched_at: string;
  before: { from: string; to: string };
  after: { from: string; to: string };
  treated: DidGroupDto;
  control: DidGroupDto;
  estimate: number | null;
  se: number | null;
  df: number | null;
  ci95: [number, number] | null;
  p_value: number | null;
  reason: string | null;
  /** Why the groups' numbers are hidden, when they are. */
  hidden_reason: HiddenReason | null;
  /**
   * Why the targeted group's size and monthly means are hidden while the estimate is shown (a few
   * targeted people hired too late to be compared would follow from them), or why everything is.
   */
  people_hidden: HiddenReason | null;
  /** Monthly mean score of each group around launch, to judge parallel trends (null unless ≥ k of the group scored that month). */
  monthly: { period: string; treated: number | null; control: number | null }[];
}

/** GET /api/goals/:id/links/:linkId/analysis. */
export interface LinkAnalysisDto {
  caveat: typeof CORRELATION_CAVEAT;
  goal: { id: string; name: string; unit_kind: UnitKind; unit: string };
  link: GoalLinkDto;
  min_group_size: number;
  min_points: number;
  /** Current audience size (null when the group plan hides the audience: audience_hidden says why; then nothing about it is shown). */
  audience_size: number | null;
  audience_hidden: HiddenReason | null;
  definitions: typeof LINK_ENGAGEMENT_DEFINITIONS;
  correlation_method: string;
  multiple_comparisons_note: string;
  /** Months from the first KPI value (or engagement month) to the last, oldest first. */
  months: LinkMonthDto[];
  correlations: LaggedCorrelationDto[];
  /** Programme links only (null for others, or before launch: see did_reason). */
  did: DidDto | null;
  did_reason: string | null;
}

// ── strategy overview ──────────────────────────────────────────────────────

export interface PurposeScoreDto {
  /** 0–100 on the day, null when suppressed or unavailable. */
  value: number | null;
  /** Change against 28 days earlier, in points. */
  change: number | null;
  reason: string | null;
  hidden_reason: HiddenReason | null;
}

export interface PurposeScorecardRowDto {
  purpose: Purpose;
  label: string;
  definition: string;
  organisation: PurposeScoreDto;
  /**
   * Drill-down: one entry per department. A value is released through planStat over every department
   * and location at once (numerator and complement ≥ k, by subtraction from the organisation and the
   * other departments too); null with `hidden_reason` otherwise. The change needs both days released.
   */
  departments: { department: string; value: number | null; change: number | null; suppressed: boolean; hidden_reason: HiddenReason | null }[];
  unavailable_reason: string | null;
}

/** GET /api/strategy/overview: leadership's landing page. */
export interface StrategyOverviewDto {
  status_rule: string;
  progress_definition: string;
  forecast_method: string;
  caveat: typeof CORRELATION_CAVEAT;
  min_group_size: number;
  goals: GoalCardDto[];
  /** Counts of goals by status (no status: not counted). */
  status_counts: Record<GoalStatus, number>;
  /** The five purposes on the newest day with purpose indices (null when none yet). */
  scorecard: { day: string | null; window_days: number; purposes: PurposeScorecardRowDto[] };
}
