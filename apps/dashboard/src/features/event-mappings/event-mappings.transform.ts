// Shaping for the Event mappings editor: rows with stable ids, the diff behind "unsaved
// changes", checks before saving, and the server's "mappings.N.field: why" lines placed on rows.

import type { Channel, EventMapping, EventMappingsBody, EventType, Purpose } from '@hubpulse/contracts';

export const MAPPING_SOURCES = ['segment', 'posthog'] as const;
export type MappingSource = (typeof MAPPING_SOURCES)[number];

export const SOURCE_LABELS: Record<MappingSource, string> = { segment: 'Segment', posthog: 'PostHog' };

/** A row being edited. `type` is '' until chosen; channel / purpose null = "from properties". */
export interface DraftRow {
  /** Client-side only: keeps React keys and errors attached to the row, not to its position. */
  id: string;
  source: MappingSource;
  event: string;
  type: EventType | '';
  channel: Channel | null;
  purpose: Purpose | null;
}

export type MappingField = 'source' | 'event' | 'type' | 'channel' | 'purpose';

export const FIELD_LABELS: Record<MappingField, string> = {
  source: 'Source',
  event: 'Event name',
  type: 'Hub action',
  channel: 'Channel',
  purpose: 'Purpose',
};

const FIELDS = Object.keys(FIELD_LABELS) as MappingField[];

export function toDraftRows(mappings: readonly EventMapping[], idPrefix = 'm'): DraftRow[] {
  return mappings.map((m, i) => ({
    id: `${idPrefix}${i}`,
    source: m.source,
    event: m.event,
    type: m.type,
    channel: m.channel ?? null,
    purpose: m.purpose ?? null,
  }));
}

export function emptyRow(id: string, source: MappingSource = 'segment'): DraftRow {
  return { id, source, event: '', type: '', channel: null, purpose: null };
}

/**
 * The table as the server saved it (it may sort or trim), with each row keeping the id of the
 * row it was sent as, matched by source and event name, so React keeps inputs and focus.
 */
export function adoptSavedRows(saved: readonly EventMapping[], sent: readonly DraftRow[], newId: () => string): DraftRow[] {
  const idByKey = new Map(sent.map((r) => [`${r.source}\u0000${r.event.trim()}`, r.id]));
  return toDraftRows(saved).map((row) => {
    const key = `${row.source}\u0000${row.event.trim()}`;
    const id = idByKey.get(key);
    idByKey.delete(key);
    return { ...row, id: id ?? newId() };
  });
}

/** The PUT body. Call after `validateRows` found nothing: a row without a type would be refused. */
export function toMappingsBody(rows: readonly DraftRow[]): EventMappingsBody {
  return {
    mappings: rows.map((r) => ({ source: r.source, event: r.event, type: r.type as EventType, channel: r.channel, purpose: r.purpose })),
  };
}

// ---------- Unsaved changes ----------

export interface MappingsDiff {
  added: number;
  removed: number;
  changed: number;
  dirty: boolean;
}

function sameContent(a: DraftRow, b: DraftRow): boolean {
  return FIELDS.every((f) => a[f] === b[f]);
}

/**
 * What the draft changes against the saved table, matched by row id: a row added then deleted,
 * or edited back to what it was, is no change.
 */
export function diffMappings(saved: readonly DraftRow[], draft: readonly DraftRow[]): MappingsDiff {
  const before = new Map(saved.map((r) => [r.id, r]));
  const after = new Set(draft.map((r) => r.id));
  let added = 0;
  let changed = 0;
  for (const row of draft) {
    const old = before.get(row.id);
    if (!old) added++;
    else if (!sameContent(old, row)) changed++;
  }
  const removed = saved.filter((r) => !after.has(r.id)).length;
  // Two rows may swap places without either changing; the table is saved in order.
  const reordered = !added && !removed && saved.some((r, i) => draft[i]?.id !== r.id);
  return { added, removed, changed, dirty: added + removed + changed > 0 || reordered };
}

export function describeDiff(diff: MappingsDiff): string {
  const parts = [
    diff.added && `${diff.added} added`,
    diff.changed && `${diff.changed} changed`,
    diff.removed && `${diff.removed} removed`,
  ].filter(Boolean);
  return parts.length ? `Unsaved changes: ${parts.join(', ')}` : diff.dirty ? 'Unsaved changes' : 'All changes saved';
}

// ---------- Errors placed on rows ----------

export interface FieldError {
  /** null when the message is about the row as a whole. */
  field: MappingField | null;
  message: string;
}

export interface RowErrors {
  byRow: Record<string, FieldError[]>;
  /** Messages that name no row (or a row that does not exist). */
  general: string[];
}

export const NO_ERRORS: RowErrors = { byRow: {}, general: [] };

export function hasErrors(errors: RowErrors): boolean {
  return errors.general.length > 0 || Object.keys(errors.byRow).length > 0;
}

// "mappings.3.type: must be one of …", "mappings[3].type: …", "mappings.3: duplicate …"
const ROW_MESSAGE = /^mappings(?:\.(\d+)|\[(\d+)\])(?:\.([A-Za-z_]+))?\s*:\s*([\s\S]*)$/;

/**
 * The 400 body's messages, each put on the row it names. `rowIds` are the ids of the rows in
 * the order they were sent, so N in "mappings.N" finds its row even if the user has since
 * added or deleted rows above it.
 */
export function parseServerErrors(messages: readonly string[], rowIds: readonly string[]): RowErrors {
  const byRow: Record<string, FieldError[]> = {};
  const general: string[] = [];
  for (const raw of messages) {
    const m = ROW_MESSAGE.exec(raw.trim());
    const index = m ? Number(m[1] ?? m[2]) : Number.NaN;
    const id = rowIds[index];
    if (!m || id === undefined) {
      general.push(raw);
      continue;
    }
    const field = m[3] && (FIELDS as string[]).includes(m[3]) ? (m[3] as MappingField) : null;
    // A field we do not show (a future one) keeps its name in the message.
    const message = m[3] && !field ? `${m[3]}: ${m[4]}` : m[4] || 'is not valid';
    (byRow[id] ??= []).push({ field, message });
  }
  return { byRow, general };
}

/** What the browser can tell before asking the server: blanks, stray spaces, duplicates. */
export function validateRows(rows: readonly DraftRow[]): RowErrors {
  const byRow: Record<string, FieldError[]> = {};
  const add = (id: string, error: FieldError) => (byRow[id] ??= []).push(error);
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    if (!row.event.trim()) add(row.id, { field: 'event', message: 'enter the event name' });
    else if (row.event !== row.event.trim()) add(row.id, { field: 'event', message: 'remove the spaces at the start or end (names match exactly)' });
    if (!row.type) add(row.id, { field: 'type', message: 'choose the hub action' });
    if (!row.event.trim()) return;
    const key = `${row.source}\u0000${row.event}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else add(row.id, { field: 'event', message: `row ${first + 1} already maps this ${SOURCE_LABELS[row.source]} event` });
  });
  return { byRow, general: [] };
}

/** Errors as a person reads them: "Hub action: must be one of …". */
export function errorText(error: FieldError): string {
  return error.field ? `${FIELD_LABELS[error.field]}: ${error.message}` : error.message;
}

/**
 * Once the user changes a field, its errors and the row-wide ones (a duplicate, say) are stale:
 * drop them until the next save.
 */
export function clearFieldError(errors: RowErrors, rowId: string, field: MappingField): RowErrors {
  const rowErrors = errors.byRow[rowId];
  if (!rowErrors) return errors;
  const left = rowErrors.filter((e) => e.field !== field && e.field !== null);
  const byRow = { ...errors.byRow };
  if (left.length) byRow[rowId] = left;
  else delete byRow[rowId];
  return { ...errors, byRow };
}

