import { type IngestionSource, type WriteKeyCreate, type WriteKeyDto, type WriteKeyScope, webOrigin } from '@hubpulse/contracts';
import { formatDateTime } from '../../lib/format';
import { formatLastSeen } from '../data-sources/data-sources.transform';

/** The window "events per key" counts over: the longest Data sources offers. */
export const KEY_EVENTS_WINDOW_MINUTES = 1440;

export const SCOPE_LABELS: Record<WriteKeyScope, string> = {
  events: 'Events',
  directory: 'Directory (people and content)',
};

export interface WriteKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string;
  browser: boolean;
  createdAt: string;
  revokedAt: string | null;
  /** When the key last authenticated an ingestion request (recorded to the minute); null: never. */
  lastUsedAt: string | null;
  /** Web origins a browser key may send from (empty: none yet, so browsers are refused). */
  allowedOrigins: string[];
  /** Accepted and rejected events over the window; null while the sources are unknown. */
  accepted: number | null;
  rejected: number | null;
}

/** Active keys first, then revoked ones; newest first within each. Events are summed over the key's formats. */
export function buildKeyRows(keys: readonly WriteKeyDto[], sources: readonly IngestionSource[] | undefined): WriteKeyRow[] {
  const totals = new Map<string, { accepted: number; rejected: number }>();
  for (const s of sources ?? []) {
    const t = totals.get(s.key_id) ?? { accepted: 0, rejected: 0 };
    t.accepted += s.accepted;
    t.rejected += s.rejected;
    totals.set(s.key_id, t);
  }
  return [...keys]
    .sort((a, b) => Number(a.revoked_at !== null) - Number(b.revoked_at !== null) || b.created_at.localeCompare(a.created_at))
    .map((k) => {
      const t = sources ? (totals.get(k.id) ?? { accepted: 0, rejected: 0 }) : null;
      return {
        id: k.id,
        name: k.name,
        prefix: k.prefix,
        scopes: k.scopes.map((s) => SCOPE_LABELS[s] ?? s).join(', '),
        browser: k.browser,
        createdAt: k.created_at,
        revokedAt: k.revoked_at,
        lastUsedAt: k.last_used_at,
        allowedOrigins: k.allowed_origins ?? [],
        accepted: t?.accepted ?? null,
        rejected: t?.rejected ?? null,
      };
    });
}

/** "Last used" cell: relative ("3 min ago", "never") with the exact time for the hover title (null when never). */
export function lastUsedCell(iso: string | null, now: number): { text: string; title: string | null } {
  return { text: formatLastSeen(iso, now), title: iso ? formatDateTime(iso) : null };
}

export interface KeyDraft {
  name: string;
  directory: boolean;
  browser: boolean;
}

export const EMPTY_KEY_DRAFT: KeyDraft = { name: '', directory: false, browser: false };

/** The form as the API's body; a browser key never gets the directory scope (the API refuses it). */
export function keyDraftToBody(draft: KeyDraft): WriteKeyCreate {
  return {
    name: draft.name.trim(),
    scopes: draft.directory && !draft.browser ? ['events', 'directory'] : ['events'],
    browser: draft.browser,
  };
}

/** What is wrong with the form before it is sent, by field. */
export function keyDraftErrors(draft: KeyDraft): Partial<Record<keyof KeyDraft, string>> {
  const name = draft.name.trim();
  if (!name) return { name: 'Give the key a name, such as the system that will send with it.' };
  if (name.length > 200) return { name: 'At most 200 characters.' };
  return {};
}

/**
 * The origins field (one per line, or separated by commas or spaces) as the list the API takes,
 * with the lines that are not a web origin (scheme, host and port only); the API checks again.
 */
export function parseOrigins(text: string): { origins: string[]; invalid: string[] } {
  const origins: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,]+/).filter(Boolean)) {
    const origin = webOrigin(raw);
    if (origin === null) invalid.push(raw);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins, invalid };
}
