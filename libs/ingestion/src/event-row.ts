import { checkHubEvent, utcClickHouseTime, type HubEvent, type ValidEvent } from '@hubpulse/contracts';

/** Columns of the `events` table that ingestion writes, in TabSeparated order. */
export const EVENT_COLUMNS = [
  'event_id',
  'type',
  'actor_id',
  'occurred_at',
  'content_id',
  'channel',
  'purpose',
  'target_actor_id',
  'properties',
  'source',
  'key_id',
] as const;

/** Default per-event limit: one TSV row of at most 32 KiB. */
export const DEFAULT_MAX_EVENT_BYTES = 32 * 1024;

const NEEDS_ESCAPE = /[\\\t\n\r\0]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

/** TabSeparated string escaping (backslash, tab, newline, CR, NUL). */
export function tsv(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(/[\\\t\n\r\0]/g, (c) => ESCAPES[c]) : s;
}

/** 'YYYY-MM-DD hh:mm:ss.sss' in UTC, the form DateTime64(3, 'UTC') reads without guessing; null if unparseable. */
export function toClickHouseTime(iso: string): string | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : utcClickHouseTime(iso, ms);
}

/**
 * One `events` row as a TabSeparated line. Ingestion hands ClickHouse pre-built TSV: its parser is
 * several times faster than JSON objects encoded by the client.
 */
export function toEventLine(e: ValidEvent, source: string, keyId: string): string {
  return (
    tsv(e.event_id) + '\t' + e.type + '\t' + tsv(e.actor_id) + '\t' + e.occurred_utc + '\t' +
    tsv(e.content_id) + '\t' + e.channel + '\t' + e.purpose + '\t' + tsv(e.target_actor_id) + '\t' +
    (e.properties ? tsv(JSON.stringify(e.properties)) : '{}') + '\t' + source + '\t' + keyId
  );
}

export interface Validated {
  /** TSV lines of the valid events, in order. */
  lines: string[];
  rejected: { index: number; errors: string[] }[];
}

/** Validates each event on its own: valid ones become rows, invalid ones are reported by index. */
export function validateEvents(events: unknown[], source: string, keyId: string, maxEventBytes = DEFAULT_MAX_EVENT_BYTES): Validated {
  const lines: string[] = [];
  const rejected: { index: number; errors: string[] }[] = [];
  const now = Date.now();
  for (let index = 0; index < events.length; index++) {
    const r = checkHubEvent(events[index], now);
    if (!r.ok) {
      rejected.push({ index, errors: r.errors });
      continue;
    }
    const line = toEventLine(r.event, source, keyId);
    // UTF-16 length ≤ UTF-8 bytes ≤ 3× it: check the exact size only near the limit.
    if (line.length * 3 > maxEventBytes && Buffer.byteLength(line) > maxEventBytes) {
      rejected.push({ index, errors: [`event: larger than the per-event limit of ${maxEventBytes} bytes`] });
      continue;
    }
    lines.push(line);
  }
  return { lines, rejected };
}

/** For callers holding a typed event (demo, tests, benchmarks). */
export function hubEventToLine(e: HubEvent, source: string, keyId: string): string {
  const r = checkHubEvent(e, Number.MAX_SAFE_INTEGER);
  if (!r.ok) throw new Error(`invalid event ${e.event_id}: ${r.errors.join('; ')}`);
  return toEventLine(r.event, source, keyId);
}
