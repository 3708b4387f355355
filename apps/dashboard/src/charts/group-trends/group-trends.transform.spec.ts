import { buildGroupRows, engagementGroupsTable, engagementGroupTrendsTable, toCsv, type GroupScoreRow, type GroupScoresDto, type ViewTable } from '@hubpulse/contracts';
import { MAX_LINES, applyGroupSearch, buildTrendPoints, defaultChartKeys, parseGroupSearch, seriesDash, trendDomain, trendHidden, trendsSummary, trendsTable, type TrendPoint } from './group-trends.transform';

/** A view table as the server's CSV export writes it. */
const csvOf = (t: ViewTable) => toCsv(t.columns.map((c) => c.name), t.rows);
const groupsCsv = (d: GroupScoresDto) => csvOf(engagementGroupsTable(d));
const groupTrendsCsv = (d: GroupScoresDto) => csvOf(engagementGroupTrendsTable(d));

const q = (s: string) => new URLSearchParams(s);

function group(key: string, overrides: Partial<GroupScoreRow> = {}): GroupScoreRow {
  return {
    key,
    label: key,
    people: 20,
    hidden_reason: null,
    mean_score: 50,
    mean_score_hidden: null,
    active_share: 0.8,
    active_share_hidden: null,
    mix: { view: 0.2, comment: 0.5, post: 0.3 },
    mix_other: null,
    mix_hidden: null,
    trend: [
      { day: '2026-11-01', mean_score: 48, hidden_reason: null },
      { day: '2026-11-02', mean_score: null, hidden_reason: 'numerator' },
      { day: '2026-11-03', mean_score: 50.04, hidden_reason: null },
    ],
    suppressed: false,
    ...overrides,
  };
}

const hidden = group('Legal', { people: null, hidden_reason: 'below_minimum', mean_score: null, active_share: null, mix: null, trend: [], suppressed: true });

function dto(groups: GroupScoreRow[], by: GroupScoresDto['by'] = 'department'): GroupScoresDto {
  return { by, from: '2026-11-01', to: '2026-11-03', min_group_size: 5, as_of: '2026-11-03', attribution: 'as_it_was', groups };
}

describe('group selection in the URL', () => {
  it('reads by and days, with defaults for anything else', () => {
    expect(parseGroupSearch(q(''))).toEqual({ by: 'department', days: 30 });
    expect(parseGroupSearch(q('by=manager&days=90'))).toEqual({ by: 'manager', days: 90 });
    expect(parseGroupSearch(q('by=salary&days=7'))).toEqual({ by: 'department', days: 30 });
    expect(parseGroupSearch(q('by=location&attribution=today'))).toEqual({ by: 'location', days: 30, attribution: 'today' });
    expect(parseGroupSearch(q('attribution=then'))).toEqual({ by: 'department', days: 30 });
  });

  it('writes them back, keeping other parameters', () => {
    expect(applyGroupSearch(q('x=1'), { by: 'tenure', days: 90 }).toString()).toBe('x=1&by=tenure&days=90');
    expect(applyGroupSearch(q('attribution=today'), { by: 'tenure', days: 90, attribution: 'as_it_was' }).toString()).toBe('by=tenure&days=90');
    expect(applyGroupSearch(q(''), { by: 'team', days: 30, attribution: 'today' }).toString()).toBe('by=team&days=30&attribution=today');
  });
});

describe('buildGroupRows', () => {
  it('puts the highest mean first and hidden groups last', () => {
    const rows = buildGroupRows(dto([group('Sales', { mean_score: 40, hidden_reason: null }), hidden, group('IT', { mean_score: 61, hidden_reason: null })]));
    expect(rows.map((r) => r.key)).toEqual(['IT', 'Sales', 'Legal']);
  });

  it('keeps tenure bands in their natural order', () => {
    const rows = buildGroupRows(
      dto([group('10+ years', { mean_score: 90, hidden_reason: null }), group('under 1 year', { mean_score: 10, hidden_reason: null }), group('1–3 years', { mean_score: 50, hidden_reason: null })], 'tenure'),
    );
    expect(rows.map((r) => r.label)).toEqual(['under 1 year', '1–3 years', '10+ years']);
  });

  it('computes the change over the range and the top action', () => {
    const [row] = buildGroupRows(dto([group('IT')]));
    expect(row.change).toBe(2);
    expect(row.topAction).toEqual({ type: 'comment', label: 'Comment', share: 0.5 });
    expect(row.hasTrend).toBe(true);
  });

  it('shows nothing about a hidden group', () => {
    const [row] = buildGroupRows(dto([hidden]));
    expect(row).toMatchObject({ people: null, meanScore: null, change: null, topAction: null, hasTrend: false, suppressed: true });
  });

  it('has no change with fewer than two shown days', () => {
    const [row] = buildGroupRows(dto([group('IT', { trend: [{ day: '2026-11-01', mean_score: 3, hidden_reason: null }] })]));
    expect(row.change).toBeNull();
  });
});

describe('chart lines', () => {
  it('starts with the largest groups that have a trend', () => {
    const rows = buildGroupRows(
      dto([group('A', { people: 10 }), group('B', { people: 300 }), group('C', { people: 50, trend: [] }), hidden, group('D', { people: 40 })]),
    );
    expect(defaultChartKeys(rows, 'department', 2)).toEqual(['B', 'D']);
  });

  it('builds one point per day with gaps as null, why a value is hidden, and safe data keys', () => {
    const { series, points } = buildTrendPoints(dto([group('R&D. Labs'), hidden]), ['R&D. Labs', 'Legal', 'missing']);
    expect(series).toEqual([{ key: 'R&D. Labs', label: 'R&D. Labs', dataKey: 'g0' }]);
    expect(points).toEqual([
      { day: '2026-11-01', g0: 48 },
      { day: '2026-11-02', g0: null, g0_hidden: 'numerator' },
      { day: '2026-11-03', g0: 50 },
    ]);
    expect(trendHidden(points[1], 'g0')).toBe('numerator');
    expect(trendHidden(points[0], 'g0')).toBeNull();
  });
});

describe('export tables (the server writes these rows)', () => {
  it('exports hidden groups with empty cells and a note', () => {
    const lines = groupsCsv(dto([group('IT'), hidden])).split('\r\n');
    expect(lines[0]).toBe('group_by,group_key,group,from,to,people,mean_score,active_share,change,top_action,note');
    expect(lines[1]).toBe('department,IT,IT,2026-11-01,2026-11-03,20,50,0.8,2,comment,');
    expect(lines[2]).toBe('department,Legal,Legal,2026-11-01,2026-11-03,,,,,,Hidden to protect privacy: fewer than 5 people are behind this number.');
  });

  it('exports the daily means', () => {
    const lines = groupTrendsCsv(dto([group('IT'), hidden])).split('\r\n');
    expect(lines.slice(1, 5)).toEqual([
      'department,IT,IT,2026-11-01,48,',
      'department,IT,IT,2026-11-02,,Hidden to protect privacy: fewer than 5 people are counted in this number.',
      'department,IT,IT,2026-11-03,50,',
      'department,Legal,Legal,,,Hidden to protect privacy: fewer than 5 people are behind this number.',
    ]);
  });
});

describe('trendDomain', () => {
  const series = [{ key: 'a', label: 'a', dataKey: 'g0' }];
  it('zooms to the values, in steps of 5, within 0–100', () => {
    expect(trendDomain([{ day: 'd1', g0: 47.1 }, { day: 'd2', g0: 56.6 }], series)).toEqual([45, 60]);
    expect(trendDomain([{ day: 'd1', g0: 99 }], series)).toEqual([90, 100]);
    expect(trendDomain([{ day: 'd1', g0: 1 }], series)).toEqual([0, 10]);
    expect(trendDomain([{ day: 'd1', g0: null }], series)).toEqual([0, 100]);
  });
});

describe('group trends: lines told apart without colour, summary and table', () => {
  it('gives every one of the most lines drawn its own dash pattern', () => {
    const dashes = Array.from({ length: MAX_LINES }, (_, i) => seriesDash(i) ?? 'solid');
    expect(new Set(dashes).size).toBe(MAX_LINES);
  });

  it('says each line’s move and leaves a day without a value unguessed', () => {
    const series = [
      { key: 'Sales', label: 'Sales', dataKey: 'g0' },
      { key: 'IT', label: 'IT', dataKey: 'g1' },
    ];
    const points = [
      { day: '2026-03-01', g0: 40, g1: 50 },
      { day: '2026-03-02', g0: null, g1: 45 },
      { day: '2026-03-03', g0: 44, g1: 30 },
    ];
    expect(trendsSummary('Daily mean score', series, points)).toBe(
      'Daily mean score, Mar 1, 2026 to Mar 3, 2026 (3 days), 2 lines: Sales rose from 40.0 to 44.0; IT fell from 50.0 to 30.0. Highest at its last value: Sales, 44.0; lowest: IT, 30.0.',
    );
    const table = trendsTable('Daily mean score by department', series, points);
    expect(table.columns.map((c) => c.label)).toEqual(['Sales', 'IT']);
    expect(table.rows[1]).toEqual({ key: '2026-03-02', label: 'Mar 2, 2026', cells: [{ kind: 'none', text: 'no value' }, { kind: 'value', text: '45.0' }] });
  });

  it('tells a day hidden for privacy from a day without a score, in the summary and the table', () => {
    const series = [{ key: 'Sales', label: 'Sales', dataKey: 'g0' }];
    const points: TrendPoint[] = [
      { day: '2026-03-01', g0: 40 },
      { day: '2026-03-02', g0: null, g0_hidden: 'numerator' },
      { day: '2026-03-03', g0: null },
      { day: '2026-03-04', g0: 44 },
    ];
    expect(trendsSummary('Daily mean score', series, points)).toMatch(/1 value hidden for privacy\.$/);
    const table = trendsTable('Daily mean score by department', series, points);
    expect(table.rows[1].cells).toEqual([{ kind: 'hidden', reason: 'numerator' }]);
    expect(table.rows[2].cells).toEqual([{ kind: 'none', text: 'no value' }]);
  });
});
