// Per-minute traffic of one ingestion source, shaped for its sparkline.

import type { IngestionSource } from '@hubpulse/contracts';
import { LOCALE } from '../../lib/format';

const MINUTE_MS = 60_000;
/** Enough bars for a sparkline ~160 px wide. */
export const MAX_SPARK_POINTS = 120;
const BUCKET_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 240, 360, 720, 1440] as const;

export interface MinutePoint {
  /** Start of the bucket, ms since the epoch. */
  start: number;
  accepted: number;
  rejected: number;
}

export interface MinuteSeries {
  /** Minutes per point: 1 for short windows, more when the window would give too many bars. */
  bucketMinutes: number;
  points: MinutePoint[];
}

/** The smallest bucket that keeps a span of minutes within `MAX_SPARK_POINTS` points. */
export function pickBucketMinutes(spanMinutes: number): number {
  return BUCKET_MINUTES.find((b) => Math.ceil(spanMinutes / b) <= MAX_SPARK_POINTS) ?? 1440;
}

/**
 * One point per minute (or per bucket of minutes) across the whole window ending at
 * `generatedAt`, zero where the server sent nothing — it lists only minutes with traffic, and a
 * sparkline that joined them would hide the quiet ones. Entries outside the window still count:
 * the range grows to hold them, so no traffic the server reported is ever dropped.
 */
export function buildMinuteSeries(
  perMinute: readonly IngestionSource['per_minute'][number][],
  windowMinutes: number,
  generatedAt: string,
): MinuteSeries {
  const entries = perMinute
    .map((p) => ({ t: floorTo(Date.parse(p.minute), MINUTE_MS), accepted: p.accepted || 0, rejected: p.rejected || 0 }))
    .filter((p) => Number.isFinite(p.t));
  const generated = Date.parse(generatedAt);
  const latest = entries.reduce((max, p) => Math.max(max, p.t), Number.NEGATIVE_INFINITY);
  let end = Number.isFinite(generated) ? floorTo(generated, MINUTE_MS) : latest;
  if (!Number.isFinite(end)) return { bucketMinutes: 1, points: [] };
  end = Math.max(end, latest);
  const windowStart = end - (Math.max(1, Math.round(windowMinutes)) - 1) * MINUTE_MS;
  const start = entries.reduce((min, p) => Math.min(min, p.t), windowStart);

  const bucketMinutes = pickBucketMinutes((end - start) / MINUTE_MS + 1);
  const size = bucketMinutes * MINUTE_MS;
  const first = floorTo(start, size);
  const points: MinutePoint[] = [];
  for (let t = first; t <= end; t += size) points.push({ start: t, accepted: 0, rejected: 0 });
  for (const e of entries) {
    const point = points[Math.floor((e.t - first) / size)];
    point.accepted += e.accepted;
    point.rejected += e.rejected;
  }
  return { bucketMinutes, points };
}

function floorTo(t: number, size: number): number {
  return Math.floor(t / size) * size;
}

/** A bucket as the tooltip names it: "09:31" or "09:30–09:45", in the viewer's time zone. */
export function formatBucket(start: number, bucketMinutes: number, timeZone?: string): string {
  const fmt = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  return bucketMinutes <= 1 ? fmt.format(start) : `${fmt.format(start)}–${fmt.format(start + bucketMinutes * MINUTE_MS)}`;
}
