// The one dates module (API, worker, dashboard): calendar days as 'YYYY-MM-DD' strings, computed in
// UTC so neither the server's nor the viewer's time zone ever shifts a day.

export const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD' (or a longer ISO string starting with it) to a UTC timestamp; null if invalid. */
export function parseDay(value: string): number | null {
  const m = ISO_DAY.exec(value.slice(0, 10));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Rejects 2026-02-31 and friends, which Date.UTC would silently roll over.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t;
}

export function isValidDay(value: string): boolean {
  return value.length === 10 && parseDay(value) !== null;
}

/** The UTC calendar day of a timestamp, as 'YYYY-MM-DD'. */
export function formatDayKey(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Timestamp of a day's UTC midnight; NaN when `day` is not a day (callers validate input first). */
export function dayStart(day: string): number {
  return Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
}

/** Adds (or with a negative n, subtracts) whole days. */
export function addDays(day: string, n: number): string {
  const t = parseDay(day);
  if (t === null) throw new Error(`not a day: ${day}`);
  return formatDayKey(t + n * DAY_MS);
}

/** Every day from `from` to `to`, both included; empty when from > to. */
export function eachDay(from: string, to: string): string[] {
  const start = parseDay(from);
  const end = parseDay(to);
  if (start === null || end === null) return [];
  const days: string[] = [];
  for (let t = start; t <= end; t += DAY_MS) days.push(formatDayKey(t));
  return days;
}

/** Days from `from` to `to`, both included (0 when reversed). */
export function daysBetweenInclusive(from: string, to: string): number {
  const a = parseDay(from);
  const b = parseDay(to);
  if (a === null || b === null || b < a) return 0;
  return Math.round((b - a) / DAY_MS) + 1;
}

/** Whole days from `from` to `to` (negative when reversed). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayStart(to) - dayStart(from)) / DAY_MS);
}

/** Monday (UTC) of the ISO week holding `day`. */
export function mondayOf(day: string): string {
  return addDays(day, -((new Date(dayStart(day)).getUTCDay() + 6) % 7));
}
