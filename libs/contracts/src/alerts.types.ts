import type { Purpose, Role } from './enums';
import type { GoalStatus } from './goals.types';
import type { PatternGroupBy } from './patterns.types';

/** What an alert watches: a goal's status, a goal's chance of meeting its target, or a purpose index of the organisation or a group. */
export const ALERT_KINDS = ['goal_status', 'goal_probability', 'index'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  goal_status: 'Goal status',
  goal_probability: 'Chance of meeting a goal',
  index: 'Engagement or purpose index',
};
export const ALERT_STATES = ['ok', 'firing', 'resolved'] as const;
export type AlertStateName = (typeof ALERT_STATES)[number];
export const ALERT_DIRECTIONS = ['above', 'below'] as const;
export type AlertDirection = (typeof ALERT_DIRECTIONS)[number];
export const ALERT_WEBHOOK_KINDS = ['slack', 'teams', 'webhook'] as const;
export type AlertWebhookKind = (typeof ALERT_WEBHOOK_KINDS)[number];

/** Roles that may open Reports → Alerts and create alerts. Analysts schedule reports instead. */
export const ALERT_ROLES: readonly Role[] = ['admin', 'leader', 'planner'];
/** Roles that may create alerts on goals (leadership's); planners watch purpose indices only. */
export const ALERT_GOAL_ROLES: readonly Role[] = ['admin', 'leader'];
/** Default statuses a goal-status alert fires on. */
export const ALERT_DEFAULT_STATUSES: readonly GoalStatus[] = ['at_risk', 'off_track'];

export const ALERT_RULE_TEXT =
  'An alert fires when its condition starts to hold (firing), tells when it stops (resolved), and fires again at most once per cooldown. ' +
  'It is evaluated after every KPI write and every score run. A value hidden by the minimum group size never fires, resolves or is sent.';

export interface AlertRecipientDto {
  user_id: string;
  email: string;
  name: string;
}

export interface AlertDto {
  id: string;
  name: string;
  kind: AlertKind;
  /** Goal alerts: the goal, and its name (null when it was deleted). */
  goal_id: string | null;
  goal_name: string | null;
  /** goal_status: the statuses that make it fire. */
  statuses: GoalStatus[] | null;
  /** goal_probability: fires below this chance, in percent; index: the threshold, 0–100. */
  level: number | null;
  /** index: fires above or below the level. */
  direction: AlertDirection | null;
  purpose: Purpose | null;
  group_by: PatternGroupBy | null;
  /** index with group_by department or location: the group's name; null for the organisation. */
  group: string | null;
  /** The condition in words ("Vision index of department eng below 40"). */
  condition: string;
  cooldown_hours: number;
  recipients: AlertRecipientDto[];
  /** Webhooks by host only: the path of an incoming webhook is its secret. */
  webhooks: { kind: AlertWebhookKind; target: string }[];
  enabled: boolean;
  state: AlertStateName;
  state_since: string;
  /** The value at the last evaluation, as text ("Off track", "41.2", "23 %"); null when unknown or withheld. */
  last_value: string | null;
  /** Why there was no value at the last evaluation (withheld, no data); null otherwise. */
  last_reason: string | null;
  last_evaluated_at: string | null;
  last_notified_at: string | null;
  /** The dashboard page the alert is about (link in notifications). */
  page: string;
  owner: { id: string; email: string };
  can_edit: boolean;
  created_at: string;
  updated_at: string;
}

export interface AlertTransitionDto {
  id: string;
  at: string;
  from: AlertStateName;
  to: AlertStateName;
  /** The notification it sent: firing, changed (value changed while firing) or resolved; null for none. */
  notification: 'firing' | 'changed' | 'resolved' | null;
  value: string | null;
  detail: string;
}

export interface AlertDeliveryDto {
  id: string;
  run_key: string;
  channel: string;
  target: string;
  status: string;
  attempts: number;
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface AlertHistoryDto {
  alert_id: string;
  transitions: AlertTransitionDto[];
  deliveries: AlertDeliveryDto[];
}

/** Where each group-by's groups come from, for the create form (groups the Engagement page shows). */
export interface AlertOptionsDto {
  goals: { id: string; name: string }[];
  groups: Record<Exclude<PatternGroupBy, 'org'>, string[]>;
  can_watch_goals: boolean;
}
