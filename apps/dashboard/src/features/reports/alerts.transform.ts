import { ALERT_DEFAULT_STATUSES, type AlertDirection, type AlertDto, type AlertKind, type AlertStateName, type AlertWebhookKind, type GoalStatus, type PatternGroupBy, type Purpose } from '@hubpulse/contracts';

export const ALERT_STATE_LABELS: Record<AlertStateName, string> = { ok: 'OK', firing: 'Firing', resolved: 'Resolved' };

/** The create / edit form's state: text as typed, turned into the API's body by draftToBody. */
export interface AlertDraft {
  name: string;
  kind: AlertKind;
  goalId: string;
  statuses: GoalStatus[];
  level: string;
  direction: AlertDirection;
  purpose: Purpose;
  groupBy: PatternGroupBy;
  group: string;
  cooldownHours: string;
  /** Emails, separated by commas, spaces or new lines. */
  recipients: string;
  /** New webhooks (an edit keeps the stored ones unless these are given or they are removed). */
  webhooks: { kind: AlertWebhookKind; url: string }[];
  removeWebhooks: boolean;
  enabled: boolean;
}

export const EMPTY_ALERT_DRAFT: AlertDraft = {
  name: '',
  kind: 'index',
  goalId: '',
  statuses: [...ALERT_DEFAULT_STATUSES],
  level: '',
  direction: 'below',
  purpose: 'engagement',
  groupBy: 'org',
  group: '',
  cooldownHours: '24',
  recipients: '',
  webhooks: [],
  removeWebhooks: false,
  enabled: true,
};

export function draftFromAlert(a: AlertDto): AlertDraft {
  return {
    name: a.name,
    kind: a.kind,
    goalId: a.goal_id ?? '',
    statuses: a.statuses ?? [...ALERT_DEFAULT_STATUSES],
    level: a.level === null ? '' : String(a.level),
    direction: a.direction ?? 'below',
    purpose: a.purpose ?? 'engagement',
    groupBy: a.group_by ?? 'org',
    group: a.group ?? '',
    cooldownHours: String(a.cooldown_hours),
    recipients: a.recipients.map((r) => r.email).join(', '),
    webhooks: [],
    removeWebhooks: false,
    enabled: a.enabled,
  };
}

const emails = (text: string) => text.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean);

/** The body of POST /api/alerts (or PATCH, `editing`): only the fields the kind uses. */
export function draftToBody(d: AlertDraft, editing: boolean): Record<string, unknown> {
  const goal = d.kind !== 'index';
  const body: Record<string, unknown> = {
    name: d.name.trim(),
    kind: d.kind,
    goal_id: goal ? d.goalId : null,
    statuses: d.kind === 'goal_status' ? d.statuses : null,
    level: d.kind === 'goal_status' ? null : Number(d.level),
    direction: goal ? null : d.direction,
    purpose: goal ? null : d.purpose,
    group_by: goal ? null : d.groupBy,
    group: goal || d.groupBy === 'org' ? null : d.group,
    cooldown_hours: Number(d.cooldownHours),
    recipients: emails(d.recipients),
    enabled: d.enabled,
  };
  const hooks = d.webhooks.filter((w) => w.url.trim()).map((w) => ({ kind: w.kind, url: w.url.trim() }));
  if (!editing || hooks.length > 0 || d.removeWebhooks) body.webhooks = hooks;
  return body;
}

/** Problems found before sending, by the API's field names. */
export function alertDraftErrors(d: AlertDraft, editing: boolean, storedWebhooks = 0): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  if (!d.name.trim()) out.name = 'Give the alert a name.';
  if (d.kind !== 'index' && !d.goalId) out.goal_id = 'Pick a goal.';
  if (d.kind === 'goal_status' && d.statuses.length === 0) out.statuses = 'Pick at least one status.';
  if (d.kind !== 'goal_status') {
    const level = Number(d.level);
    if (d.level.trim() === '' || !Number.isFinite(level) || level < 0 || level > 100) out.level = 'A number from 0 to 100.';
  }
  if (d.kind === 'index' && d.groupBy !== 'org' && !d.group) out.group = `Pick a ${d.groupBy}.`;
  const hours = Number(d.cooldownHours);
  if (!Number.isInteger(hours) || hours < 0) out.cooldown_hours = 'Whole hours, 0 or more.';
  const keptHooks = editing && !d.removeWebhooks && d.webhooks.every((w) => !w.url.trim()) ? storedWebhooks : 0;
  if (emails(d.recipients).length === 0 && d.webhooks.every((w) => !w.url.trim()) && keptHooks === 0) out.recipients = 'Give at least one recipient or webhook.';
  return out;
}

/** Firing first, then resolved, then OK; by name within each. */
export function sortAlerts(rows: readonly AlertDto[]): AlertDto[] {
  const rank: Record<AlertStateName, number> = { firing: 0, resolved: 1, ok: 2 };
  return [...rows].sort((a, b) => rank[a.state] - rank[b.state] || a.name.localeCompare(b.name));
}
