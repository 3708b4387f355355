import type { ClickHouseClient } from '@clickhouse/client';
import { pipeline } from 'node:stream/promises';
import { writeCsv } from './csv-writer';
import type { ExportFormat, ExportTable } from './export-table';
import { HashingSink } from './hashing-sink';
import type { ExportManifest } from './manifest';
import { writeNdjson } from './ndjson-writer';
import { writeParquet } from './parquet-writer';
import { writeXlsx } from './xlsx-writer';

/** What the writers need besides the table: ClickHouse writes Parquet (the client of @hubpulse/clickhouse, chDB or server). */
export interface ExportDeps {
  clickhouse?: ClickHouseClient;
  /** The ClickHouse database the Parquet staging table is created in (the app's own). */
  database?: string;
}

export interface ExportResult {
  rows: number;
  bytes: number;
  sha256: string;
}

/**
 * Writes `table` as `format` into `out`, ends `out` and resolves once it has finished, with the
 * number of rows, bytes and the SHA-256 of exactly the bytes written. The same table and manifest
 * give the same bytes. On failure `out` is destroyed with the error (the caller removes the file).
 */
export async function writeExport(format: ExportFormat, table: ExportTable, manifest: ExportManifest, out: NodeJS.WritableStream, deps: ExportDeps = {}): Promise<ExportResult> {
  const sink = new HashingSink();
  const piped = pipeline(sink, out);
  let rows: number;
  try {
    rows = await writeBody(format, table, manifest, sink, deps);
  } catch (err) {
    sink.destroy(err as Error);
    await piped.catch(() => undefined);
    throw err;
  }
  await piped;
  return { rows, bytes: sink.bytes, sha256: sink.digest() };
}

function writeBody(format: ExportFormat, table: ExportTable, manifest: ExportManifest, sink: HashingSink, deps: ExportDeps): Promise<number> {
  switch (format) {
    case 'csv':
      return writeCsv(table, sink);
    case 'ndjson':
      return writeNdjson(table, sink);
    case 'xlsx':
      return writeXlsx(table, manifest, sink);
    case 'parquet': {
      if (!deps.clickhouse || !deps.database) throw new Error('a Parquet export needs deps.clickhouse and deps.database');
      return writeParquet(table, manifest, sink, deps.clickhouse, deps.database);
    }
    default: {
      const never: never = format;
      throw new Error(`unknown export format ${String(never)}`);
    }
  }
}
