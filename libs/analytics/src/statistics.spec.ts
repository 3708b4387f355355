import {
  addMonths,
  averageRanks,
  correlation,
  differenceInDifferences,
  laggedCorrelations,
  linearFit,
  monthsBetween,
  pearson,
  predictionInterval,
  probabilityAtLeast,
  spearman,
  tCdf,
  tQuantile,
  tTwoSidedP,
} from './statistics';

/*
 * Reference values: computed independently with Python 3 / SciPy 1.17.1 / NumPy (scipy.stats.t,
 * pearsonr, spearmanr, linregress, ttest_ind), never with this code. The script lines are quoted
 * beside each value.
 */

describe("Student's t", () => {
  it.each([
    // stats.t.ppf(p, df)
    [0.975, 1, 12.706204736174694],
    [0.975, 10, 2.228138851986274],
    [0.9, 5, 1.4758840488244815],
    [0.975, 2.5, 3.5746548420036817],
    [0.995, 30, 2.7499956535672254],
  ])('quantile %p with %p df', (p, df, ref) => {
    expect(tQuantile(p, df)).toBeCloseTo(ref, 7);
    expect(tQuantile(1 - p, df)).toBeCloseTo(-ref, 7);
  });

  it.each([
    // stats.t.cdf(t, df), 2 * stats.t.sf(abs(t), df)
    [2.0, 5, 0.9490302605850708, 0.10193947882985835],
    [-1.3, 3, 0.14223375436394853, 0.28446750872789706],
    [0.5, 1, 0.6475836176504333, 0.7048327646991335],
    [4.2, 17.3, 0.9997093297714257, 0.0005813404571487163],
  ])('CDF and two-sided p at t=%p, %p df', (t, df, cdf, p) => {
    expect(tCdf(t, df)).toBeCloseTo(cdf, 9);
    expect(tTwoSidedP(t, df)).toBeCloseTo(p, 9);
  });

  it('is symmetric and bounded', () => {
    expect(tCdf(0, 4)).toBe(0.5);
    expect(tTwoSidedP(0, 4)).toBe(1);
    expect(tCdf(1.7, 9) + tCdf(-1.7, 9)).toBeCloseTo(1, 12);
  });
});

describe('linear trend', () => {
  // x = 0..7, y = [100,104,103,109,112,111,118,121]; stats.linregress(x, y) and the textbook interval
  // ŷ ± t(1−α/2, n−2)·s·√(1 + 1/n + (x0−x̄)²/Sxx) in NumPy.
  const xs = [0, 1, 2, 3, 4, 5, 6, 7];
  const ys = [100, 104, 103, 109, 112, 111, 118, 121];

  it('fits slope and intercept', () => {
    const { fit } = linearFit(xs, ys);
    expect(fit!.slope).toBeCloseTo(2.9047619047619047, 10);
    expect(fit!.intercept).toBeCloseTo(99.58333333333333, 10);
  });

  it.each([
    [8, 0.8, 122.82142857142857, 119.39708287322753, 126.2457742696296],
    [8, 0.95, 122.82142857142857, 117.0016413698413, 128.64121577301583],
    [11, 0.8, 131.53571428571428, 127.2954210600193, 135.77600751140926],
    [11, 0.95, 131.53571428571428, 124.32919764843633, 138.74223092299223],
  ])('prediction interval at x=%p, level %p', (x0, level, est, lo, hi) => {
    const pi = predictionInterval(linearFit(xs, ys).fit!, x0, level);
    expect(pi.estimate).toBeCloseTo(est, 8);
    expect(pi.lower).toBeCloseTo(lo, 6);
    expect(pi.upper).toBeCloseTo(hi, 6);
  });

  it('gives the predictive probability of reaching a threshold', () => {
    // stats.t.sf((125 − ŷ)/se, n − 2)
    const { fit } = linearFit(xs, ys);
    expect(probabilityAtLeast(fit!, 8, 125)).toBeCloseTo(0.19750180997818756, 7);
    expect(probabilityAtLeast(fit!, 11, 125)).toBeCloseTo(0.9658609570252811, 7);
  });

  it('refuses below three points and without spread in x', () => {
    expect(linearFit([0, 1], [5, 6])).toEqual({ fit: null, reason: 'too few points: n=2, need ≥ 3' });
    expect(linearFit([2, 2, 2], [5, 6, 7]).fit).toBeNull();
  });
});

describe('correlation', () => {
  // Anscombe's quartet, data set I (Anscombe 1973): r = 0.816 is the textbook value.
  const ax = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
  const ay = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];

  it("Pearson on Anscombe I matches scipy.stats.pearsonr (r, p, Fisher-z interval)", () => {
    // r = pearsonr(x, y): statistic 0.8164205163448395, pvalue 0.0021696288730788152,
    // r.confidence_interval(0.95) = (0.4243912133932152, 0.9506932537865604)
    const r = pearson(ax, ay);
    expect(r.n).toBe(11);
    expect(r.estimate).toBeCloseTo(0.8164205163448395, 12);
    expect(r.p_value).toBeCloseTo(0.0021696288730788152, 10);
    expect(r.ci95![0]).toBeCloseTo(0.4243912133932152, 9);
    expect(r.ci95![1]).toBeCloseTo(0.9506932537865604, 9);
    expect(r.reason).toBeNull();
  });

  it('Spearman on Anscombe I matches scipy.stats.spearmanr', () => {
    // spearmanr(x, y): statistic 0.8181818181818182, pvalue 0.0020831448404786917
    const r = spearman(ax, ay);
    expect(r.estimate).toBeCloseTo(0.8181818181818182, 12);
    expect(r.p_value).toBeCloseTo(0.0020831448404786917, 10);
  });

  it('Spearman with ties uses average ranks', () => {
    const x = [1, 2, 2, 3, 4, 5, 5, 5, 6, 7];
    const y = [2, 1, 4, 3, 6, 5, 8, 7, 7, 9];
    // stats.rankdata(x) = [1, 2.5, 2.5, 4, 5, 7, 7, 7, 9, 10]
    expect(averageRanks(x)).toEqual([1, 2.5, 2.5, 4, 5, 7, 7, 7, 9, 10]);
    // spearmanr(x, y): statistic 0.8889566369846308, pvalue 0.0005805918301664916
    const r = spearman(x, y);
    expect(r.estimate).toBeCloseTo(0.8889566369846308, 12);
    expect(r.p_value).toBeCloseTo(0.0005805918301664916, 10);
    // Bonett–Wright interval in NumPy: tanh(arctanh(ρ) ± norm.ppf(0.975)·√((1 + ρ²/2)/(n − 3)))
    expect(r.ci95![0]).toBeCloseTo(0.49445159361759305, 9);
    expect(r.ci95![1]).toBeCloseTo(0.9797755694064159, 9);
  });

  it('refuses with too few points or no variation, and says why', () => {
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toEqual({
      method: 'pearson', n: 5, estimate: null, ci95: null, p_value: null, reason: 'too few points: n=5, need ≥ 6',
    });
    expect(spearman([1, 1, 1, 1, 1, 1], [1, 2, 3, 4, 5, 6]).reason).toMatch(/^no variation in x/);
    expect(correlation([1, 2, 3, 4, 5, 6], [3, 3, 3, 3, 3, 3], 'pearson').reason).toMatch(/^no variation in y/);
  });

  it('a perfect line has r = 1, p = 0 and a degenerate interval', () => {
    expect(pearson([1, 2, 3, 4, 5, 6], [3, 5, 7, 9, 11, 13])).toMatchObject({ estimate: 1, p_value: 0, ci95: [1, 1] });
  });
});

describe('lagged correlation', () => {
  it('pairs the driver month with the outcome month lag months later', () => {
    const months = Array.from({ length: 10 }, (_, i) => addMonths('2025-01-01', i));
    const x = new Map(months.map((m, i) => [m, [5, 3, 8, 1, 9, 2, 7, 4, 6, 0][i]] as [string, number | null]));
    // y(m) = 2·x(m − 2) + 1: a perfect relation at lag 2
    const y = new Map(months.map((m, i) => [m, i >= 2 ? 2 * x.get(months[i - 2])! + 1 : 50] as [string, number | null]));
    x.set(months[9], null); // a missing month is skipped
    const res = laggedCorrelations(x, y);
    expect(res.map((r) => r.lag)).toEqual([0, 1, 2, 3]);
    expect(res.map((r) => r.pairs.length)).toEqual([9, 9, 8, 7]);
    expect(res[2].pairs[0]).toEqual({ period: '2025-01-01', outcome_period: '2025-03-01', x: 5, y: 11 });
    expect(res[2].pearson.estimate).toBeCloseTo(1, 12);
    expect(res[2].spearman.estimate).toBeCloseTo(1, 12);
    expect(Math.abs(res[0].pearson.estimate!)).toBeLessThan(0.9);
  });

  it('does month arithmetic across years', () => {
    expect(addMonths('2025-11-01', 3)).toBe('2026-02-01');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-01');
    expect(monthsBetween('2025-09-01', '2026-08-31')).toBe(11);
  });
});

describe('difference in differences', () => {
  // Drawn once with NumPy (default_rng(7), rounded to 0.1) and frozen here.
  const tb = [40.0, 43.0, 37.3, 31.1, 35.5, 30.1, 40.6, 53.4, 35.1, 33.8, 44.9, 43.6];
  const ta = [46.4, 45.3, 43.2, 39.9, 36.1, 34.3, 39.0, 54.2, 33.7, 38.9, 45.8, 50.7];
  const cb = [43.6, 40.1, 16.8, 36.6, 41.5, 43.1, 26.7, 37.2, 32.2, 33.9, 52.6, 33.9, 41.7, 50.8, 36.2];
  const ca = [44.3, 41.4, 18.0, 33.9, 42.7, 48.2, 23.1, 40.8, 33.6, 33.0, 59.6, 37.2, 39.1, 52.0, 38.9];
  const treated = tb.map((before, i) => ({ before, after: ta[i] }));
  const control = cb.map((before, i) => ({ before, after: ca[i] }));

  it("matches Welch's t-test on the per-person changes (scipy.stats.ttest_ind(dT, dC, equal_var=False))", () => {
    // estimate 1.998333333333334, se 1.2493871080426375, df 21.56387277557187,
    // p 0.12427071588005112, confidence_interval(0.95) = (-0.595778669597633, 4.592445336264301)
    const d = differenceInDifferences(treated, control);
    expect(d.estimate).toBeCloseTo(1.998333333333334, 10);
    expect(d.se).toBeCloseTo(1.2493871080426375, 10);
    expect(d.df).toBeCloseTo(21.56387277557187, 8);
    expect(d.p_value).toBeCloseTo(0.12427071588005112, 8);
    expect(d.ci95![0]).toBeCloseTo(-0.595778669597633, 6);
    expect(d.ci95![1]).toBeCloseTo(4.592445336264301, 6);
    // group means (NumPy): 39.0333, 42.2917, 37.7933, 39.0533 — and the estimate is their double difference
    expect(d.treated!.before).toBeCloseTo(39.03333333333334, 10);
    expect(d.control!.after).toBeCloseTo(39.053333333333335, 10);
    expect(d.treated!.after - d.treated!.before - (d.control!.after - d.control!.before)).toBeCloseTo(d.estimate!, 10);
  });

  it('refuses small groups', () => {
    const d = differenceInDifferences(treated.slice(0, 9), control);
    expect(d).toMatchObject({ estimate: null, reason: 'too few people in the targeted group: n=9, need ≥ 10' });
    expect(differenceInDifferences(treated, control.slice(0, 3)).reason).toBe('too few people in the comparison group: n=3, need ≥ 10');
  });
});
