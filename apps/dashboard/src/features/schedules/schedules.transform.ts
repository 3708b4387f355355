import type { DeliveryDto, ScheduleAttachment, ScheduleCreate, ScheduleDto, ScheduleFrequency, ScheduleWebhookKind } from '@hubpulse/contracts';

/** The create / edit form's state. */
export interface ScheduleDraft {
  name: string;
  viewIds: string[];
  frequency: ScheduleFrequency;
  weekday: number;
  dayOfMonth: number;
  time: string;
  timeZone: string;
  recipientIds: string[];
  /** New webhooks (kind + URL). Stored ones are never shown again (their paths are secrets); editing keeps them unless replaced. */
  webhooks: { kind: ScheduleWebhookKind; url: string }[];
  replaceWebhooks: boolean;
  attachments: ScheduleAttachment[];
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const ATTACHMENT_LABELS: Record<ScheduleAttachment, string> = { csv: 'CSV', xlsx: 'Excel (XLSX)', pdf: 'PDF of the page' };
export const WEBHOOK_LABELS: Record<ScheduleWebhookKind, string> = { slack: 'Slack', teams: 'Microsoft Teams', webhook: 'JSON webhook' };
export const DELIVERY_STATUS_LABELS: Record<DeliveryDto['status'], string> = { sending: 'Sending', sent: 'Sent', failed: 'Failed', skipped: 'Skipped' };

/** The browser's own time zone, the picker's default. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every IANA zone the browser knows, with `current` first if it is missing from the list. */
export function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  return all.includes(current) ? all : [current, ...all];
}

export function emptyDraft(timeZone = browserTimeZone()): ScheduleDraft {
  return { name: '', viewIds: [], frequency: 'weekly', weekday: 1, dayOfMonth: 1, time: '08:00', timeZone, recipientIds: [], webhooks: [], replaceWebhooks: false, attachments: ['csv'] };
}

/** A stored schedule as a draft to edit (webhooks kept unless replaced). */
export function draftOf(s: ScheduleDto): ScheduleDraft {
  return {
    name: s.name,
    viewIds: s.views.filter((v) => !v.missing).map((v) => v.id),
    frequency: s.frequency,
    weekday: s.weekday ?? 1,
    dayOfMonth: s.day_of_month ?? 1,
    time: s.time,
    timeZone: s.time_zone,
    recipientIds: s.recipients.map((r) => r.id),
    webhooks: [],
    replaceWebhooks: false,
    attachments: s.attachments,
  };
}

/** Problems the form can see before sending, by API field name. */
export function draftErrors(d: ScheduleDraft, editing: boolean): Partial<Record<string, string>> {
  const e: Partial<Record<string, string>> = {};
  if (!d.name.trim()) e.name = 'Give the schedule a name.';
  if (!d.viewIds.length) e.view_ids = 'Choose at least one saved view.';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(d.time)) e.time = 'A time such as 08:00.';
  const hooks = d.webhooks.filter((w) => w.url.trim());
  if (hooks.some((w) => !/^https?:\/\/[^/\s]+/.test(w.url.trim()))) e.webhooks = 'Webhook addresses start with https://';
  const keepsHooks = editing && !d.replaceWebhooks;
  if (!d.recipientIds.length && !hooks.length && !keepsHooks) e.recipient_ids = 'Choose at least one person or add a webhook.';
  return e;
}

export function draftToBody(d: ScheduleDraft, editing: boolean): ScheduleCreate {
  const hooks = d.webhooks.filter((w) => w.url.trim()).map((w) => ({ kind: w.kind, url: w.url.trim() }));
  const body: ScheduleCreate = {
    name: d.name.trim(),
    view_ids: d.viewIds,
    frequency: d.frequency,
    weekday: d.frequency === 'weekly' ? d.weekday : null,
    day_of_month: d.frequency === 'monthly' ? d.dayOfMonth : null,
    time: d.time,
    time_zone: d.timeZone,
    recipient_ids: d.recipientIds,
    webhooks: hooks,
    attachments: d.attachments,
    paused: false,
  };
  if (editing) {
    const { paused: _p, ...rest } = body;
    return (d.replaceWebhooks || hooks.length ? rest : { ...rest, webhooks: undefined }) as ScheduleCreate;
  }
  return body;
}

/** "Every Monday at 08:00 (Europe/Berlin)". */
export function whenText(s: Pick<ScheduleDto, 'frequency' | 'weekday' | 'day_of_month' | 'time' | 'time_zone'>): string {
  const at = `at ${s.time} (${s.time_zone})`;
  if (s.frequency === 'daily') return `Every day ${at}`;
  if (s.frequency === 'weekly') return `Every ${WEEKDAYS[(s.weekday ?? 1) - 1]} ${at}`;
  const d = s.day_of_month ?? 1;
  return `Monthly on the ${d}${ordinal(d)}${d > 28 ? ' (or the month’s last day)' : ''} ${at}`;
}

function ordinal(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** How the last run ended, in words. */
export function lastRunText(s: Pick<ScheduleDto, 'last_status' | 'last_run_at'>): string {
  switch (s.last_status) {
    case null:
      return 'Not run yet';
    case 'unchanged':
      return 'Skipped: nothing changed';
    case 'partial':
      return 'Partly failed';
    default:
      return s.last_status.charAt(0).toUpperCase() + s.last_status.slice(1);
  }
}

/** Where a delivery went, in words. */
export function deliveryTarget(d: DeliveryDto): string {
  if (d.channel === 'none') return 'Whole run';
  if (d.channel === 'email') return d.target;
  return `${WEBHOOK_LABELS[d.channel]} · ${d.target}`;
}

/** Toggles `value` in a list. */
export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
}
