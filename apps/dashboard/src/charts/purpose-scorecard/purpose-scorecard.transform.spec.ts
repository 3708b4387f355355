import type { PurposeScorecardRowDto, StrategyOverviewDto } from '@hubpulse/contracts';
import { buildDepartmentRows, buildScorecardRows, formatChange } from './purpose-scorecard.transform';

const row = (purpose: PurposeScorecardRowDto['purpose'], label: string, value: number | null, change: number | null, departments: PurposeScorecardRowDto['departments']): PurposeScorecardRowDto => ({
  purpose,
  label,
  definition: `${label} definition`,
  organisation: { value, change, reason: value === null ? 'No audience is linked to a strategy goal yet.' : null, hidden_reason: null },
  departments,
  unavailable_reason: value === null ? 'No audience is linked to a strategy goal yet.' : null,
});

const scorecard: StrategyOverviewDto['scorecard'] = {
  day: '2026-11-25',
  window_days: 28,
  purposes: [
    row('inform', 'Inform', 88.67, -1.22, [
      { department: 'Sales', value: 90.02, change: -0.19, suppressed: false, hidden_reason: null },
      { department: 'Executive Office', value: null, change: null, suppressed: true, hidden_reason: 'below_minimum' },
    ]),
    row('strategy', 'Strategy', null, null, [{ department: 'Sales', value: 12, change: 0.01, suppressed: false, hidden_reason: null }]),
  ],
};

describe('formatChange', () => {
  it('signs the change in points, calls a tiny one no change', () => {
    expect(formatChange(2.02)).toEqual({ text: '+2.0 pts', direction: 'up' });
    expect(formatChange(-1.22)).toEqual({ text: '−1.2 pts', direction: 'down' });
    expect(formatChange(0.01)).toEqual({ text: 'no change', direction: 'flat' });
    expect(formatChange(null)).toBeNull();
  });
});

describe('buildScorecardRows', () => {
  it('shows the organisation’s value with its change, or the reason it is missing', () => {
    expect(buildScorecardRows(scorecard)).toEqual([
      { purpose: 'inform', label: 'Inform', definition: 'Inform definition', value: '88.7%', share: 0.8867, change: { text: '−1.2 pts', direction: 'down' }, reason: null },
      { purpose: 'strategy', label: 'Strategy', definition: 'Strategy definition', value: null, share: 0, change: null, reason: 'No audience is linked to a strategy goal yet.' },
    ]);
  });
});

describe('buildDepartmentRows', () => {
  it('lists departments in name order and keeps small ones hidden, never 0', () => {
    const rows = buildDepartmentRows(scorecard);
    expect(rows.map((r) => r.department)).toEqual(['Executive Office', 'Sales']);
    expect(rows[0]).toEqual({
      department: 'Executive Office',
      cells: { inform: { value: null, share: 0, change: null, suppressed: true, hidden_reason: 'below_minimum' }, strategy: { value: null, share: 0, change: null, suppressed: true, hidden_reason: 'below_minimum' } },
      allHidden: true,
    });
    expect(rows[1].cells.inform).toEqual({ value: '90.0%', share: 0.9002, change: { text: '−0.2 pts', direction: 'down' }, suppressed: false, hidden_reason: null });
    expect(rows[1].allHidden).toBe(false);
  });
});
