import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import * as fs from 'node:fs';
import { Readable } from 'node:stream';
import { ChdbInsertWorker } from './chdb-insert.worker';
import { HUBPULSE_CONFIG, type ClickHouseConfig, type HubpulseConfig } from '@hubpulse/config';
import { migrateClickHouse } from './clickhouse.migrator';
import { tablesFor, type Tables } from './tables';

/** DI token: the @clickhouse/client instance, embedded (chDB) or server, chosen by config. */
export const CLICKHOUSE = Symbol('CLICKHOUSE');

export async function openClickHouse(cfg: ClickHouseConfig): Promise<ClickHouseClient> {
  if (cfg.mode === 'server') {
    return createClient({
      url: cfg.url,
      username: cfg.username,
      password: cfg.password,
      database: cfg.database,
      request_timeout: 60_000,
      clickhouse_settings: { date_time_input_format: 'best_effort' },
    });
  }
  fs.mkdirSync(cfg.path, { recursive: true });
  // Loaded lazily: chDB costs ~0.5 s and ~450 MB, and server deployments never need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createChdbConnection } = require('chdb/connection') as { createChdbConnection: (o: { path: string }) => unknown };
  return createClient({
    connection: createChdbConnection({ path: cfg.path }) as never,
    clickhouse_settings: { date_time_input_format: 'best_effort' },
  });
}

/** Closes the client; for chDB also waits until the engine released its folder. */
export async function closeClickHouse(client: ClickHouseClient, cfg: ClickHouseConfig): Promise<void> {
  await client.close();
  if (cfg.mode === 'embedded') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const chdb = require('chdb') as { drainPending?: () => Promise<void> };
    await chdb.drainPending?.();
  }
}

/** Owns the client's lifecycle and knows the table names. */
@Injectable()
export class ClickHouseService implements OnApplicationShutdown {
  private readonly logger = new Logger('ClickHouse');
  readonly tables: Tables;
  readonly database: string;
  private insertWorker?: ChdbInsertWorker;

  constructor(
    @Inject(CLICKHOUSE) readonly client: ClickHouseClient,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {
    this.database = config.clickhouse.database;
    this.tables = tablesFor(this.database);
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
    await this.client.insert({ table, values: Readable.from([payload], { objectMode: false }), format: 'TabSeparated', columns: [...columns] as [string, ...string[]] });
  }

  /** Day (YYYY-MM-DD) of the newest stored event, or null when there is none. */
  async lastEventDay(): Promise<string | null> {
    const [r] = await this.rows<{ last: string; n: string }>(
      `SELECT toString(toDate(max(occurred_at))) AS last, count() AS n FROM ${this.tables.events}`,
    );
    return r && Number(r.n) > 0 ? r.last : null;
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

@Global()
@Module({
  providers: [
    {
      provide: CLICKHOUSE,
      inject: [HUBPULSE_CONFIG],
      useFactory: async (config: HubpulseConfig) => {
        const logger = new Logger('ClickHouse');
        const client = await openClickHouse(config.clickhouse);
        const ran = await migrateClickHouse(client, config.clickhouse.database);
        const where = config.clickhouse.mode === 'embedded' ? `embedded chDB at ${config.clickhouse.path}` : config.clickhouse.url;
        logger.log(`${where}, database ${config.clickhouse.database}${ran.length ? `; applied ${ran.join(', ')}` : ''}`);
        return client;
      },
    },
    ClickHouseService,
  ],
  exports: [CLICKHOUSE, ClickHouseService],
})
export class ClickHouseModule {}
