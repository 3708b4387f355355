import { pickDayTicks } from '../shared/day-ticks';
import { buildEngagementSeries, engagementChartSummary, engagementChartTable, summarizeEngagement } from './engagement.transform';

const range = { from: '2026-03-01', to: '2026-03-05' };

describe('buildEngagementSeries', () => {
  it('fills missing days so gaps stay in place', () => {
    const points = buildEngagementSeries(
      [
        { day: '2026-03-01', index: 61.23, people: 40, hidden_reason: null },
        { day: '2026-03-04', index: 58, people: 38, hidden_reason: null },
      ],
      range,
    );
    expect(points.map((p) => p.day)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    expect(points.map((p) => p.index)).toEqual([61.2, null, null, 58, null]);
    expect(points[1]).toEqual({ day: '2026-03-02', index: null, people: null, status: 'no-data' });
  });

  it('tells a suppressed day from a day without data', () => {
    const points = buildEngagementSeries(
      [
        { day: '2026-03-02', index: null, people: null, hidden_reason: null },
        { day: '2026-03-03', index: null, people: 0, hidden_reason: null },
      ],
      range,
    );
    expect(points.map((p) => p.status)).toEqual(['no-data', 'suppressed', 'no-data', 'no-data', 'no-data']);
  });

  it('accepts date-time days and keeps rows outside the announced range', () => {
    const points = buildEngagementSeries([{ day: '2026-03-07T00:00:00Z', index: 50, people: 9, hidden_reason: null }], range);
    expect(points).toHaveLength(7);
    expect(points[6]).toMatchObject({ day: '2026-03-07', index: 50, status: 'ok' });
  });

  it('clamps the index to 0–100', () => {
    const points = buildEngagementSeries(
      [
        { day: '2026-03-01', index: 104, people: 9, hidden_reason: null },
        { day: '2026-03-02', index: -3, people: 9, hidden_reason: null },
      ],
      { from: '2026-03-01', to: '2026-03-02' },
    );
    expect(points.map((p) => p.index)).toEqual([100, 0]);
  });

  it('trims empty leading days for "all time"', () => {
    const points = buildEngagementSeries([{ day: '2026-03-04', index: 70, people: 12, hidden_reason: null }], { from: '2000-01-01', to: '2026-03-05' }, {
      trimLeadingEmpty: true,
    });
    expect(points.map((p) => p.day)).toEqual(['2026-03-04', '2026-03-05']);
    expect(buildEngagementSeries([], range, { trimLeadingEmpty: true })).toEqual([]);
  });
});

describe('summarizeEngagement', () => {
  it('averages the shown days and counts suppressed ones', () => {
    const points = buildEngagementSeries(
      [
        { day: '2026-03-01', index: 60, people: 40, hidden_reason: null },
        { day: '2026-03-02', index: null, people: null, hidden_reason: null },
        { day: '2026-03-03', index: 65, people: 41, hidden_reason: null },
      ],
      range,
    );
    const summary = summarizeEngagement(points);
    expect(summary).toMatchObject({ hasIndex: true, suppressedDays: 1, average: 62.5 });
    expect(summary.latest?.day).toBe('2026-03-03');
  });

  it('has nothing to show when every day is suppressed', () => {
    const summary = summarizeEngagement(buildEngagementSeries([{ day: '2026-03-01', index: null, people: null, hidden_reason: null }], range));
    expect(summary).toEqual({ hasIndex: false, suppressedDays: 1, latest: null, average: null });
  });
});

describe('pickDayTicks', () => {
  it('spreads ticks and keeps both ends', () => {
    const points = buildEngagementSeries([], { from: '2026-01-01', to: '2026-03-31' });
    const ticks = pickDayTicks(points, 4);
    expect(ticks).toEqual(['2026-01-01', '2026-01-31', '2026-03-01', '2026-03-31']);
    expect(pickDayTicks(points.slice(0, 3), 6)).toHaveLength(3);
  });
});

describe('engagement chart text alternative and table', () => {
  const points = buildEngagementSeries(
    [
      { day: '2026-03-01', index: 40, people: 40, hidden_reason: null },
      { day: '2026-03-02', index: null, people: 3, hidden_reason: 'below_minimum' },
      { day: '2026-03-03', index: 52.14, people: 44, hidden_reason: null },
      { day: '2026-03-05', index: 45, people: null, hidden_reason: null },
    ],
    range,
  );

  it('summarises the trend, the extremes and the hidden day', () => {
    expect(engagementChartSummary(points)).toBe(
      'Engagement index, Mar 1, 2026 to Mar 5, 2026 (5 days): rose from 40.0% to 45.0%. Highest 52.1% (Mar 3, 2026); lowest 40.0% (Mar 1, 2026). 1 day hidden for privacy; 1 day without data.',
    );
  });

  it('shows a hidden day as hidden in both columns, never its people count', () => {
    const table = engagementChartTable(points);
    expect(table.columns.map((c) => c.label)).toEqual(['Engagement index', 'People active in the 7 days']);
    expect(table.rows[0].cells).toEqual([{ kind: 'value', text: '40.0%' }, { kind: 'value', text: '40' }]);
    expect(table.rows[1].cells).toEqual([{ kind: 'hidden', reason: 'below_minimum' }, { kind: 'hidden', reason: 'below_minimum' }]);
    expect(JSON.stringify(table.rows[1])).not.toMatch(/"3"/);
    expect(table.rows[3].cells).toEqual([{ kind: 'none', text: 'no data' }, { kind: 'none', text: 'nobody active' }]);
    // a shown index whose people count the API hid
    expect(table.rows[4].cells).toEqual([{ kind: 'value', text: '45.0%' }, { kind: 'hidden', reason: null }]);
  });
});
