import { hubEventSchema, formatIssues, type HubEvent } from '@hubpulse/contracts';

/** A row of the ClickHouse `events` table. */
export interface EventRow {
  event_id: string;
  type: string;
  actor_id: string;
  occurred_at: string;
  content_id: string;
  channel: string;
  purpose: string;
  target_actor_id: string;
  properties: string;
  source: string;
  key_id: string;
}

/** 'YYYY-MM-DD hh:mm:ss.sss' in UTC, the form DateTime64(3, 'UTC') reads without guessing. */
export function toClickHouseTime(iso: string): string | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 23);
}

export function toEventRow(e: HubEvent, source: string, keyId: string): EventRow | null {
  const occurred = toClickHouseTime(e.occurred_at);
  if (!occurred) return null;
  return {
    event_id: e.event_id,
    type: e.type,
    actor_id: e.actor_id,
    occurred_at: occurred,
    content_id: e.content_id ?? '',
    channel: e.channel ?? '',
    purpose: e.purpose ?? '',
    target_actor_id: e.target_actor_id ?? '',
    properties: e.properties ? JSON.stringify(e.properties) : '{}',
    source,
    key_id: keyId,
  };
}

/** Validates each event on its own: valid ones become rows, invalid ones are reported by index. */
export function validateEvents(
  events: unknown[],
  source: string,
  keyId: string,
): { rows: EventRow[]; rejected: { index: number; errors: string[] }[] } {
  const rows: EventRow[] = [];
  const rejected: { index: number; errors: string[] }[] = [];
  events.forEach((raw, index) => {
    const r = hubEventSchema.safeParse(raw);
    if (!r.success) {
      rejected.push({ index, errors: formatIssues(r.error.issues) });
      return;
    }
    const row = toEventRow(r.data, source, keyId);
    if (!row) rejected.push({ index, errors: ['occurred_at: is not a real date-time'] });
    else rows.push(row);
  });
  return { rows, rejected };
}
