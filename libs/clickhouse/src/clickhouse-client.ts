import { createClient, type ClickHouseClient } from '@clickhouse/client';
import * as fs from 'node:fs';
import type { ClickHouseConfig } from '@hubpulse/config';
import { INSERT_SETTINGS } from './insert-settings';

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
      clickhouse_settings: { date_time_input_format: 'best_effort', ...INSERT_SETTINGS },
    });
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

/** Closes the client; for chDB also waits until the engine released its folder. */
export async function closeClickHouse(client: ClickHouseClient, cfg: ClickHouseConfig): Promise<void> {
  await client.close();
  if (cfg.mode === 'embedded') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const chdb = require('chdb') as { drainPending?: () => Promise<void> };
    await chdb.drainPending?.();
  }
}
