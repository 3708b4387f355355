import { goalCardFixture, statusFixture } from './goals.fixtures';
import { buildGoalCard, buildSparkline, clampProgress, formatChance, formatGoalValue } from './goals.transform';

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

describe('formatGoalValue', () => {
  it('writes money in the goal’s ISO currency, compact from 10,000', () => {
    expect(formatGoalValue(44_803_763, { unit_kind: 'currency', unit: 'USD' })).toBe('$44.8M');
    expect(formatGoalValue(850_000, { unit_kind: 'currency', unit: 'EUR' })).toBe('€850K');
    expect(formatGoalValue(44_803_763, { unit_kind: 'currency', unit: 'USD' }, { compact: false })).toBe('$44,803,763');
    // A code outside the dashboard's short list still formats as money.
    expect(formatGoalValue(1_500_000, { unit_kind: 'currency', unit: 'BRL' })).toBe('R$1.5M');
  });

  it('writes other units after the number, and % as a percentage', () => {
    expect(formatGoalValue(15.4, { unit_kind: 'unit', unit: '%' })).toBe('15.4%');
    expect(formatGoalValue(42, { unit_kind: 'unit', unit: 'NPS points' })).toBe('42 NPS points');
  });
});

describe('formatChance', () => {
  it('never rounds to a certainty', () => {
    expect(formatChance(0.0679)).toBe('7%');
    expect(formatChance(0.004)).toBe('under 1%');
    expect(formatChance(0.996)).toBe('over 99%');
  });
});

describe('buildGoalCard', () => {
  it('words the server’s status, progress against expected, and the forecast for the last month', () => {
    const card = buildGoalCard(goalCardFixture());
    expect(card).toMatchObject({
      metricLabel: 'Revenue',
      scopeLabel: 'Organisation',
      status: 'off_track',
      statusLabel: 'Off track',
      statusReason: null,
      latestValue: '$44.8M',
      latestPeriod: 'Nov 2026',
      target: '$48M',
      baseline: '$40.2M',
      targetLine: 'Increase to $48M by Feb 28, 2027',
      progressBar: 0.5902,
      expectedBar: 0.75,
      progressLabel: '59% of the way from baseline to target (75% expected by Nov 2026)',
      forecast: { month: 'Feb 2027', value: '$46.3M', range: '80% range $44.8M – $47.7M', chance: '7% chance of meeting the target' },
      forecastReason: null,
    });
  });

  it('shows a goal without a value in its period: no status, the reason, no forecast', () => {
    const card = buildGoalCard(
      goalCardFixture({
        latest: null,
        status: statusFixture({ status: null, label: null, reason: 'No KPI value in the period yet.', as_of: null, latest: null, expected: null, progress: null, expected_progress: null }),
        forecast_end: null,
        probability_of_meeting_target: null,
        forecast_reason: 'too few points: n=0, need ≥ 3',
        sparkline: [],
      }),
    );
    expect(card).toMatchObject({
      status: 'none',
      statusLabel: 'No status yet',
      statusReason: 'No KPI value in the period yet.',
      latestValue: '—',
      latestPeriod: null,
      progressBar: 0,
      expectedBar: null,
      progressLabel: 'No progress yet',
      forecast: null,
      forecastReason: 'too few points: n=0, need ≥ 3',
    });
  });

  it('clamps the bar but reports the real overshoot', () => {
    const card = buildGoalCard(goalCardFixture({ status: statusFixture({ status: 'on_track', label: 'On track', progress: 1.25, expected_progress: 0.9 }) }));
    expect(card.progressBar).toBe(1);
    expect(card.progressLabel).toBe('125% of the way from baseline to target (90% expected by Nov 2026)');
  });
});

describe('buildSparkline', () => {
  it('orders months and measures each against its monthly target; a straight-line month has none', () => {
    expect(buildSparkline(goalCardFixture())).toEqual([
      { period: '2026-09-01', value: 44_891_025, target: null },
      { period: '2026-10-01', value: 43_893_562, target: 45_400_000 },
      { period: '2026-11-01', value: 44_803_763, target: 46_050_000 },
    ]);
  });

  it('draws a threshold goal’s target inside its period only', () => {
    const goal = goalCardFixture({
      target_type: 'at_or_above',
      target: 1_500_000,
      monthly_targets: [],
      sparkline: [
        { period: '2026-02-01', value: 1_200_000 },
        { period: '2026-03-01', value: 1_300_000 },
      ],
    });
    expect(buildSparkline(goal).map((p) => p.target)).toEqual([null, 1_500_000]);
  });
});
