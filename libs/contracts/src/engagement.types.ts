import type { Attribution, EventType } from './enums';
import type { HiddenReason } from './privacy.types';

/**
 * The engagement scoring model and the scores it makes (issue 4). Browser-safe types shared by the
 * API, the workers and the dashboard. Numbers about groups of people are `null` when the group is
 * smaller than the minimum group size (`suppressed: true` says so).
 */

/** A version of the scoring model. Versions are never edited; a change makes a new version. */
export interface ScoringModelDto {
  version: number;
  /** Points per action of each type. */
  weights: Record<EventType, number>;
  /** Days after which an action of this type counts half. */
  half_lives: Record<EventType, number>;
  /** Most actions of a type counted per person per day; absent = no cap. */
  daily_caps: Partial<Record<EventType, number>>;
  /** Actions older than this many days do not count at all. */
  lookback_days: number;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

/** Body of POST /api/engagement/models (admin): a new version, recomputed in the background. */
export interface ScoringModelInput {
  weights: Record<EventType, number>;
  half_lives: Record<EventType, number>;
  daily_caps?: Partial<Record<EventType, number>>;
  lookback_days: number;
  note?: string;
}

export interface ScoringModelCreated {
  model: ScoringModelDto;
  /** The BullMQ job recomputing history with the new version. */
  job_id: string | null;
}

export type ScoreJobKind = 'incremental' | 'full';
export type ScoreJobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed' | 'prioritized' | 'waiting-children' | 'unknown';

/** A score recompute job on the `scores` queue, as the dashboard shows it. */
export interface ScoreJobDto {
  id: string;
  kind: ScoreJobKind | 'auto';
  reason: string;
  state: ScoreJobState;
  /** 0–100. */
  progress: number;
  /** What the job is doing now ("scores 2026-10-01..2026-10-31", "patterns"). */
  phase: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  attempts: number;
  failed_reason: string | null;
  result: ScoreRunResultDto | null;
}

export interface ScoreRunResultDto {
  /** 'none': no events, or none new; 'covered': an automatic job queued while another run was reading, which covered it. */
  mode: ScoreJobKind | 'none' | 'covered';
  from: string | null;
  to: string | null;
  /** Person-days written. */
  rows: number;
  model_version: number;
  ms: number;
}

/**
 * The population: the people of today's directory (people who acted outside it are ranked by the scores but not counted here — the directory is the population of every view). The histogram is
 * a table of disjoint cells (the inactive people and one cell per bin) adding up to `population`:
 * cells of 1..k−1 people are hidden, and so is the smallest other cell when the hidden ones alone
 * could be worked out as population − shown cells (complementary suppression). A quantile is shown
 * only where at least k people are at or below it and at least k at or above it (n·q ≥ k and
 * n·(1−q) ≥ k), so it never sits among fewer than k people's scores.
 */
export interface ScoreDistributionDto {
  day: string | null;
  model_version: number | null;
  min_group_size: number;
  population: number | null;
  /** People with a raw score above 0 (an action inside the lookback window): population − inactive, hidden with it. */
  active: number | null;
  active_hidden: HiddenReason | null;
  /** People with a raw score of 0 (the table's first cell). */
  inactive: number | null;
  inactive_hidden: HiddenReason | null;
  /** Histogram of raw scores of active people (log-spaced bins); `people` null with `hidden_reason` when hidden. */
  bins: { from: number; to: number; people: number | null; hidden_reason: HiddenReason | null }[];
  /** Raw score at these percentiles of the whole population (zeros included); each null when too few people lie on one side of it. */
  quantiles: Record<ScoreQuantile, number | null> | null;
  /** Why each quantile is hidden (null: shown). */
  quantiles_hidden: Record<ScoreQuantile, HiddenReason | null> | null;
  /** True when any number of the response is hidden. */
  suppressed: boolean;
}

export const SCORE_QUANTILES = ['p25', 'p50', 'p75', 'p90', 'p99'] as const;
export type ScoreQuantile = (typeof SCORE_QUANTILES)[number];

export const SCORE_GROUP_BYS = ['department', 'location', 'team', 'manager', 'tenure'] as const;
/** What the Engagement page's group trends show first (the API's background reads ask the same): by department, the 30 days to the newest scored day. */
export const DEFAULT_GROUP_BY = 'department' satisfies (typeof SCORE_GROUP_BYS)[number];
export const DEFAULT_GROUP_DAYS = 30;
export type ScoreGroupBy = (typeof SCORE_GROUP_BYS)[number];

/**
 * Scores per group (GET /api/engagement/groups?by=…&from=…&to=…). Which groups are shown comes from
 * the disclosure plan over every group of every family (a group, its difference from every shown
 * group and the remainders of each hierarchy hold 0 or at least k people); each statistic is then
 * checked, day by day, over every group of the plan at once — so asking for another family, another
 * range or another day never changes a decision. Shown groups come first (largest first), hidden
 * ones after them by label, so the order says nothing about a hidden group's size. At most 500 rows.
 */
export interface GroupScoresDto {
  by: ScoreGroupBy;
  from: string;
  to: string;
  min_group_size: number;
  /** The day tenure bands and the directory's groups are taken on (the disclosure plan's day). */
  as_of: string;
  /** Each day's scores counted under the group people were in that day (`as_it_was`) or today's (`today`). */
  attribution: Attribution;
  groups: GroupScoreRow[];
}

export interface GroupScoreRow {
  /** Department / location / team name, tenure band, or a manager's person id (everyone under them). */
  key: string;
  label: string;
  /** People in the group (directory); null when the plan hides the group (`hidden_reason`). */
  people: number | null;
  hidden_reason: HiddenReason | null;
  /**
   * Mean over the group's people of the daily 0–100 organisation score, on the last day of the range.
   * A mean over people: shown when the group, the people of it with a score that day (contributors),
   * and every difference from a nested shown group hold at least k people and k contributors.
   */
  mean_score: number | null;
  mean_score_hidden: HiddenReason | null;
  /** Share of the group with an action inside the lookback window, on the last day: numerator and complement ≥ k. */
  active_share: number | null;
  active_share_hidden: HiddenReason | null;
  /**
   * Share of the group's raw points by action type, on the last day. A type is listed only where
   * its contributors pass as a mean over people (the same checks as `mean_score`); the other types
   * are merged into `mix_other`, and merged further (smallest first) until the merged part has at
   * least k contributors. Null (`mix_hidden`) when nothing is left to show.
   */
  mix: Partial<Record<EventType, number>> | null;
  /** Share of the points of the types merged together (null when none was). */
  mix_other: number | null;
  /** Why types were merged, or why the whole mix is hidden. */
  mix_hidden: HiddenReason | null;
  /** Daily mean score over the range, each day checked as `mean_score`. */
  trend: { day: string; mean_score: number | null; hidden_reason: HiddenReason | null }[];
  /** The plan hides the group (every number of the row is null). */
  suppressed: boolean;
}

/** "Why 62": one person's score on one day, taken apart (admins only). */
export interface ScoreExplanationDto {
  person_id: string;
  name: string | null;
  day: string;
  model_version: number;
  raw: number;
  /** 0–100 percentile rank in the organisation: share of the population with a lower raw score. */
  score: number;
  /** The same within the cohort (department × tenure band). */
  score_cohort: number;
  cohort: string;
  population: number;
  cohort_population: number;
  by_type: {
    type: EventType;
    weight: number;
    half_life_days: number;
    daily_cap: number | null;
    /** Actions of this type inside the lookback window. */
    actions: number;
    /** After the daily cap. */
    counted: number;
    points: number;
  }[];
  /** Every (day, type) inside the window: what it added today. */
  actions: { day: string; type: EventType; actions: number; counted: number; decay: number; points: number }[];
  /** A plain sentence: "62 because …". */
  summary: string;
}

/** Admin person picker for explanations. */
export interface ScoredPersonDto {
  person_id: string;
  name: string | null;
  department: string | null;
  raw: number;
  score: number;
}
