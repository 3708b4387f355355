import { nextRun, zonedInstant, type RunSpec } from './next-run';

const berlin8: RunSpec = { frequency: 'daily', weekday: null, dayOfMonth: null, time: '08:00', timeZone: 'Europe/Berlin' };
const localBerlin = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' }).format(d);

/** Next-run times from the zone's own offsets (Intl), across daylight-saving changes. */
describe('nextRun', () => {
  it('runs daily at 08:00 Berlin local on each side of the spring and autumn changes', () => {
    const runs: string[] = [];
    for (let t = new Date('2026-03-27T12:00:00Z'), i = 0; i < 4; i++) runs.push((t = nextRun(berlin8, t)).toISOString());
    expect(runs).toEqual(['2026-03-28T07:00:00.000Z', '2026-03-29T06:00:00.000Z', '2026-03-30T06:00:00.000Z', '2026-03-31T06:00:00.000Z']);
    const autumn: string[] = [];
    for (let t = new Date('2026-10-23T12:00:00Z'), i = 0; i < 3; i++) autumn.push(localBerlin((t = nextRun(berlin8, t))));
    expect(autumn).toEqual(['2026-10-24 08:00', '2026-10-25 08:00', '2026-10-26 08:00']);
  });

  it('runs once on an autumn day whose time occurs twice, and after the gap on a spring day that skips it', () => {
    const at0230: RunSpec = { ...berlin8, time: '02:30' };
    const first = nextRun(at0230, new Date('2026-10-24T12:00:00Z'));
    expect(first.toISOString()).toBe('2026-10-25T00:30:00.000Z'); // the first 02:30 (CEST)
    expect(nextRun(at0230, first).toISOString()).toBe('2026-10-26T01:30:00.000Z'); // not the second 02:30 an hour later
    expect(nextRun(at0230, new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(zonedInstant(Date.UTC(2026, 0, 15, 8, 0), 'America/New_York')).toBe(Date.UTC(2026, 0, 15, 13, 0));
  });

  it('runs weekly on the weekday and monthly on the day, the last day in shorter months', () => {
    const mondays: RunSpec = { ...berlin8, frequency: 'weekly', weekday: 1, timeZone: 'Asia/Tokyo', time: '09:15' };
    expect(nextRun(mondays, new Date('2026-03-04T00:00:00Z')).toISOString()).toBe('2026-03-09T00:15:00.000Z');
    const on31: RunSpec = { ...berlin8, frequency: 'monthly', dayOfMonth: 31, timeZone: 'UTC' };
    const got: string[] = [];
    for (let t = new Date('2026-01-31T09:00:00Z'), i = 0; i < 3; i++) got.push((t = nextRun(on31, t)).toISOString().slice(0, 10));
    expect(got).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('counts the local date in the zone, not in UTC', () => {
    // 23:30 UTC on the 1st is already the 2nd in Auckland: the next 08:00 there is on the 3rd, local
    const nz: RunSpec = { ...berlin8, timeZone: 'Pacific/Auckland' };
    expect(nextRun(nz, new Date('2026-06-01T23:30:00Z')).toISOString()).toBe('2026-06-02T20:00:00.000Z');
  });
});
