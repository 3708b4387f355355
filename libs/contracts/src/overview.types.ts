import type { Channel, GoalMetric, Purpose, TargetType } from './enums';
import type { HiddenReason } from './privacy.types';

/**
 * Numbers about people are `null` when they could describe fewer than the minimum group size k;
 * a `*_hidden` field beside each says why (a HiddenReason; contracts' hiddenReasonText says it in words).
 *
 * - People active over a chosen window (totals.active_people, by_channel[].active_people, the daily
 *   engagement points over [d−6, d]) are one statistic, "directory people active", over windows the
 *   reader chooses: each is checked against the others in the response and against what this user
 *   was shown before (a per-user ledger), so two nested windows never differ by 1..k−1 people.
 * - Event counts are sums over days: a range's count is shown only when every day of it had at least
 *   k people acting (overall, or on that channel), so two ranges differ by days that each passed. The
 *   channels are disjoint cells of the total: when one is hidden, the smallest other non-zero one is
 *   hidden with it until the hidden channels together had at least k people acting every day.
 */
export interface OverviewResponse {
  range: { from: string; to: string };
  /** Day of the oldest stored event (null: none): where the dashboard's "All" starts. */
  data_from: string | null;
  min_group_size: number;
  totals: {
    events: number | null;
    events_hidden: HiddenReason | null;
    /** People in the directory. */
    people: number | null;
    /** People of the directory who did anything in the range. */
    active_people: number | null;
    active_people_hidden: HiddenReason | null;
    suppressed: boolean;
  };
  /**
   * Daily engagement index: the share (0–100 %) of the directory who did anything on the hub in the 7
   * days ending that day; `people` = how many did. The index is a share: shown when `people` and the
   * rest of the directory are both at least k; `people` as a window count (see above). Days nobody
   * was active in are absent. (Scores are percentiles — relative by design — so their mean cannot show
   * whether the whole organisation engages more or less over time; this share can.)
   */
  engagement: { day: string; index: number | null; people: number | null; hidden_reason: HiddenReason | null }[];
  by_channel: {
    channel: Channel | 'other';
    events: number | null;
    events_hidden: HiddenReason | null;
    /** People of the directory who used the channel in the range. */
    active_people: number | null;
    active_people_hidden: HiddenReason | null;
  }[];
  goals: GoalSummary[];
}

/** What a goal is, in the overview and in a seed. */
interface GoalBasics {
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
}

export interface GoalSummary extends GoalBasics {
  id: string;
  latest: { period: string; value: number } | null;
  /** Share of the way from baseline to target, 0–1 (may exceed 1). */
  progress: number | null;
  values: { period: string; value: number; target: number | null }[];
}

export interface HealthResponse {
  /** draining: the process is stopping (SIGTERM) and finishes what it has; send it nothing new. */
  status: 'ok' | 'degraded' | 'draining';
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
export interface GoalSeed extends GoalBasics {
  owner: string | null;
  /** One value per month: period is the first day of the month (YYYY-MM-01); a target inside the period becomes that month's target. */
  values: { period: string; value: number; target: number | null }[];
  custom_metric_name?: string | null;
  /** Default: currency when `unit` is a 3-letter code, else unit. */
  unit_kind?: 'currency' | 'unit';
  /** Contribution hypotheses over a scope (the demo's links; segments and programmes are linked through the API). */
  links?: { scope: 'organisation' | 'department' | 'location'; values: string[]; purpose: Purpose | null; hypothesis: string }[];
}
