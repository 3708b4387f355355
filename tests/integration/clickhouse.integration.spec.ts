import type { ClickHouseClient } from '@clickhouse/client';
import * as path from 'node:path';
import { ClickHouseService, closeClickHouse, CLICKHOUSE_MIGRATIONS, EventsRepository, migrateClickHouse, openClickHouse, splitStatements, tablesFor } from '@hubpulse/clickhouse';
import { testConfig, uniqueName, workerDataDir } from '@hubpulse/testing';

describe('ClickHouse (embedded chDB) schema', () => {
  const cfg = { mode: 'embedded' as const, path: path.join(workerDataDir(), 'clickhouse'), database: uniqueName() };
  const t = tablesFor(cfg.database);
  let client: ClickHouseClient;

  beforeAll(async () => {
    client = await openClickHouse(cfg);
  });
  afterAll(async () => {
    await client.command({ query: `DROP DATABASE IF EXISTS ${cfg.database}` });
    await closeClickHouse(client, cfg);
  });

  it('applies every numbered migration once and records it', async () => {
    expect(await migrateClickHouse(client, cfg.database)).toEqual(CLICKHOUSE_MIGRATIONS.map((m) => m.name));
    expect(await migrateClickHouse(client, cfg.database)).toEqual([]);
    const rs = await client.query({ query: `SELECT name FROM system.tables WHERE database = {db:String} ORDER BY name`, query_params: { db: cfg.database }, format: 'JSONEachRow' });
    expect((await rs.json<{ name: string }>()).map((r) => r.name)).toEqual(['content', 'engagement_scores', 'events', 'ingest_rejects', 'pattern_leader_items', 'pattern_person_weeks', 'pattern_purposes', 'people', 'people_history', 'schema_migrations', 'score_days', 'segment_members', 'segment_runs']);
  });

  it('counts an event stored twice once (FINAL), after merges too', async () => {
    const row = { event_id: 'x1', type: 'view', actor_id: 'p1', occurred_at: '2026-03-02 10:00:00.000' };
    await client.insert({ table: t.events, values: [row], format: 'JSONEachRow' });
    await client.insert({ table: t.events, values: [row, { ...row, event_id: 'x2' }], format: 'JSONEachRow' });
    const count = async () => Number((await (await client.query({ query: `SELECT count() AS n FROM ${t.events} FINAL`, format: 'JSONEachRow' })).json<{ n: string }>())[0].n);
    expect(await count()).toBe(2);
    await client.command({ query: `OPTIMIZE TABLE ${t.events} FINAL` });
    expect(await count()).toBe(2);
  });

  it('keeps the latest version of a person', async () => {
    await client.insert({ table: t.people, values: [{ person_id: 'p1', name: 'Old', version: 1 }], format: 'JSONEachRow' });
    await client.insert({ table: t.people, values: [{ person_id: 'p1', name: 'New', version: 2 }], format: 'JSONEachRow' });
    const rs = await client.query({ query: `SELECT name FROM ${t.people} FINAL`, format: 'JSONEachRow' });
    expect(await rs.json()).toEqual([{ name: 'New' }]);
  });
});

/**
 * Migration 014 re-keys `events` by (day, event_id, origin): a second source sending an event id
 * it did not first send gets its own row instead of replacing the first source's event.
 */
describe('ClickHouse events keyed by origin (migration 014, chDB)', () => {
  const cfg = { mode: 'embedded' as const, path: path.join(workerDataDir(), 'clickhouse'), database: uniqueName() };
  const t = tablesFor(cfg.database);
  const before014 = CLICKHOUSE_MIGRATIONS.filter((m) => m.version < 14);
  const m014 = CLICKHOUSE_MIGRATIONS.find((m) => m.version === 14)!;
  let client: ClickHouseClient;
  const rows = async <T>(query: string) => (await client.query({ query, format: 'JSONEachRow' })).json<T>();
  const ev = (over: Record<string, unknown>) => ({ event_id: 'x', type: 'view', actor_id: 'p1', occurred_at: '2026-03-02 10:00:00.000', key_id: 'key-a', ...over });

  beforeAll(async () => {
    client = await openClickHouse(cfg);
  });
  afterAll(async () => {
    await client.command({ query: `DROP DATABASE IF EXISTS ${cfg.database}` });
    await closeClickHouse(client, cfg);
  });

  it('keeps the events stored before it, with their ingestion times', async () => {
    await migrateClickHouse(client, cfg.database, before014);
    await client.insert({
      table: t.events,
      format: 'JSONEachRow',
      values: [ev({ event_id: 'old-1', ingested_at: '2026-03-02 11:00:00.000' }), ev({ event_id: 'old-2', key_id: 'import:i1', ingested_at: '2026-03-02 11:00:00.000' })],
    });
    expect(await migrateClickHouse(client, cfg.database)).toEqual(['014_events_by_origin', '015_pattern_leader_repliers', '016_events_newest_ingested', '017_content_audience', '018_people_history']);
    expect(await rows(`SELECT event_id, key_id, origin, toString(ingested_at) AS at FROM ${t.events} FINAL ORDER BY event_id`)).toEqual([
      { event_id: 'old-1', key_id: 'key-a', origin: 'key-a', at: '2026-03-02 11:00:00.000' },
      { event_id: 'old-2', key_id: 'import:i1', origin: 'import', at: '2026-03-02 11:00:00.000' },
    ]);
    const [sorting] = await rows<{ sorting_key: string }>(`SELECT sorting_key FROM system.tables WHERE database = '${cfg.database}' AND name = 'events'`);
    expect(sorting.sorting_key).toBe('toDate(occurred_at), event_id, origin');
  });

  it('is safe to run again after a crash between its steps', async () => {
    const statements = splitStatements(m014.sql.replaceAll('{db}', cfg.database));
    // died after the exchange, before the old table was dropped
    for (const s of statements.slice(0, 4)) await client.command({ query: s });
    for (const s of statements) await client.command({ query: s });
    // died half-way through the copy (a partial copy left behind)
    for (const s of statements.slice(0, 2)) await client.command({ query: s });
    for (const s of statements) await client.command({ query: s });
    expect(await rows(`SELECT event_id, origin FROM ${t.events} FINAL ORDER BY event_id`)).toEqual([
      { event_id: 'old-1', origin: 'key-a' },
      { event_id: 'old-2', origin: 'import' },
    ]);
    const tables = await rows<{ name: string }>(`SELECT name FROM system.tables WHERE database = '${cfg.database}' AND name LIKE 'events%'`);
    expect(tables.map((r) => r.name)).toEqual(['events']);
  });

  it("never lets source B replace source A's event; a retry from A still counts once", async () => {
    const a = ev({ event_id: 'same', type: 'comment', actor_id: 'alice', key_id: 'key-a' });
    await client.insert({ table: t.events, format: 'JSONEachRow', values: [a] });
    await client.insert({ table: t.events, format: 'JSONEachRow', values: [ev({ event_id: 'same', type: 'post', actor_id: 'mallory', key_id: 'key-b' })] });
    await client.insert({ table: t.events, format: 'JSONEachRow', values: [a] }); // A retries
    // two imports of the same file are one source
    await client.insert({ table: t.events, format: 'JSONEachRow', values: [ev({ event_id: 'imp', key_id: 'import:i1' })] });
    await client.insert({ table: t.events, format: 'JSONEachRow', values: [ev({ event_id: 'imp', key_id: 'import:i2' })] });
    for (const optimise of [false, true]) {
      if (optimise) await client.command({ query: `OPTIMIZE TABLE ${t.events} FINAL` });
      expect(await rows(`SELECT key_id, type, actor_id FROM ${t.events} FINAL WHERE event_id = 'same' ORDER BY key_id`)).toEqual([
        { key_id: 'key-a', type: 'comment', actor_id: 'alice' },
        { key_id: 'key-b', type: 'post', actor_id: 'mallory' },
      ]);
      expect(await rows(`SELECT toString(count()) AS n FROM ${t.events} FINAL WHERE event_id = 'imp'`)).toEqual([{ n: '1' }]);
    }
  });
});

/**
 * Migration 016: the newest ingested_at (exports' data watermark) comes from the `newest_ingested`
 * projection — one row per part instead of a scan of `events` — with the answer a full scan gives,
 * before and after merges that drop duplicates (the projection is rebuilt then).
 */
describe('ClickHouse newest ingested event (migration 016, chDB)', () => {
  const cfg = { mode: 'embedded' as const, path: path.join(workerDataDir(), 'clickhouse'), database: uniqueName() };
  const t = tablesFor(cfg.database);
  let client: ClickHouseClient;
  let events: EventsRepository;
  const rows = async <T>(query: string) => (await client.query({ query, format: 'JSONEachRow' })).json<T>();
  const fullScan = async () => (await rows<{ wm: string }>(`SELECT toString(max(ingested_at)) AS wm FROM ${t.events} SETTINGS optimize_use_projections = 0`))[0].wm;
  const plan = async () => (await rows<{ explain: string }>(`EXPLAIN SELECT toString(max(ingested_at)) AS wm, count() AS n FROM ${t.events}`)).map((r) => r.explain).join('\n');
  const ev = (id: string, at: string) => ({ event_id: id, type: 'view', actor_id: 'p1', occurred_at: '2026-03-02 10:00:00.000', key_id: 'key-a', ingested_at: at });

  beforeAll(async () => {
    client = await openClickHouse(cfg);
    const before016 = CLICKHOUSE_MIGRATIONS.filter((m) => m.version < 16);
    await migrateClickHouse(client, cfg.database, before016);
    // events stored before the migration: their parts get the projection when it is materialised
    await client.insert({ table: t.events, format: 'JSONEachRow', values: [ev('old', '2026-03-02 11:00:00.000')] });
    expect(await migrateClickHouse(client, cfg.database)).toEqual(['016_events_newest_ingested', '017_content_audience', '018_people_history']);
    const config = testConfig({});
    events = new EventsRepository(new ClickHouseService(client, { ...config, clickhouse: { ...config.clickhouse, database: cfg.database } }));
  });
  afterAll(async () => {
    await client.command({ query: `DROP DATABASE IF EXISTS ${cfg.database}` });
    await closeClickHouse(client, cfg);
  });

  it('answers from the projection what a full scan answers, and what span() said, across duplicates and merges', async () => {
    expect(await events.newestIngestedAt()).toBe('2026-03-02 11:00:00.000');
    expect(await plan()).toMatch(/ReadFromMergeTree \(newest_ingested\)/);
    // the same event sent again later (the later copy survives), another in a new month's partition, an older one
    await client.insert({ table: t.events, format: 'JSONEachRow', values: [ev('old', '2026-03-05 08:00:00.000'), ev('new', '2026-03-04 09:30:00.123')] });
    await client.insert({ table: t.events, format: 'JSONEachRow', values: [{ ...ev('april', '2026-03-01 00:00:00.000'), occurred_at: '2026-04-01 00:00:00.000' }] });
    for (const optimise of [false, true]) {
      if (optimise) await client.command({ query: `OPTIMIZE TABLE ${t.events} FINAL` });
      expect({ optimise, wm: await events.newestIngestedAt() }).toEqual({ optimise, wm: '2026-03-05 08:00:00.000' });
      expect(await events.newestIngestedAt()).toBe(await fullScan());
      expect(await events.newestIngestedAt()).toBe((await events.span())!.wm);
      expect(await plan()).toMatch(/ReadFromMergeTree \(newest_ingested\)/);
    }
  });

  it("pages every stored event once, a page boundary between two sources' events with one id included", async () => {
    // one id from two write keys and an import on one day, a retry, and neighbours either side
    const same = (key: string, at: string) => ({ ...ev('same', at), occurred_at: '2026-03-03 09:00:00.000', key_id: key });
    await client.insert({ table: t.events, format: 'JSONEachRow', values: [same('key-a', '2026-03-03 09:00:01.000'), same('key-b', '2026-03-03 09:00:02.000'), same('import:i1', '2026-03-03 09:00:03.000')] });
    await client.insert({ table: t.events, format: 'JSONEachRow', values: [same('key-a', '2026-03-03 09:00:04.000'), { ...ev('after', '2026-03-03 10:00:00.000'), occurred_at: '2026-03-03 10:00:00.000' }] });
    const stored = await rows<{ id: string }>(`SELECT concat(toString(toDate(occurred_at)), '/', event_id, '/', origin) AS id FROM ${t.events} FINAL WHERE toDate(occurred_at) BETWEEN '2026-03-01' AND '2026-04-30' ORDER BY id`);
    expect(stored.length).toBe(7); // old, new, april, same × 3 sources, after
    for (const size of [1, 2, 3, 100]) {
      const paged: string[] = [];
      for await (const page of events.pages('2026-03-01', '2026-04-30', size)) paged.push(...page.map((r) => `${r.day}/${r.event_id}/${r.origin}`));
      expect({ size, paged }).toEqual({ size, paged: stored.map((r) => r.id) });
    }
  });

  it('says null when no event is stored', async () => {
    await client.command({ query: `TRUNCATE TABLE ${t.events}` });
    expect(await events.newestIngestedAt()).toBeNull();
  });
});
