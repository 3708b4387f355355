import { betaCdf, betaQuantile, logGamma } from './beta-distribution';
import { CHANNEL_PRIOR_STRENGTH, rankByLift, readRateCounts, shrinkRate } from './channel-stats';

describe('Beta distribution', () => {
  it('log-gamma matches factorials', () => {
    expect(Math.exp(logGamma(5))).toBeCloseTo(24, 9);
    expect(Math.exp(logGamma(0.5))).toBeCloseTo(Math.sqrt(Math.PI), 9);
  });

  it('CDF and quantiles of closed-form cases', () => {
    // Beta(1,1) is uniform; Beta(a,1) has CDF x^a; Beta(1,b) has CDF 1 − (1 − x)^b;
    // Beta(2,2) has CDF 3x² − 2x³; Beta(½,½) has CDF (2/π)·asin(√x).
    expect(betaCdf(0.37, 1, 1)).toBeCloseTo(0.37, 12);
    expect(betaCdf(0.5, 3, 1)).toBeCloseTo(0.125, 12);
    expect(betaCdf(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 12);
    expect(betaCdf(0.3, 2, 2)).toBeCloseTo(3 * 0.09 - 2 * 0.027, 12);
    expect(betaCdf(0.3, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(0.3)), 10);
    expect(betaQuantile(0.025, 3, 1)).toBeCloseTo(0.025 ** (1 / 3), 10);
    expect(betaQuantile(0.975, 1, 4)).toBeCloseTo(1 - 0.025 ** (1 / 4), 10);
    expect(betaQuantile(0.5, 7.3, 7.3)).toBeCloseTo(0.5, 10);
  });

  it('quantiles match reference values (scipy.stats.beta.ppf)', () => {
    expect(betaQuantile(0.025, 12, 18)).toBeCloseTo(0.23524020975289844, 9);
    expect(betaQuantile(0.975, 12, 18)).toBeCloseTo(0.5773953593355987, 9);
    expect(betaQuantile(0.025, 2.5, 7.5)).toBeCloseTo(0.04930192297659401, 9);
    expect(betaQuantile(0.975, 30.2, 400.8)).toBeCloseTo(0.09596007684444557, 9);
    expect(betaCdf(0.3, 7, 23)).toBeCloseTo(0.8120444817395573, 9);
  });
});

describe('shrinkRate', () => {
  it('is the posterior mean of Beta(x + m·p0, n − x + m·(1 − p0)), hand-computed', () => {
    // 6 of 10 members reached; organisation 300 of 1000 (p0 = 0.3); m = 20:
    // Beta(6 + 6, 4 + 14) = Beta(12, 18) → 12/30 = 0.4, weight 10/30.
    expect(CHANNEL_PRIOR_STRENGTH).toBe(20);
    const r = shrinkRate({ successes: 6, trials: 10 }, { successes: 300, trials: 1000 })!;
    expect(r.observed).toBeCloseTo(0.6, 12);
    expect(r.estimate).toBeCloseTo(0.4, 12);
    expect(r.weight).toBeCloseTo(1 / 3, 12);
    expect(r.lower).toBeCloseTo(0.23524020975289844, 9);
    expect(r.upper).toBeCloseTo(0.5773953593355987, 9);
    expect(r.lift).toBeCloseTo(0.4 / 0.3, 12);
    expect(r.lift_lower).toBeCloseTo(0.23524020975289844 / 0.3, 8);
  });

  it('counts read rates in members: reads / items out of n', () => {
    // 10 members, 4 new items, 12 distinct member-item reads → 3 members' worth of reading;
    // organisation reads 800 of 1000 × 4 → p0 = 0.2 → Beta(3 + 4, 7 + 16) = Beta(7, 23) → 7/30.
    const seg = readRateCounts(12, 10, 4)!;
    expect(seg).toEqual({ successes: 3, trials: 10 });
    const r = shrinkRate(seg, readRateCounts(800, 1000, 4)!)!;
    expect(r.observed).toBeCloseTo(0.3, 12);
    expect(r.estimate).toBeCloseTo(7 / 30, 12);
    expect(r.upper).toBeCloseTo(0.3972469492272395, 9);
    expect(readRateCounts(5, 10, 0)).toBeNull();
  });

  it('moves from the organisation rate to the segment rate as the segment grows', () => {
    const org = { successes: 200, trials: 1000 };
    const small = shrinkRate({ successes: 4, trials: 5 }, org)!;
    const big = shrinkRate({ successes: 800, trials: 1000 }, org)!;
    expect(small.estimate).toBeCloseTo((4 + 4) / 25, 12); // 0.32: mostly the organisation's 0.2
    expect(big.estimate).toBeCloseTo((800 + 4) / 1020, 12); // 0.788: mostly its own 0.8
    expect(big.upper - big.lower).toBeLessThan(small.upper - small.lower);
    const empty = shrinkRate({ successes: 0, trials: 0 }, org)!;
    expect(empty).toMatchObject({ observed: null, weight: 0 });
    expect(empty.estimate).toBeCloseTo(0.2, 12);
  });

  it('is undefined without an organisation rate, and stays proper at p0 = 0', () => {
    expect(shrinkRate({ successes: 1, trials: 5 }, { successes: 0, trials: 0 })).toBeNull();
    const r = shrinkRate({ successes: 0, trials: 50 }, { successes: 0, trials: 1000 })!;
    expect(r.estimate).toBeGreaterThanOrEqual(0);
    expect(r.lower).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(r.lift)).toBe(true);
  });
});

describe('rankByLift', () => {
  it('ranks by shrunk lift, says why, and tells clear differences from noise', () => {
    const org = { successes: 300, trials: 1000 };
    const ranked = rankByLift([
      { key: 'blog', label: 'Blog', metric: 'read_rate', rate: shrinkRate({ successes: 6, trials: 10 }, org)! },
      { key: 'newsletter', label: 'Newsletter', metric: 'read_rate', rate: shrinkRate({ successes: 120, trials: 200 }, org)! },
      { key: 'qa', label: 'Q&A', metric: 'reach_rate', rate: shrinkRate({ successes: 20, trials: 200 }, org)! },
    ]);
    expect(ranked.map((r) => [r.key, r.rank, r.verdict])).toEqual([
      ['newsletter', 1, 'above'],
      ['blog', 2, 'similar'],
      ['qa', 3, 'below'],
    ]);
    // newsletter: (120 + 6) / 220 = 0.5727 → lift 1.91
    expect(ranked[0].lift).toBeCloseTo(126 / 220 / 0.3, 10);
    expect(ranked[0].reason).toMatch(/^Newsletter: 1\.91× the organisation \(57% of new items read vs 30%; 95% interval \d+%–\d+%\), clearly above the organisation$/);
    expect(ranked[1].reason).toMatch(/not clearly different from the organisation$/);
    expect(ranked[2].reason).toMatch(/of members reached vs 30%/);
  });
});
