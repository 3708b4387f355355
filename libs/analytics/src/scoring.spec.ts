import {
  cohortOf,
  countedActions,
  decay,
  DEFAULT_SCORING_MODEL,
  percentileRank,
  pointsByType,
  quantile,
  rawScore,
  tenureBand,
  validateModel,
  type ScoringModel,
} from './scoring';

const uniform = (v: number) => ({ view: v, react: v, comment: v, post: v, share: v, doc_share: v, task_update: v, answer: v, feedback: v, newsletter_send: v, newsletter_open: v, newsletter_click: v });
const model: ScoringModel = {
  ...DEFAULT_SCORING_MODEL,
  halfLives: { ...uniform(10), post: 20 },
  dailyCaps: { view: 3 },
  lookbackDays: 30,
};

describe('scoring (hand-computed)', () => {
  it('halves an action every half-life', () => {
    expect(decay(0, 10)).toBe(1);
    expect(decay(10, 10)).toBeCloseTo(0.5, 12);
    expect(decay(20, 10)).toBeCloseTo(0.25, 12);
  });

  it('weights, decays per type and ignores what is outside the lookback', () => {
    // post today: 8 · 1 = 8; comment 10 days ago: 4 · 2^(-10/10) = 2; post 20 days ago (half-life 20): 8 · 0.5 = 4;
    // view 30 days ago: outside a 30-day lookback (ages 0..29 count); a view tomorrow: not yet
    const actions = [
      { day: 100, type: 'post' as const, n: 1 },
      { day: 90, type: 'comment' as const, n: 1 },
      { day: 80, type: 'post' as const, n: 1 },
      { day: 70, type: 'view' as const, n: 1 },
      { day: 101, type: 'view' as const, n: 1 },
    ];
    const pts = pointsByType(actions, 100, model);
    expect(pts.post).toBeCloseTo(12, 12);
    expect(pts.comment).toBeCloseTo(2, 12);
    expect(pts.view).toBe(0);
    expect(rawScore(actions, 100, model)).toBeCloseTo(14, 12);
    // the view at day 70 still counts on day 99 (age 29): 1 · 2^-2.9
    expect(rawScore([{ day: 70, type: 'view', n: 1 }], 99, model)).toBeCloseTo(Math.pow(2, -2.9), 12);
  });

  it('caps the actions counted per type and day', () => {
    expect(countedActions(7, 'view', model)).toBe(3);
    expect(countedActions(7, 'comment', model)).toBe(7);
    // 7 views today count as 3 (3 points); 2 comments 10 days ago: 2 · 4 · 0.5 = 4
    expect(rawScore([{ day: 5, type: 'view', n: 7 }, { day: -5, type: 'comment', n: 2 }], 5, model)).toBeCloseTo(7, 12);
  });

  it('ranks within the population, zeros included, ties sharing a rank', () => {
    // population 5: raws 10, 4, 4 and two people at 0. Lower than 10: four others → 100 · 4/4 = 100.
    expect(percentileRank(10, [10, 4, 4], 5)).toBe(100);
    // lower than 4: the two zeros (the other 4 ties) → 100 · 2/4 = 50
    expect(percentileRank(4, [10, 4, 4], 5)).toBe(50);
    expect(percentileRank(0, [10, 4, 4], 5)).toBe(0);
    expect(percentileRank(3, [3], 1)).toBe(100);
    // a difference in the 12th decimal is a tie (rounding dust), one in the 3rd is not
    expect(percentileRank(4.000000000001, [10, 4, 4.000000000001], 5)).toBe(50);
    expect(percentileRank(4.001, [10, 4, 4.001], 5)).toBe(75);
  });

  it('puts people in cohorts by department and tenure band on the day', () => {
    expect(tenureBand('2026-01-01', '2026-06-30')).toBe('under 1 year');
    expect(tenureBand('2025-01-01', '2026-01-01')).toBe('1–3 years');
    expect(tenureBand('2016-01-10', '2026-01-01')).toBe('3–10 years');
    expect(tenureBand('2010-01-01', '2026-01-01')).toBe('10+ years');
    expect(tenureBand('2026-02-01', '2026-01-01')).toBe('unknown');
    expect(tenureBand(null, '2026-01-01')).toBe('unknown');
    expect(cohortOf('Sales', 'under 1 year')).toBe('Sales · under 1 year');
    expect(cohortOf('', 'unknown')).toBe('unknown · unknown');
  });

  it('validates a model change, naming each bad field', () => {
    const ok = { weights: uniform(2), half_lives: uniform(14), daily_caps: { view: 20 }, lookback_days: 90 };
    expect(validateModel(ok)).toEqual([]);
    const bad = validateModel({ weights: { ...uniform(2), view: -1, clap: 3 }, half_lives: { ...uniform(14), post: 0.2 }, daily_caps: { view: 2.5 }, lookback_days: 3 });
    expect(bad.map((p) => p.path).sort()).toEqual(['daily_caps.view', 'half_lives.post', 'lookback_days', 'weights.clap', 'weights.view']);
  });

  it('interpolates quantiles linearly (R-7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([0, 10], 0.99)).toBeCloseTo(9.9, 12);
    expect(quantile([], 0.5)).toBe(0);
  });
});

describe('validateModel and newsletter types', () => {
  const nine = { view: 1, react: 2, comment: 4, post: 8, share: 4, doc_share: 5, task_update: 3, answer: 6, feedback: 5 };
  it('accepts a model without the newsletter types (clients written before them), and checks them when given', () => {
    expect(validateModel({ weights: nine, half_lives: Object.fromEntries(Object.keys(nine).map((k) => [k, 14])), lookback_days: 90 })).toEqual([]);
    expect(validateModel({ weights: { ...nine, newsletter_open: -1 }, half_lives: Object.fromEntries(Object.keys(nine).map((k) => [k, 14])), lookback_days: 90 })).toEqual([
      { path: 'weights.newsletter_open', message: 'must be between 0 and 1000' },
    ]);
    expect(validateModel({ weights: { view: 1 }, half_lives: {}, lookback_days: 90 }).map((p) => p.path)).toContain('weights.react');
  });
});
