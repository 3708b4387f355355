import { betaCdf } from './beta-distribution';

/**
 * Statistics behind the strategy area: Student's t distribution, ordinary least squares with
 * prediction intervals, Pearson and Spearman correlation with Fisher-z intervals and t-test
 * p-values, lagged correlation by month, and difference in differences (Welch).
 * Every function that would need more data than it has returns `null` with a reason instead of a
 * number: a statistic on three points means nothing and must not be drawn.
 */

/** Correlations need at least this many pairs. */
export const MIN_CORRELATION_POINTS = 6;
/** A linear trend needs at least this many points (n − 2 ≥ 1 degree of freedom for its band). */
export const MIN_TREND_POINTS = 3;
/** Difference in differences needs at least this many people in each group. */
export const MIN_DID_GROUP = 10;

/** The z for a two-sided 95% interval, Φ⁻¹(0.975). */
export const Z_975 = 1.959963984540054;

export const tooFewPoints = (n: number, need: number, what = 'points') => `too few ${what}: n=${n}, need ≥ ${need}`;

// ── Student's t ────────────────────────────────────────────────────────────

/** P(T ≤ t) for Student's t with `df` > 0 degrees of freedom: I_{df/(df+t²)}(df/2, 1/2) / 2 in the tail. */
export function tCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive (got ${df})`);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  if (t === 0) return 0.5;
  const tail = 0.5 * betaCdf(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** Two-sided p-value of a t statistic: P(|T| ≥ |t|). Computed from the tail directly (no 1 − x cancellation). */
export function tTwoSidedP(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive (got ${df})`);
  if (!Number.isFinite(t)) return 0;
  if (t === 0) return 1;
  return Math.min(1, betaCdf(df / (df + t * t), df / 2, 0.5));
}

/** The p-quantile of Student's t with `df` degrees of freedom, to within 1e-10 (bisection on the CDF). */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile must be in (0, 1) (got ${p})`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-10 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// ── descriptive helpers ────────────────────────────────────────────────────

export const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Sample variance (n − 1 in the denominator). */
export function variance(xs: readonly number[]): number {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

/** Ranks 1..n; tied values share the average of the ranks they span. */
export function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k][1]] = rank;
    i = j + 1;
  }
  return ranks;
}

// ── linear trend ───────────────────────────────────────────────────────────

export interface LinearFit {
  n: number;
  intercept: number;
  slope: number;
  /** Residual standard error, √(SSE / (n − 2)). */
  residualSe: number;
  meanX: number;
  /** Σ (x − x̄)². */
  sxx: number;
}

/** Ordinary least squares y = a + b·x. Null with a reason below MIN_TREND_POINTS or when every x is the same. */
export function linearFit(xs: readonly number[], ys: readonly number[]): { fit: LinearFit | null; reason: string | null } {
  if (xs.length !== ys.length) throw new RangeError(`x and y differ in length (${xs.length} vs ${ys.length})`);
  const n = xs.length;
  if (n < MIN_TREND_POINTS) return { fit: null, reason: tooFewPoints(n, MIN_TREND_POINTS) };
  const mx = mean(xs);
  const my = mean(ys);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  if (sxx === 0) return { fit: null, reason: 'no variation in x: every point is at the same x' };
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (ys[i] - intercept - slope * xs[i]) ** 2;
  return { fit: { n, intercept, slope, residualSe: Math.sqrt(sse / (n - 2)), meanX: mx, sxx }, reason: null };
}

/** Prediction of a new observation at x0 with its two-sided prediction interval at `level` (t with n − 2 df). */
export function predictionInterval(fit: LinearFit, x0: number, level: number): { estimate: number; lower: number; upper: number } {
  const estimate = fit.intercept + fit.slope * x0;
  const t = tQuantile(1 - (1 - level) / 2, fit.n - 2);
  const half = t * fit.residualSe * Math.sqrt(1 + 1 / fit.n + (x0 - fit.meanX) ** 2 / fit.sxx);
  return { estimate, lower: estimate - half, upper: estimate + half };
}

/** P(a new observation at x0 ≥ threshold) under the fit's t predictive distribution (n − 2 df). */
export function probabilityAtLeast(fit: LinearFit, x0: number, threshold: number): number {
  const estimate = fit.intercept + fit.slope * x0;
  const se = fit.residualSe * Math.sqrt(1 + 1 / fit.n + (x0 - fit.meanX) ** 2 / fit.sxx);
  if (se === 0) return estimate >= threshold ? 1 : 0;
  return 1 - tCdf((threshold - estimate) / se, fit.n - 2);
}

// ── correlation ────────────────────────────────────────────────────────────

export type CorrelationMethod = 'pearson' | 'spearman';

export interface CorrelationResult {
  method: CorrelationMethod;
  n: number;
  /** r (Pearson) or ρ (Spearman); null with `reason` when not computed. */
  estimate: number | null;
  /** Two-sided 95% confidence interval by Fisher's z. */
  ci95: [number, number] | null;
  /** Two-sided p-value of H0 "no correlation": t = r·√((n−2)/(1−r²)) on n − 2 df. */
  p_value: number | null;
  reason: string | null;
}

function pearsonR(xs: readonly number[], ys: readonly number[]): number | 'x' | 'y' {
  const mx = mean(xs);
  const my = mean(ys);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  if (sxx === 0) return 'x';
  if (syy === 0) return 'y';
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Pearson's r or Spearman's ρ (Pearson's r of the average ranks) with n, a 95% interval and a
 * two-sided p-value. Interval: z = atanh(r) ± 1.96·se, back through tanh; se = 1/√(n−3) for Pearson,
 * √((1 + ρ²/2)/(n−3)) for Spearman (Bonett & Wright 2000, the usual variance for a rank correlation).
 * p-value: Student's t with n − 2 df for both (as scipy.stats.pearsonr and spearmanr do).
 */
export function correlation(xs: readonly number[], ys: readonly number[], method: CorrelationMethod): CorrelationResult {
  if (xs.length !== ys.length) throw new RangeError(`x and y differ in length (${xs.length} vs ${ys.length})`);
  const n = xs.length;
  const none = (reason: string): CorrelationResult => ({ method, n, estimate: null, ci95: null, p_value: null, reason });
  if (n < MIN_CORRELATION_POINTS) return none(tooFewPoints(n, MIN_CORRELATION_POINTS));
  const r = method === 'spearman' ? pearsonR(averageRanks(xs), averageRanks(ys)) : pearsonR(xs, ys);
  if (r === 'x' || r === 'y') return none(`no variation in ${r}: every value is the same, so there is nothing to correlate`);
  if (Math.abs(r) === 1) return { method, n, estimate: r, ci95: [r, r], p_value: 0, reason: null };
  const se = method === 'spearman' ? Math.sqrt((1 + (r * r) / 2) / (n - 3)) : 1 / Math.sqrt(n - 3);
  const z = Math.atanh(r);
  const t = r * Math.sqrt((n - 2) / (1 - r * r));
  return { method, n, estimate: r, ci95: [Math.tanh(z - Z_975 * se), Math.tanh(z + Z_975 * se)], p_value: tTwoSidedP(t, n - 2), reason: null };
}

export const pearson = (xs: readonly number[], ys: readonly number[]) => correlation(xs, ys, 'pearson');
export const spearman = (xs: readonly number[], ys: readonly number[]) => correlation(xs, ys, 'spearman');

// ── months and lags ────────────────────────────────────────────────────────

/** The first day of the month `k` months after the month of `period` (YYYY-MM-DD in, YYYY-MM-01 out). */
export function addMonths(period: string, k: number): string {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7)) - 1 + k;
  const d = new Date(Date.UTC(y, m, 1));
  return d.toISOString().slice(0, 10);
}

/** Whole months from the month of `a` to the month of `b` (b − a). */
export function monthsBetween(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

export interface LaggedCorrelation {
  /** The outcome month is this many months after the driver month. */
  lag: number;
  /** The pairs used: driver month and the outcome month `lag` later. */
  pairs: { period: string; outcome_period: string; x: number; y: number }[];
  pearson: CorrelationResult;
  spearman: CorrelationResult;
}

/**
 * Correlation of a monthly driver x (engagement) with a monthly outcome y (a KPI) `lag` months
 * later, for each lag: pairs (x[m], y[m + lag]) over the months m where both are known.
 * Keys are month starts (YYYY-MM-01); null values are treated as missing.
 */
export function laggedCorrelations(
  x: ReadonlyMap<string, number | null>,
  y: ReadonlyMap<string, number | null>,
  lags: readonly number[] = [0, 1, 2, 3],
): LaggedCorrelation[] {
  const months = [...x.keys()].sort();
  return lags.map((lag) => {
    const pairs: LaggedCorrelation['pairs'] = [];
    for (const m of months) {
      const xv = x.get(m);
      const om = addMonths(m, lag);
      const yv = y.get(om);
      if (xv !== null && xv !== undefined && Number.isFinite(xv) && yv !== null && yv !== undefined && Number.isFinite(yv)) {
        pairs.push({ period: m, outcome_period: om, x: xv, y: yv });
      }
    }
    const xs = pairs.map((p) => p.x);
    const ys = pairs.map((p) => p.y);
    return { lag, pairs, pearson: pearson(xs, ys), spearman: spearman(xs, ys) };
  });
}

// ── difference in differences ──────────────────────────────────────────────

/** One person's outcome before and after a change. */
export interface BeforeAfter {
  before: number;
  after: number;
}

export interface DidResult {
  treated_n: number;
  control_n: number;
  /** Group means of the outcome before and after (null when not computed). */
  treated: { before: number; after: number } | null;
  control: { before: number; after: number } | null;
  /** (after − before) of the treated minus (after − before) of the control group. */
  estimate: number | null;
  /** Standard error of the estimate: √(s²_T/n_T + s²_C/n_C) of the per-person changes (Welch). */
  se: number | null;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number | null;
  ci95: [number, number] | null;
  p_value: number | null;
  reason: string | null;
}

/**
 * Difference in differences on a panel: every person is observed before and after, so the estimate
 * is the difference of the mean per-person changes, mean(after − before | treated) − mean(after −
 * before | control) — equal to the classic (T_after − T_before) − (C_after − C_before) of group
 * means. Its standard error, interval and p-value are Welch's two-sample t on the per-person changes
 * (unequal variances, Welch–Satterthwaite df), which accounts for each person's before and after
 * being correlated. Needs MIN_DID_GROUP people in each group.
 */
export function differenceInDifferences(treated: readonly BeforeAfter[], control: readonly BeforeAfter[]): DidResult {
  const nT = treated.length;
  const nC = control.length;
  const none = (reason: string): DidResult => ({ treated_n: nT, control_n: nC, treated: null, control: null, estimate: null, se: null, df: null, ci95: null, p_value: null, reason });
  if (nT < MIN_DID_GROUP) return none(tooFewPoints(nT, MIN_DID_GROUP, 'people in the targeted group'));
  if (nC < MIN_DID_GROUP) return none(tooFewPoints(nC, MIN_DID_GROUP, 'people in the comparison group'));
  const dT = treated.map((p) => p.after - p.before);
  const dC = control.map((p) => p.after - p.before);
  const groupMeans = (g: readonly BeforeAfter[]) => ({ before: mean(g.map((p) => p.before)), after: mean(g.map((p) => p.after)) });
  const estimate = mean(dT) - mean(dC);
  const vT = variance(dT) / nT;
  const vC = variance(dC) / nC;
  const se = Math.sqrt(vT + vC);
  const base = { treated_n: nT, control_n: nC, treated: groupMeans(treated), control: groupMeans(control), estimate };
  if (se === 0) {
    return { ...base, se: 0, df: null, ci95: [estimate, estimate], p_value: estimate === 0 ? 1 : 0, reason: null };
  }
  const df = (vT + vC) ** 2 / (vT ** 2 / (nT - 1) + vC ** 2 / (nC - 1));
  const half = tQuantile(0.975, df) * se;
  return { ...base, se, df, ci95: [estimate - half, estimate + half], p_value: tTwoSidedP(estimate / se, df), reason: null };
}
