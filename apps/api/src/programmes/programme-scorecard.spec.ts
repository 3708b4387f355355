import { isSmall } from '@hubpulse/disclosure';
import { mondayOf } from '@hubpulse/contracts';
import { metricSeries, weekEnds } from './programme-scorecard';

const day = (d: string, over: Partial<{ reached: number; interacted: number; active: number; reads: number; readers: number; items: number }> = {}) => ({
  day: d,
  reached: 0,
  interacted: 0,
  active: 0,
  reads: 0,
  readers: 0,
  items: 0,
  ...over,
});
const weeks = (...days: string[]) => days.map((d) => ({ week: mondayOf(d), day: d }));

describe('programme scorecard metrics', () => {
  // 20 members, k = 5. Mon 2026-03-02: 2 items published, 6 members reached (all active), 8 reads by 6 readers, 5 interact.
  // Wed 2026-03-11: 1 more item, 6 more reached, 6 more active elsewhere, 7 reads by 5 more readers.
  const days = [day('2026-03-02', { items: 2, reached: 6, active: 6, reads: 8, readers: 6, interacted: 5 }), day('2026-03-11', { items: 1, reached: 6, active: 6, reads: 7, readers: 5 })];
  const input = (metric: Parameters<typeof metricSeries>[0]['metric']) => ({ metric, n: 20, k: 5, days });
  const values = (metric: Parameters<typeof metricSeries>[0]['metric'], over: object = {}) => metricSeries({ ...input(metric), ...over }, weeks('2026-03-08', '2026-03-15')).map((w) => w.value);

  it('accumulates from the start of the period, hand-computed', () => {
    expect(values('reach_rate')).toEqual([6 / 20, 12 / 20]);
    expect(values('active_share')).toEqual([6 / 20, 12 / 20]);
    // read rate = reads / (members × items): 8 / (20 × 2), then 15 / (20 × 3)
    expect(values('read_rate')).toEqual([8 / 40, 15 / 60]);
  });

  it('hides what would give away 1..k-1 people, and is undefined without items', () => {
    // interacted 5 of 6 reached: the 1 who did not interact would be given away
    expect(metricSeries(input('interaction_rate'), weeks('2026-03-08'))[0]).toMatchObject({ value: null, hidden: 'complement' });
    const one = (over: object) => metricSeries({ ...input('reach_rate'), days: [day('2026-03-02', over)] }, weeks('2026-03-08'))[0];
    expect(one({ reached: 3 })).toMatchObject({ value: null, hidden: 'numerator' });
    expect(one({ reached: 17 })).toMatchObject({ value: null, hidden: 'complement' });
    // everyone: the complement is nobody, and "everyone did" is a statement about each of them
    expect(one({ reached: 20 })).toMatchObject({ value: null, hidden: 'complement' });
    expect(metricSeries(input('read_rate'), weeks('2026-03-01'))[0]).toMatchObject({ value: null, hidden: null });
  });

  it('never lets two shown weeks differ by 1..k-1 people: a week growing by 2 is hidden until the growth reaches k', () => {
    // 40 members; 10 reached in week 1, +2 in week 2 (hidden: 12 − 10 = 2 people), +3 in week 3 (15 − 10 = 5: shown)
    const grow = [day('2026-03-02', { reached: 10 }), day('2026-03-09', { reached: 2 }), day('2026-03-16', { reached: 3 })];
    const s = metricSeries({ metric: 'reach_rate', n: 40, k: 5, days: grow }, weeks('2026-03-08', '2026-03-15', '2026-03-22'));
    expect(s.map((w) => w.hidden)).toEqual([null, 'period', null]);
    expect(s.map((w) => w.value)).toEqual([10 / 40, null, 15 / 40]);
    const shownPeople = s.filter((w) => w.value !== null).map((w) => w.value! * 40);
    for (const a of shownPeople) for (const b of shownPeople) expect(isSmall(Math.abs(a - b), 5)).toBe(false);
  });

  it('takes the mean score from the members’ score total, with at least k members scoring', () => {
    const score = (t: { total: number; contributors: number } | undefined) => metricSeries({ ...input('mean_score'), scoreTotal: () => t }, weeks('2026-03-08'))[0];
    expect(score({ total: 900, contributors: 20 })).toMatchObject({ value: 45, hidden: null });
    expect(score({ total: 90, contributors: 1 })).toMatchObject({ value: null, hidden: 'numerator' });
    expect(score(undefined)).toMatchObject({ value: null, hidden: null });
  });

  it('hides the mean score on a day the group plan hides this group’s mean, whatever the members alone allow', () => {
    const series = metricSeries({ ...input('mean_score'), scoreTotal: () => ({ total: 900, contributors: 20, planHidden: 'complement' }) }, weeks('2026-03-08'));
    expect(series[0]).toMatchObject({ value: null, hidden: 'complement' });
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
