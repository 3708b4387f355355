import type { SegmentRunDto } from '@hubpulse/contracts';
import { buildSizePoints, churnSummary, hasChurn, hasTrend, runLabel, sizeChange, sizeSummary, sparklinePoints } from './segment-size.transform';

function run(at: string, size: number | null, overrides: Partial<SegmentRunDto> = {}): SegmentRunDto {
  return { version: 1, definition_version: 1, started_at: null, finished_at: at, status: 'ok', error: null, size, entered: 10, left: 4, ...overrides };
}

const runs: SegmentRunDto[] = [
  run('2026-11-24T10:00:00Z', 400, { entered: 400, left: 0 }),
  run('2026-11-25T10:00:00Z', null, { status: 'failed', error: 'boom', version: null, size: null, entered: null, left: null }),
  run('2026-11-23T10:00:00Z', 390),
  run('2026-11-25T11:00:00Z', 420, { entered: 25, left: 5 }),
];

describe('size points', () => {
  it('orders runs by time and keeps a failed run as a marker without numbers', () => {
    const points = buildSizePoints(runs);
    expect(points.map((p) => [p.size, p.failed])).toEqual([
      [390, false],
      [400, false],
      [null, true],
      [420, false],
    ]);
    expect(points[2].error).toBe('boom');
    expect(points[3]).toMatchObject({ entered: 25, left: 5, leftDown: -5 });
    expect(runLabel('2026-11-25T11:00:00Z')).toBe('Nov 25, 11:00');
    // Two runs in one minute get seconds.
    const quick = buildSizePoints([run('2026-11-25T11:00:05Z', 5), run('2026-11-25T11:00:40Z', 6)]);
    expect(quick.map((p) => p.label)).toEqual(['Nov 25, 11:00:05', 'Nov 25, 11:00:40']);
  });

  it('draws good runs only in the sparkline', () => {
    expect(sparklinePoints(runs).map((p) => p.size)).toEqual([390, 400, 420]);
    expect(hasTrend(sparklinePoints(runs))).toBe(true);
    expect(hasTrend(sparklinePoints([runs[0]]))).toBe(false);
  });

  it('subtracts only sizes that are shown', () => {
    expect(sizeChange(buildSizePoints(runs))).toEqual({ delta: 30, direction: 'up' });
    expect(sizeChange(buildSizePoints([run('2026-11-01T00:00:00Z', null), run('2026-11-02T00:00:00Z', 40)]))).toBeNull();
    expect(sizeChange(buildSizePoints([run('2026-11-01T00:00:00Z', 40)]))).toBeNull();
  });

  it('knows when nobody entered or left', () => {
    expect(hasChurn(buildSizePoints(runs))).toBe(true);
    expect(hasChurn(buildSizePoints([run('2026-11-01T00:00:00Z', 5, { entered: 0, left: 0 })]))).toBe(false);
  });
});

describe('size and churn text alternatives', () => {
  it('tells the size’s course, and counts a failed run without guessing its size', () => {
    expect(sizeSummary(buildSizePoints(runs))).toBe(
      'Segment size, Nov 23, 10:00 UTC to Nov 25, 11:00 UTC (3 runs): rose from 390 to 420. Highest 420 (Nov 25, 11:00 UTC); lowest 390 (Nov 23, 10:00 UTC). 1 run failed (the membership before stayed).',
    );
  });

  it('adds up entries and exits shown, and names a run whose count is hidden', () => {
    const points = buildSizePoints([...runs, run('2026-11-26T10:00:00Z', 418, { entered: null, left: 2 })]);
    const text = churnSummary(points);
    expect(text).toMatch(/^Across 4 runs, 435 entries and 11 exits shown \(1 run with a count hidden for privacy, not added\)\./);
    expect(text).toContain('Hidden for privacy: Nov 26, 10:00 UTC.');
  });
});
