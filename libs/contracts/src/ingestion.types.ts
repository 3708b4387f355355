import type { Channel, EventType, Purpose } from './enums';

/** Wire formats ingestion understands; `import` is the bulk file import. */
export const INGEST_FORMATS = ['native', 'segment', 'posthog', 'import'] as const;
export type IngestFormat = (typeof INGEST_FORMATS)[number];

/** Admin-only: `GET /api/ingestion/sources`. Per write key and wire format, over the last `window_minutes`. */
export interface IngestionSourcesResponse {
  generated_at: string;
  window_minutes: number;
  sources: IngestionSource[];
}

export interface IngestionSource {
  key_id: string;
  /** Name and first characters of the key ('' / null for internal sources such as the demo). */
  key_name: string | null;
  key_prefix: string | null;
  format: IngestFormat | string;
  /** One entry per minute that saw traffic, oldest first; minute is ISO 8601 (UTC, start of the minute). */
  per_minute: { minute: string; accepted: number; rejected: number }[];
  accepted: number;
  rejected: number;
  /** Mean accepted events per minute over the window. */
  events_per_minute: number;
  rejects_by_reason: { reason: string; count: number }[];
  /** When the newest event from this source was stored (ISO 8601), null if none in the window. */
  last_event_at: string | null;
  /** Ingestion lag = stored time − occurred_at, over the window's events, in seconds. */
  lag_seconds: { p50: number | null; p95: number | null };
}

/** How a named SDK event (Segment `track` event, PostHog `event`) becomes a hub action. */
export interface EventMapping {
  source: 'segment' | 'posthog';
  /** The SDK's event name, matched exactly (e.g. "Post Created", "$pageview"). */
  event: string;
  type: EventType;
  /** Used when the event's properties carry no channel / purpose. */
  channel: Channel | null;
  purpose: Purpose | null;
}

/** `GET /api/ingestion/mappings` and the body of `PUT` (admin): the whole table, replaced at once. */
export interface EventMappingsBody {
  mappings: EventMapping[];
}
