import { toClickHouseTime, validateEvents } from './event-row';

const ok = { event_id: 'e1', type: 'comment', actor_id: 'p1', occurred_at: '2026-03-02T10:00:00+01:00', target_actor_id: 'p2', properties: { words: 12 } };

describe('validateEvents', () => {
  it('maps a valid event to a UTC row', () => {
    const { rows, rejected } = validateEvents([ok], 'api', 'k1');
    expect(rejected).toEqual([]);
    expect(rows[0]).toMatchObject({ event_id: 'e1', occurred_at: '2026-03-02 09:00:00.000', target_actor_id: 'p2', properties: '{"words":12}', key_id: 'k1', channel: '' });
  });

  it('reports each bad event by index and field, keeping the good ones', () => {
    const { rows, rejected } = validateEvents(
      [ok, { ...ok, type: 'like' }, { ...ok, occurred_at: 'yesterday', actor_id: 5 }, 'nope', { ...ok, properties: { nested: { a: 1 } } }, { ...ok, colour: 'red' }],
      'api',
      'k1',
    );
    expect(rows).toHaveLength(1);
    expect(rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
    expect(rejected[0].errors[0]).toMatch(/^type: must be one of view, react/);
    expect(rejected[1].errors).toEqual(expect.arrayContaining([expect.stringMatching(/^actor_id: /), expect.stringMatching(/^occurred_at: must be an ISO 8601/)]));
    expect(rejected[2].errors).toEqual(['must be an object']);
    expect(rejected[3].errors[0]).toMatch(/^properties\.nested: .*flat/);
    expect(rejected[4].errors[0]).toMatch(/unknown field\(s\) colour/);
  });

  it('rejects a missing event_id', () => {
    const { event_id: _drop, ...noId } = ok;
    expect(validateEvents([noId], 'api', 'k').rejected[0].errors[0]).toMatch(/^event_id: /);
  });

  it('formats times for DateTime64(3, UTC)', () => {
    expect(toClickHouseTime('2026-01-31T23:59:59.5-02:00')).toBe('2026-02-01 01:59:59.500');
    expect(toClickHouseTime('garbage')).toBeNull();
  });
});
