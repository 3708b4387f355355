import { applyPatternSearch, parsePatternSearch } from './pattern-range.transform';

const q = (s: string) => new URLSearchParams(s);

describe('pattern range in the URL', () => {
  it('reads weeks and the comparison, with defaults', () => {
    expect(parsePatternSearch(q(''))).toEqual({ weeks: 12, compare: 'department' });
    expect(parsePatternSearch(q('weeks=26&compare=location'))).toEqual({ weeks: 26, compare: 'location' });
    expect(parsePatternSearch(q('weeks=5&compare=org'))).toEqual({ weeks: 12, compare: 'department' });
  });

  it('writes them back, keeping other parameters', () => {
    expect(applyPatternSearch(q('a=1'), { weeks: 4, compare: 'location' }).toString()).toBe('a=1&weeks=4&compare=location');
  });
});
