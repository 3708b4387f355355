import type { ClickHouseClient } from '@clickhouse/client';
import * as path from 'node:path';
import { closeClickHouse, CLICKHOUSE_MIGRATIONS, migrateClickHouse, openClickHouse, tablesFor } from '@hubpulse/clickhouse';
import { uniqueName, workerDataDir } from '@hubpulse/testing';

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
    expect((await rs.json<{ name: string }>()).map((r) => r.name)).toEqual(['content', 'engagement_scores', 'events', 'ingest_rejects', 'pattern_leader_items', 'pattern_person_weeks', 'pattern_purposes', 'people', 'schema_migrations', 'score_days', 'segment_members', 'segment_runs']);
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
