import type { Purpose } from './enums';

/**
 * People patterns of the Engagement area (issue 4): purpose indices, personas, the ambassador
 * pipeline and leader responsiveness. Aggregates only — never a person's name or id. Every people
 * count and every value over a group smaller than `min_group_size` is `null` with `suppressed: true`.
 * Definitions (patterns.definitions.ts) travel with the numbers.
 */

export const PATTERN_GROUP_BY = ['org', 'department', 'location'] as const;
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
  /** Named sub-counts (see PURPOSE_PART_DEFINITIONS), each suppressed like a people count. */
  parts: Record<string, number | null>;
  /** Engagement only: percentage of the group's two-way conversations with a leader reply. */
  management_share?: number | null;
  suppressed: boolean;
  /** Why `value` is null, when it is. */
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
  counts: Record<Persona, number | null>;
  suppressed: boolean;
}

export interface PersonaMoveCell {
  from: Persona;
  to: Persona;
  people: number | null;
  suppressed: boolean;
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
  stages: Record<AmbassadorStage, number | null>;
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
}

export interface LeaderResponsivenessDay {
  day: string;
  raised: number | null;
  answered: number | null;
  answered_share: number | null;
  median_reply_hours: number | null;
  suppressed: boolean;
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
