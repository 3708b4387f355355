import type { GoalSummary } from '@hubpulse/contracts';
import { buildGoalCard, buildSparkline, clampProgress, elapsedShare, goalStatus } from './goals.transform';

function goal(overrides: Partial<GoalSummary> = {}): GoalSummary {
  return {
    id: 'g1',
    name: 'Grow revenue',
    metric: 'revenue',
    unit: 'USD',
    baseline: 10_000_000,
    target: 12_000_000,
    target_type: 'increase_to',
    period_start: '2026-01-01',
    period_end: '2026-12-31',
    latest: { period: '2026-06-01', value: 11_000_000 },
    progress: 0.5,
    values: [
      { period: '2026-02-01', value: 10_200_000, target: null },
      { period: '2026-01-01', value: 10_000_000, target: 10_100_000 },
    ],
    ...overrides,
  };
}

describe('clampProgress', () => {
  it('clamps to 0–1 and treats missing or broken values as 0', () => {
    expect(clampProgress(0.42)).toBe(0.42);
    expect(clampProgress(1.7)).toBe(1);
    expect(clampProgress(-0.2)).toBe(0);
    expect(clampProgress(null)).toBe(0);
    expect(clampProgress(Number.NaN)).toBe(0);
    expect(clampProgress(Number.POSITIVE_INFINITY)).toBe(0);
  });
});

describe('goalStatus', () => {
  it('is met at or past the target', () => {
    expect(goalStatus(goal({ progress: 1 }))).toBe('met');
    expect(goalStatus(goal({ progress: 1.3 }))).toBe('met');
  });

  it('compares progress with the share of the period elapsed', () => {
    // End of June is about half of the year.
    expect(elapsedShare(goal())).toBeCloseTo(0.496, 2);
    expect(goalStatus(goal({ progress: 0.5 }))).toBe('on-track');
    expect(goalStatus(goal({ progress: 0.3 }))).toBe('behind');
  });

  it('has no status without data', () => {
    expect(goalStatus(goal({ latest: null, progress: null }))).toBe('no-data');
    expect(goalStatus(goal({ progress: null }))).toBe('no-data');
  });
});

describe('buildGoalCard', () => {
  it('formats currency values and the target line', () => {
    const card = buildGoalCard(goal());
    expect(card).toMatchObject({
      metricLabel: 'Revenue',
      latestValue: '$11M',
      latestPeriod: 'Jun 2026',
      target: '$12M',
      baseline: '$10M',
      targetLine: 'Increase to $12M by Dec 31, 2026',
      progressBar: 0.5,
      progressLabel: '50% of the way from baseline',
      statusLabel: 'On track',
    });
  });

  it('formats market share as a percentage', () => {
    const card = buildGoalCard(
      goal({ metric: 'market_share', unit: '%', baseline: 18, target: 22.5, latest: { period: '2026-06-01', value: 19.75 }, progress: 0.39 }),
    );
    expect([card.metricLabel, card.latestValue, card.target]).toEqual(['Market share', '19.8%', '22.5%']);
  });

  it('formats EUR as currency', () => {
    expect(buildGoalCard(goal({ unit: 'EUR', latest: { period: '2026-06-01', value: 850_000 } })).latestValue).toBe('€850K');
  });

  it('clamps the bar but reports the real overshoot', () => {
    const card = buildGoalCard(goal({ progress: 1.25 }));
    expect(card.progressBar).toBe(1);
    expect(card.progressLabel).toBe('125% of the way from baseline');
    expect(card.status).toBe('met');
  });

  it('shows a goal without values', () => {
    const card = buildGoalCard(goal({ latest: null, progress: null, values: [] }));
    expect(card).toMatchObject({ latestValue: '—', latestPeriod: null, progressBar: 0, progressLabel: 'No progress yet', statusLabel: 'No data yet' });
  });
});

describe('buildSparkline', () => {
  it('orders months and falls back to the goal target', () => {
    expect(buildSparkline(goal())).toEqual([
      { period: '2026-01-01', value: 10_000_000, target: 10_100_000 },
      { period: '2026-02-01', value: 10_200_000, target: 12_000_000 },
    ]);
  });
});
