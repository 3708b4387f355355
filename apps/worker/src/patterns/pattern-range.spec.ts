import { addDays, daysBetween, mondayOf } from '@hubpulse/contracts';
import { patternRanges } from './pattern-range';

describe('pattern ranges', () => {
  it('finds the Monday of an ISO week', () => {
    expect(mondayOf('2026-03-02')).toBe('2026-03-02'); // a Monday
    expect(mondayOf('2026-03-01')).toBe('2026-02-23'); // a Sunday belongs to the week before
    expect(mondayOf('2026-03-04')).toBe('2026-03-02');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(daysBetween('2026-02-23', '2026-03-03')).toBe(8);
  });

  it('extends a recompute to the later days the new events influence, never past the newest event', () => {
    // events on 03-03 move the 28-day indices to 03-30, the 8-week stages 7 weeks on, and answer items back to 90 days
    expect(patternRanges({ from: '2026-03-03', to: '2026-03-03' }, '2026-06-30')).toEqual({
      daily: { from: '2026-03-03', to: '2026-03-30' },
      weekly: { from: '2026-03-02', to: '2026-04-20' }, // Monday of 03-03 + 49 days = 04-21
      leader: { from: '2025-12-03', to: '2026-06-30' },
    });
    // the usual incremental run ends at the newest event: nothing later to refresh
    expect(patternRanges({ from: '2026-03-01', to: '2026-03-03' }, '2026-03-03')).toEqual({
      daily: { from: '2026-03-01', to: '2026-03-03' },
      weekly: { from: '2026-02-23', to: '2026-03-02' },
      leader: { from: '2025-12-01', to: '2026-03-03' },
    });
    expect(patternRanges({ from: '2026-03-01', to: '2026-03-03' }, null).daily.to).toBe('2026-03-03');
  });
});
