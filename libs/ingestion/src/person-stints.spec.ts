import { applyChange, effectiveDay, SINCE_ALWAYS, stintOn, type Stint, type StintValues } from './person-stints';

const v = (department: string, title: string | null = null): StintValues => ({ department, location: 'Berlin', manager_id: null, title });
const spans = (s: Stint[]) => s.map((x) => `${x.department}:${x.valid_from}..${x.valid_to ?? ''}`);

describe('person stints', () => {
  it('a first write opens one stint', () => {
    expect(spans(applyChange([], 'p1', '2024-01-01', v('Sales')))).toEqual(['Sales:2024-01-01..']);
  });

  it('a move closes the open stint on the day it takes effect', () => {
    const s = applyChange(applyChange([], 'p1', '2024-01-01', v('Sales')), 'p1', '2025-06-01', v('Operations'));
    expect(spans(s)).toEqual(['Sales:2024-01-01..2025-06-01', 'Operations:2025-06-01..']);
  });

  it('an unchanged person re-sent changes nothing', () => {
    const s = applyChange([], 'p1', '2024-01-01', v('Sales'));
    expect(applyChange(s, 'p1', '2025-01-01', v('Sales'))).toEqual(s);
  });

  it('a back-dated change splits the stint it falls in and stops at the next recorded change', () => {
    let s = applyChange([], 'p1', '2020-01-01', v('Sales'));
    s = applyChange(s, 'p1', '2024-06-01', v('Operations'));
    s = applyChange(s, 'p1', '2023-01-01', v('Marketing'));
    expect(spans(s)).toEqual(['Sales:2020-01-01..2023-01-01', 'Marketing:2023-01-01..2024-06-01', 'Operations:2024-06-01..']);
  });

  it('a change dated before the first stint adds one up to it (imports in any order)', () => {
    let s = applyChange([], 'p1', '2020-03-01', v('Operations'));
    s = applyChange(s, 'p1', '2015-01-01', v('Sales'));
    expect(spans(s)).toEqual(['Sales:2015-01-01..2020-03-01', 'Operations:2020-03-01..']);
  });

  it('a change on the first day of a stint replaces its values and merges with equal neighbours', () => {
    let s = applyChange([], 'p1', '2020-01-01', v('Sales'));
    s = applyChange(s, 'p1', '2022-01-01', v('Operations'));
    s = applyChange(s, 'p1', '2022-01-01', v('Sales'));
    expect(spans(s)).toEqual(['Sales:2020-01-01..']);
  });

  it('a title change is a change too', () => {
    const s = applyChange(applyChange([], 'p1', '2020-01-01', v('Sales', 'Rep')), 'p1', '2021-01-01', v('Sales', 'Lead'));
    expect(s.map((x) => x.title)).toEqual(['Rep', 'Lead']);
  });

  it('a person first known without a day holds since always, so a later back-dated move splits it', () => {
    const s = applyChange(applyChange([], 'p1', null, v('Engineering')), 'p1', '2026-11-23', v('Sales'));
    expect(spans(s)).toEqual([`Engineering:${SINCE_ALWAYS}..2026-11-23`, 'Sales:2026-11-23..']);
  });

  it('stintOn finds the day; days before the first stint count under it', () => {
    const s = applyChange(applyChange([], 'p1', '2020-01-01', v('Sales')), 'p1', '2022-01-01', v('Operations'));
    expect(stintOn(s, '2019-05-05')?.department).toBe('Sales');
    expect(stintOn(s, '2021-12-31')?.department).toBe('Sales');
    expect(stintOn(s, '2022-01-01')?.department).toBe('Operations');
  });

  it('effectiveDay takes the UTC day of a date-time', () => {
    expect(effectiveDay('2024-03-01')).toBe('2024-03-01');
    expect(effectiveDay('2024-03-01T23:30:00-02:00')).toBe('2024-03-02');
  });
});
