import type { ClickHouseClient } from '@clickhouse/client';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ExportColumn, ExportColumnType } from './export-table';

/** ClickHouse type of each export column type; every column Nullable (a hidden cell is null). */
export const PARQUET_CLICKHOUSE_TYPES: Readonly<Record<ExportColumnType, string>> = {
  string: 'Nullable(String)',
  int: 'Nullable(Int64)',
  float: 'Nullable(Float64)',
  bool: 'Nullable(Bool)',
  date: 'Nullable(Date32)',
  datetime: "Nullable(DateTime64(3, 'UTC'))",
};

/** A column name as a ClickHouse identifier: back-quoted, backslash and back-quote escaped (names come from views, not users, but may hold spaces). */
export const quoteIdent = (name: string) => `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;

/** Prefix of staging tables, so one left by a crash can be found and dropped. */
export const PARQUET_STAGE_PREFIX = 'export_stage_';

/**
 * Settings of the Parquet SELECT: one reading thread (rows leave in the order they were staged,
 * blocks as stored, so the same input gives the same bytes) and row groups of at most 64k rows /
 * 32 MB (the writer holds one row group in memory).
 */
const PARQUET_SETTINGS = 'max_threads = 1, output_format_parquet_row_group_size = 65536, output_format_parquet_row_group_size_bytes = 33554432, output_format_parquet_compression_method = \'zstd\', output_format_parquet_string_as_string = 1';

/** The chDB connection's own streaming query (chdb-node's Session.queryStream): client.exec materializes the whole result on chDB. */
interface ChdbStreaming {
  connectionName: 'chdb';
  chdb: { queryStream(sql: string, opts: { format: string }): AsyncIterable<{ raw(): Uint8Array }> };
}

function chdbConnection(client: ClickHouseClient): ChdbStreaming | null {
  const conn = (client as unknown as { connection?: Partial<ChdbStreaming> }).connection;
  return conn?.connectionName === 'chdb' && typeof conn.chdb?.queryStream === 'function' ? (conn as ChdbStreaming) : null;
}

/**
 * The staging table a Parquet export goes through: rows are inserted in batches into a `Log` table
 * on disk (no merges, read back in insertion order), then ClickHouse writes them out as Parquet,
 * streamed — through chDB's streaming query when embedded, the HTTP response stream on a server.
 * Memory stays one batch on the way in and one row group on the way out.
 */
export class ParquetStagingRepository {
  constructor(
    private readonly client: ClickHouseClient,
    private readonly database: string,
  ) {}

  /** Creates a fresh staging table for `columns`; returns its qualified name. */
  async create(columns: readonly ExportColumn[]): Promise<string> {
    const table = `${quoteIdent(this.database)}.${quoteIdent(`${PARQUET_STAGE_PREFIX}${randomBytes(8).toString('hex')}`)}`;
    const structure = columns.map((c) => `${quoteIdent(c.name)} ${PARQUET_CLICKHOUSE_TYPES[c.type]}`).join(', ');
    await this.client.command({ query: `CREATE TABLE ${table} (${structure}) ENGINE = Log` });
    return table;
  }

  /** Appends rows (cells in column order; dates and times as ISO text). */
  async insert(table: string, rows: readonly (readonly unknown[])[]): Promise<void> {
    if (rows.length === 0) return;
    await this.client.insert({
      table,
      values: rows as unknown[][],
      format: 'JSONCompactEachRow',
      clickhouse_settings: { date_time_input_format: 'best_effort', input_format_null_as_default: 0 },
    });
  }

  /** The staged rows as a Parquet byte stream, in insertion order. */
  async parquet(table: string, columns: readonly ExportColumn[]): Promise<Readable> {
    const query = `SELECT ${columns.map((c) => quoteIdent(c.name)).join(', ')} FROM ${table} SETTINGS ${PARQUET_SETTINGS}`;
    const chdb = chdbConnection(this.client);
    if (chdb) {
      const chunks = chdb.chdb.queryStream(query, { format: 'Parquet' });
      return Readable.from(
        (async function* () {
          for await (const chunk of chunks) {
            const raw = chunk.raw();
            if (raw.byteLength > 0) yield Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
          }
        })(),
        { objectMode: false },
      );
    }
    return (await this.client.exec({ query: `${query} FORMAT Parquet` })).stream;
  }

  async drop(table: string): Promise<void> {
    await this.client.command({ query: `DROP TABLE IF EXISTS ${table}` });
  }

  /** Staging tables of this database (one left behind by a crashed export can be dropped). */
  async leftovers(): Promise<string[]> {
    const rs = await this.client.query({
      query: 'SELECT name FROM system.tables WHERE database = {db:String} AND startsWith(name, {prefix:String}) ORDER BY name',
      query_params: { db: this.database, prefix: PARQUET_STAGE_PREFIX },
      format: 'JSONEachRow',
    });
    return (await rs.json<{ name: string }>()).map((r) => `${quoteIdent(this.database)}.${quoteIdent(r.name)}`);
  }
}
