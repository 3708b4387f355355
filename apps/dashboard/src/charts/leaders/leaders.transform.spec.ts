import type { LeaderResponsivenessResponse, LeaderResponsivenessRow } from '@hubpulse/contracts';
import { leadersTable, sortLeaderRows, toCsv, type ViewTable } from '@hubpulse/contracts';
import { buildAnsweredTrend, buildQueueBars, formatHours, headlineRow } from './leaders.transform';
/** A view table as the server's CSV export writes it. */
const csvOf = (t: ViewTable) => toCsv(t.columns.map((c) => c.name), t.rows);
const leadersCsv = (r: Parameters<typeof leadersTable>[0]) => csvOf(leadersTable(r));


const queue = { under_1d: 3, d1_3: 5, d3_7: null, d7_30: 8, d30_90: 0 };

function row(group: string, kind: LeaderResponsivenessRow['kind'], o: Partial<LeaderResponsivenessRow> = {}): LeaderResponsivenessRow {
  return { group, kind, raised: 40, answered: 30, answered_share: 75, median_reply_hours: 5.25, queue, queue_total: 16, suppressed: false, hidden_reason: null, answers_hidden: null, queue_hidden: null, ...o };
}

function resp(): LeaderResponsivenessResponse {
  return {
    range: { from: '2026-10-01', to: '2026-11-24' },
    by: 'org',
    min_group_size: 5,
    definition: 'items addressed to leaders',
    metrics: [],
    queue_bands: [
      { key: 'under_1d', label: 'under 1 day', from_days: 0, to_days: 1 },
      { key: 'd1_3', label: '1–3 days', from_days: 1, to_days: 3 },
      { key: 'd3_7', label: '3–7 days', from_days: 3, to_days: 7 },
      { key: 'd7_30', label: '7–30 days', from_days: 7, to_days: 30 },
      { key: 'd30_90', label: '30–90 days', from_days: 30, to_days: 90 },
    ],
    groups: [row('org', 'qa'), row('org', 'all'), row('org', 'ceo_feedback', { raised: null, answered_share: null, suppressed: true, hidden_reason: 'below_minimum', answers_hidden: 'below_minimum' })],
    days: [
      { day: '2026-11-02', raised: 4, answered: 3, answered_share: 75, median_reply_hours: 2, suppressed: false, hidden_reason: null, answers_hidden: null },
      { day: '2026-11-01', raised: null, answered: null, answered_share: null, median_reply_hours: null, suppressed: true, hidden_reason: 'below_minimum', answers_hidden: 'below_minimum' },
    ],
  };
}

describe('leader responsiveness', () => {
  it('formats reply times in the unit that reads best', () => {
    expect(formatHours(0.5)).toBe('30 min');
    expect(formatHours(5.25)).toBe('5.3 h');
    expect(formatHours(30)).toBe('30 h');
    expect(formatHours(72)).toBe('3.0 d');
    expect(formatHours(null)).toBe('—');
  });

  it('headlines the "all" row and lists the queue by age, hidden bands as null', () => {
    const head = headlineRow(resp());
    expect(head?.kind).toBe('all');
    expect(buildQueueBars(resp(), head).map((b) => b.items)).toEqual([3, 5, null, 8, 0]);
  });

  it('orders days and rows', () => {
    expect(buildAnsweredTrend(resp())).toEqual([
      { day: '2026-11-01', answered: null },
      { day: '2026-11-02', answered: 75 },
    ]);
    expect(sortLeaderRows(resp().groups).map((r) => r.kind)).toEqual(['all', 'qa', 'ceo_feedback']);
  });

  it('exports hidden values empty with a note', () => {
    const lines = leadersCsv(resp()).split('\r\n');
    expect(lines[0]).toMatch(/^from,to,group_by,group,kind,raised,answered,answered_share,median_reply_hours,unanswered,unanswered_under_1d/);
    expect(lines[1]).toBe('2026-10-01,2026-11-24,org,org,all,40,30,75,5.25,16,3,5,,8,0,');
    expect(lines[3]).toMatch(/,Hidden to protect privacy: fewer than 5 people are behind this number\.$/);
  });
});
