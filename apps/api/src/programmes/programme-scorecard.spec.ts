import { metricUpTo, mondayOf, weekEnds } from './programme-scorecard';

const day = (d: string, over: Partial<{ reached: number; interacted: number; active: number; reads: number; items: number }> = {}) => ({
  day: d,
  reached: 0,
  interacted: 0,
  active: 0,
  reads: 0,
  items: 0,
  ...over,
});

describe('programme scorecard metrics', () => {
  // 20 members, k = 5. Mon 2026-03-02: 2 items published, 6 members reached (all active), 8 reads, 5 interact.
  // Wed 2026-03-04: 1 more item, 4 more reached, 2 more active elsewhere, 7 reads.
  const days = [day('2026-03-02', { items: 2, reached: 6, active: 6, reads: 8, interacted: 5 }), day('2026-03-04', { items: 1, reached: 4, active: 6, reads: 7 })];
  const input = (metric: Parameters<typeof metricUpTo>[0]['metric']) => ({ metric, n: 20, k: 5, days });

  it('accumulates from the start of the period, hand-computed', () => {
    expect(metricUpTo(input('reach_rate'), '2026-03-02')).toBeCloseTo(6 / 20, 12);
    expect(metricUpTo(input('reach_rate'), '2026-03-08')).toBeCloseTo(10 / 20, 12);
    expect(metricUpTo(input('active_share'), '2026-03-08')).toBeCloseTo(12 / 20, 12);
    // read rate = reads / (members × items): 8 / (20 × 2), then 15 / (20 × 3)
    expect(metricUpTo(input('read_rate'), '2026-03-03')).toBeCloseTo(8 / 40, 12);
    expect(metricUpTo(input('read_rate'), '2026-03-08')).toBeCloseTo(15 / 60, 12);
    expect(metricUpTo(input('interaction_rate'), '2026-03-08')).toBeCloseTo(5 / 10, 12);
  });

  it('hides what would give away 1..k-1 people, and is undefined without items', () => {
    // interacted 5 of 6 reached: the 1 who did not interact would be given away
    expect(metricUpTo(input('interaction_rate'), '2026-03-02')).toBeNull();
    expect(metricUpTo({ ...input('reach_rate'), days: [day('2026-03-02', { reached: 3 })] }, '2026-03-02')).toBeNull();
    expect(metricUpTo({ ...input('reach_rate'), days: [day('2026-03-02', { reached: 17 })] }, '2026-03-02')).toBeNull();
    expect(metricUpTo({ ...input('reach_rate'), days: [day('2026-03-02', { reached: 20 })] }, '2026-03-02')).toBe(1);
    expect(metricUpTo(input('read_rate'), '2026-03-01')).toBeNull();
  });

  it('takes the mean score from the members’ score total', () => {
    expect(metricUpTo({ ...input('mean_score'), scoreTotal: (d) => (d === '2026-03-08' ? 900 : undefined) }, '2026-03-08')).toBe(45);
    expect(metricUpTo({ ...input('mean_score'), scoreTotal: () => undefined }, '2026-03-08')).toBeNull();
  });

  it('reads the series on Sundays, the last one cut at as-of', () => {
    expect(mondayOf('2026-03-04')).toBe('2026-03-02');
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(weekEnds('2026-03-04', '2026-03-18')).toEqual([
      { week: '2026-03-02', day: '2026-03-08' },
      { week: '2026-03-09', day: '2026-03-15' },
      { week: '2026-03-16', day: '2026-03-18' },
    ]);
  });
});
