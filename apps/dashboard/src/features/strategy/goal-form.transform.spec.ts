import { goalCardFixture } from '../../charts/goals/goals.fixtures';
import {
  checkDraft,
  draftFromGoal,
  draftToInput,
  emptyDraft,
  issuesFromMessages,
  lastDayOf,
  monthlyTargetIssues,
  parseNumber,
  periodMonths,
  setMonthlyTarget,
  targetMonths,
} from './goal-form.transform';

describe('goal form', () => {
  it('starts a new goal this month for twelve months', () => {
    expect(emptyDraft('2026-11-26')).toMatchObject({ start_month: '2026-11', end_month: '2027-10', metric: 'revenue', unit_kind: 'currency', unit: 'USD' });
  });

  it('round-trips a stored goal through the form', () => {
    const goal = goalCardFixture();
    const draft = draftFromGoal(goal);
    expect(draft).toMatchObject({ start_month: '2026-03', end_month: '2027-02', baseline: '40200000', monthly_targets: [{ period: '2026-10', target: '45400000' }, { period: '2026-11', target: '46050000' }] });
    expect(draftToInput(draft)).toEqual({
      name: goal.name,
      metric: 'revenue',
      custom_metric_name: null,
      scope: 'organisation',
      scope_value: null,
      unit_kind: 'currency',
      unit: 'USD',
      baseline: 40_200_000,
      target: 48_000_000,
      target_type: 'increase_to',
      period_start: '2026-03-01',
      period_end: '2027-02-28',
      monthly_targets: [
        { period: '2026-10', target: 45_400_000 },
        { period: '2026-11', target: 46_050_000 },
      ],
      owner: 'Ana Richter',
    });
  });

  it('sends only the fields the choices ask for, and currency codes in capitals', () => {
    const d = { ...emptyDraft('2026-01-15'), custom_metric_name: 'left over', scope_value: 'Sales', unit: 'eur', baseline: '1', target: '2' };
    expect(draftToInput(d)).toMatchObject({ custom_metric_name: null, scope_value: null, unit: 'EUR' });
    expect(draftToInput({ ...d, metric: 'custom', scope: 'department' })).toMatchObject({ custom_metric_name: 'left over', scope_value: 'Sales' });
  });

  it('reads numbers with thousands separators and refuses what is not a number', () => {
    expect(parseNumber('1,250,000')).toBe(1_250_000);
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('-3e2')).toBe(-300);
    expect(parseNumber('12,5%')).toBeNaN();
    expect(parseNumber('')).toBeNaN();
    const d = setMonthlyTarget({ ...emptyDraft('2026-01-15'), baseline: 'ten', target: '' }, '2026-03', 'x');
    expect(checkDraft(d)).toEqual({
      baseline: ['must be a number (dot as decimal separator)'],
      target: ['required'],
      'monthly_targets.0.target': ['must be a number (dot as decimal separator)'],
    });
  });

  it('knows the months of a period and the last day of a month', () => {
    expect(periodMonths('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodMonths('2027-02', '2026-11')).toEqual([]);
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('')).toBe('');
  });

  it('keeps monthly targets in month order, clears one with an empty text, and shows months set outside the period', () => {
    let d = { ...emptyDraft('2026-01-15'), start_month: '2026-01', end_month: '2026-03' };
    d = setMonthlyTarget(d, '2026-03', '30');
    d = setMonthlyTarget(d, '2026-01', '10');
    d = setMonthlyTarget(d, '2026-07', '70');
    expect(d.monthly_targets.map((t) => t.period)).toEqual(['2026-01', '2026-03', '2026-07']);
    expect(targetMonths(d)).toEqual(['2026-01', '2026-02', '2026-03', '2026-07']);
    d = setMonthlyTarget(d, '2026-03', '');
    expect(d.monthly_targets.map((t) => t.period)).toEqual(['2026-01', '2026-07']);
  });
});

describe('issuesFromMessages', () => {
  it('puts each 400 message beside the field it names', () => {
    const { fields, other } = issuesFromMessages([
      'name: must not be empty',
      'custom_metric_name: required when metric is custom',
      'period_start: must be the first day of a month',
      'period_end: must be the last day of a month',
      'target: must be above baseline for target_type increase_to',
      'monthly_targets.1.period: must be a month of the period 2026-01-01..2026-03-31',
      'Goal not found',
      'weird: unknown field',
    ]);
    expect(fields).toEqual({
      name: ['must not be empty'],
      custom_metric_name: ['required when metric is custom'],
      start_month: ['must be the first day of a month'],
      end_month: ['must be the last day of a month'],
      target: ['must be above baseline for target_type increase_to'],
      'monthly_targets.1.period': ['must be a month of the period 2026-01-01..2026-03-31'],
    });
    expect(other).toEqual(['Goal not found', 'weird: unknown field']);
  });

  it('finds the month a monthly target message is about', () => {
    let d = emptyDraft('2026-01-15');
    d = setMonthlyTarget(setMonthlyTarget(d, '2026-02', '20'), '2027-07', '70');
    expect(monthlyTargetIssues(d, { 'monthly_targets.1.period': ['must be a month of the period'], target: ['x'] })).toEqual({ '2027-07': ['must be a month of the period'] });
  });
});
