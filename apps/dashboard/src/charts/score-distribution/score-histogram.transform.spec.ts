import type { ScoreDistributionDto } from '@hubpulse/contracts';
import { scoreHistogramTable, scoreQuantilesTable, toCsv, type ViewTable } from '@hubpulse/contracts';
import { activeShare, binLabel, buildHistogramBars, buildQuantileStats, hasHistogramData } from './score-histogram.transform';

/** A view table as the server's CSV export writes it. */
const csvOf = (t: ViewTable) => toCsv(t.columns.map((c) => c.name), t.rows);
const histogramCsv = (d: Parameters<typeof scoreHistogramTable>[0]) => csvOf(scoreHistogramTable(d));
const quantilesCsv = (d: Parameters<typeof scoreQuantilesTable>[0]) => csvOf(scoreQuantilesTable(d));

function dto(overrides: Partial<ScoreDistributionDto> = {}): ScoreDistributionDto {
  return {
    day: '2026-11-20',
    model_version: 2,
    min_group_size: 5,
    population: 2400,
    active: 1800,
    active_hidden: null,
    inactive: 600,
    inactive_hidden: null,
    bins: [
      { from: 1, to: 3.16, people: 40, hidden_reason: null },
      { from: 0.1, to: 1, people: null, hidden_reason: 'below_minimum' },
      { from: 3.16, to: 10, people: 400, hidden_reason: null },
      { from: 10, to: 31.6, people: 900, hidden_reason: null },
      { from: 31.6, to: 100, people: 460, hidden_reason: null },
    ],
    quantiles: { p25: 0.5, p50: 12.3, p75: 25, p90: 40, p99: 88 },
    quantiles_hidden: { p25: null, p50: null, p75: null, p90: null, p99: null },
    suppressed: false,
    ...overrides,
  };
}

describe('buildHistogramBars', () => {
  it('orders bins by raw score and labels them in the precision they need', () => {
    const bars = buildHistogramBars(dto());
    expect(bars.map((b) => b.label)).toEqual(['0.1–1', '1–3.2', '3.2–10', '10–32', '32–100']);
    expect(binLabel(0.0123, 0.5)).toBe('0.012–0.5');
  });

  it('keeps a hidden bin as null, never 0', () => {
    const bars = buildHistogramBars(dto());
    expect(bars[0]).toMatchObject({ people: null, suppressed: true });
    expect(bars.filter((b) => b.people === 0)).toEqual([]);
  });

  it('marks the bin holding the median, and none when the median is 0', () => {
    expect(buildHistogramBars(dto()).map((b) => b.hasMedian)).toEqual([false, false, false, true, false]);
    expect(buildHistogramBars(dto({ quantiles: { p25: 0, p50: 0, p75: 1, p90: 2, p99: 3 } })).some((b) => b.hasMedian)).toBe(false);
    // The top edge belongs to the last bin.
    expect(buildHistogramBars(dto({ quantiles: { p25: 1, p50: 100, p75: 100, p90: 100, p99: 100 } })).at(-1)?.hasMedian).toBe(true);
  });

  it('keeps x values unique when two bins print alike', () => {
    const bars = buildHistogramBars(dto({ bins: [{ from: 1, to: 1.01, people: 5, hidden_reason: null }, { from: 1.01, to: 1.02, people: 6, hidden_reason: null }] }));
    expect(new Set(bars.map((b) => b.label)).size).toBe(2);
  });

  it('knows when there is nothing to draw', () => {
    expect(hasHistogramData(buildHistogramBars(dto({ bins: [] })))).toBe(false);
    expect(hasHistogramData(buildHistogramBars(dto({ bins: [{ from: 1, to: 2, people: 0, hidden_reason: null }] })))).toBe(false);
    expect(hasHistogramData(buildHistogramBars(dto({ bins: [{ from: 1, to: 2, people: null, hidden_reason: 'below_minimum' }] })))).toBe(true);
  });
});

describe('quantiles and shares', () => {
  it('lists the quantiles with their place on the 0–100 scale', () => {
    expect(buildQuantileStats(dto().quantiles).map((q) => [q.label, q.score, q.raw])).toEqual([
      ['25th percentile', 25, 0.5],
      ['Median', 50, 12.3],
      ['75th percentile', 75, 25],
      ['90th percentile', 90, 40],
      ['99th percentile', 99, 88],
    ]);
    expect(buildQuantileStats(null)).toEqual([]);
  });

  it('gives the active share only when both counts are shown', () => {
    expect(activeShare(dto())).toBe(0.75);
    expect(activeShare(dto({ active: null }))).toBeNull();
    expect(activeShare(dto({ population: 0, active: 0 }))).toBeNull();
  });
});

describe('CSV', () => {
  it('exports hidden counts as empty cells with a note', () => {
    const lines = histogramCsv(dto()).split('\r\n');
    expect(lines[0]).toBe('day,model_version,raw_from,raw_to,people,note');
    expect(lines[1]).toBe('2026-11-20,2,0.1,1,,Hidden to protect privacy: fewer than 5 people are behind this number.');
    expect(lines[2]).toBe('2026-11-20,2,1,3.16,40,');
  });

  it('exports the quantiles', () => {
    expect(quantilesCsv(dto()).split('\r\n')[2]).toBe('2026-11-20,2,p50,12.3,');
  });
});
