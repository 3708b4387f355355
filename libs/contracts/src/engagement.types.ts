import type { EventType } from './enums';

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
  mode: ScoreJobKind | 'none';
  from: string | null;
  to: string | null;
  /** Person-days written. */
  rows: number;
  model_version: number;
  ms: number;
}

/** The population on a day: the directory plus anyone who acted without being in it. */
export interface ScoreDistributionDto {
  day: string | null;
  model_version: number | null;
  min_group_size: number;
  population: number | null;
  /** People with a raw score above 0 (an action inside the lookback window). */
  active: number | null;
  /** Histogram of raw scores of active people (log-spaced bins), counts suppressed below the minimum group size. */
  bins: { from: number; to: number; people: number | null }[];
  /** Raw score at these percentiles of the whole population (zeros included). */
  quantiles: { p25: number; p50: number; p75: number; p90: number; p99: number } | null;
  suppressed: boolean;
}

export const SCORE_GROUP_BYS = ['department', 'location', 'team', 'manager', 'tenure'] as const;
export type ScoreGroupBy = (typeof SCORE_GROUP_BYS)[number];

/** Scores per group (GET /api/engagement/groups?by=…&from=…&to=…). */
export interface GroupScoresDto {
  by: ScoreGroupBy;
  from: string;
  to: string;
  min_group_size: number;
  groups: GroupScoreRow[];
}

export interface GroupScoreRow {
  /** Department / location / team name, tenure band, or a manager's person id (everyone under them). */
  key: string;
  label: string;
  /** People in the group (directory). */
  people: number | null;
  /** Mean over the group's people of the daily 0–100 organisation score, on the last day of the range. */
  mean_score: number | null;
  /** Share of the group with an action inside the lookback window, on the last day. */
  active_share: number | null;
  /** Share of the group's raw points by action type, on the last day. */
  mix: Partial<Record<EventType, number>> | null;
  /** Daily mean score over the range. */
  trend: { day: string; mean_score: number | null }[];
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
