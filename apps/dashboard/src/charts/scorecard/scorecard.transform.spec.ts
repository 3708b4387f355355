import type { ProgrammeForecastDto, ProgrammeScorecardDto } from '@hubpulse/contracts';
import { buildForecastView, buildScorecardPoints, forecastInterval, formatMeasure, scorecardDomainMax } from './scorecard.transform';

const card: ProgrammeScorecardDto = {
  programme_id: 'p1',
  metric: 'read_rate',
  definition: 'd',
  target: 0.3,
  from: '2026-11-02',
  to: '2026-12-31',
  as_of: '2026-11-25',
  elapsed: 0.4,
  members: 120,
  members_hidden: null,
  actual_hidden: null,
  actual: 0.22,
  progress: 0.73,
  status: 'below',
  series: [
    { week: '2026-11-16', value: 0.2, hidden: null },
    { week: '2026-11-02', value: null, hidden: 'period' },
    { week: '2026-11-09', value: 0.35, hidden: null },
  ],
  min_group_size: 5,
  membership: 'launch',
};

describe('scorecard', () => {
  it('formats measures in their unit', () => {
    expect(formatMeasure('read_rate', 0.355)).toBe('36%');
    expect(formatMeasure('reach_rate', 0.042)).toBe('4.2%');
    expect(formatMeasure('mean_score', 61.26)).toBe('61.3');
  });

  it('orders weeks, keeps hidden weeks as gaps and carries the target', () => {
    expect(buildScorecardPoints(card).map((p) => [p.week, p.value, p.target])).toEqual([
      ['2026-11-02', null, 0.3],
      ['2026-11-09', 0.35, 0.3],
      ['2026-11-16', 0.2, 0.3],
    ]);
  });

  it('leaves room above the highest of target and values, within the scale', () => {
    expect(scorecardDomainMax(card)).toBeCloseTo(0.4025);
    expect(scorecardDomainMax({ ...card, target: 0.95 })).toBe(1);
    expect(scorecardDomainMax({ ...card, metric: 'mean_score', target: 0, actual: null, series: [] })).toBe(100);
  });
});

describe('forecast', () => {
  const f: ProgrammeForecastDto = {
    programme_id: 'p1',
    segment_id: 's1',
    from: '2026-08-28',
    to: '2026-11-25',
    segment_size: 400,
    segment_size_hidden: null,
    reason: null,
    pooled_read_rate: null,
    pooled_read_rate_hidden: null,
    expected_readers: { estimate: 123.4, lower: 100, upper: 150.2 },
    channels: [{ channel: 'blog', items: 12, read_rate: { observed: 0.3, estimate: 0.31, lower: 0.25, upper: 0.37, org: 0.2, lift: 1.5, lift_lower: 1.2, lift_upper: 1.8, weight: 0.9 }, read_rate_hidden: null, expected_readers: 124 }],
    definition: 'd',
  };

  it('says the expected readers with their interval', () => {
    expect(buildForecastView(f, (c) => c.toUpperCase())).toEqual({
      headline: '123 expected readers per item',
      reason: null,
      channels: [{ channel: 'BLOG', items: 12, rate: '31%', readers: '124' }],
    });
    expect(forecastInterval(f)).toBe('95% interval 100–150');
  });

  it('gives the reason when there is no forecast', () => {
    const v = buildForecastView({ ...f, expected_readers: null, reason: 'The segment is too small to show.' }, String);
    expect(v).toMatchObject({ headline: null, reason: 'The segment is too small to show.' });
    expect(forecastInterval({ ...f, expected_readers: null })).toBeNull();
  });
});
