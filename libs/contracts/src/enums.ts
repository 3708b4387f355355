/** What a person did on the hub. */
export const EVENT_TYPES = [
  'view',
  'react',
  'comment',
  'post',
  'share',
  'doc_share',
  'task_update',
  'answer',
  'feedback',
  // Newsletters (issue 15): a send to a person, their open (properties.issue, properties.machine) and
  // click (properties.issue, properties.link). Weight 0 in scoring; a send is not activity.
  'newsletter_send',
  'newsletter_open',
  'newsletter_click',
] as const;

/** Event types that are not something the person did (a newsletter reaching their inbox). */
export const PASSIVE_EVENT_TYPES = ['newsletter_send'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Where on the hub it happened. */
export const CHANNELS = ['blog', 'newsletter', 'microblog', 'ceo_blog', 'documents', 'tasks', 'qa'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The five purposes of an internal hub. */
export const PURPOSES = ['inform', 'vision', 'productivity', 'engagement', 'strategy'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const ROLES = ['admin', 'leader', 'planner', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const GOAL_METRICS = ['revenue', 'cost_reduction', 'profit', 'market_share', 'custom'] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

export const TARGET_TYPES = ['at_or_above', 'at_or_below', 'increase_to', 'decrease_to'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/**
 * Whose group an action counts under in group views (issue 15): the group the person was in when it
 * happened (`as_it_was`, the default) or the one they are in today (`today`).
 */
export const ATTRIBUTIONS = ['as_it_was', 'today'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];
