import type { ClickHouseClient } from '@clickhouse/client';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { checkedPages, type ExportTable } from './export-table';
import { canonicalManifestJson, type ExportManifest } from './manifest';
import { PARQUET_MANIFEST_KEY, ParquetFooterRewriter } from './parquet-footer';
import { ParquetStagingRepository } from './parquet-staging.repository';

/** Bytes of JSON per staging INSERT: bounds memory on the way in (batches cut by size alone, so the same rows give the same parts and bytes). */
export const PARQUET_BATCH_BYTES = 2 << 20;

/**
 * Parquet written by ClickHouse: the pages go into a staging table in batches, then
 * `SELECT … FORMAT Parquet` (Nullable String/Int64/Float64/Bool/Date32/DateTime64(3,'UTC') columns)
 * streams into the sink. The staging table is dropped afterwards, also on failure. The manifest (as
 * written beside the file, `rows` the count written) goes into the footer's key-value metadata under
 * PARQUET_MANIFEST_KEY: ClickHouse cannot write custom metadata, so its footer is rewritten on the way.
 */
export async function writeParquet(table: ExportTable, manifest: ExportManifest, sink: Writable, clickhouse: ClickHouseClient, database: string): Promise<number> {
  const repo = new ParquetStagingRepository(clickhouse, database);
  const stage = await repo.create(table.columns);
  try {
    let rows = 0;
    let batch = '';
    for await (const page of checkedPages(table)) {
      // JSON.stringify writes a non-finite number as null: an empty cell.
      for (const row of page) {
        batch += `${JSON.stringify(row)}\n`;
        if (batch.length >= PARQUET_BATCH_BYTES) {
          await repo.insert(stage, Buffer.from(batch));
          batch = '';
        }
      }
      rows += page.length;
    }
    await repo.insert(stage, Buffer.from(batch));
    batch = '';
    const written = rows;
    await pipeline(await repo.parquet(stage, table.columns), new ParquetFooterRewriter(() => [[PARQUET_MANIFEST_KEY, canonicalManifestJson({ ...manifest, rows: written })]]), sink);
    return rows;
  } finally {
    await repo.drop(stage);
  }
}
