import { monthChunks } from './score-compute.service';

describe('monthChunks', () => {
  it('splits a range at month ends', () => {
    expect(monthChunks('2026-01-20', '2026-03-05')).toEqual([
      ['2026-01-20', '2026-01-31'],
      ['2026-02-01', '2026-02-28'],
      ['2026-03-01', '2026-03-05'],
    ]);
    expect(monthChunks('2026-02-03', '2026-02-03')).toEqual([['2026-02-03', '2026-02-03']]);
  });
});
