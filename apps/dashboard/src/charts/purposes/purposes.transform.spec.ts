import type { PurposeIndexPoint, PurposesResponse } from '@hubpulse/contracts';
import { purposesTable, toCsv, type ViewTable } from '@hubpulse/contracts';
import { buildPurposeCards, buildPurposeGroupRows, buildPurposeTrend } from './purposes.transform';
/** A view table as the server's CSV export writes it. */
const csvOf = (t: ViewTable) => toCsv(t.columns.map((c) => c.name), t.rows);
const purposesCsv = (r: Parameters<typeof purposesTable>[0]) => csvOf(purposesTable(r));


const point = (day: string, value: number | null, o: Partial<PurposeIndexPoint> = {}): PurposeIndexPoint => ({
  day,
  value,
  numerator: value === null ? null : value * 10,
  denominator: value === null ? null : 1000,
  parts: {},
  parts_hidden: {},
  suppressed: false,
  hidden_reason: o.suppressed && value === null ? 'numerator' : null,
  denominator_hidden: null,
  reason: null,
  ...o,
});

function resp(): PurposesResponse {
  const base = { numerator_definition: 'num', denominator_definition: 'den', unavailable_reason: null };
  return {
    range: { from: '2026-11-01', to: '2026-11-02' },
    by: 'org',
    min_group_size: 5,
    window_days: 28,
    population_definition: 'pop',
    management_share_definition: 'mgmt',
    parts: [{ key: 'readers', label: 'readers', definition: 'people who viewed inform content' }],
    indices: [
      {
        purpose: 'inform',
        label: 'Inform',
        definition: 'Reach of inform content',
        ...base,
        groups: [
          {
            group: 'org',
            latest: point('2026-11-02', 61.26, { parts: { readers: 612 } }),
            days: [point('2026-11-02', 61.26), point('2026-11-01', 60)],
          },
        ],
      },
      {
        purpose: 'engagement',
        label: 'Engagement',
        definition: 'Two-way conversation',
        ...base,
        groups: [{ group: 'org', latest: point('2026-11-02', null, { suppressed: true }), days: [point('2026-11-02', null, { suppressed: true })] }],
      },
      {
        purpose: 'strategy',
        label: 'Strategy',
        definition: 'Audiences linked to goals',
        ...base,
        unavailable_reason: 'No audience is linked to a strategy goal yet',
        groups: [],
      },
    ],
  };
}

describe('buildPurposeCards', () => {
  it('puts the latest value beside its definition, with the parts explained', () => {
    const [inform] = buildPurposeCards(resp());
    expect(inform).toMatchObject({ label: 'Inform', definition: 'Reach of inform content', value: 61.3, numerator: 612.6, status: 'ok', day: '2026-11-02' });
    expect(inform.parts).toEqual([{ key: 'readers', definition: 'people who viewed inform content', value: 612, hidden: null }]);
    expect(inform.spark.map((p) => p.day)).toEqual(['2026-11-01', '2026-11-02']);
  });

  it('tells hidden from unavailable, never 0', () => {
    const [, engagement, strategy] = buildPurposeCards(resp());
    expect(engagement).toMatchObject({ value: null, status: 'suppressed' });
    expect(strategy).toMatchObject({ value: null, status: 'unavailable', reason: 'No audience is linked to a strategy goal yet' });
  });
});

describe('buildPurposeTrend', () => {
  it('draws only indices with a value, one point per day', () => {
    const { series, points } = buildPurposeTrend(resp());
    expect(series.map((s) => s.key)).toEqual(['inform']);
    expect(points).toEqual([
      { day: '2026-11-01', inform: 60, engagement: null, strategy: null },
      { day: '2026-11-02', inform: 61.3, engagement: null, strategy: null },
    ]);
  });
});

describe('groups and CSV', () => {
  it('lists every group with its latest values', () => {
    expect(buildPurposeGroupRows(resp())).toEqual([
      { group: 'org', values: { inform: 61.3, engagement: null }, suppressed: { inform: false, engagement: true }, hidden: { inform: null, engagement: 'numerator' } },
    ]);
  });

  it('exports hidden and unavailable values as empty cells with a note', () => {
    const lines = purposesCsv(resp()).split('\r\n');
    expect(lines[0]).toBe('purpose,group_by,group,day,index,numerator,denominator,management_share,why_unavailable,note');
    expect(lines[1]).toBe('inform,org,org,2026-11-02,61.26,612.6,1000,,,');
    expect(lines[3]).toBe('engagement,org,org,2026-11-02,,,,,,Hidden to protect privacy: fewer than 5 people are counted in this number.');
  });
});
