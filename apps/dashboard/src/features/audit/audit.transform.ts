import { AUDIT_ACTION_FAMILIES, auditActionLabel, isValidDay, type AuditFacetsDto } from '@hubpulse/contracts';
import type { AuditParams } from '../../api/admin.api';

export interface AuditFilter {
  /** An action, or a family by its prefix ending in a dot ('goal.'), or ''. */
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

/** The filter as GET /api/audit takes it: unset fields left out, the actor trimmed. */
export function auditParams(f: AuditFilter): AuditParams {
  const set = (v: string) => v.trim() || undefined;
  return { action: set(f.action), actor: set(f.actor), from: set(f.from), to: set(f.to) };
}

export interface AuditChoice {
  value: string;
  label: string;
}

/**
 * The action filter's choices: families first ("Goals and links: every action", those with entries
 * on record), then each recorded action by its label; the current choice stays even if not on record.
 */
export function auditChoices(facets: AuditFacetsDto | undefined, current: string): { families: AuditChoice[]; actions: AuditChoice[] } {
  const recorded = facets?.actions ?? [];
  const families = Object.entries(AUDIT_ACTION_FAMILIES)
    .filter(([prefix]) => prefix === current || recorded.some((a) => a.startsWith(prefix)))
    .map(([value, label]) => ({ value, label: `${label}: every action` }));
  const actions = [...new Set([...recorded, ...(current && !current.endsWith('.') ? [current] : [])])].map((value) => ({ value, label: auditActionLabel(value) }));
  actions.sort((a, b) => a.label.localeCompare(b.label));
  return { families, actions };
}

/** The details object as one line: "rows: 12 · format: csv". */
export function describeDetails(details: Record<string, unknown> | null | undefined): string {
  return Object.entries(details ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

/** "340 entries" when that is all, "the latest 200 entries (more below)" when older ones can be loaded. */
export function countText(shown: number, more: boolean): string {
  const noun = shown === 1 ? 'entry' : 'entries';
  return more ? `The latest ${shown} ${noun}; older ones load on request` : `${shown} ${noun}`;
}
