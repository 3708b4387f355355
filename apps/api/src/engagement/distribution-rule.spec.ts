import { quantileRule, releaseDistribution } from './distribution-rule';

describe('distribution rules', () => {
  it('shows a quantile only with k people on each side of it', () => {
    expect(quantileRule(12, 0.5, 5)).toBeNull();
    expect(quantileRule(12, 0.25, 5)).toBe('numerator'); // 3 at or below
    expect(quantileRule(12, 0.75, 5)).toBe('numerator'); // 3 at or above
    expect(quantileRule(500, 0.99, 5)).toBeNull();
    expect(quantileRule(400, 0.99, 5)).toBe('numerator'); // 4 at or above the top percentile
    expect(quantileRule(3, 0.5, 5)).toBe('below_minimum');
  });

  it('suppresses the bins as a table against the population: no hidden cell is population − shown', () => {
    // 20 people: 6 inactive, bins 8, 4, 2 → the 4 and the 2 hidden (6 together ≥ 5)
    const bins = [8, 4, 2].map((n, i) => ({ from: i, to: i + 1, n }));
    const d = releaseDistribution(20, 14, bins, [0, 1, 2, 3, 4], 5);
    expect(d.inactive).toBe(6);
    expect(d.active).toBe(14);
    expect(d.bins.map((b) => b.people)).toEqual([8, null, null]);
    expect(d.quantiles).toEqual({ p25: 0, p50: 1, p75: 2, p90: null, p99: null });
    expect(d.suppressed).toBe(true);
  });

  it('hides the inactive cell and `active` with it when the inactive are few (and one more cell)', () => {
    const bins = [9, 8].map((n, i) => ({ from: i, to: i + 1, n }));
    const d = releaseDistribution(19, 17, bins, null, 5);
    expect(d).toMatchObject({ inactive: null, inactive_hidden: 'below_minimum', active: null, active_hidden: 'below_minimum' });
    // total − 9 − 8 would give the 2: the 8 is hidden too
    expect(d.bins.map((b) => [b.people, b.hidden_reason])).toEqual([
      [9, null],
      [null, 'complementary'],
    ]);
  });
});
