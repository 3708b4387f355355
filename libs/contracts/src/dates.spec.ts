import { addDays, daysBetweenInclusive, eachDay, isValidDay, parseDay } from './dates';

describe('dates', () => {
  it('rejects impossible days instead of rolling them over', () => {
    expect(isValidDay('2026-02-28')).toBe(true);
    expect(isValidDay('2026-02-31')).toBe(false);
    expect(isValidDay('2026-2-3')).toBe(false);
    expect(parseDay('')).toBeNull();
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-30', -29)).toBe('2026-03-01');
  });

  it('lists every day of a range, both ends included', () => {
    expect(eachDay('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(eachDay('2026-03-02', '2026-03-01')).toEqual([]);
    expect(daysBetweenInclusive('2026-01-01', '2026-03-31')).toBe(90);
  });
});
