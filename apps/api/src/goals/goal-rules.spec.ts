import { elapsedAtMonthEnd, expectedValue, goalForecast, goalProgress, goalSeries, goalStatus, type GoalRuleInput } from './goal-rules';

/** Known cases worked by hand (the arithmetic is written beside each); forecast references from SciPy. */

const year = { period_start: '2026-01-01', period_end: '2026-12-31', monthly_targets: [] as { period: string; target: number }[] };
const goal = (over: Partial<GoalRuleInput>): GoalRuleInput => ({ baseline: 100, target: 220, target_type: 'increase_to', ...year, ...over });
const at = (period: string, value: number) => [{ period, value }];

describe('goalProgress', () => {
  it('is the share of the way from baseline to target', () => {
    expect(goalProgress(100, 200, 150)).toBe(0.5);
    expect(goalProgress(20, 10, 15)).toBe(0.5); // decrease_to
    expect(goalProgress(100, 200, 90)).toBeCloseTo(-0.1);
    expect(goalProgress(100, 200, null)).toBeNull();
    expect(goalProgress(5, 5, 6)).toBe(1);
  });
});

describe('expected value', () => {
  it('follows the straight line for trajectory goals, read at the end of the month', () => {
    // end of March 2026: 31 + 28 + 31 = 90 of 365 days
    expect(elapsedAtMonthEnd(year, '2026-03-01')).toBeCloseTo(90 / 365, 12);
    expect(expectedValue(goal({}), '2026-03-01')).toEqual({ value: 100 + 120 * (90 / 365), from: 'trajectory' });
    expect(expectedValue(goal({}), '2026-12-01').value).toBeCloseTo(220, 10);
  });

  it('uses a monthly target when set, and the target itself for threshold goals', () => {
    expect(expectedValue(goal({ monthly_targets: [{ period: '2026-03-01', target: 130 }] }), '2026-03-01')).toEqual({ value: 130, from: 'monthly_target' });
    expect(expectedValue(goal({ target_type: 'at_or_above', baseline: 850, target: 1500 }), '2026-03-01')).toEqual({ value: 1500, from: 'target' });
  });
});

describe('status rule', () => {
  // increase_to 100 → 220, expected at the end of March = 100 + 120·90/365 = 129.589
  it.each([
    [130, 'on_track', 0], // ahead of expected: shortfall 0
    [124, 'on_track', (129.58904109589 - 124) / 120], // 0.0466
    [120, 'at_risk', (129.58904109589 - 120) / 120], // 0.0799
    [110, 'off_track', (129.58904109589 - 110) / 120], // 0.1632
  ])('increase_to: latest %p in March is %p', (latest, status, shortfall) => {
    const s = goalStatus(goal({}), at('2026-03-01', latest));
    expect(s.status).toBe(status);
    expect(s.shortfall).toBeCloseTo(shortfall, 9);
    expect(s).toMatchObject({ as_of: '2026-03-01', latest, expected_from: 'trajectory', reason: null });
    expect(s.elapsed).toBeCloseTo(90 / 365, 12);
    expect(s.progress).toBeCloseTo((latest - 100) / 120, 12);
    expect(s.rule).toMatch(/^Status compares the latest KPI value/);
  });

  it('puts the boundaries on the lenient side: exactly 5% is on track, exactly 15% at risk', () => {
    const g = goal({ monthly_targets: [{ period: '2026-03-01', target: 130 }] });
    expect(goalStatus(g, at('2026-03-01', 124)).status).toBe('on_track'); // 6 / 120 = 0.05
    expect(goalStatus(g, at('2026-03-01', 112)).status).toBe('at_risk'); // 18 / 120 = 0.15
    expect(goalStatus(g, at('2026-03-01', 111.9)).status).toBe('off_track'); // 18.1 / 120 = 0.1508
  });

  it.each([
    // decrease_to 20 → 10: expected end of March = 20 − 10·90/365 = 17.534
    [{ baseline: 20, target: 10, target_type: 'decrease_to' as const }, 18, 'on_track'], // 0.466 / 10 = 0.047
    [{ baseline: 20, target: 10, target_type: 'decrease_to' as const }, 19, 'at_risk'], // 1.466 / 10 = 0.147
    [{ baseline: 20, target: 10, target_type: 'decrease_to' as const }, 19.2, 'off_track'], // 0.167
    // at_or_above 1500 (baseline 850): expected = 1500, distance 650
    [{ baseline: 850, target: 1500, target_type: 'at_or_above' as const }, 1480, 'on_track'], // 20 / 650 = 0.031
    [{ baseline: 850, target: 1500, target_type: 'at_or_above' as const }, 1450, 'at_risk'], // 50 / 650 = 0.077
    [{ baseline: 850, target: 1500, target_type: 'at_or_above' as const }, 1400, 'off_track'], // 100 / 650 = 0.154
    // at_or_below 50 with baseline = target: distance is the target itself, 50
    [{ baseline: 50, target: 50, target_type: 'at_or_below' as const }, 45, 'on_track'], // below: shortfall 0
    [{ baseline: 50, target: 50, target_type: 'at_or_below' as const }, 52, 'on_track'], // 2 / 50 = 0.04
    [{ baseline: 50, target: 50, target_type: 'at_or_below' as const }, 58, 'off_track'], // 8 / 50 = 0.16
  ])('%o with latest %p is %p', (over, latest, status) => {
    expect(goalStatus(goal(over), at('2026-03-01', latest)).status).toBe(status);
  });

  it('uses the latest value inside the period, and has no status without one', () => {
    const values = [
      { period: '2025-11-01', value: 500 }, // before the period: history only
      { period: '2026-02-01', value: 110 },
      { period: '2026-01-01', value: 300 },
    ];
    expect(goalStatus(goal({}), values)).toMatchObject({ as_of: '2026-02-01', latest: 110 });
    expect(goalStatus(goal({}), [values[0]])).toMatchObject({ status: null, label: null, reason: 'No KPI value in the period yet.', shortfall: null });
  });
});

describe('forecast rule', () => {
  // y = [100,104,103,109,112,111,118,121] for Jan..Aug 2026 (x = 0..7). SciPy (stats.linregress and
  // the t prediction interval with 6 df): at x = 11 (December) 131.5357, 80% [127.2954, 135.7760],
  // 95% [124.3292, 138.7422], P(Y ≥ 125) = 0.9658609570252811; at x = 8 (September) 122.8214, 80% [119.3971, 126.2458].
  const ys = [100, 104, 103, 109, 112, 111, 118, 121];
  const values = ys.map((value, i) => ({ period: `2026-0${i + 1}-01`, value }));

  it('fits a line to the monthly values and bands every remaining month', () => {
    const { forecast, reason } = goalForecast(goal({ baseline: 100, target: 125 }), values);
    expect(reason).toBeNull();
    expect(forecast!.forecast).toBe(true);
    expect(forecast!.n).toBe(8);
    expect(forecast!.points.map((p) => p.period)).toEqual(['2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01']);
    expect(forecast!.points.every((p) => p.forecast === true)).toBe(true);
    const [sep] = forecast!.points;
    expect(sep.value).toBeCloseTo(122.82142857142857, 8);
    expect(sep.lower80).toBeCloseTo(119.39708287322753, 6);
    expect(sep.upper80).toBeCloseTo(126.2457742696296, 6);
    const end = forecast!.end;
    expect(end.period).toBe('2026-12-01');
    expect(end.value).toBeCloseTo(131.53571428571428, 8);
    expect([end.lower80, end.upper80]).toEqual([expect.closeTo(127.2954210600193, 6), expect.closeTo(135.77600751140926, 6)]);
    expect([end.lower95, end.upper95]).toEqual([expect.closeTo(124.32919764843633, 6), expect.closeTo(138.74223092299223, 6)]);
    expect(forecast!.meets_target).toBe(true);
    expect(forecast!.probability_of_meeting_target).toBeCloseTo(0.9658609570252811, 7);
    expect(forecast!.slope_per_month).toBeCloseTo(2.9047619047619047, 10);
  });

  it('turns the probability around when lower is better', () => {
    const { forecast } = goalForecast(goal({ baseline: 130, target: 125, target_type: 'decrease_to' }), values);
    expect(forecast!.meets_target).toBe(false);
    expect(forecast!.probability_of_meeting_target).toBeCloseTo(1 - 0.9658609570252811, 7);
  });

  it('refuses with fewer than 3 values or nothing left to forecast', () => {
    expect(goalForecast(goal({}), values.slice(0, 2))).toEqual({ forecast: null, reason: 'too few points: n=2, need ≥ 3' });
    expect(goalForecast(goal({}), [])).toEqual({ forecast: null, reason: 'too few points: n=0, need ≥ 3' });
    const full = Array.from({ length: 12 }, (_, i) => ({ period: `2026-${String(i + 1).padStart(2, '0')}-01`, value: 100 + i }));
    expect(goalForecast(goal({}), full).reason).toMatch(/^Nothing left to forecast/);
  });

  it('fits on the latest 24 values at most, history before the period included', () => {
    const long = Array.from({ length: 30 }, (_, i) => ({ period: new Date(Date.UTC(2023, 7 + i, 1)).toISOString().slice(0, 10), value: i }));
    const { forecast } = goalForecast(goal({}), long);
    expect(forecast).toMatchObject({ n: 24, fitted_from: '2024-02-01', fitted_to: '2026-01-01' });
  });
});

describe('goal series', () => {
  it('runs from the first value to the period end with actual, expected and forecast', () => {
    const values = [{ period: '2025-12-01', value: 95 }, ...[100, 104, 103].map((value, i) => ({ period: `2026-0${i + 1}-01`, value }))];
    const { forecast } = goalForecast(goal({}), values);
    const series = goalSeries(goal({}), values, forecast);
    expect(series).toHaveLength(13);
    expect(series[0]).toEqual({ period: '2025-12-01', actual: 95, expected: null, forecast: null });
    expect(series[3]).toMatchObject({ period: '2026-03-01', actual: 103, forecast: null });
    expect(series[4]).toMatchObject({ period: '2026-04-01', actual: null, forecast: { forecast: true } });
    expect(series[12].expected).toBeCloseTo(220, 9);
  });
});
