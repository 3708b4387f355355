import type { ClickHouseClient } from '@clickhouse/client';
import fc from 'fast-check';
import { ClickHouseService, closeClickHouse, EventsRepository, migrateClickHouse, openClickHouse, versionsSince } from '@hubpulse/clickhouse';
import { testConfig } from '@hubpulse/testing';

/**
 * DataVersions on embedded chDB: a version follows every stored change of its tables (an insert, a
 * merge, a mutation); the callers of one turn of the event loop share one `system.parts` query; and
 * `memo` answers what its query would answer now, asking ClickHouse again only after a change.
 */
describe('DataVersions', () => {
  const config = testConfig();
  let raw: ClickHouseClient;
  let ch: ClickHouseService;
  let events: EventsRepository;
  /** The statements run through ch.rows, by purpose. */
  const asked: string[] = [];
  let id = 0;

  const insert = (day: string) =>
    raw.insert({
      table: ch.tables.events,
      format: 'JSONEachRow',
      values: [{ event_id: `e${++id}`, type: 'view', actor_id: `p${id % 7}`, occurred_at: `${day} 12:00:00.000` }],
    });
  /** The newest and oldest days as ClickHouse says now, asked directly. */
  const direct = async () => {
    const [r] = await (await raw.query({ query: `SELECT toString(toDate(max(occurred_at))) AS last, toString(min(toDate(occurred_at))) AS first, count() AS n FROM ${ch.tables.events}`, format: 'JSONEachRow' })).json<{ last: string; first: string; n: string }>();
    return Number(r.n) > 0 ? { last: r.last, first: r.first } : { last: null, first: null };
  };
  const eventQueries = () => asked.filter((q) => q.includes(ch.tables.events) && !q.includes('system.parts')).length;
  const versionQueries = () => asked.filter((q) => q.includes('system.parts')).length;

  beforeAll(async () => {
    raw = await openClickHouse(config.clickhouse);
    await migrateClickHouse(raw, config.clickhouse.database);
    ch = new ClickHouseService(raw, config);
    const rows = ch.rows.bind(ch);
    ch.rows = ((query: string, params?: Record<string, unknown>, purpose?: string) => {
      asked.push(query);
      return rows(query, params, purpose);
    }) as typeof ch.rows;
    events = new EventsRepository(ch);
  }, 60_000);

  afterAll(async () => {
    await closeClickHouse(raw, config.clickhouse);
  });

  beforeEach(async () => {
    await raw.command({ query: `TRUNCATE TABLE ${ch.tables.events}` });
    asked.length = 0;
  });

  it('changes with an insert, a merge and a mutation, and only then', async () => {
    const empty = await ch.versions.of(['events']);
    expect(await ch.versions.of(['events'])).toBe(empty);
    await insert('2026-03-02');
    const one = await ch.versions.of(['events']);
    expect(one).not.toBe(empty);
    expect(await ch.versions.of(['events', 'people'])).toBe(`${one}/${await ch.versions.of(['people'])}`);
    await insert('2026-03-03');
    const two = await ch.versions.of(['events']);
    expect(two).not.toBe(one);
    await raw.command({ query: `OPTIMIZE TABLE ${ch.tables.events} FINAL` });
    const merged = await ch.versions.of(['events']);
    expect(merged).not.toBe(two);
    await raw.command({ query: `ALTER TABLE ${ch.tables.events} DELETE WHERE event_id = 'e${id}'`, clickhouse_settings: { mutations_sync: '2' } });
    expect(await ch.versions.of(['events'])).not.toBe(merged);
  });

  it('asks system.parts once for every caller of one turn, and again in the next', async () => {
    await insert('2026-03-02');
    const [a, b, c] = await Promise.all([ch.versions.of(['events']), ch.versions.of(['people', 'events']), ch.versions.of(['segment_runs'])]);
    expect(versionQueries()).toBe(1);
    expect(b.split('/')[0]).toBe(a);
    expect(c).toBe(await ch.versions.of(['segment_runs']));
    expect(versionQueries()).toBe(2);
    // a caller after an acknowledged insert sees it, even right after a batch was read
    await insert('2026-03-04');
    expect(await ch.versions.of(['events'])).not.toBe(a);
  });

  it("inside a request, reuses a read started after the request arrived, up to a second old", async () => {
    await insert('2026-03-02');
    const arrived = performance.now();
    await versionsSince.run(arrived, async () => {
      const first = await ch.versions.of(['events']);
      expect(versionQueries()).toBe(1);
      // the plan, the small facts and the cache of one request: one read
      expect(await ch.versions.of(['people'])).toBe(await ch.versions.of(['people']));
      expect(await ch.versions.of(['events'])).toBe(first);
      expect(versionQueries()).toBe(1);
      // a request that arrives after an acknowledged insert does not reuse a read from before it
      await insert('2026-03-03');
      const later = await versionsSince.run(performance.now(), () => ch.versions.of(['events']));
      expect(later).not.toBe(first);
      expect(versionQueries()).toBe(2);
      // work that outlives its request reads versions at most a second old
      await new Promise((r) => setTimeout(r, 1_100));
      await ch.versions.of(['events']);
      expect(versionQueries()).toBe(3);
    });
  });

  it("memo: the newest and oldest event days are the data's after every change, asked of ClickHouse only after one", async () => {
    expect(await events.lastEventDay()).toBeNull();
    await insert('2026-03-05');
    expect(await events.lastEventDay()).toBe('2026-03-05');
    const before = eventQueries();
    for (let i = 0; i < 5; i++) expect(await events.lastEventDay()).toBe('2026-03-05');
    expect(eventQueries()).toBe(before);
    await insert('2026-03-09');
    expect(await events.lastEventDay()).toBe('2026-03-09');
    expect(eventQueries()).toBe(before + 1);
  });

  it('memo: any sequence of inserts, merges and deleting mutations, each read equal to asking ClickHouse directly', async () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-02-${String(d).padStart(2, '0')}`);
    const step = fc.oneof(
      day.map((d) => ({ kind: 'insert' as const, d })),
      fc.constant({ kind: 'merge' as const }),
      fc.constant({ kind: 'delete' as const }),
      fc.constant({ kind: 'read' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        await raw.command({ query: `TRUNCATE TABLE ${ch.tables.events}` });
        for (const s of [...steps, { kind: 'read' as const }]) {
          if (s.kind === 'insert') await insert(s.d);
          else if (s.kind === 'merge') await raw.command({ query: `OPTIMIZE TABLE ${ch.tables.events} FINAL` });
          else if (s.kind === 'delete') await raw.command({ query: `ALTER TABLE ${ch.tables.events} DELETE WHERE occurred_at = (SELECT max(occurred_at) FROM ${ch.tables.events})`, clickhouse_settings: { mutations_sync: '2' } });
          else {
            const want = await direct();
            expect({ last: await events.lastEventDay(), first: await events.firstEventDay() }).toEqual(want);
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('memo: a failed answer is not kept, and only Hubpulse tables are accepted', async () => {
    let calls = 0;
    const flaky = ch.versions.memo(['events'], async () => {
      if (++calls === 1) throw new Error('boom');
      return calls;
    });
    await expect(flaky()).rejects.toThrow('boom');
    expect(await flaky()).toBe(2);
    expect(await flaky()).toBe(2);
    expect(() => ch.versions.memo(['no_such_table' as 'events'], async () => 1)).toThrow('not Hubpulse tables: no_such_table');
    expect(() => ch.versions.memo([], async () => 1)).toThrow('not Hubpulse tables');
  });
});
