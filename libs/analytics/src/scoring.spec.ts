import { decay, DEFAULT_SCORING_MODEL, quantile, rawScore, scaleScore, type ScoringModel } from './scoring';
import { suppress, suppressValue } from './privacy';

const model: ScoringModel = { ...DEFAULT_SCORING_MODEL, halfLifeDays: 10, lookbackDays: 30 };

describe('scoring', () => {
  it('halves an action every half-life', () => {
    expect(decay(0, 10)).toBe(1);
    expect(decay(10, 10)).toBeCloseTo(0.5, 12);
    expect(decay(20, 10)).toBeCloseTo(0.25, 12);
  });

  it('sums weighted, decayed actions inside the lookback only', () => {
    // post today (8), comment 10 days ago (4 · 0.5 = 2), view 30 days ago (outside), future view ignored
    const actions = [
      { day: 100, type: 'post' as const },
      { day: 90, type: 'comment' as const },
      { day: 70, type: 'view' as const },
      { day: 101, type: 'view' as const },
    ];
    expect(rawScore(actions, 100, model)).toBeCloseTo(10, 12);
    // the view at day 70 counts on day 99 (age 29): 1 · 2^-2.9
    expect(rawScore([{ day: 70, type: 'view' }], 99, model)).toBeCloseTo(Math.pow(2, -2.9), 12);
  });

  it('scales against the day p99 and caps at 100', () => {
    expect(scaleScore(5, 10)).toBe(50);
    expect(scaleScore(20, 10)).toBe(100);
    expect(scaleScore(3, 0)).toBe(0);
  });

  it('interpolates quantiles linearly (R-7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([0, 10], 0.99)).toBeCloseTo(9.9, 12);
    expect(quantile([], 0.5)).toBe(0);
  });
});

describe('privacy guard', () => {
  it('suppresses counts and values of groups below the minimum', () => {
    expect(suppress(4, 5)).toBeNull();
    expect(suppress(5, 5)).toBe(5);
    expect(suppressValue(71.5, 3, 5)).toBeNull();
    expect(suppressValue(71.5, 12, 5)).toBe(71.5);
  });
});
