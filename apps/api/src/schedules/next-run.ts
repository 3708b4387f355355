import type { ScheduleFrequency } from '@hubpulse/contracts';

/** When a schedule runs: a local wall-clock time in an IANA zone, daily, on a weekday, or on a day of the month. */
export interface RunSpec {
  frequency: ScheduleFrequency;
  /** ISO weekday 1 (Monday) … 7 (Sunday), for weekly. */
  weekday: number | null;
  /** 1–31 for monthly; a shorter month runs on its last day. */
  dayOfMonth: number | null;
  /** HH:MM local. */
  time: string;
  timeZone: string;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall clock in `tz` at `instant`, as if it were UTC (so date arithmetic on it is plain). */
function wallClock(instant: number, tz: string): number {
  const p = Object.fromEntries(formatter(tz).formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/**
 * The instant when the wall clock in `tz` shows `local` (a UTC-encoded wall time), from the zone's
 * own offsets via Intl. A time skipped by a spring-forward change maps to the same clock reading
 * after it (02:30 → 03:30); a time that occurs twice in autumn maps to the first occurrence.
 */
export function zonedInstant(local: number, tz: string): number {
  // the zone's offsets half a day either side cover any change on that date
  const before = wallClock(local - DAY_MS / 2, tz) - (local - DAY_MS / 2);
  const after = wallClock(local + DAY_MS / 2, tz) - (local + DAY_MS / 2);
  const fits = [local - before, local - after].filter((t) => wallClock(t, tz) === local);
  return fits.length ? Math.min(...fits) : local - before;
}

function runsOn(spec: RunSpec, day: number): boolean {
  const d = new Date(day);
  if (spec.frequency === 'daily') return true;
  if (spec.frequency === 'weekly') return ((d.getUTCDay() + 6) % 7) + 1 === spec.weekday;
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  return d.getUTCDate() === Math.min(spec.dayOfMonth ?? 1, last);
}

/** The first run strictly after `after`: the local date's run time in the zone, day by day from the local date of `after`. */
export function nextRun(spec: RunSpec, after: Date): Date {
  const [hh, mm] = spec.time.split(':').map(Number);
  const local = wallClock(after.getTime(), spec.timeZone);
  const startDay = Math.floor(local / DAY_MS) * DAY_MS;
  for (let i = 0; i <= 366; i++) {
    const day = startDay + i * DAY_MS;
    if (!runsOn(spec, day)) continue;
    const at = zonedInstant(day + (hh * 60 + mm) * 60_000, spec.timeZone);
    if (at > after.getTime()) return new Date(at);
  }
  throw new Error(`no run within a year for ${JSON.stringify(spec)}`);
}
