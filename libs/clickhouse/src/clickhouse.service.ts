import type { ClickHouseClient } from '@clickhouse/client';
import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { Readable } from 'node:stream';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { Metrics, queryPurposes } from '@hubpulse/metrics';
import { ChdbInsertWorker } from './chdb-insert-worker';
import { INSERT_SETTINGS } from './insert-settings';
import { CLICKHOUSE, closeClickHouse } from './clickhouse-client';
import type { DdlTarget } from './clickhouse-ddl';
import { DataVersions } from './data-version';
import { TABLE_NAMES, tablesFor, type Tables } from './tables';

const purposeOf = queryPurposes(TABLE_NAMES);

/**
 * Owns the client's lifecycle and knows the table names. It is also the one way to ClickHouse
 * (repositories use `client` and `rows`), so it times every statement for
 * hubpulse_clickhouse_query_duration_seconds: `client` is the real client with query, command,
 * exec and insert timed, by a purpose named by the caller (`rows`'s last argument) or else read off
 * the statement (labels.ts queryPurposes). Built without Metrics (benches, some integration
 * tests), nothing is timed.
 */
@Injectable()
export class ClickHouseService implements OnApplicationShutdown {
  private readonly logger = new Logger('ClickHouse');
  readonly tables: Tables;
  readonly database: string;
  /** Where DDL at run time goes: this database, on the cluster when CLICKHOUSE_CLUSTER is set. */
  readonly ddl: DdlTarget;
  readonly client: ClickHouseClient;
  /** The tables' data versions, and small facts kept until their tables change (see DataVersions). */
  readonly versions: DataVersions;
  private insertWorker?: ChdbInsertWorker;

  constructor(
    @Inject(CLICKHOUSE) private readonly raw: ClickHouseClient,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
    @Optional() private readonly metrics?: Metrics,
  ) {
    this.database = config.clickhouse.database;
    this.tables = tablesFor(this.database);
    this.ddl = { database: this.database, cluster: config.clickhouse.mode === 'server' ? config.clickhouse.cluster : undefined };
    this.client = metrics ? this.timedClient(raw) : raw;
    this.versions = new DataVersions(this);
  }

  async ping(): Promise<boolean> {
    try {
      const rs = await this.timed('ping', () => this.raw.query({ query: 'SELECT 1 AS ok', format: 'JSONEachRow' }));
      return (await rs.json()).length === 1;
    } catch {
      return false;
    }
  }

  /** Runs one statement, timed under `purpose` (errors counted too). */
  async timed<T>(purpose: string, run: () => Promise<T>): Promise<T> {
    if (!this.metrics) return run();
    const end = this.metrics.clickhouseDuration.startTimer({ purpose });
    try {
      return await run();
    } catch (err) {
      this.metrics.clickhouseErrors.inc({ purpose });
      throw err;
    } finally {
      end();
    }
  }

  /** The client with its statement methods timed; everything else (close, the chDB connection) as is. */
  private timedClient(client: ClickHouseClient): ClickHouseClient {
    return new Proxy(client, {
      get: (target, prop) => {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        const call = value as (params: { query?: string; table?: string }) => Promise<unknown>;
        if (prop === 'query' || prop === 'command' || prop === 'exec') return (params: { query: string }) => this.timed(purposeOf(params.query), () => call.call(target, params));
        if (prop === 'insert') return (params: { table: string }) => this.timed(purposeOf(`INSERT INTO ${params.table}`), () => call.call(target, params));
        return call.bind(target);
      },
    });
  }

  /**
   * Inserts pre-built TabSeparated rows; resolves once stored (one INSERT, one atomic part).
   * Embedded: through a worker thread, off the event loop. Server: the client over HTTP.
   */
  async insertTsv(table: string, columns: readonly string[], payload: Buffer): Promise<void> {
    if (this.config.clickhouse.mode === 'embedded') {
      this.insertWorker ??= new ChdbInsertWorker(this.config.clickhouse.path);
      const worker = this.insertWorker;
      return this.timed(purposeOf(`INSERT INTO ${table}`), () => worker.insert(table, columns, payload));
    }
    await this.client.insert({ table, values: Readable.from([payload], { objectMode: false }), format: 'TabSeparated', columns: [...columns] as [string, ...string[]], clickhouse_settings: INSERT_SETTINGS });
  }

  /** A query's rows, timed until read; `purpose` names it (default: read off the statement). */
  async rows<T>(query: string, query_params: Record<string, unknown> = {}, purpose = purposeOf(query)): Promise<T[]> {
    return this.timed(purpose, async () => (await this.raw.query({ query, query_params, format: 'JSONEachRow' })).json<T>());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.insertWorker?.close();
    await closeClickHouse(this.raw, this.config.clickhouse);
    this.logger.log('closed');
  }
}
