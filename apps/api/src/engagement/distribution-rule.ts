import { SCORE_QUANTILES, type HiddenReason, type ScoreDistributionDto, type ScoreQuantile } from '@hubpulse/contracts';
import { suppressTable } from '@hubpulse/disclosure';

const QUANTILE_LEVELS: Record<ScoreQuantile, number> = { p25: 0.25, p50: 0.5, p75: 0.75, p90: 0.9, p99: 0.99 };

/**
 * A quantile of n people's scores is shown only where at least k people are at or below it and at
 * least k at or above it: n·q ≥ k and n·(1−q) ≥ k. Otherwise the value is (close to) the score of one
 * of the few people at that end — the top 1 % of 300 people is 3 people's scores.
 */
export function quantileRule(n: number, q: number, k: number): HiddenReason | null {
  if (n < k) return 'below_minimum';
  return n * q >= k && n * (1 - q) >= k ? null : 'numerator';
}

type Released = Pick<ScoreDistributionDto, 'active' | 'active_hidden' | 'inactive' | 'inactive_hidden' | 'bins' | 'quantiles' | 'quantiles_hidden' | 'suppressed'>;

/**
 * The histogram is a table of disjoint cells adding up to the population: the inactive people (raw 0)
 * and one cell per bin of active people. It goes through suppressTable (primary and complementary
 * suppression against the population, which is shown). `active` is population − inactive, so it is
 * shown exactly when the inactive cell is.
 */
export function releaseDistribution(
  population: number,
  active: number,
  bins: readonly { from: number; to: number; n: number }[],
  quantiles: readonly number[] | null,
  k: number,
): Released {
  const inactive = Math.max(0, population - active);
  const table = suppressTable([{ key: 'inactive', count: inactive }, ...bins.map((b, i) => ({ key: `bin${i}`, count: b.n }))], population, k);
  const reason = (s: 'below_minimum' | 'complementary' | null): HiddenReason | null => s;
  const [zero, ...cells] = table.cells;
  const q = quantiles && quantiles.length === SCORE_QUANTILES.length ? quantiles : null;
  const qHidden = q ? (Object.fromEntries(SCORE_QUANTILES.map((name) => [name, quantileRule(population, QUANTILE_LEVELS[name], k)])) as Record<ScoreQuantile, HiddenReason | null>) : null;
  const qValues = q && qHidden ? (Object.fromEntries(SCORE_QUANTILES.map((name, i) => [name, qHidden[name] ? null : q[i]])) as Record<ScoreQuantile, number | null>) : null;
  return {
    active: zero.count === null ? null : active,
    active_hidden: reason(zero.suppressed),
    inactive: zero.count,
    inactive_hidden: reason(zero.suppressed),
    bins: bins.map((b, i) => ({ from: b.from, to: b.to, people: cells[i].count, hidden_reason: reason(cells[i].suppressed) })),
    quantiles: qValues,
    quantiles_hidden: qHidden,
    suppressed: table.suppressed || (qHidden !== null && Object.values(qHidden).some((r) => r !== null)),
  };
}
