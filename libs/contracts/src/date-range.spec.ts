import {
  applyRangeSearch,
  isSameSelection,
  parseRangeSearch,
  toRangeParams,
  validateCustomRange,
} from './date-range';

const q = (s: string) => new URLSearchParams(s);

describe('parseRangeSearch', () => {
  it('defaults to the server default of 90 days', () => {
    expect(parseRangeSearch(q(''))).toEqual({ kind: 'preset', days: 90 });
    expect(parseRangeSearch(q('range=7'))).toEqual({ kind: 'preset', days: 90 });
  });

  it('reads presets and "all"', () => {
    expect(parseRangeSearch(q('range=30'))).toEqual({ kind: 'preset', days: 30 });
    expect(parseRangeSearch(q('range=365'))).toEqual({ kind: 'preset', days: 365 });
    expect(parseRangeSearch(q('range=all'))).toEqual({ kind: 'all' });
  });

  it('prefers valid from/to over a preset and ignores invalid days', () => {
    expect(parseRangeSearch(q('range=30&from=2026-01-01&to=2026-01-31'))).toEqual({
      kind: 'custom',
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(parseRangeSearch(q('from=2026-02-31&to=2026-03-05'))).toEqual({ kind: 'custom', from: undefined, to: '2026-03-05' });
    expect(parseRangeSearch(q('from=nope'))).toEqual({ kind: 'preset', days: 90 });
  });
});

describe('applyRangeSearch', () => {
  it('replaces the range and keeps other parameters', () => {
    const next = applyRangeSearch(q('range=30&tab=x'), { kind: 'custom', from: '2026-01-01', to: '2026-01-31' });
    expect(next.toString()).toBe('tab=x&from=2026-01-01&to=2026-01-31');
    expect(applyRangeSearch(next, { kind: 'all' }).toString()).toBe('tab=x&range=all');
  });

  it('round-trips through parseRangeSearch', () => {
    for (const sel of [{ kind: 'preset', days: 365 }, { kind: 'all' }, { kind: 'custom', from: '2025-05-01', to: '2025-06-01' }] as const) {
      expect(isSameSelection(parseRangeSearch(applyRangeSearch(q(''), sel)), sel)).toBe(true);
    }
  });
});

describe('toRangeParams', () => {
  it('sends nothing for the server default', () => {
    expect(toRangeParams({ kind: 'preset', days: 90 }, undefined)).toEqual({});
  });

  it('ends other presets at the newest event day', () => {
    expect(toRangeParams({ kind: 'preset', days: 30 }, '2026-03-30')).toEqual({ from: '2026-03-01', to: '2026-03-30' });
    expect(toRangeParams({ kind: 'preset', days: 365 }, '2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    // The server accepts at most 10 years (3660 days between from and to).
    expect(toRangeParams({ kind: 'all' }, '2026-03-30')).toEqual({ from: '2016-04-02', to: '2026-03-30' });
  });

  it('"All" starts at the first event day when the data covers more than ten years (issue 15)', () => {
    expect(toRangeParams({ kind: 'all' }, '2026-03-30', '2013-05-01')).toEqual({ from: '2013-05-01', to: '2026-03-30' });
    expect(toRangeParams({ kind: 'all' }, '2026-03-30', '2025-01-01')).toEqual({ from: '2016-04-02', to: '2026-03-30' });
    expect(toRangeParams({ kind: 'preset', days: 30 }, '2026-03-30', '2013-05-01')).toEqual({ from: '2026-03-01', to: '2026-03-30' });
  });

  it('waits for the anchor when it is needed', () => {
    expect(toRangeParams({ kind: 'preset', days: 30 }, undefined)).toBeNull();
    expect(toRangeParams({ kind: 'all' }, 'bad')).toBeNull();
  });

  it('passes a custom range through', () => {
    expect(toRangeParams({ kind: 'custom', from: '2026-01-01' }, undefined)).toEqual({ from: '2026-01-01', to: undefined });
  });
});

describe('validateCustomRange', () => {
  it('wants two valid days in order', () => {
    expect(validateCustomRange('', '2026-01-01')).toMatch(/start/);
    expect(validateCustomRange('2026-01-01', '')).toMatch(/end/);
    expect(validateCustomRange('2026-02-01', '2026-01-01')).toMatch(/on or before/);
    expect(validateCustomRange('2026-01-01', '2026-01-01')).toBeNull();
  });
});
