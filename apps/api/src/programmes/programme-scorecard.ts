import type { ProgrammeMetric } from '@hubpulse/contracts';
import { DAY_MS, formatDayKey, mondayOf } from '@hubpulse/contracts';
import { meanRule, planCumulative, type HiddenReason } from '@hubpulse/disclosure';
import type { FirstDayCounts } from '../segments/segment-reads.repository';


/** The days a series is read on: the Sunday of each week from `from`'s week, the last one cut at `asOf`. */
export function weekEnds(from: string, asOf: string): { week: string; day: string }[] {
  const out: { week: string; day: string }[] = [];
  for (let m = Date.parse(mondayOf(from)); m <= Date.parse(asOf); m += 7 * DAY_MS) {
    const sunday = formatDayKey(m + 6 * DAY_MS);
    out.push({ week: formatDayKey(m), day: sunday < asOf ? sunday : asOf });
  }
  return out;
}

interface MetricInput {
  metric: ProgrammeMetric;
  /** Members (exact; the caller has checked the group plan shows the size). */
  n: number;
  k: number;
  /** First-occurrence counts per day of the period (SegmentReadsRepository.firstDays). */
  days: readonly FirstDayCounts[];
  /**
   * mean_score only: the members' score total on a day, how many of them scored above 0, and
   * `planHidden` when the group plan hides this group's mean that day (as every other view of it does).
   */
  scoreTotal?: (day: string) => { total: number; contributors: number; planHidden?: HiddenReason | null } | undefined;
}

/** The measure's counts from `from` up to and including `day`. */
function countsUpTo(input: MetricInput, day: string) {
  const upTo = input.days.filter((d) => d.day <= day);
  const sum = (key: keyof Omit<FirstDayCounts, 'day'>) => upTo.reduce((s, d) => s + d[key], 0);
  return { reached: sum('reached'), active: sum('active'), interacted: sum('interacted'), reads: sum('reads'), readers: sum('readers'), items: sum('items') };
}

/**
 * The measure week by week (each value cumulative from `from` up to the week's last day,
 * PROGRAMME_METRIC_DEFINITIONS), each hidden (null, with the reason) when it would describe 1..k−1
 * members — by itself or against the week before. The people behind a cumulative measure only grow
 * (reached so far, active so far, readers so far), so consecutive weeks are nested sets: planCumulative
 * shows a week only when its people pass the rule of the measure AND differ from the previous shown
 * week by 0 or at least k; a hidden week merges into the next.
 * - reach_rate, active_share: a share of the n members (people and the rest ≥ k);
 * - read_rate: reads / (n × items); its readers are a share of the members (readers and non-readers
 *   ≥ k), each week;
 * - interaction_rate: interacted / reached; reached as a share of n, interacted as a share of reached,
 *   and the reached who did not interact (a count that may also shrink) ≥ k and moving by 0 or ≥ k;
 * - mean_score: not cumulative (the members' score on the week's last scored day): a mean, n ≥ k and
 *   at least k members scored above 0.
 */
export function metricSeries(input: MetricInput, ends: readonly { week: string; day: string }[]): { week: string; value: number | null; hidden: HiddenReason | null }[] {
  const { n, k } = input;
  const counts = ends.map((e) => countsUpTo(input, e.day));
  const all = (...series: (HiddenReason | null)[][]) => counts.map((_, i) => series.map((s) => s[i]).find((r) => r !== null) ?? null);
  let hidden: (HiddenReason | null)[];
  let value: (c: ReturnType<typeof countsUpTo>, i: number) => number | null;
  switch (input.metric) {
    case 'reach_rate':
    case 'active_share': {
      const key = input.metric === 'reach_rate' ? 'reached' : 'active';
      hidden = planCumulative(counts.map((c) => ({ x: c[key], n })), 'share', k);
      value = (c) => c[key] / n;
      break;
    }
    case 'read_rate':
      hidden = planCumulative(counts.map((c) => ({ x: c.readers, n })), 'share', k);
      value = (c) => (c.items > 0 ? c.reads / (n * c.items) : null);
      break;
    case 'interaction_rate':
      hidden = all(
        planCumulative(counts.map((c) => ({ x: c.reached, n })), 'share', k),
        planCumulative(counts.map((c) => ({ x: c.interacted, n: c.reached })), 'share', k),
        planCumulative(counts.map((c) => ({ x: c.reached - c.interacted, n })), 'mean', k).map((r) => (r === 'numerator' ? 'complement' : r)),
      );
      value = (c) => (c.reached > 0 ? c.interacted / c.reached : null);
      break;
    case 'mean_score': {
      const totals = ends.map((e) => input.scoreTotal?.(e.day));
      hidden = totals.map((t) => (t === undefined ? null : (t.planHidden ?? meanRule(n, t.contributors, k))));
      value = (_, i) => (totals[i] === undefined ? null : totals[i]!.total / n);
      break;
    }
  }
  return ends.map((e, i) => {
    const v = n > 0 ? value(counts[i], i) : null;
    return { week: e.week, value: v === null || hidden[i] ? null : v, hidden: v === null ? null : hidden[i] };
  });
}
