import { DAYS, gapsSentence, listText, summarizeCategories, summarizeSeries, summarizeSeriesSet, trendClause } from './chart-summary';

const fmt = (n: number) => n.toFixed(1);

describe('trendClause', () => {
  it('names a rise, a fall and a level line with both ends', () => {
    expect(trendClause(40, 47.3, fmt)).toBe('rose from 40.0 to 47.3');
    expect(trendClause(47.3, 40, fmt)).toBe('fell from 47.3 to 40.0');
    expect(trendClause(50, 50.5, fmt)).toBe('stayed about level, from 50.0 to 50.5');
    expect(trendClause(0, 0, fmt)).toBe('stayed at 0.0');
  });
});

describe('summarizeSeries', () => {
  const points = [
    { label: 'Mar 1', value: 40 },
    { label: 'Mar 2', value: null, hidden: true },
    { label: 'Mar 3', value: 52.1 },
    { label: 'Mar 4', value: null },
    { label: 'Mar 5', value: 38 },
    { label: 'Mar 6', value: 45 },
  ];

  it('says the span, the trend from first to last shown value, the extremes and the gaps', () => {
    expect(summarizeSeries({ what: 'Engagement index', points, format: fmt, noun: DAYS })).toBe(
      'Engagement index, Mar 1 to Mar 6 (6 days): rose from 40.0 to 45.0. Highest 52.1 (Mar 3); lowest 38.0 (Mar 5). 1 day hidden for privacy; 1 day without data.',
    );
  });

  it('never reads a hidden point as a value, even when it is at an end', () => {
    const text = summarizeSeries({ what: 'Index', points: [{ label: 'A', value: null, hidden: true }, { label: 'B', value: 10 }, { label: 'C', value: 20 }, { label: 'D', value: null, hidden: true }], format: fmt, noun: DAYS });
    expect(text).toBe('Index, A to D (4 days): rose from 10.0 to 20.0. Highest 20.0 (C); lowest 10.0 (B). 2 days hidden for privacy.');
    expect(text).not.toMatch(/\b0\.0\b/);
  });

  it('says when nothing or only one value is shown', () => {
    expect(summarizeSeries({ what: 'Index', points: [{ label: 'A', value: null, hidden: true }], format: fmt, noun: DAYS })).toBe('Index, A (1 day): no value is shown. 1 day hidden for privacy.');
    expect(summarizeSeries({ what: 'Index', points: [{ label: 'A', value: 3 }, { label: 'B', value: null }], format: fmt, noun: DAYS })).toBe('Index, A to B (2 days): one value shown, 3.0 (A). 1 day without data.');
    expect(summarizeSeries({ what: 'Index', points: [], format: fmt, noun: DAYS })).toBe('Index: nothing to show.');
  });

  it('names the earliest of tied extremes', () => {
    expect(summarizeSeries({ what: 'X', points: [{ label: 'A', value: 5 }, { label: 'B', value: 5 }, { label: 'C', value: 1 }], format: fmt, noun: DAYS })).toContain('Highest 5.0 (A)');
  });
});

describe('summarizeCategories', () => {
  it('names the largest and smallest shown, and the hidden ones by label', () => {
    expect(
      summarizeCategories({
        what: 'Events per channel',
        items: [
          { label: 'Blog', value: 1200 },
          { label: 'Q&A', value: 40 },
          { label: 'Tasks', value: null, hidden: true },
          { label: 'Docs', value: 300 },
        ],
        format: String,
      }),
    ).toBe('Events per channel (3 shown): largest Blog, 1200; smallest Q&A, 40. Hidden for privacy: Tasks.');
  });

  it('says when every value is hidden', () => {
    expect(summarizeCategories({ what: 'People', items: [{ label: 'A', value: null, hidden: true }, { label: 'B', value: null, hidden: true }], format: String })).toBe(
      'People: no value is shown. Hidden for privacy: A and B.',
    );
  });
});

describe('summarizeSeriesSet', () => {
  it('tells each line’s trend and which ends highest and lowest', () => {
    const text = summarizeSeriesSet({
      what: 'Daily mean score',
      series: [
        { name: 'Sales', points: [{ label: 'Mar 1', value: 40 }, { label: 'Mar 2', value: 45 }] },
        { name: 'Legal', points: [{ label: 'Mar 1', value: 60 }, { label: 'Mar 2', value: null, hidden: true }] },
        { name: 'IT', points: [{ label: 'Mar 1', value: 50 }, { label: 'Mar 2', value: 30 }] },
      ],
      format: fmt,
      noun: DAYS,
    });
    expect(text).toBe(
      'Daily mean score, Mar 1 to Mar 2 (2 days), 3 lines: Sales rose from 40.0 to 45.0; Legal: one value, 60.0 (Mar 1); IT fell from 50.0 to 30.0. Highest at its last value: Legal, 60.0; lowest: IT, 30.0. 1 value hidden for privacy.',
    );
  });
});

describe('small helpers', () => {
  it('lists and counts gaps', () => {
    expect(listText(['A'])).toBe('A');
    expect(listText(['A', 'B', 'C'])).toBe('A, B and C');
    expect(gapsSentence([{ label: 'A', value: 1 }], DAYS)).toBe('');
    expect(gapsSentence([{ label: 'A', value: null, hidden: true }, { label: 'B', value: null, hidden: true }], DAYS)).toBe('2 days hidden for privacy.');
  });
});
