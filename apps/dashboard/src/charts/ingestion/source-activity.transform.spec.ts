import { buildMinuteSeries, formatBucket, pickBucketMinutes } from './source-activity.transform';

describe('buildMinuteSeries', () => {
  it('fills every minute of the window, zero where nothing came', () => {
    const { bucketMinutes, points } = buildMinuteSeries(
      [
        { minute: '2026-03-01T10:28:00Z', accepted: 5, rejected: 1 },
        { minute: '2026-03-01T10:30:00Z', accepted: 2, rejected: 0 },
      ],
      15,
      '2026-03-01T10:30:20Z',
    );
    expect(bucketMinutes).toBe(1);
    expect(points).toHaveLength(15);
    expect(new Date(points[0].start).toISOString()).toBe('2026-03-01T10:16:00.000Z');
    expect(new Date(points[14].start).toISOString()).toBe('2026-03-01T10:30:00.000Z');
    expect(points.slice(-3).map((p) => [p.accepted, p.rejected])).toEqual([
      [5, 1],
      [0, 0],
      [2, 0],
    ]);
  });

  it('groups a day into 15-minute buckets and sums within them', () => {
    const { bucketMinutes, points } = buildMinuteSeries(
      [
        { minute: '2026-03-01T10:01:00Z', accepted: 1, rejected: 0 },
        { minute: '2026-03-01T10:14:00Z', accepted: 2, rejected: 3 },
        { minute: '2026-03-01T10:15:00Z', accepted: 4, rejected: 0 },
      ],
      1440,
      '2026-03-01T10:30:20Z',
    );
    expect(bucketMinutes).toBe(15);
    expect(points.length).toBeLessThanOrEqual(120);
    const at = (iso: string) => points.find((p) => p.start === Date.parse(iso));
    expect(at('2026-03-01T10:00:00Z')).toEqual({ start: Date.parse('2026-03-01T10:00:00Z'), accepted: 3, rejected: 3 });
    expect(at('2026-03-01T10:15:00Z')?.accepted).toBe(4);
    expect(points.reduce((n, p) => n + p.accepted, 0)).toBe(7);
  });

  it('keeps traffic the server placed just outside the window', () => {
    const { points } = buildMinuteSeries([{ minute: '2026-03-01T10:15:00Z', accepted: 9, rejected: 0 }], 15, '2026-03-01T10:30:20Z');
    expect(points).toHaveLength(16);
    expect(points[0].accepted).toBe(9);
  });

  it('ignores unreadable minutes and copes without a generation time', () => {
    expect(buildMinuteSeries([{ minute: 'nope', accepted: 1, rejected: 0 }], 15, '2026-03-01T10:30:20Z').points).toHaveLength(15);
    expect(buildMinuteSeries([], 15, 'bad').points).toEqual([]);
    expect(buildMinuteSeries([{ minute: '2026-03-01T10:00:00Z', accepted: 1, rejected: 0 }], 15, 'bad').points).toHaveLength(15);
  });

  it('picks coarser buckets only when needed', () => {
    expect(pickBucketMinutes(61)).toBe(1);
    expect(pickBucketMinutes(120)).toBe(1);
    expect(pickBucketMinutes(121)).toBe(2);
    expect(pickBucketMinutes(1440)).toBe(15);
  });

  it('names buckets by time of day', () => {
    expect(formatBucket(Date.parse('2026-03-01T09:31:00Z'), 1, 'UTC')).toBe('09:31');
    expect(formatBucket(Date.parse('2026-03-01T09:30:00Z'), 15, 'UTC')).toBe('09:30–09:45');
  });
});
