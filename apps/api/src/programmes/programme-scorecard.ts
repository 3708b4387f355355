import type { ProgrammeMetric } from '@hubpulse/contracts';
import { partShown } from '../segments/segment-channel-stats';
import type { FirstDayCounts } from '../segments/segment-reads.repository';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Monday of the ISO week of `day`. */
export function mondayOf(day: string): string {
  const t = Date.parse(day);
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  return isoDay(t - dow * DAY_MS);
}

/** The days a series is read on: the Sunday of each week from `from`'s week, the last one cut at `asOf`. */
export function weekEnds(from: string, asOf: string): { week: string; day: string }[] {
  const out: { week: string; day: string }[] = [];
  for (let m = Date.parse(mondayOf(from)); m <= Date.parse(asOf); m += 7 * DAY_MS) {
    const sunday = isoDay(m + 6 * DAY_MS);
    out.push({ week: isoDay(m), day: sunday < asOf ? sunday : asOf });
  }
  return out;
}

export interface MetricInput {
  metric: ProgrammeMetric;
  /** Members (exact; the caller has checked the size may be shown). */
  n: number;
  k: number;
  /** First-occurrence counts per day of the period (SegmentReadsRepository.firstDays). */
  days: readonly FirstDayCounts[];
  /** mean_score only: the members' score total on a day (see scoreDay). */
  scoreTotal?: (day: string) => number | undefined;
}

/**
 * The measure from `from` up to and including `day`, cumulative (programme-scorecard definitions in
 * PROGRAMME_METRIC_DEFINITIONS). Null when undefined (no items, nobody reached) or when it would
 * give away a count of 1..k−1 members (reached / active / interacting people, with n shown).
 */
export function metricUpTo(input: MetricInput, day: string): number | null {
  const { n, k } = input;
  if (n <= 0) return null;
  const upTo = input.days.filter((d) => d.day <= day);
  const sum = (key: keyof Omit<FirstDayCounts, 'day'>) => upTo.reduce((s, d) => s + d[key], 0);
  switch (input.metric) {
    case 'reach_rate': {
      const reached = sum('reached');
      return partShown(reached, n, k) ? reached / n : null;
    }
    case 'active_share': {
      const active = sum('active');
      return partShown(active, n, k) ? active / n : null;
    }
    case 'read_rate': {
      const items = sum('items');
      return items > 0 ? sum('reads') / (n * items) : null;
    }
    case 'interaction_rate': {
      const reached = sum('reached');
      const interacted = sum('interacted');
      return reached >= k && partShown(reached, n, k) && partShown(interacted, reached, k) ? interacted / reached : null;
    }
    case 'mean_score': {
      const total = input.scoreTotal?.(day);
      return total === undefined ? null : total / n;
    }
  }
}
