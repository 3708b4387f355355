import { hubEventSchema } from '@hubpulse/contracts';
import { EVENT_COLUMNS, toClickHouseTime, tsv, validateEvents } from './event-row';

const ok = { event_id: 'e1', type: 'comment', actor_id: 'p1', occurred_at: '2026-03-02T10:00:00+01:00', target_actor_id: 'p2', properties: { words: 12 } };
const cells = (line: string) => Object.fromEntries(line.split('\t').map((v, i) => [EVENT_COLUMNS[i], v]));

describe('validateEvents', () => {
  it('maps a valid event to a UTC TSV row', () => {
    const { lines, rejected } = validateEvents([ok], 'api', 'k1');
    expect(rejected).toEqual([]);
    expect(cells(lines[0])).toEqual({
      event_id: 'e1', type: 'comment', actor_id: 'p1', occurred_at: '2026-03-02 09:00:00.000', content_id: '', channel: '', purpose: '',
      target_actor_id: 'p2', properties: '{"words":12}', source: 'api', key_id: 'k1',
    });
  });

  it('escapes tabs, newlines and backslashes so a value never breaks the row', () => {
    const { lines } = validateEvents([{ ...ok, event_id: 'a\tb', properties: { text: 'line1\nline2 \\ end' } }], 'api', 'k1');
    expect(lines[0].split('\t')).toHaveLength(EVENT_COLUMNS.length);
    expect(lines[0]).not.toContain('\n');
    expect(tsv('a\\b\tc\nd\re\0')).toBe('a\\\\b\\tc\\nd\\re\\0');
  });

  it('reports each bad event by index and field, keeping the good ones', () => {
    const { lines, rejected } = validateEvents(
      [ok, { ...ok, type: 'like' }, { ...ok, occurred_at: 'yesterday', actor_id: 5 }, 'nope', { ...ok, properties: { nested: { a: 1 } } }, { ...ok, colour: 'red' }],
      'api',
      'k1',
    );
    expect(lines).toHaveLength(1);
    expect(rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
    expect(rejected[0].errors[0]).toMatch(/^type: must be one of view, react/);
    expect(rejected[1].errors).toEqual(['actor_id: must be a string', 'occurred_at: must be an ISO 8601 date-time, e.g. 2026-03-01T09:30:00Z']);
    expect(rejected[2].errors).toEqual(['must be an object']);
    expect(rejected[3].errors[0]).toMatch(/^properties\.nested: .*flat/);
    expect(rejected[4].errors[0]).toMatch(/unknown field\(s\) colour/);
  });

  it('rejects a missing event_id, far-future and impossible times', () => {
    const { event_id: _drop, ...noId } = ok;
    const r = validateEvents([noId, { ...ok, occurred_at: '2999-01-01T00:00:00Z' }, { ...ok, occurred_at: '2026-02-31T00:00:00Z' }], 'api', 'k').rejected;
    expect(r[0].errors).toEqual(['event_id: is required']);
    expect(r[1].errors).toEqual(['occurred_at: is more than a day in the future']);
    expect(r[2].errors[0]).toMatch(/^occurred_at: /);
  });

  it('rejects an event over the per-event size limit, naming the limit', () => {
    const big = { ...ok, properties: { a: 'x'.repeat(2000), b: 'y'.repeat(2000) } };
    const r = validateEvents([ok, big], 'api', 'k', 3000);
    expect(r.lines).toHaveLength(1);
    expect(r.rejected).toEqual([{ index: 1, errors: ['event: larger than the per-event limit of 3000 bytes'] }]);
  });

  it('agrees with the documented zod schema on what is valid', () => {
    const cases: unknown[] = [
      ok, { ...ok, channel: 'qa', purpose: 'vision', content_id: 'c' }, { ...ok, channel: 'tv' }, { ...ok, purpose: 'fun' },
      { ...ok, event_id: '' }, { ...ok, event_id: ' ' }, { ...ok, event_id: 'x'.repeat(201) }, { ...ok, properties: [] }, { ...ok, properties: { a: null, b: true, c: 1.5 } },
      { ...ok, occurred_at: '2026-03-02T10:00:00Z' }, { ...ok, occurred_at: '2026-03-02T10:00:00.123456Z' }, { ...ok, occurred_at: '2026-03-02' }, { ...ok, occurred_at: '2026-03-02T10:00:00' },
      null, [], 42, { ...ok, type: undefined },
    ];
    for (const c of cases) {
      expect([JSON.stringify(c), validateEvents([c], 'api', 'k').lines.length === 1]).toEqual([JSON.stringify(c), hubEventSchema.safeParse(c).success]);
    }
  });

  it('formats times for DateTime64(3, UTC)', () => {
    expect(toClickHouseTime('2026-01-31T23:59:59.5-02:00')).toBe('2026-02-01 01:59:59.500');
    expect(toClickHouseTime('garbage')).toBeNull();
  });
});
