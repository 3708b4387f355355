import { goalDetailFixture } from './goals.fixtures';
import { buildKpiChart, formatSetAt, kpiChartSummary, kpiChartTable, kpiValueRows, niceAxis, niceStep } from './kpi-target.transform';

describe('buildKpiChart', () => {
  it('orders the months and starts the forecast line and bands at the last measured value', () => {
    const { points, forecastSpan } = buildKpiChart(goalDetailFixture());
    expect(points.map((p) => p.label)).toEqual(['Oct 2026', 'Nov 2026', 'Dec 2026', 'Jan 2027']);
    // October: measured only.
    expect(points[0]).toMatchObject({ actual: 43_893_562, expected: 45_400_000, forecast: null, band80: null, isForecast: false });
    // November, the last value: the forecast is joined to it with a zero-width band.
    expect(points[1]).toMatchObject({ actual: 44_803_763, forecast: 44_803_763, band80: [44_803_763, 44_803_763], band95: [44_803_763, 44_803_763], isForecast: false });
    // December onwards: forecast months with their 80% and 95% bands, no measurement.
    expect(points[2]).toMatchObject({ actual: null, forecast: 45_100_000, band80: [43_700_000, 46_500_000], band95: [42_900_000, 47_300_000], isForecast: true });
    expect(forecastSpan).toEqual({ from: 'Nov 2026', to: 'Jan 2027' });
  });

  it('has no forecast stretch when the server gave none', () => {
    const goal = goalDetailFixture({
      forecast: null,
      forecast_reason: 'too few points: n=2, need ≥ 3',
      series: [
        { period: '2026-10-01', actual: 43_893_562, expected: 45_400_000, forecast: null },
        { period: '2026-11-01', actual: 44_803_763, expected: 46_050_000, forecast: null },
        { period: '2026-12-01', actual: null, expected: 46_739_178, forecast: null },
      ],
    });
    const { points, forecastSpan } = buildKpiChart(goal);
    expect(forecastSpan).toBeNull();
    expect(points.every((p) => p.forecast === null && p.band80 === null)).toBe(true);
  });

  it('keeps the target, the baseline and the whole 95% band inside the y-axis, on round ticks', () => {
    const { domain, ticks } = buildKpiChart(goalDetailFixture());
    // Lowest: the baseline $40.2M; highest: the last 95% band's top, $48.0M (the target is $48M).
    expect(domain).toEqual([40_000_000, 48_000_000]);
    expect(ticks).toEqual([40_000_000, 42_000_000, 44_000_000, 46_000_000, 48_000_000]);
  });

  it('picks round steps for any span', () => {
    expect(niceStep(7.8e6)).toBe(2e6);
    expect(niceStep(1.2)).toBe(0.25);
    expect(niceStep(0)).toBe(1);
    expect(niceAxis(14.2, 16.1)).toEqual({ domain: [14, 16.5], ticks: [14, 14.5, 15, 15.5, 16, 16.5] });
    expect(niceAxis(0.1, 0.3).ticks).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(niceAxis(5, 5).domain).toEqual([4.4, 5.6]); // ±10% around a flat line, in steps of 0.2
  });
});

describe('KPI values table', () => {
  it('lists the newest month first with who set it, the month’s target and the note', () => {
    expect(kpiValueRows(goalDetailFixture())).toEqual([
      { period: '2026-11-01', month: 'Nov 2026', value: 44_803_763, monthTarget: 46_050_000, source: 'CSV import', setBy: 'leader@example.com', setAt: 'Nov 26, 2026, 09:05 UTC', note: 'kpi.csv line 2' },
      { period: '2026-10-01', month: 'Oct 2026', value: 43_893_562, monthTarget: 45_400_000, source: 'Demo data', setBy: 'demo', setAt: 'Nov 26, 2026, 01:47 UTC', note: null },
    ]);
  });

  it('reads a broken timestamp back as it is', () => {
    expect(formatSetAt('yesterday')).toBe('yesterday');
  });
});

describe('KPI chart text alternative and table', () => {
  const fmt = (v: number) => `${(v / 1e6).toFixed(1)}M`;

  it('tells the measured course, the target and the forecast with its bands', () => {
    const model = buildKpiChart(goalDetailFixture());
    expect(kpiChartSummary(model, 50_000_000, fmt)).toBe(
      'Measured values, Oct 2026 to Nov 2026 (2 months): rose from 43.9M to 44.8M. Highest 44.8M (Nov 2026); lowest 43.9M (Oct 2026). Target 50.0M. Forecast for Jan 2027: 45.7M (80% band 44.3M to 47.1M; 95% band 43.4M to 48.0M).',
    );
  });

  it('puts the forecast and its bands only in forecast months', () => {
    const table = kpiChartTable(buildKpiChart(goalDetailFixture()), fmt);
    expect(table.columns.map((c) => c.label)).toEqual(['Measured', 'Where it should be', 'Forecast', '80% band', '95% band']);
    expect(table.rows[1].cells).toEqual([{ kind: 'value', text: '44.8M' }, { kind: 'value', text: '46.0M' }, { kind: 'none' }, { kind: 'none' }, { kind: 'none' }]);
    expect(table.rows[2].cells.slice(2)).toEqual([{ kind: 'value', text: '45.1M' }, { kind: 'value', text: '43.7M – 46.5M' }, { kind: 'value', text: '42.9M – 47.3M' }]);
  });

  it('says there is no forecast when the server gave none', () => {
    const goal = goalDetailFixture({ forecast: null, series: [{ period: '2026-10-01', actual: 1_000_000, expected: null, forecast: null }] });
    expect(kpiChartSummary(buildKpiChart(goal), 2_000_000, fmt)).toBe('Measured values, Oct 2026 (1 month): one value shown, 1.0M (Oct 2026). Target 2.0M. No forecast.');
  });
});
