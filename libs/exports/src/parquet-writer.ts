import type { ClickHouseClient } from '@clickhouse/client';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { checkedPages, type ExportTable } from './export-table';
import { ParquetStagingRepository } from './parquet-staging.repository';

/** Rows per staging INSERT: bounds memory on the way in (a batch as JS arrays and its JSON). */
export const PARQUET_BATCH_ROWS = 20_000;

/**
 * Parquet written by ClickHouse: the pages go into a staging table in batches, then
 * `SELECT … FORMAT Parquet` (Nullable String/Int64/Float64/Bool/Date32/DateTime64(3,'UTC') columns)
 * streams into the sink. The staging table is dropped afterwards, also on failure.
 */
export async function writeParquet(table: ExportTable, sink: Writable, clickhouse: ClickHouseClient, database: string): Promise<number> {
  const repo = new ParquetStagingRepository(clickhouse, database);
  const stage = await repo.create(table.columns);
  try {
    let rows = 0;
    let batch: (readonly unknown[])[] = [];
    for await (const page of checkedPages(table)) {
      for (const row of page) {
        // JSON has no NaN/Infinity: a non-finite number is an empty cell.
        batch.push(row.some((c) => typeof c === 'number' && !Number.isFinite(c)) ? row.map((c) => (typeof c === 'number' && !Number.isFinite(c) ? null : c)) : row);
        if (batch.length >= PARQUET_BATCH_ROWS) {
          await repo.insert(stage, batch);
          batch = [];
        }
      }
      rows += page.length;
    }
    await repo.insert(stage, batch);
    batch = [];
    await pipeline(await repo.parquet(stage, table.columns), sink);
    return rows;
  } finally {
    await repo.drop(stage);
  }
}
