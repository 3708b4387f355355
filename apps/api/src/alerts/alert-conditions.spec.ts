import type { GoalCardDto, PurposeIndexPoint } from '@hubpulse/contracts';
import { conditionText, readGoal, readIndex, type AlertRule } from './alert-conditions';

const rule = (over: Partial<AlertRule>): AlertRule => ({ kind: 'index', goalId: null, statuses: null, level: 40, direction: 'below', purpose: 'vision', groupBy: 'org', group: null, ...over });
const point = (over: Partial<PurposeIndexPoint>): PurposeIndexPoint =>
  ({ day: '2026-03-03', value: 35, numerator: 7, denominator: 20, parts: {}, parts_hidden: {}, suppressed: false, hidden_reason: null, denominator_hidden: null, reason: null, ...over }) as PurposeIndexPoint;

describe('alert conditions', () => {
  it('reads an index against its level, above or below, strictly', () => {
    expect(readIndex(rule({}), point({ value: 35 }), '2026-03-03')).toEqual({ breached: true, valueKey: '', valueText: '35', reason: null });
    expect(readIndex(rule({}), point({ value: 40 }), '2026-03-03').breached).toBe(false);
    expect(readIndex(rule({ direction: 'above' }), point({ value: 40.01 }), '2026-03-03').breached).toBe(true);
  });

  it('a withheld index is unknown and keeps no number', () => {
    const r = readIndex(rule({ groupBy: 'department', group: 'sales' }), point({ value: null, numerator: null, hidden_reason: 'below_minimum', reason: 'fewer than 5 people' }), '2026-03-03');
    expect(r).toEqual({ breached: null, valueKey: '', valueText: null, reason: 'fewer than 5 people' });
    expect(readIndex(rule({}), point({ day: '2026-03-02' }), '2026-03-03').breached).toBeNull();
    expect(readIndex(rule({}), undefined, null).reason).toBe('no purpose indices computed yet');
  });

  it('reads a goal status and a chance of meeting the target from the goal card', () => {
    const card = { status: { status: 'off_track', reason: null }, probability_of_meeting_target: 0.234, forecast_reason: null } as unknown as GoalCardDto;
    const status = rule({ kind: 'goal_status', goalId: 'g', statuses: ['at_risk', 'off_track'], level: null, direction: null, purpose: null, groupBy: null });
    expect(readGoal(status, card)).toEqual({ breached: true, valueKey: 'off_track', valueText: 'Off track', reason: null });
    expect(readGoal({ ...status, statuses: ['at_risk'] }, card).breached).toBe(false);
    expect(readGoal({ ...status, kind: 'goal_probability', level: 25 }, card)).toEqual({ breached: true, valueKey: '', valueText: '23.4 %', reason: null });
    expect(readGoal(status, undefined)).toMatchObject({ breached: null, reason: 'the goal was deleted' });
  });

  it('says the condition in words', () => {
    expect(conditionText(rule({ groupBy: 'department', group: 'eng' }), null)).toBe('Shared vision index of department eng below 40');
    expect(conditionText(rule({ kind: 'goal_probability', level: 50 }), 'Revenue')).toBe('Chance that "Revenue" meets its target is below 50 %');
  });
});
