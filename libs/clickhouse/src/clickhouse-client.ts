import { Logger } from '@nestjs/common';
import { createClient, type ClickHouseClient, type ErrorLogParams, type Logger as ClientLogger, type LogParams, type WarnLogParams } from '@clickhouse/client';
import * as fs from 'node:fs';
import type { ClickHouseConfig } from '@hubpulse/config';
import { bookkeepingStatements } from './clickhouse-ddl';
import { checkClusterTopology } from './cluster-topology';
import { INSERT_SETTINGS, READ_SETTINGS } from './insert-settings';

/** DI token: the @clickhouse/client instance, embedded (chDB) or server, chosen by config. */
export const CLICKHOUSE = Symbol('CLICKHOUSE');

/**
 * The client's own lines, through Nest's Logger (JSON like every other line) rather than its console
 * printer; without its `args`, which may hold query text. Its errors are thrown to the caller as
 * well, which logs or answers them: the client's line about one is debug, so it is not said twice.
 */
class ClientLog implements ClientLogger {
  private readonly logger = new Logger('ClickHouse');
  private entry(p: LogParams & { err?: Error }) {
    return { msg: `${p.module}: ${p.message}`, ...(p.err ? { err: p.err } : {}) };
  }
  trace(p: LogParams) {
    this.logger.verbose(this.entry(p));
  }
  debug(p: LogParams) {
    this.logger.debug(this.entry(p));
  }
  info(p: LogParams) {
    this.logger.log(this.entry(p));
  }
  warn(p: WarnLogParams) {
    this.logger.warn(this.entry(p));
  }
  error(p: ErrorLogParams) {
    this.logger.debug(this.entry(p));
  }
}
const log = { LoggerClass: ClientLog };

export async function openClickHouse(cfg: ClickHouseConfig): Promise<ClickHouseClient> {
  if (cfg.mode === 'server') {
    const common = {
      url: cfg.url,
      username: cfg.username,
      password: cfg.password,
      request_timeout: 60_000,
      log,
      clickhouse_settings: { date_time_input_format: 'best_effort' as const, ...INSERT_SETTINGS, ...READ_SETTINGS },
    };
    await createDatabase(common, cfg.database, cfg.cluster);
    return createClient({ ...common, database: cfg.database });
  }
  fs.mkdirSync(cfg.path, { recursive: true });
  // Loaded lazily: chDB costs ~0.5 s and ~450 MB, and server deployments never need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createChdbConnection } = require('chdb/connection') as { createChdbConnection: (o: { path: string }) => unknown };
  return createClient({
    connection: createChdbConnection({ path: cfg.path }) as never,
    log,
    clickhouse_settings: { date_time_input_format: 'best_effort', ...INSERT_SETTINGS, ...READ_SETTINGS },
  });
}

/**
 * A fresh server has only `default`, and it refuses every request of a client that names a database it
 * does not have (UNKNOWN_DATABASE) before running the statement — the migrator's own CREATE DATABASE
 * included. So the database is created first through a client of `default`.
 */
async function createDatabase(common: NonNullable<Parameters<typeof createClient>[0]>, database: string, cluster?: string): Promise<void> {
  const bootstrap = createClient(common);
  try {
    if (cluster) await checkClusterTopology(bootstrap, cluster);
    await bootstrap.command({ query: bookkeepingStatements({ database, cluster })[0] });
  } finally {
    await bootstrap.close();
  }
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
