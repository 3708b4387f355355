import type { ClickHouseClient } from '@clickhouse/client';
import { ClickHouseService, closeClickHouse, COMPACTED_TABLES, CompactionService, migrateClickHouse, openClickHouse } from '@hubpulse/clickhouse';
import { testConfig } from '@hubpulse/testing';

/**
 * Compaction (issue 17): quiet partitions of the deduplicating tables are merged to one part, the
 * duplicates dropped; recently written ones are left alone. And the setting every client reads with
 * (do_not_merge_across_partitions_select_final) is right for every such table: one key, one partition.
 */
describe('CompactionService', () => {
  const config = testConfig();
  let raw: ClickHouseClient;
  let ch: ClickHouseService;
  let compaction: CompactionService;

  beforeAll(async () => {
    raw = await openClickHouse(config.clickhouse);
    await migrateClickHouse(raw, config.clickhouse.database);
    ch = new ClickHouseService(raw, config);
    compaction = new CompactionService(ch);
  }, 60_000);

  afterAll(async () => {
    if (!raw) return;
    await raw.command({ query: `DROP DATABASE IF EXISTS ${config.clickhouse.database}` });
    await closeClickHouse(raw, config.clickhouse);
  });

  const parts = async () =>
    ch.rows<{ partition: string; parts: string; min_level: string }>(
      `SELECT partition_id AS partition, count() AS parts, min(level) AS min_level FROM system.parts WHERE database = {db:String} AND table = 'events' AND active GROUP BY partition_id ORDER BY partition_id`,
      { db: ch.database },
    );
  const counts = async () => (await ch.rows<{ all: string; final: string }>(`SELECT toString((SELECT count() FROM ${ch.tables.events})) AS all, toString((SELECT count() FROM ${ch.tables.events} FINAL)) AS final`))[0];

  it('merges quiet partitions to one part without their duplicates, and leaves busy ones', async () => {
    const event = (id: string, day: string) => ({ event_id: id, type: 'view', actor_id: 'p1', occurred_at: `${day} 10:00:00.000` });
    // Three inserts (three parts) in March, one of them a retry of an event; one in April.
    await raw.insert({ table: ch.tables.events, format: 'JSONEachRow', values: [event('a', '2026-03-02'), event('b', '2026-03-03')] });
    await raw.insert({ table: ch.tables.events, format: 'JSONEachRow', values: [event('b', '2026-03-03')] });
    await raw.insert({ table: ch.tables.events, format: 'JSONEachRow', values: [event('c', '2026-03-20')] });
    await raw.insert({ table: ch.tables.events, format: 'JSONEachRow', values: [event('d', '2026-04-01')] });
    expect(await counts()).toEqual({ all: '5', final: '4' });

    // Written just now: not quiet for a minute.
    expect(await compaction.due(1, ['events'])).toEqual([]);
    expect((await compaction.compact(1, ['events'])).merged).toEqual([]);

    const due = await compaction.due(0, ['events']);
    // April is one part, deduplicated as it was written (optimize_on_insert: level 1): nothing to merge.
    expect(due).toEqual([{ table: 'events', partition: '202603', parts: 3, rows: 4 }]);
    expect((await compaction.compact(0, ['events'])).merged).toEqual(['events:202603']);
    const after = await parts();
    expect(after.map((p) => [p.partition, Number(p.parts), Number(p.min_level) > 0])).toEqual([
      ['202603', 1, true],
      ['202604', 1, true],
    ]);
    expect(await counts()).toEqual({ all: '4', final: '4' });
    // Merged: nothing left to do.
    expect(await compaction.due(0, ['events'])).toEqual([]);
  });

  it('every client reads with do_not_merge_across_partitions_select_final, and it is right for every compacted table', async () => {
    const [setting] = await ch.rows<{ v: string }>(`SELECT toString(getSetting('do_not_merge_across_partitions_select_final')) AS v`);
    expect(setting.v).toMatch(/^(1|true)$/);
    const tables = await ch.rows<{ name: string; partition_key: string; sorting_key: string; engine: string }>(
      `SELECT name, partition_key, sorting_key, engine FROM system.tables WHERE database = {db:String} AND name IN {names:Array(String)} ORDER BY name`,
      { db: ch.database, names: [...COMPACTED_TABLES] },
    );
    expect(tables.map((t) => t.name).sort()).toEqual([...COMPACTED_TABLES].sort());
    for (const t of tables) {
      expect(t.engine).toMatch(/ReplacingMergeTree$/);
      if (!t.partition_key) continue; // one partition: nothing to span
      // The partition is a function of the first sorting-key column alone, so one key is in one partition.
      const column = (expr: string) => /([a-z_]+)\)*$/.exec(expr.trim())?.[1];
      const first = t.sorting_key.split(',')[0];
      expect({ table: t.name, partitionColumn: column(t.partition_key.replace(/\)+$/, '')) }).toEqual({ table: t.name, partitionColumn: column(first.replace(/\)+$/, '')) });
    }
  });
});
