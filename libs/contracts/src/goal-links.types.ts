import type { Purpose } from './enums';
import type { GoalScope, UnitKind } from './goals.types';
import type { LINK_ENGAGEMENT_DEFINITIONS } from './goal-definitions';
import type { HiddenReason } from './privacy.types';

/** Links from a goal to the audience whose engagement should move it, and their analysis. */

export const GOAL_LINK_KINDS = ['segment', 'programme', 'scope'] as const;
export type GoalLinkKind = (typeof GOAL_LINK_KINDS)[number];

/** Correlations need this many monthly pairs. */
export const LINK_MIN_CORRELATION_POINTS = 6;
/** Difference in differences needs this many people in the targeted and in the comparison group (and at least the minimum group size). */
export const LINK_MIN_DID_GROUP = 10;
export const LINK_LAGS = [0, 1, 2, 3] as const;
export const CORRELATION_CAVEAT = 'correlation, not proof' as const;
export const DID_WINDOW_DAYS = 90;

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
