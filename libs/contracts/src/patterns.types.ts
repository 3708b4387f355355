import type { Purpose } from './enums';
import type { HiddenReason } from './privacy.types';

/**
 * People patterns of the Engagement area (issue 4): purpose indices, personas, the ambassador
 * pipeline and leader responsiveness. Aggregates only — never a person's name or id. Definitions
 * (pattern-definitions.ts) travel with the numbers.
 *
 * Every number is released through the disclosure layer (libs/disclosure) over every group of the
 * plan at once, whatever `by` asks for (issue 11): a hidden number is `null` with `suppressed: true`
 * and a `HiddenReason` beside it (`hiddenReasonText` says it in words). Groups are the plan's:
 * everyone in today's directory in that department or location.
 * - purpose indices and their people parts are shares: numerator ≥ k and denominator − numerator ≥ k
 *   in the group and in every difference with the other shown groups (and the organisation);
 * - persona, stage and movement counts are shares of the group's people that week, checked the same
 *   way per cell, plus complementary suppression within each group's row (and the hidden cells kept
 *   from being recovered through other groups);
 * - leader responsiveness needs ≥ k askers behind every number, and ≥ k answering leaders behind the
 *   answered count, the answered share and the median reply time.
 */

export const PATTERN_GROUP_BY = ['org', 'department', 'location'] as const;

/**
 * What the dashboard's pattern pages ask for first: the organisation and the comparison by
 * department, over this many whole weeks ending on the newest scored day. The API reads the same in
 * the background (PatternWarmup) so those first requests find their answers decided.
 */
export const DEFAULT_PATTERN_WEEKS = 12;
export const DEFAULT_PATTERN_COMPARE = 'department' satisfies (typeof PATTERN_GROUP_BY)[number];
export type PatternGroupBy = (typeof PATTERN_GROUP_BY)[number];

export const PERSONAS = ['inactive', 'observer', 'responder', 'broadcaster', 'engager', 'catalyst'] as const;
export type Persona = (typeof PERSONAS)[number];

export const AMBASSADOR_STAGES = ['inactive', 'observer', 'contributor', 'steady', 'connector', 'ambassador'] as const;
export type AmbassadorStage = (typeof AMBASSADOR_STAGES)[number];

export const LEADER_ITEM_KINDS = ['qa', 'ceo_feedback'] as const;
export type LeaderItemKind = (typeof LEADER_ITEM_KINDS)[number];

export const LEADER_QUEUE_BAND_KEYS = ['under_1d', 'd1_3', 'd3_7', 'd7_30', 'd30_90'] as const;
export type LeaderQueueBand = (typeof LEADER_QUEUE_BAND_KEYS)[number];

/** A label and its plain-language definition, as the dashboard shows it. */
export interface PatternDefinitionDto {
  key: string;
  label: string;
  definition: string;
}

interface PatternResponseBase {
  range: { from: string; to: string };
  by: PatternGroupBy;
  min_group_size: number;
}

// ── purposes ───────────────────────────────────────────────────────────────

/** One index of one group on one day. */
export interface PurposeIndexPoint {
  day: string;
  /** 0–100: 100 · numerator / denominator. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Named sub-counts (see PURPOSE_PART_DEFINITIONS); people parts are shares of the denominator. */
  parts: Record<string, number | null>;
  /** Why each part is null (null: shown). */
  parts_hidden: Record<string, HiddenReason | null>;
  /** Engagement only: percentage of the group's two-way conversations with a leader reply. */
  management_share?: number | null;
  /** Engagement only: why management_share (and the conversation parts) is null. */
  management_share_hidden?: HiddenReason | null;
  /** True when any number of the point is hidden. */
  suppressed: boolean;
  /** Why `value` and `numerator` are null, when they are hidden (null: shown, or no data). */
  hidden_reason: HiddenReason | null;
  /** Why `denominator` is null. */
  denominator_hidden: HiddenReason | null;
  /** Why `value` is null, in words (hiddenReasonText of hidden_reason), when it is. */
  reason: string | null;
}

export interface PurposeIndexSeries {
  purpose: Purpose;
  label: string;
  definition: string;
  numerator_definition: string;
  denominator_definition: string;
  /** The reason the whole index is unavailable (strategy without linked audiences), else null. */
  unavailable_reason: string | null;
  groups: { group: string; latest: PurposeIndexPoint | null; days: PurposeIndexPoint[] }[];
}

/** GET /api/engagement/purposes */
export interface PurposesResponse extends PatternResponseBase {
  window_days: number;
  population_definition: string;
  management_share_definition: string;
  parts: PatternDefinitionDto[];
  indices: PurposeIndexSeries[];
}

// ── personas ───────────────────────────────────────────────────────────────

export interface PersonaCounts {
  group: string;
  /** People in the directory in the group that week. */
  population: number | null;
  population_hidden: HiddenReason | null;
  counts: Record<Persona, number | null>;
  /** Why each count is null (null: shown). */
  hidden: Record<Persona, HiddenReason | null>;
  suppressed: boolean;
}

export interface PersonaMoveCell {
  from: Persona;
  to: Persona;
  people: number | null;
  suppressed: boolean;
  hidden_reason: HiddenReason | null;
}

/** GET /api/engagement/personas */
export interface PersonasResponse extends PatternResponseBase {
  period: 'iso_week';
  period_definition: string;
  movement_definition: string;
  personas: PatternDefinitionDto[];
  /** ISO weeks (their Monday) that intersect the range, oldest first. */
  weeks: { week: string; groups: PersonaCounts[] }[];
  /** Transitions from the previous week into `week`, for every week of `weeks`, per group. */
  movement: { week: string; from_week: string; groups: { group: string; cells: PersonaMoveCell[] }[] }[];
}

// ── ambassadors ────────────────────────────────────────────────────────────

export interface AmbassadorPipelineRow {
  group: string;
  population: number | null;
  population_hidden: HiddenReason | null;
  stages: Record<AmbassadorStage, number | null>;
  /** Why each stage count is null (null: shown). */
  hidden: Record<AmbassadorStage, HiddenReason | null>;
  suppressed: boolean;
}

/** GET /api/engagement/ambassadors */
export interface AmbassadorsResponse extends PatternResponseBase {
  definition: string;
  window_weeks: number;
  stages: PatternDefinitionDto[];
  weeks: { week: string; groups: AmbassadorPipelineRow[] }[];
}

// ── leader responsiveness ──────────────────────────────────────────────────

export interface LeaderResponsivenessRow {
  group: string;
  kind: LeaderItemKind | 'all';
  raised: number | null;
  answered: number | null;
  /** 0–100. */
  answered_share: number | null;
  median_reply_hours: number | null;
  /** Unanswered at the end of `range.to`, by age band. */
  queue: Record<LeaderQueueBand, number | null>;
  queue_total: number | null;
  suppressed: boolean;
  /** Why raised and the queue are null: fewer than k askers (or a difference with another group). */
  hidden_reason: HiddenReason | null;
  /** Why answered, answered_share and median_reply_hours are null: also fewer than k answering leaders. */
  answers_hidden: HiddenReason | null;
  /** Why the queue is null: fewer than k people waiting (or a difference with another group). */
  queue_hidden: HiddenReason | null;
}

export interface LeaderResponsivenessDay {
  day: string;
  raised: number | null;
  answered: number | null;
  answered_share: number | null;
  median_reply_hours: number | null;
  suppressed: boolean;
  hidden_reason: HiddenReason | null;
  answers_hidden: HiddenReason | null;
}

/** GET /api/engagement/leaders */
export interface LeaderResponsivenessResponse extends PatternResponseBase {
  definition: string;
  metrics: PatternDefinitionDto[];
  queue_bands: { key: LeaderQueueBand; label: string; from_days: number; to_days: number }[];
  groups: LeaderResponsivenessRow[];
  /** Organisation-wide, all kinds, per day raised. */
  days: LeaderResponsivenessDay[];
}
