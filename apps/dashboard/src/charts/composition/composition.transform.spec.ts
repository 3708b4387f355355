import { COMPOSITION_OTHER, type SegmentCompositionDto } from '@hubpulse/contracts';
import { buildCompositionBars, buildScoreBars, cellLabel, hasScoreData } from './composition.transform';

const table = {
  total: 100,
  distinct: 6,
  suppressed: false,
  cells: [
    { value: COMPOSITION_OTHER, count: 20, suppressed: null },
    { value: 'Sales', count: 50, suppressed: null },
    { value: '', count: null, suppressed: 'below_minimum' as const },
    { value: 'IT', count: 30, suppressed: null },
    { value: 'Legal', count: null, suppressed: 'complementary' as const },
  ],
};

describe('composition bars', () => {
  it('orders by size with the rest last, and never draws a hidden cell', () => {
    const bars = buildCompositionBars(table);
    expect(bars.map((b) => [b.label, b.count, b.suppressed])).toEqual([
      ['Sales', 50, null],
      ['IT', 30, null],
      ['(not set)', null, 'below_minimum'],
      ['Legal', null, 'complementary'],
      ['All others (2 more)', 20, null],
    ]);
    expect(bars.map((b) => b.width)).toEqual([1, 0.6, 0, 0, 0.4]);
    expect(bars[0].share).toBe(0.5);
    expect(bars[2].share).toBeNull();
  });

  it('gives no shares when the total is hidden', () => {
    expect(buildCompositionBars({ ...table, total: null }).every((b) => b.share === null)).toBe(true);
  });

  it('labels the rest and missing values', () => {
    expect(cellLabel('', table)).toBe('(not set)');
    expect(cellLabel(COMPOSITION_OTHER, { cells: [], distinct: 0 })).toBe('All others');
  });
});

describe('score bars and CSV', () => {
  const comp: SegmentCompositionDto = {
    size: 100,
    by: { department: table, location: { ...table, cells: [] }, title: { ...table, cells: [] } },
    score: {
      bins: [
        { from: 10, to: 20, count: 40, suppressed: null },
        { from: 0, to: 10, count: null, suppressed: 'below_minimum' },
      ],
      unscored: null,
      unscored_suppressed: 'complementary',
      suppressed: false,
    },
  };

  it('orders score bands and keeps hidden ones', () => {
    expect(buildScoreBars(comp.score).map((b) => [b.label, b.count])).toEqual([
      ['0–10', null],
      ['10–20', 40],
    ]);
    expect(hasScoreData(buildScoreBars(comp.score))).toBe(true);
    expect(hasScoreData([])).toBe(false);
  });
});
