import type { CellDelta } from '@hubpulse/clickhouse';
import { conversationCounts, purposeRows } from './purpose-rollup';

describe('purpose roll-up', () => {
  const d = (department: string, location: string, metric: string, k: number, delta: number): CellDelta => ({ department, location, metric, k, delta });

  it('turns deltas into running counts and adds cells up to org, department and location', () => {
    const deltas = [
      // eng/oslo: 3 people from day 0; one more hired on day 2
      d('eng', 'oslo', 'population', 0, 3),
      d('eng', 'oslo', 'population', 2, 1),
      // one reader covered on days 0–1 (run [0, 2)), another from day 1 on
      d('eng', 'oslo', 'inform', 0, 1),
      d('eng', 'oslo', 'inform', 2, -1),
      d('eng', 'oslo', 'inform', 1, 1),
      // sales/oslo: 2 people, one reader on day 2
      d('sales', 'oslo', 'population', 0, 2),
      d('sales', 'oslo', 'inform', 2, 1),
      d('sales', 'oslo', 'inform', 3, -1), // outside the 3 days: ignored
    ];
    const rows = purposeRows('2026-03-01', 3, deltas, [{ k: 1, group_kind: 'org', group_value: '', conversations: 4, led: 1 }], false);
    const inform = (kind: string, value: string) =>
      rows.filter((r) => r.purpose === 'inform' && r.group_kind === kind && r.group_value === value).map((r) => [r.day, r.numerator, r.denominator]);
    // org: readers day0 = 1, day1 = 1 + 1 = 2, day2 = 2 − 1 + 1 (sales) = 2; population 5, 5, 6
    expect(inform('org', '')).toEqual([['2026-03-01', 1, 5], ['2026-03-02', 2, 5], ['2026-03-03', 2, 6]]);
    expect(inform('department', 'eng')).toEqual([['2026-03-01', 1, 3], ['2026-03-02', 2, 3], ['2026-03-03', 1, 4]]);
    expect(inform('department', 'sales')).toEqual([['2026-03-01', 0, 2], ['2026-03-02', 0, 2], ['2026-03-03', 1, 2]]);
    expect(inform('location', 'oslo')).toEqual(inform('org', ''));
    const engagement = rows.filter((r) => r.purpose === 'engagement' && r.group_kind === 'org').map((r) => r.parts);
    expect(engagement).toEqual([{ conversations: 0, led_conversations: 0 }, { conversations: 4, led_conversations: 1 }, { conversations: 0, led_conversations: 0 }]);
    // no linked audience: no strategy rows; 4 purposes × 3 days × (org + 2 departments + 1 location)
    expect(rows.some((r) => r.purpose === 'strategy')).toBe(false);
    expect(rows).toHaveLength(4 * 3 * 4);
  });

  it('writes strategy rows over the audience when audiences are linked', () => {
    const rows = purposeRows('2026-03-01', 1, [d('a', 'x', 'population', 0, 9), d('a', 'x', 'audience', 0, 4), d('a', 'x', 'strategy', 0, 3)], [], true);
    expect(rows.find((r) => r.purpose === 'strategy' && r.group_kind === 'org')).toMatchObject({ numerator: 3, denominator: 4, parts: { audience_members: 4 } });
  });

  it('sums conversation deltas per group', () => {
    // one conversation run [0, 3) in org, a second [1, 2); a led overlap [1, 3)
    const counts = conversationCounts(
      [
        { group_kind: 'org', group_value: '', metric: 'conversations', k: 0, delta: 1 },
        { group_kind: 'org', group_value: '', metric: 'conversations', k: 1, delta: 1 },
        { group_kind: 'org', group_value: '', metric: 'conversations', k: 2, delta: -1 },
        { group_kind: 'org', group_value: '', metric: 'led', k: 1, delta: 1 },
      ],
      3,
    );
    expect(counts.map((c) => [c.k, c.conversations, c.led])).toEqual([[0, 1, 0], [1, 2, 1], [2, 1, 1]]);
  });
});
