import { CHANNEL_PRIOR_STRENGTH, type ShrunkRateDto } from '@hubpulse/contracts';
import { betaQuantile } from './beta-distribution';

/**
 * Rates of a segment on a channel (or over content of a purpose), pulled towards the organisation's
 * rate when the segment is small, with 95% intervals — and channels ranked by that lift.
 *
 * Definitions (a period [from, to], default the 90 days up to the newest event; n = the segment's
 * current members; "on c" = events whose channel is c):
 * - reach rate   = members with at least one event on c in the period / n. Any action counts: a
 *                  reaction or a comment implies having seen the item.
 * - read rate    = distinct (member, item) pairs where the member viewed the item, over items
 *                  published on c in the period (views up to `to`) / (n × items published on c in the
 *                  period). Repeat views count once, so it is the average member's share of the
 *                  channel's new items read, in [0, 1].
 * - interaction rate = members who reacted, commented, shared or answered on c in the period /
 *                  members reached on c.
 *
 * Shrinkage (empirical Bayes, beta-binomial): the organisation's rate p0 on the same channel and
 * period (the whole directory as the group) is the prior mean; the prior strength is m = 20 people
 * (CHANNEL_PRIOR_STRENGTH): the prior counts as much as 20 members' worth of observations. With x
 * successes in n trials the posterior is Beta(x + m·p0, n − x + m·(1 − p0)); the estimate is its mean
 * (x + m·p0) / (n + m), a weighted average of the observed rate (weight n / (n + m)) and p0. A segment
 * of 20 people lands half-way; of 380, within 5% of its own rate.
 * Trials are people for every rate. For the read rate, x = reads / items (a fractional count of
 * "members' worth" of reading), so a member reading many items does not count as many independent
 * people: the interval is wider, and honest about readers being alike within a person.
 * Interval: the 2.5% and 97.5% quantiles of the posterior (equal-tailed 95% credible interval).
 * Lift = estimate / p0 (p0 taken as known: the organisation is large compared with a segment).
 */
// Defined beside the sentence that names it (contracts metric-definitions), re-exported here.
export { CHANNEL_PRIOR_STRENGTH };
export const INTERVAL_LEVEL = 0.95;

export interface RateCounts {
  /** Successes in people units (may be fractional for the read rate). */
  successes: number;
  /** People. */
  trials: number;
}

/** The segment's rate shrunk towards the organisation's: the DTO's fields, before rounding. */
export type ShrunkRate = ShrunkRateDto;

/** Successes and trials of a read rate in people units: reads / items out of `members`. */
export function readRateCounts(memberItemReads: number, members: number, items: number): RateCounts | null {
  if (items <= 0) return null;
  return { successes: memberItemReads / items, trials: members };
}

/** The shrunk rate, or null when the organisation's rate is undefined (no trials at all). */
export function shrinkRate(seg: RateCounts, org: RateCounts, m = CHANNEL_PRIOR_STRENGTH): ShrunkRate | null {
  if (!(org.trials > 0)) return null;
  // A prior mean of exactly 0 or 1 makes a degenerate Beta; nudge it inside (0, 1).
  const p0 = Math.min(Math.max(org.successes / org.trials, 1e-6), 1 - 1e-6);
  const x = Math.min(Math.max(seg.successes, 0), seg.trials);
  const a = x + m * p0;
  const b = seg.trials - x + m * (1 - p0);
  const tail = (1 - INTERVAL_LEVEL) / 2;
  const estimate = a / (a + b);
  const lower = betaQuantile(tail, a, b);
  const upper = betaQuantile(1 - tail, a, b);
  return {
    observed: seg.trials > 0 ? x / seg.trials : null,
    estimate,
    lower,
    upper,
    org: p0,
    lift: estimate / p0,
    lift_lower: lower / p0,
    lift_upper: upper / p0,
    weight: seg.trials / (seg.trials + m),
  };
}

export type LiftVerdict = 'above' | 'below' | 'similar';

export interface RankInput<K extends string> {
  key: K;
  label: string;
  /** What the lift is of; named in the reason. */
  metric: 'read_rate' | 'reach_rate';
  rate: ShrunkRate;
}

export interface Ranked<K extends string> {
  key: K;
  rank: number;
  metric: 'read_rate' | 'reach_rate';
  lift: number;
  verdict: LiftVerdict;
  /** One line saying why it ranks where it does. */
  reason: string;
}

const pct = (x: number) => {
  const p = x * 100;
  return `${p > 0 && p < 1 ? p.toFixed(1) : Math.round(p)}%`;
};

/** 'above' when the whole interval is above the organisation's rate, 'below' when under it. */
export function liftVerdict(r: ShrunkRate): LiftVerdict {
  if (r.lower > r.org) return 'above';
  if (r.upper < r.org) return 'below';
  return 'similar';
}

/** Ranks by shrunk lift (highest first; ties by estimate, then key) with a one-line reason each. */
export function rankByLift<K extends string>(items: readonly RankInput<K>[]): Ranked<K>[] {
  const sorted = [...items].sort((x, y) => y.rate.lift - x.rate.lift || y.rate.estimate - x.rate.estimate || (x.key < y.key ? -1 : 1));
  return sorted.map((it, i) => {
    const r = it.rate;
    const verdict = liftVerdict(r);
    const what = it.metric === 'read_rate' ? 'of new items read' : 'of members reached';
    const how = verdict === 'above' ? 'clearly above' : verdict === 'below' ? 'clearly below' : 'not clearly different from';
    return {
      key: it.key,
      rank: i + 1,
      metric: it.metric,
      lift: r.lift,
      verdict,
      reason: `${it.label}: ${r.lift.toFixed(2)}× the organisation (${pct(r.estimate)} ${what} vs ${pct(r.org)}; 95% interval ${pct(r.lower)}–${pct(r.upper)}), ${how} the organisation`,
    };
  });
}
