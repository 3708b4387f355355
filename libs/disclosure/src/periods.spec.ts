import { additiveRange, checkWindows, planCumulative, type WindowedNumber } from './periods';

const K = 5;
const w = (from: string, to: string, value: number, group = 'org', stat = 'active_people'): WindowedNumber => ({ stat, group, from, to, value });

describe('planCumulative', () => {
  it('hides a point that grew by 1..k−1 since the last shown one; later points compare with the last shown', () => {
    const out = planCumulative([{ x: 6 }, { x: 8 }, { x: 12 }, { x: 12 }, { x: 20 }], 'count', K);
    expect(out).toEqual([null, 'period', null, null, null]);
  });

  it('applies the share rule to each point of a share series', () => {
    expect(planCumulative([{ x: 3, n: 20 }, { x: 10, n: 20 }, { x: 17, n: 20 }], 'share', K)).toEqual(['numerator', null, 'complement']);
  });
});

describe('additiveRange', () => {
  it('releases a total only when every day with somebody had at least k', () => {
    expect(additiveRange([7, 9, 5], K)).toBeNull();
    expect(additiveRange([7, 2, 9], K)).toBe('period');
    // a day nobody acted on adds nothing and describes nobody in particular
    expect(additiveRange([7, 0, 9], K)).toBeNull();
  });
});

describe('checkWindows (the ledger)', () => {
  it('hides a number over a nested window that differs by 1..k−1 from one shown before', () => {
    const seen = [w('2026-03-01', '2026-03-21', 30)];
    expect(checkWindows(seen, [w('2026-03-01', '2026-03-20', 28)], K)).toEqual(['earlier_release']);
    expect(checkWindows(seen, [w('2026-03-01', '2026-03-20', 30)], K)).toEqual([null]); // same people
    expect(checkWindows(seen, [w('2026-03-01', '2026-03-10', 22)], K)).toEqual([null]); // 8 apart
    // overlapping but not nested: no exact difference
    expect(checkWindows(seen, [w('2026-03-10', '2026-03-31', 27)], K)).toEqual([null]);
  });

  it("shows a changed count of actions only when ≥ k more people acted (one person's 6 comments more is a gap of 6)", () => {
    const acts = (value: number, actors: number | null) => ({ ...w('2026-03-01', '2026-03-21', value, 'org', 'comments'), actors });
    const seen = [acts(40, 12)];
    expect(checkWindows(seen, [acts(46, 12)], K)).toEqual(['earlier_release']); // one of the 12 posted 6 more
    expect(checkWindows(seen, [acts(44, 14)], K)).toEqual(['earlier_release']);
    expect(checkWindows(seen, [acts(40, 12)], K)).toEqual([null]);
    expect(checkWindows(seen, [acts(60, 17)], K)).toEqual([null]); // 5 more people acted
    // people unknown: only an unchanged count passes
    expect(checkWindows(seen, [acts(60, null)], K)).toEqual(['earlier_release']);
    expect(checkWindows([acts(40, null)], [acts(60, 17)], K)).toEqual(['earlier_release']);
  });

  it('checks the numbers of one answer against each other, and groups that contain others', () => {
    const contains = (big: string, small: string) => big === small || big === 'org';
    expect(checkWindows([], [w('2026-03-01', '2026-03-21', 30), w('2026-03-01', '2026-03-21', 27, 'channel:blog')], K, contains)).toEqual([null, 'period']);
    // a channel's number does not contain the organisation's
    expect(checkWindows([w('2026-03-01', '2026-03-21', 27, 'channel:blog')], [w('2026-03-02', '2026-03-21', 29)], K, contains)).toEqual([null]);
  });

  it('hides a changed number for the same window (late events) and never records numbers below k', () => {
    expect(checkWindows([w('2026-03-01', '2026-03-21', 30)], [w('2026-03-01', '2026-03-21', 31)], K)).toEqual(['earlier_release']);
    expect(checkWindows([], [w('2026-03-01', '2026-03-02', 3), w('2026-03-01', '2026-03-03', 6)], K)).toEqual(['below_minimum', null]);
  });
});
