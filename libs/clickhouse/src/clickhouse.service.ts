import type { ClickHouseClient } from '@clickhouse/client';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Readable } from 'node:stream';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { ChdbInsertWorker } from './chdb-insert-worker';
import { INSERT_SETTINGS } from './insert-settings';
import { CLICKHOUSE, closeClickHouse } from './clickhouse-client';
import type { DdlTarget } from './clickhouse-ddl';
import { tablesFor, type Tables } from './tables';

/** Owns the client's lifecycle and knows the table names. */
@Injectable()
export class ClickHouseService implements OnApplicationShutdown {
  private readonly logger = new Logger('ClickHouse');
  readonly tables: Tables;
  readonly database: string;
  /** Where DDL at run time goes: this database, on the cluster when CLICKHOUSE_CLUSTER is set. */
  readonly ddl: DdlTarget;
  private insertWorker?: ChdbInsertWorker;

  constructor(
    @Inject(CLICKHOUSE) readonly client: ClickHouseClient,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {
    this.database = config.clickhouse.database;
    this.tables = tablesFor(this.database);
    this.ddl = { database: this.database, cluster: config.clickhouse.mode === 'server' ? config.clickhouse.cluster : undefined };
  }

  async ping(): Promise<boolean> {
    try {
      const rs = await this.client.query({ query: 'SELECT 1 AS ok', format: 'JSONEachRow' });
      return (await rs.json()).length === 1;
    } catch {
      return false;
    }
  }

  /**
   * Inserts pre-built TabSeparated rows; resolves once stored (one INSERT, one atomic part).
   * Embedded: through a worker thread, off the event loop. Server: the client over HTTP.
   */
  async insertTsv(table: string, columns: readonly string[], payload: Buffer): Promise<void> {
    if (this.config.clickhouse.mode === 'embedded') {
      this.insertWorker ??= new ChdbInsertWorker(this.config.clickhouse.path);
      return this.insertWorker.insert(table, columns, payload);
    }
    await this.client.insert({ table, values: Readable.from([payload], { objectMode: false }), format: 'TabSeparated', columns: [...columns] as [string, ...string[]], clickhouse_settings: INSERT_SETTINGS });
  }

  async rows<T>(query: string, query_params: Record<string, unknown> = {}): Promise<T[]> {
    const rs = await this.client.query({ query, query_params, format: 'JSONEachRow' });
    return rs.json<T>();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.insertWorker?.close();
    await closeClickHouse(this.client, this.config.clickhouse);
    this.logger.log('closed');
  }
}
