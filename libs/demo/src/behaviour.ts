import { HOUR_MS, weekday } from './calendar';
import { DEPARTMENTS } from './organisation-catalog';
import type { Rng } from './random';

/** Relative activity by day of week, Sunday first: quiet weekends, a softer Friday. */
const WEEKDAY_FACTOR = [0.05, 1, 1.05, 1.05, 1, 0.85, 0.07];

export function weekdayFactor(dayMs: number): number {
  return WEEKDAY_FACTOR[weekday(dayMs)];
}

/** A department's engagement multiplier on day `day` of a `days`-long window: its trend spread evenly (in ratio) over the window. */
export function departmentTrend(department: number, day: number, days: number): number {
  const spec = DEPARTMENTS[department] as (typeof DEPARTMENTS)[number] | undefined;
  const end = spec?.trend ?? 1;
  const t = days > 1 ? day / (days - 1) : 1;
  // Geometric and centred on the window's middle: end / start = trend, the mean stays near 1.
  return Math.pow(end, t - 0.5);
}

/**
 * An instant during the working day of someone at `utcOffset` hours: a morning peak around 10:00, an
 * afternoon one around 14:30, a thin evening tail.
 */
export function workingTime(rng: Rng, dayMs: number, utcOffset: number): number {
  const r = rng.next();
  const localHour =
    r < 0.55 ? rng.normal(10, 1.3) : r < 0.93 ? rng.normal(14.5, 1.6) : rng.range(18, 22.5);
  const hour = Math.min(23.9, Math.max(6.5, localHour));
  return dayMs + (hour - utcOffset) * HOUR_MS;
}

