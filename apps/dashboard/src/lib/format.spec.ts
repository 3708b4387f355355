import {
  formatAxisNumber,
  formatCount,
  formatDay,
  formatMetricValue,
  formatMonth,
  formatPeople,
  formatShare,
  suppressedExplanation,
} from './format';

describe('formatPeople', () => {
  it('reads a suppressed count as "fewer than N", never as 0', () => {
    expect(formatPeople(null, 5)).toBe('fewer than 5');
    expect(formatPeople(null, 10)).toBe('fewer than 10');
  });

  it('formats a real count, including a real zero', () => {
    expect(formatPeople(0, 5)).toBe('0');
    expect(formatPeople(1234, 5)).toBe('1,234');
  });

  it('explains why a number is hidden', () => {
    expect(suppressedExplanation(5)).toContain('fewer than 5 people');
  });
});

describe('formatCount', () => {
  it('keeps digits up to a million, then goes compact', () => {
    expect(formatCount(999_999)).toBe('999,999');
    expect(formatCount(1_234_567)).toBe('1.2M');
  });
});

describe('formatAxisNumber', () => {
  it('keeps axis labels short', () => {
    expect(formatAxisNumber(250_000)).toBe('250K');
    expect(formatAxisNumber(1_800)).toBe('1.8K');
    expect(formatAxisNumber(600)).toBe('600');
  });
});

describe('formatMetricValue', () => {
  it('formats USD and EUR as currency, compact when large', () => {
    expect(formatMetricValue(12_400_000, 'USD')).toBe('$12.4M');
    expect(formatMetricValue(850_000, 'EUR')).toBe('€850K');
    expect(formatMetricValue(950, 'USD')).toBe('$950');
  });

  it('accepts a lower-case currency code', () => {
    expect(formatMetricValue(2_000_000, 'eur')).toBe('€2M');
  });

  it('formats "%" as percentage points, not as a share', () => {
    expect(formatMetricValue(12.5, '%')).toBe('12.5%');
    expect(formatMetricValue(12.46, '%')).toBe('12.5%');
    expect(formatMetricValue(30, '%')).toBe('30%');
  });

  it('puts any other unit after the number', () => {
    expect(formatMetricValue(42, 'tickets')).toBe('42 tickets');
    expect(formatMetricValue(42.25, '')).toBe('42.3');
    expect(formatMetricValue(25_000, 'hours')).toBe('25K hours');
  });

  it('honours an explicit compact choice', () => {
    expect(formatMetricValue(25_000, 'USD', { compact: false })).toBe('$25,000');
  });
});

describe('formatShare', () => {
  it('rounds a 0–1 share to a whole percent', () => {
    expect(formatShare(0.456)).toBe('46%');
    expect(formatShare(1.2)).toBe('120%');
    expect(formatShare(0.4567, 1)).toBe('45.7%');
    expect(formatShare(0.5, 1)).toBe('50.0%');
  });
});

describe('dates', () => {
  it('formats days and months in UTC, whatever the local zone', () => {
    expect(formatDay('2026-03-01')).toBe('Mar 1, 2026');
    expect(formatMonth('2026-12-01')).toBe('Dec 2026');
  });

  it('leaves an unparseable day as it is', () => {
    expect(formatDay('soon')).toBe('soon');
  });
});
