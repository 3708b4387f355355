/** UTC calendar arithmetic for the generators: whole days as epoch milliseconds at 00:00 UTC. */
import { DAY_MS, formatDayKey } from '@hubpulse/contracts';

export const HOUR_MS = 3_600_000;

/** ISO 8601 date-time in UTC, whole seconds: what every generated timestamp looks like. */
export function isoInstant(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

/** 00:00 UTC of the day holding `ms`. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(dayMs: number): number {
  return new Date(dayMs).getUTCDay();
}

export function isWeekend(dayMs: number): boolean {
  const d = weekday(dayMs);
  return d === 0 || d === 6;
}

/** First day of the month `monthsFromNow` months away from the month holding `ms`, as YYYY-MM-01. */
export function monthStart(ms: number, monthsFromNow = 0): string {
  const d = new Date(ms);
  return formatDayKey(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + monthsFromNow, 1));
}

/** `D Mon YYYY`, for titles. */
export function shortDate(ms: number): string {
  const d = new Date(ms);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export interface DemoWindow {
  /** 00:00 UTC of the first day. */
  startMs: number;
  /** Number of days, the last one being the day of `endDate`. */
  days: number;
  /** Nothing is generated after this instant. */
  cutoffMs: number;
  startDate: string;
  endDate: string;
}

/**
 * The `days` UTC days ending at `endDate`. A bare date (`2026-03-31`) is the last day and is included
 * whole. A date-time or a Date is an instant that ends the window: nothing happens at or after it, so
 * seeding with "now" never writes the future, and today's midnight gives the 90 full days before today.
 */
export function resolveWindow(endDate: Date | string, days: number): DemoWindow {
  if (!Number.isInteger(days) || days < 1) throw new Error(`days must be a positive integer, got ${days}`);
  const bareDate = typeof endDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(endDate);
  const endMs = typeof endDate === 'string' ? Date.parse(bareDate ? `${endDate}T00:00:00Z` : endDate) : endDate.getTime();
  if (!Number.isFinite(endMs)) throw new Error(`endDate is not a date: ${String(endDate)}`);
  const lastDay = bareDate ? endMs : startOfUtcDay(endMs - 1);
  // Timestamps are whole seconds: the last one allowed is one second before the end.
  const cutoffMs = bareDate ? lastDay + DAY_MS - 1000 : Math.ceil(endMs / 1000) * 1000 - 1000;
  const startMs = lastDay - (days - 1) * DAY_MS;
  return { startMs, days, cutoffMs, startDate: formatDayKey(startMs), endDate: formatDayKey(lastDay) };
}
