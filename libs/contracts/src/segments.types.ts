import { z } from 'zod';
import type { Channel, Purpose, Role } from './enums';
import type { HiddenReason } from './privacy.types';
import type { SegmentRule } from './segment-rule.schema';

/**
 * Audience segments as the API serves them (issue 5): definitions with edit history, live preview,
 * computed memberships with sizes over time, composition, channel statistics and member lists.
 *
 * Privacy (libs/disclosure decides; `hiddenReasonText` says why in words): every number about people
 * is `null` when hidden, with a `HiddenReason` beside it:
 * - a segment's size: the group plan's decision for the segment (family `segment`), checked against
 *   every other segment, programme pin, goal-link audience, department, location, team, tenure band,
 *   manager tree and the population ('below_minimum', 'difference', 'remainder', 'hierarchy');
 * - runs over time: rule 3 of complementary suppression, the current size hidden whenever the plan
 *   hides it;
 * - composition cells: 'below_minimum', or 'complementary' — hidden so that a hidden small cell
 *   cannot be recovered as total − shown cells;
 * - channel statistics: each rate's numerator and complement ≥ k, checked against every group of the
 *   plan (planStat), and numbers over the chosen window checked against what the reader was shown
 *   before ('earlier_release' / 'period').
 * Member lists and CSV exports (who is in a segment) are for SEGMENT_MEMBER_ROLES only, and every
 * export is written to the audit log.
 */

export const SEGMENT_KINDS = ['dynamic', 'static'] as const;
/** dynamic: recomputed on a schedule and on every rule change. static: membership set when frozen. */
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/** Roles that may create, edit, archive, recompute and freeze segments (and plan programmes). */
export const SEGMENT_EDITOR_ROLES: readonly Role[] = ['admin', 'planner'];
/**
 * Roles that may see who is in a segment (member list, CSV export): planners target people with
 * comms and need the list; admins run the system. Leaders and analysts see aggregates only.
 */
export const SEGMENT_MEMBER_ROLES: readonly Role[] = ['admin', 'planner'];

/** Why a count of people (a segment's size) is hidden. */
export type CountSuppression = HiddenReason;
export type CellSuppression = 'below_minimum' | 'complementary';

// ── inputs ─────────────────────────────────────────────────────────────────

const name = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const description = z.string({ error: 'must be text' }).max(2000, 'must be at most 2000 characters').nullable();

/**
 * Body of POST /api/segments. `rule` is checked by validateSegmentRule (segment-rule.schema.ts):
 * a 400 names the bad node, e.g. `rule.children[1].days: must be at most 730`.
 */
export const segmentCreateSchema = z.strictObject({
  name,
  description: description.optional(),
  kind: z.enum(SEGMENT_KINDS, { error: `must be one of ${SEGMENT_KINDS.join(', ')}` }).default('dynamic'),
  rule: z.unknown().refine((v) => v !== undefined, { error: 'required: a segment rule' }),
});
export interface SegmentCreateInput {
  name: string;
  description?: string | null;
  kind?: SegmentKind;
  rule: SegmentRule;
}

/** Body of PUT /api/segments/:id: any of these; a changed rule, name or description makes a new definition version (only a changed rule recomputes). */
export const segmentUpdateSchema = z.strictObject({
  name: name.optional(),
  description: description.optional(),
  rule: z.unknown().optional(),
  /** Why it changed, kept in the edit history. */
  change_note: z.string({ error: 'must be text' }).max(500, 'must be at most 500 characters').optional(),
});
export interface SegmentUpdateInput {
  name?: string;
  description?: string | null;
  rule?: SegmentRule;
  change_note?: string;
}

/** Body of POST /api/segments/preview. */
export const segmentPreviewSchema = z.strictObject({ rule: z.unknown().refine((v) => v !== undefined, { error: 'required: a segment rule' }) });
export interface SegmentPreviewInput {
  rule: SegmentRule;
}

/** Query of GET /api/segments/:id/members. */
export const segmentMembersQuerySchema = z.object({
  page: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(1),
  page_size: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(50),
});

/** Query of GET /api/segments/:id/channels (default: the 90 days up to the newest event). */
export const segmentChannelsQuerySchema = z.object({
  from: z.iso.date({ error: 'must be a date YYYY-MM-DD' }).optional(),
  to: z.iso.date({ error: 'must be a date YYYY-MM-DD' }).optional(),
});

// ── definitions and history ────────────────────────────────────────────────

/** One computation of a segment's membership (size over time). */
export interface SegmentRunDto {
  /** Membership version written by the run (null for a failed run). */
  version: number | null;
  definition_version: number | null;
  started_at: string | null;
  finished_at: string;
  status: 'ok' | 'failed';
  /** Why the run failed; the previous good membership stays current. */
  error: string | null;
  size: number | null;
  /** People in this membership who were not in the previous one. */
  entered: number | null;
  /** People in the previous membership who are not in this one. */
  left: number | null;
}

export type SegmentStatus = 'never_computed' | 'ok' | 'failed';

export interface SegmentSummaryDto {
  id: string;
  name: string;
  description: string | null;
  kind: SegmentKind;
  /** Shipped with Hubpulse (observers, contributors, …); editable like any other. */
  starter: boolean;
  definition_version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  /** Static segments: when the membership was frozen, and from which definition version. */
  frozen_at: string | null;
  frozen_definition_version: number | null;
  /** Current membership size (null: suppressed, see size_suppressed, or never computed). */
  size: number | null;
  size_suppressed: CountSuppression | null;
  /** When the current membership was computed, its version and the definition version it used. */
  computed_at: string | null;
  membership_version: number | null;
  computed_definition_version: number | null;
  /** 'failed': the newest run failed (last_error says why) and the last good membership is shown. */
  status: SegmentStatus;
  last_error: string | null;
  /** Recent runs, oldest first (size over time, entered and left per run). */
  runs: SegmentRunDto[];
}

/** GET /api/segments. */
export interface SegmentListDto {
  min_group_size: number;
  /** People in the directory: shown, so the complement of every segment is checked too. */
  population: number | null;
  segments: SegmentSummaryDto[];
}

/** GET /api/segments/:id: the summary plus the rule and the current composition. */
export interface SegmentDetailDto extends SegmentSummaryDto {
  rule: SegmentRule;
  min_group_size: number;
  composition: SegmentCompositionDto | null;
}

/** GET /api/segments/:id/history: every definition version, newest first. */
export interface SegmentRevisionDto {
  definition_version: number;
  name: string;
  description: string | null;
  kind: SegmentKind;
  rule: SegmentRule;
  edited_by: string;
  edited_at: string;
  change_note: string | null;
}

/** POST /api/segments (201), PUT /api/segments/:id: the stored segment and the recompute job. */
export interface SegmentSavedDto {
  segment: SegmentDetailDto;
  /** The membership job enqueued (dynamic segments), or null. */
  job_id: string | null;
}

// ── composition and preview ────────────────────────────────────────────────

export const SEGMENT_COMPOSITION_DIMENSIONS = ['department', 'location', 'title'] as const;
export type SegmentCompositionDimension = (typeof SEGMENT_COMPOSITION_DIMENSIONS)[number];
/** Key of the cell that sums the values past the top ones in a composition table. */
export const COMPOSITION_OTHER = '__other__';

export interface CompositionCellDto {
  /** Department / location / title; '' = not set in the directory; COMPOSITION_OTHER = the rest. */
  value: string;
  count: number | null;
  suppressed: CellSuppression | null;
}

/** Disjoint cells adding up to `total` (the segment size). */
export interface CompositionTableDto {
  total: number | null;
  cells: CompositionCellDto[];
  /** Distinct values in the segment (the cells show the largest, the rest summed in COMPOSITION_OTHER). */
  distinct: number;
  suppressed: boolean;
}

export interface ScoreBinDto {
  /** Organisation score range [from, to) (0–100 percentile rank; the last bin includes 100). */
  from: number;
  to: number;
  count: number | null;
  suppressed: CellSuppression | null;
}

export interface SegmentCompositionDto {
  size: number | null;
  by: Record<SegmentCompositionDimension, CompositionTableDto>;
  /** Engagement distribution of the members (bins plus members without a score), a table over `size`. */
  score: { bins: ScoreBinDto[]; unscored: number | null; unscored_suppressed: CellSuppression | null; suppressed: boolean };
}

/** POST /api/segments/preview: a rule evaluated now, nothing stored. */
export interface SegmentPreviewDto {
  as_of: string;
  min_group_size: number;
  population: number | null;
  size: number | null;
  size_suppressed: CountSuppression | null;
  composition: SegmentCompositionDto;
  /** Server time spent on the query. */
  ms: number;
}

// ── members (SEGMENT_MEMBER_ROLES only) ────────────────────────────────────

export interface SegmentMemberDto {
  person_id: string;
  name: string;
  email: string | null;
  department: string | null;
  location: string | null;
  title: string | null;
}

/** Query of GET /api/segments/people: find directory people by name, email or id (e.g. a manager for a rule). */
export const segmentPeopleSearchSchema = z.object({
  q: z.string({ error: 'required: at least 2 characters of a name, email or person id' }).trim().min(2, 'must be at least 2 characters').max(100, 'must be at most 100 characters'),
  limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(50, 'must be at most 50').default(20),
});

/**
 * GET /api/segments/people?q=: directory people matching q (name or email containing it, or the
 * person id itself), those whose name starts with it first. For SEGMENT_MEMBER_ROLES, like member lists.
 */
export type DirectoryPersonDto = SegmentMemberDto;

/** GET /api/segments/:id/members?page=&page_size=, ordered by name then person id. */
export interface SegmentMembersPageDto {
  segment_id: string;
  membership_version: number | null;
  computed_at: string | null;
  total: number;
  page: number;
  page_size: number;
  members: SegmentMemberDto[];
}

/** GET /api/segments/:id/members.csv columns (header row first); each export is audited. */
export const SEGMENT_MEMBER_CSV_COLUMNS = ['person_id', 'name', 'email', 'department', 'location', 'title'] as const;

// ── channels and content ───────────────────────────────────────────────────

/** A rate pulled towards the organisation's (beta-binomial shrinkage) with its 95% interval. */
export interface ShrunkRateDto {
  /** The segment's own rate; null when it would reveal a suppressed count. */
  observed: number | null;
  /** Posterior mean: (x + m·org) / (n + m). */
  estimate: number;
  lower: number;
  upper: number;
  /** The organisation's rate on the same channel and period (the prior mean). */
  org: number;
  /** estimate / org, and the interval / org. */
  lift: number;
  lift_lower: number;
  lift_upper: number;
  /** Share of the estimate that comes from the segment's own data: n / (n + m). */
  weight: number;
}

export interface SegmentChannelRowDto {
  channel: Channel;
  /** Items published on the channel in the period. */
  items: number;
  /** Members with at least one event on the channel in the period; null when hidden (reason in reached_suppressed; the reach rate is hidden with it). */
  reached: number | null;
  reached_suppressed: HiddenReason | null;
  reach_rate: ShrunkRateDto | null;
  /** Null when nothing was published on the channel in the period, or hidden (read_rate_hidden). */
  read_rate: ShrunkRateDto | null;
  /** Why the read rate is hidden: readers or non-readers among the members (or in the organisation, or in a difference with another group) fewer than k, or the window's numbers conflict with what this reader was shown before. Null when shown or nothing was published. */
  read_rate_hidden: HiddenReason | null;
  /** Null when hidden (interaction_rate_hidden). */
  interaction_rate: ShrunkRateDto | null;
  /** Why the interaction rate is hidden: fewer than k reached, interacted or reached without interacting. */
  interaction_rate_hidden: HiddenReason | null;
}

export interface SegmentPurposeRowDto {
  purpose: Purpose;
  items: number;
  read_rate: ShrunkRateDto | null;
  read_rate_hidden: HiddenReason | null;
}

export interface RecommendationDto<K extends string = string> {
  key: K;
  rank: number;
  /** What the lift is of: read rate, or reach rate where nothing was published. */
  metric: 'read_rate' | 'reach_rate';
  lift: number;
  /** 'above' / 'below': the whole 95% interval is above / below the organisation's rate. */
  verdict: 'above' | 'below' | 'similar';
  reason: string;
}

/** GET /api/segments/:id/channels?from=&to=. */
export interface SegmentChannelStatsDto {
  segment_id: string;
  from: string;
  to: string;
  min_group_size: number;
  /** Current members (the n of every rate), null when suppressed. */
  members: number | null;
  /** Why there are no numbers (segment never computed, or its size hidden), else null. */
  reason: string | null;
  /** When the segment's size is hidden by the group plan: why (the statistics are hidden with it). */
  hidden_reason: HiddenReason | null;
  /** The prior strength m, in people. */
  prior_strength: number;
  /** Plain-language definitions of each number, to show beside it. */
  definitions: Record<'reach_rate' | 'read_rate' | 'interaction_rate' | 'shrinkage' | 'interval' | 'ranking', string>;
  channels: SegmentChannelRowDto[];
  purposes: SegmentPurposeRowDto[];
  recommendations: { channels: RecommendationDto<Channel>[]; purposes: RecommendationDto<Purpose>[] };
}

// ── jobs ─────────────────────────────────────────────────────────────────

/** POST /api/segments/:id/recompute and /freeze. */
export interface SegmentJobDto {
  job_id: string | null;
}
