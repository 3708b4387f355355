import { groupMonths, monthChunks } from './score-compute.service';

describe('monthChunks', () => {
  it('splits a range at month ends', () => {
    expect(monthChunks('2026-01-20', '2026-03-05')).toEqual([
      ['2026-01-20', '2026-01-31'],
      ['2026-02-01', '2026-02-28'],
      ['2026-03-01', '2026-03-05'],
    ]);
    expect(monthChunks('2026-02-03', '2026-02-03')).toEqual([['2026-02-03', '2026-02-03']]);
  });

  it('groups whole months into chunks of at most the given days', () => {
    const months = monthChunks('2026-01-01', '2026-05-10');
    expect(groupMonths(months, 100).map((c) => [c[0][0], c[c.length - 1][1]])).toEqual([
      ['2026-01-01', '2026-03-31'],
      ['2026-04-01', '2026-05-10'],
    ]);
    // a month longer than the limit still forms its own chunk
    expect(groupMonths(months, 20)).toHaveLength(5);
  });
});
