import { createClient, type ClickHouseClient } from '@clickhouse/client';
import * as fs from 'node:fs';
import type { ClickHouseConfig } from '@hubpulse/config';
import { bookkeepingStatements } from './clickhouse-ddl';
import { checkClusterTopology } from './cluster-topology';
import { INSERT_SETTINGS } from './insert-settings';

/** DI token: the @clickhouse/client instance, embedded (chDB) or server, chosen by config. */
export const CLICKHOUSE = Symbol('CLICKHOUSE');

export async function openClickHouse(cfg: ClickHouseConfig): Promise<ClickHouseClient> {
  if (cfg.mode === 'server') {
    const common = {
      url: cfg.url,
      username: cfg.username,
      password: cfg.password,
      request_timeout: 60_000,
      clickhouse_settings: { date_time_input_format: 'best_effort' as const, ...INSERT_SETTINGS },
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
    clickhouse_settings: { date_time_input_format: 'best_effort', ...INSERT_SETTINGS },
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
