import { CHANNELS, EVENT_TYPES, PURPOSES, type Channel, type EventType, type Purpose } from './enums';

/**
 * The hot-path validator of one hub event: the same rules as `hubEventSchema` (which documents them
 * and serves the dashboard), about 20× faster, with the same "field: why" messages. Ingestion runs
 * it on every event, so it allocates little and never throws.
 */
export interface ValidEvent {
  event_id: string;
  type: EventType;
  actor_id: string;
  /** Milliseconds since the epoch, UTC. */
  occurred_ms: number;
  /** 'YYYY-MM-DD hh:mm:ss.sss' UTC, the form ClickHouse's DateTime64(3, 'UTC') reads directly. */
  occurred_utc: string;
  content_id: string;
  channel: Channel | '';
  purpose: Purpose | '';
  target_actor_id: string;
  properties: Record<string, string | number | boolean | null> | null;
}

export type EventCheck = { ok: true; event: ValidEvent } | { ok: false; errors: string[] };

const KNOWN = new Set(['event_id', 'type', 'actor_id', 'occurred_at', 'content_id', 'channel', 'purpose', 'target_actor_id', 'properties']);
const TYPE_SET = new Set<string>(EVENT_TYPES);
const CHANNEL_SET = new Set<string>(CHANNELS);
const PURPOSE_SET = new Set<string>(PURPOSES);
const TYPE_MSG = `must be one of ${EVENT_TYPES.join(', ')}`;
const CHANNEL_MSG = `must be one of ${CHANNELS.join(', ')}`;
const PURPOSE_MSG = `must be one of ${PURPOSES.join(', ')}`;
const TIME_MSG = 'must be an ISO 8601 date-time, e.g. 2026-03-01T09:30:00Z';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Events may be stamped up to a day ahead (clock skew), never further. */
const MAX_FUTURE_MS = 86_400_000;
const MIN_MS = Date.UTC(1970, 0, 1);

/** Date.parse rolls 2026-02-31 over to March; a real calendar day is required. */
function realDate(iso: string): boolean {
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  if (d >= 1 && d <= 28) return true; // every month has these: skip the calendar
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** UTC 'YYYY-MM-DD hh:mm:ss.sss'; the common 'YYYY-MM-DDThh:mm:ss.sssZ' is sliced, not re-formatted. */
export function utcClickHouseTime(iso: string, ms: number): string {
  if (iso.length === 24 && iso.charCodeAt(23) === 90 /* Z */ && iso.charCodeAt(19) === 46 /* . */) {
    return iso.slice(0, 10) + ' ' + iso.slice(11, 23);
  }
  const s = new Date(ms).toISOString();
  return s.slice(0, 10) + ' ' + s.slice(11, 23);
}

function id(raw: unknown, field: string, errors: string[], required: boolean): string {
  if (raw === undefined || raw === null) {
    if (required) errors.push(`${field}: is required`);
    return '';
  }
  if (typeof raw !== 'string') {
    errors.push(`${field}: must be a string`);
    return '';
  }
  // Trim only when an end is whitespace (rare), sparing an allocation per id.
  const n = raw.length;
  const v = n > 0 && raw.charCodeAt(0) > 32 && raw.charCodeAt(n - 1) > 32 ? raw : raw.trim();
  if (v.length === 0) errors.push(`${field}: must not be empty`);
  else if (v.length > 200) errors.push(`${field}: must be at most 200 characters`);
  return v;
}

export function checkHubEvent(raw: unknown, now = Date.now()): EventCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, errors: ['must be an object'] };
  const e = raw as Record<string, unknown>;
  const errors: string[] = [];
  let unknown: string[] | null = null;
  for (const k in e) if (!KNOWN.has(k)) (unknown ??= []).push(k);

  const event_id = id(e.event_id, 'event_id', errors, true);
  const type = e.type;
  if (typeof type !== 'string' || !TYPE_SET.has(type)) errors.push(`type: ${TYPE_MSG}`);
  const actor_id = id(e.actor_id, 'actor_id', errors, true);

  let occurred_ms = NaN;
  const at = e.occurred_at;
  if (typeof at !== 'string' || !ISO.test(at) || !realDate(at) || Number.isNaN((occurred_ms = Date.parse(at)))) {
    errors.push(`occurred_at: ${TIME_MSG}`);
  } else if (occurred_ms > now + MAX_FUTURE_MS) {
    errors.push('occurred_at: is more than a day in the future');
  } else if (occurred_ms < MIN_MS) {
    errors.push('occurred_at: is before 1970');
  }

  const content_id = id(e.content_id, 'content_id', errors, false);
  const target_actor_id = id(e.target_actor_id, 'target_actor_id', errors, false);
  const channel = e.channel ?? '';
  if (channel !== '' && (typeof channel !== 'string' || !CHANNEL_SET.has(channel))) errors.push(`channel: ${CHANNEL_MSG}`);
  const purpose = e.purpose ?? '';
  if (purpose !== '' && (typeof purpose !== 'string' || !PURPOSE_SET.has(purpose))) errors.push(`purpose: ${PURPOSE_MSG}`);

  let properties: ValidEvent['properties'] = null;
  const p = e.properties;
  if (p !== undefined && p !== null) {
    if (typeof p !== 'object' || Array.isArray(p)) errors.push('properties: must be a flat object');
    else {
      for (const k in p as Record<string, unknown>) {
        const v = (p as Record<string, unknown>)[k];
        if (k.length > 100) errors.push(`properties.${k.slice(0, 40)}…: name must be at most 100 characters`);
        else if (v === null || typeof v === 'number' || typeof v === 'boolean') continue;
        else if (typeof v === 'string') {
          if (v.length > 2000) errors.push(`properties.${k}: must be at most 2000 characters`);
        } else errors.push(`properties.${k}: must be a string, number, boolean or null (properties are flat)`);
      }
      properties = p as ValidEvent['properties'];
    }
  }
  if (unknown) errors.push(`unknown field(s) ${unknown.join(', ')}`);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    event: { event_id, type: type as EventType, actor_id, occurred_ms, occurred_utc: utcClickHouseTime(at as string, occurred_ms), content_id, channel: channel as Channel | '', purpose: purpose as Purpose | '', target_actor_id, properties },
  };
}
