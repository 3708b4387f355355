// Words for the enums, in one place: what the dashboard shows for a channel, a purpose, an
// action, a directory field, a programme's grouping or tactic. Browser-safe.

import { AMBASSADOR_STAGE_DEFINITIONS, PERSONA_DEFINITIONS } from './pattern-definitions';
import type { AmbassadorStage, Persona } from './patterns.types';
import type { HiddenReason } from './privacy.types';
import type { EngagementTactic, ProgrammeGrouping } from './programmes.types';
import type { SegmentAttributeField, SegmentAttributeOp } from './segment-rule.schema';
import type { Channel, EventType, Purpose, Role } from './enums';

export const CHANNEL_LABELS: Record<Channel | 'other', string> = {
  blog: 'Blogs',
  newsletter: 'Newsletters',
  microblog: 'Microblog',
  ceo_blog: 'CEO blog',
  documents: 'Documents',
  tasks: 'Tasks',
  qa: 'Q&A',
  other: 'Other',
};

/** A channel's label; an unknown channel keeps its own name. */
export function channelLabel(channel: string): string {
  return (CHANNEL_LABELS as Record<string, string>)[channel] ?? channel;
}

/** Channels by their full names, as sentences and recommendations name them. */
export const CHANNEL_FULL_NAMES: Record<Channel, string> = {
  blog: 'Blogs',
  newsletter: 'Department newsletters',
  microblog: 'Microblog',
  ceo_blog: "CEO's vision blog",
  documents: 'Document sharing',
  tasks: 'Task sync',
  qa: 'Q&A',
};
/** Purposes by their full names, as sentences and recommendations name them. */
export const PURPOSE_FULL_NAMES: Record<Purpose, string> = {
  inform: 'Inform',
  vision: 'Shared vision',
  productivity: 'Productivity',
  engagement: 'Engagement',
  strategy: 'Strategy',
};

/** Hub actions (event types), as the event mappings, the scoring model and the rule pickers name them. */
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  view: 'View',
  react: 'React',
  comment: 'Comment',
  post: 'Post',
  share: 'Share',
  doc_share: 'Document share',
  task_update: 'Task update',
  answer: 'Answer',
  feedback: 'Feedback',
  newsletter_send: 'Newsletter sent',
  newsletter_open: 'Newsletter opened',
  newsletter_click: 'Newsletter link clicked',
};

/** "did {action} at least 3 times": past tense reads naturally in a rule. */
export const ACTION_VERBS: Record<EventType, string> = {
  view: 'viewed',
  react: 'reacted',
  comment: 'commented',
  post: 'posted',
  share: 'shared',
  doc_share: 'shared a document',
  task_update: 'updated a task',
  answer: 'answered',
  feedback: 'gave feedback',
  newsletter_send: 'was sent a newsletter',
  newsletter_open: 'opened a newsletter',
  newsletter_click: 'clicked a newsletter link',
};

export const PURPOSE_LABELS: Record<Purpose, string> = {
  inform: 'Inform',
  vision: 'Vision',
  productivity: 'Productivity',
  engagement: 'Engagement',
  strategy: 'Strategy',
};

/** Directory fields: segment rules and the segment composition name them alike. */
export const ATTRIBUTE_FIELD_LABELS: Record<SegmentAttributeField, string> = { department: 'Department', location: 'Location', title: 'Title' };
export const ATTRIBUTE_OP_LABELS: Record<SegmentAttributeOp, string> = { in: 'is any of', not_in: 'is none of', contains: 'contains any of' };

export function personaLabel(p: Persona): string {
  return PERSONA_DEFINITIONS[p]?.label ?? p;
}

export function stageLabel(s: AmbassadorStage): string {
  return AMBASSADOR_STAGE_DEFINITIONS[s]?.label ?? s;
}

/** The short text shown in place of a hidden count of people (the long one is hiddenReasonText). */
export function hiddenShortText(reason: HiddenReason | null, minGroupSize: number): string {
  switch (reason) {
    case 'difference':
      return 'hidden (overlap)';
    case 'remainder':
      return 'hidden (remainder)';
    case 'hierarchy':
      return 'hidden (merged upward)';
    case 'numerator':
    case 'complement':
      return 'hidden (too few)';
    case 'period':
    case 'earlier_release':
      return 'hidden (period)';
    case 'moved':
      return 'hidden (moved)';
    case 'below_minimum':
      return `fewer than ${minGroupSize}`;
    default:
      return 'hidden';
  }
}

export const GROUPING_LABELS: Record<ProgrammeGrouping, { label: string; hint: string }> = {
  none: { label: 'One audience', hint: 'everyone gets the same messages' },
  department: { label: 'By department', hint: 'tailor and report per department' },
  location: { label: 'By location', hint: 'tailor and report per site' },
  title: { label: 'By title', hint: 'tailor and report per job title' },
  tenure: { label: 'By tenure', hint: 'new joiners apart from long-timers' },
};

export const TACTIC_LABELS: Record<EngagementTactic, string> = {
  broadcast: 'Broadcast',
  two_way: 'Two-way conversation',
  leader_led: 'Leader-led',
  ambassadors: 'Through ambassadors',
  feedback_loop: 'Feedback loop',
};

/** Audit-log actions by their names in the Admin → Audit page; an action not listed shows as recorded. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'segment.members.view': 'Viewed segment members',
  'segment.members.export': 'Exported segment members',
  'directory.people.search': 'Searched the directory',
  'user.invite': 'Invited someone',
  'user.role.change': 'Changed a role',
  'user.deactivate': 'Deactivated someone',
  'user.activate': 'Reactivated someone',
  'user.password.reset': 'Made a password reset link',
  'user.password.change': 'Changed own password',
  'write_key.create': 'Created a write key',
  'write_key.revoke': 'Revoked a write key',
  'write_key.update': 'Changed the web origins of a browser key',
  'read_token.create': 'Created a read token',
  'read_token.revoke': 'Revoked a read token',
  'read_token.use': 'Read with a read token',
  'user.invite.accept': 'Accepted an invitation',
  'user.password.reset.use': 'Set a password from a reset link',
  'goal.create': 'Created a goal',
  'goal.update': 'Changed a goal',
  'goal.delete': 'Deleted a goal',
  'kpi.values.set': 'Entered KPI values',
  'kpi.values.import': 'Imported KPI values',
  'kpi.value.set': 'Set a KPI value',
  'kpi.value.delete': 'Removed a KPI value',
  'goal.link.create': 'Linked an audience to a goal',
  'goal.link.update': 'Changed a goal link',
  'goal.link.delete': 'Removed a goal link',
  'segment.create': 'Created a segment',
  'segment.update': 'Changed a segment',
  'segment.archive': 'Archived a segment',
  'segment.recompute': 'Recomputed a segment',
  'segment.freeze': 'Froze a segment',
  'programme.create': 'Created a programme',
  'programme.update': 'Changed a programme',
  'programme.delete': 'Deleted a programme',
  'programme.launch': 'Launched a programme',
  'scoring_model.create': 'Published a scoring model',
  'scores.recompute': 'Started a score job',
  'event_mappings.replace': 'Changed the event mappings',
  'import.upload': 'Uploaded an import',
  'directory.people.upsert': 'Updated the directory',
  'directory.content.upsert': 'Updated the content catalogue',
  'audit.export': 'Exported the audit log',
  'saved_view.create': 'Saved a view',
  'saved_view.update': 'Changed a saved view',
  'saved_view.delete': 'Deleted a saved view',
  'export.create': 'Exported a view',
  'export.rerun': 'Exported a view again from its manifest',
  'alert.create': 'Created an alert',
  'alert.update': 'Changed an alert',
  'alert.delete': 'Deleted an alert',
  'schedule.create': 'Scheduled a report',
  'schedule.update': 'Changed a scheduled report',
  'schedule.send': 'Sent a scheduled report now',
  'schedule.delete': 'Deleted a scheduled report',
  'directory.person.history': "Viewed a person's directory history",
};

/** Families of actions for the audit filter (`goal.` matches every goal action). */
export const AUDIT_ACTION_FAMILIES: Record<string, string> = {
  'user.': 'People and access',
  'write_key.': 'Write keys',
  'read_token.': 'Read tokens',
  'goal.': 'Goals and links',
  'kpi.': 'KPI values',
  'segment.': 'Segments and member reads',
  'programme.': 'Programmes',
  'scoring_model.': 'Scoring model',
  'scores.': 'Score jobs',
  'event_mappings.': 'Event mappings',
  'import.': 'Imports',
  'directory.': 'Directory',
  'audit.': 'Audit log',
  'saved_view.': 'Saved views',
  'export.': 'Exports',
  'alert.': 'Alerts',
  'schedule.': 'Scheduled reports',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** The four roles as the dashboard names them, and what each may do (the invite form's help). */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  leader: 'Leadership',
  planner: 'Comms planner',
  analyst: 'Analyst',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'everything, including the Admin pages: people and access, keys, imports, the audit log',
  leader: 'leadership: goals, KPIs and how the engagement of linked audiences moves with them',
  planner: 'comms planning: who engages where, audience segments and programmes',
  analyst: 'explores the numbers and takes them elsewhere',
};

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}
