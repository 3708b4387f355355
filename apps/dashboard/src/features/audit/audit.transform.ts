import { type AuditLogEntryDto, auditActionLabel, isValidDay, toCsv } from '@hubpulse/contracts';

/** How many entries the page reads (the API's most): filters apply to these, newest first. */
export const AUDIT_LIMIT = 1000;

export interface AuditFilter {
  action: string;
  actor: string;
  /** Inclusive days, 'YYYY-MM-DD' (UTC), or ''. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilter = { action: '', actor: '', from: '', to: '' };

const FILTER_KEYS = ['action', 'actor', 'from', 'to'] as const;

export function parseAuditSearch(search: URLSearchParams): AuditFilter {
  const day = (v: string | null) => (v && isValidDay(v) ? v : '');
  return { action: search.get('action') ?? '', actor: search.get('actor') ?? '', from: day(search.get('from')), to: day(search.get('to')) };
}

export function applyAuditSearch(current: URLSearchParams, filter: AuditFilter): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const k of FILTER_KEYS) {
    if (filter[k]) next.set(k, filter[k]);
    else next.delete(k);
  }
  return next;
}

/** Entries matching every filter set: the action exactly, the actor by part of the email, the day range inclusive (UTC). */
export function filterAudit(entries: readonly AuditLogEntryDto[], f: AuditFilter): AuditLogEntryDto[] {
  const actor = f.actor.trim().toLowerCase();
  return entries.filter(
    (e) =>
      (!f.action || e.action === f.action) &&
      (!actor || e.actor.toLowerCase().includes(actor)) &&
      (!f.from || e.at.slice(0, 10) >= f.from) &&
      (!f.to || e.at.slice(0, 10) <= f.to),
  );
}

/** The actions and actors present, for the filter's choices, sorted by label. */
export function auditChoices(entries: readonly AuditLogEntryDto[]): { actions: { value: string; label: string }[]; actors: string[] } {
  const actions = [...new Set(entries.map((e) => e.action))].map((value) => ({ value, label: auditActionLabel(value) }));
  actions.sort((a, b) => a.label.localeCompare(b.label));
  return { actions, actors: [...new Set(entries.map((e) => e.actor))].sort() };
}

/** The details object as one line: "rows: 12 · format: csv". */
export function describeDetails(details: Record<string, unknown> | null | undefined): string {
  return Object.entries(details ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

export function auditCsv(entries: readonly AuditLogEntryDto[]): string {
  return toCsv(
    ['at', 'actor', 'action', 'action_label', 'target', 'details'],
    entries.map((e) => [e.at, e.actor, e.action, auditActionLabel(e.action), e.target, JSON.stringify(e.details ?? {})]),
  );
}

/** "12 of 340 entries" or "340 entries". */
export function countText(shown: number, total: number): string {
  const noun = total === 1 ? 'entry' : 'entries';
  return shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun}`;
}
