import { pickDayTicks } from '../shared/day-ticks';
import { buildEngagementSeries, summarizeEngagement } from './engagement.transform';

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
