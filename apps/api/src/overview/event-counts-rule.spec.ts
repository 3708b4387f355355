import { releaseEventCounts, type DayMask } from './event-counts-rule';

const days = ['2026-03-01', '2026-03-02'];
/** 6 people on blog only, 2 on ceo_blog only, 5 on qa only, every day (bits: blog 1, ceo_blog 2, qa 4). */
const masks: DayMask[] = days.flatMap((day) => [
  { day, mask: 1, n: 6 },
  { day, mask: 2, n: 2 },
  { day, mask: 4, n: 5 },
]);

describe('releaseEventCounts', () => {
  it('hides a channel used by fewer than k people on a day, and the next smallest with it', () => {
    // ceo_blog (2 people) fails; ceo_blog + qa: 7 people a day pass together
    expect(releaseEventCounts(days, [100, 7, 40], masks, 5)).toEqual({ total: null, channels: [null, 'period', 'complementary'] });
  });

  it('hides a total when one day had fewer than k people', () => {
    const quiet: DayMask[] = [...masks.filter((m) => m.day === days[0]), { day: days[1], mask: 1, n: 3 }];
    expect(releaseEventCounts(days, [100, 7, 40], quiet, 5).total).toBe('period');
  });

  it('shows everything when every channel had k people every day', () => {
    const busy = masks.map((m) => ({ ...m, n: 5 }));
    expect(releaseEventCounts(days, [100, 7, 40], busy, 5)).toEqual({ total: null, channels: [null, null, null] });
  });
});
