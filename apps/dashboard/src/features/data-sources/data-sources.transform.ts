// Shaping for the Data sources page: the window in the URL, human units for lag and "… ago",
// table rows (with their per-minute series, see charts/ingestion).

import { round, type IngestionSource, type IngestionSourcesResponse } from '@hubpulse/contracts';
import { type MinuteSeries, buildMinuteSeries } from '../../charts/ingestion/source-activity.transform';
import { LOCALE } from '../../lib/format';

// ---------- Window (?window=15|60|1440) ----------

export const WINDOW_OPTIONS = [
  { minutes: 15, label: '15 min' },
  { minutes: 60, label: '60 min' },
  { minutes: 1440, label: '24 h' },
] as const;
export type WindowMinutes = (typeof WINDOW_OPTIONS)[number]['minutes'];
export const DEFAULT_WINDOW: WindowMinutes = 60;

export function parseWindowSearch(search: URLSearchParams): WindowMinutes {
  const value = Number(search.get('window'));
  return WINDOW_OPTIONS.find((o) => o.minutes === value)?.minutes ?? DEFAULT_WINDOW;
}

/** Writes the window into a copy of the query, keeping other parameters. */
export function applyWindowSearch(current: URLSearchParams, minutes: WindowMinutes): URLSearchParams {
  const next = new URLSearchParams(current);
  next.set('window', String(minutes));
  return next;
}

export function windowLabel(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? '24 hours' : `${minutes / 1440} days`;
  if (minutes % 60 === 0 && minutes > 60) return `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

// ---------- Human units ----------

const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });

/** Each unit and the count of it where the next one takes over. */
const LAG_UNITS = [
  { unit: 'ms', seconds: 0.001, upTo: 1000 },
  { unit: 's', seconds: 1, upTo: 60 },
  { unit: 'min', seconds: 60, upTo: 60 },
  { unit: 'h', seconds: 3600, upTo: 24 },
  { unit: 'd', seconds: 86_400, upTo: Number.POSITIVE_INFINITY },
] as const;

/**
 * Ingestion lag in the unit that reads best: "850 ms", "4.2 s", "12 s", "3.5 min", "2 h", "40 d"
 * (bulk imports of old events lag by days). One decimal below 10, whole numbers above; a value
 * that rounds up to the next unit moves to it ("60 s" reads "1 min"). Unknown → "—".
 */
export function formatLag(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const abs = Math.abs(seconds);
  for (const { unit, seconds: size, upTo } of LAG_UNITS) {
    const value = abs / size;
    const shown = unit === 'ms' || value >= 10 ? Math.round(value) : round(value, 1);
    if (shown < upTo) {
      // Negative lag means the sender's clock runs ahead of ours.
      const sign = seconds < 0 && shown > 0 ? '−' : '';
      return `${sign}${(unit === 'ms' ? whole : oneDecimal).format(shown)} ${unit}`;
    }
  }
  return '—';
}

/** Time since something, coarsely: "just now", "12 s ago", "3 min ago", "5 h ago", "2 d ago". */
export function formatElapsed(ms: number): string {
  if (!Number.isFinite(ms) || ms < 5_000) return 'just now'; // includes small clock skew into the future
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** "Last event seen": "never" when there is none. */
export function formatLastSeen(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 'unknown' : formatElapsed(now - t);
}

/** Mean events per minute: "0", "< 0.1", "0.4", "12", "1,250". */
export function formatRate(perMinute: number): string {
  if (!Number.isFinite(perMinute) || perMinute <= 0) return '0';
  if (perMinute < 0.05) return '< 0.1';
  return perMinute < 10 ? oneDecimal.format(perMinute) : whole.format(perMinute);
}

/** The server rounds the rate to one decimal; a trickle it rounded to 0 still is not nothing. */
export function sourceRate(source: Pick<IngestionSource, 'events_per_minute' | 'accepted'>, windowMinutes: number): number {
  if (source.events_per_minute > 0 || source.accepted <= 0 || windowMinutes <= 0) return source.events_per_minute;
  return source.accepted / windowMinutes;
}

// ---------- Table rows ----------

const FORMAT_LABELS: Record<string, string> = { native: 'native', segment: 'Segment', posthog: 'PostHog', import: 'import' };
const FORMAT_ORDER = ['native', 'segment', 'posthog', 'import'];

export function formatLabel(format: string): string {
  return FORMAT_LABELS[format] ?? format;
}

export interface SourceRow {
  /** Unique per row: a key can send in several formats, each its own row. */
  id: string;
  keyName: string;
  keyPrefix: string | null;
  /** No write key behind it (the demo seeder, for instance). */
  internal: boolean;
  format: string;
  formatLabel: string;
  knownFormat: boolean;
  eventsPerMinute: string;
  accepted: number;
  rejected: number;
  lastEventAt: string | null;
  lastSeen: string;
  lagP50: string;
  lagP95: string;
  series: MinuteSeries;
  /** Most frequent first. */
  rejects: { reason: string; count: number }[];
}

export function sourceRowId(source: Pick<IngestionSource, 'key_id' | 'format'>): string {
  return `${source.key_id}:${source.format}`;
}

/**
 * One row per key and format, in a stable order (by key name, internal sources last, then
 * format) so rows do not jump around as the page refreshes.
 */
export function buildSourceRows(response: IngestionSourcesResponse, now: number): SourceRow[] {
  return response.sources
    .map((s): SourceRow => {
      const internal = !s.key_name;
      return {
        id: sourceRowId(s),
        keyName: s.key_name || 'Internal',
        keyPrefix: s.key_prefix || null,
        internal,
        format: s.format,
        formatLabel: formatLabel(s.format),
        knownFormat: s.format in FORMAT_LABELS,
        eventsPerMinute: formatRate(sourceRate(s, response.window_minutes)),
        accepted: s.accepted,
        rejected: s.rejected,
        lastEventAt: s.last_event_at,
        lastSeen: formatLastSeen(s.last_event_at, now),
        lagP50: formatLag(s.lag_seconds?.p50),
        lagP95: formatLag(s.lag_seconds?.p95),
        series: buildMinuteSeries(s.per_minute ?? [], response.window_minutes, response.generated_at),
        rejects: [...(s.rejects_by_reason ?? [])].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
      };
    })
    .sort(
      (a, b) =>
        Number(a.internal) - Number(b.internal) ||
        a.keyName.localeCompare(b.keyName, LOCALE) ||
        (a.keyPrefix ?? '').localeCompare(b.keyPrefix ?? '') ||
        formatRank(a.format) - formatRank(b.format),
    );
}

function formatRank(format: string): number {
  const i = FORMAT_ORDER.indexOf(format);
  return i === -1 ? FORMAT_ORDER.length : i;
}

export interface SourcesSummary {
  accepted: number;
  rejected: number;
  /** Rejected share of everything received, 0–1; null when nothing came in. */
  rejectedShare: number | null;
}

/** "12%"; a share too small to round to 1% still reads as more than nothing. */
export function formatRejectedShare(share: number | null): string | null {
  if (share === null || share <= 0) return null;
  return share < 0.01 ? '< 1%' : `${Math.round(share * 100)}%`;
}

export function summarizeSources(rows: readonly Pick<SourceRow, 'accepted' | 'rejected'>[]): SourcesSummary {
  const accepted = rows.reduce((n, r) => n + r.accepted, 0);
  const rejected = rows.reduce((n, r) => n + r.rejected, 0);
  const total = accepted + rejected;
  return { accepted, rejected, rejectedShare: total > 0 ? rejected / total : null };
}

// ---------- CSV ----------
