import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { LoggerOptions } from 'typeorm/logger/LoggerOptions';
import type { DatabaseConfig } from '@hubpulse/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** DI token of the migrated TypeORM DataSource (SQLite or PostgreSQL, chosen by config). */
export const DATA_SOURCE = Symbol('DATA_SOURCE');

/** TypeORM options for SQLite (embedded default) or PostgreSQL, never `synchronize`. */
export function dataSourceOptions(cfg: DatabaseConfig, extra: { schema?: string } = {}): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: false, synchronize: false, logging: ['error'] as LoggerOptions };
  if (cfg.type === 'postgres') {
    return { ...common, type: 'postgres', url: cfg.url, schema: extra.schema, extra: { max: 10 } } as DataSourceOptions;
  }
  if (cfg.path !== ':memory:') fs.mkdirSync(path.dirname(cfg.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: cfg.path,
    // WAL: readers never block the writer; a crash loses nothing committed.
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  } as DataSourceOptions;
}

/** Opens the store and applies pending migrations. */
export async function openDatabase(cfg: DatabaseConfig, extra: { schema?: string } = {}): Promise<DataSource> {
  if (cfg.type === 'postgres' && extra.schema) {
    // A schema per test suite / tenant: create it before TypeORM looks for its migrations table.
    const boot = new DataSource({ type: 'postgres', url: cfg.url });
    await boot.initialize();
    await boot.query(`CREATE SCHEMA IF NOT EXISTS "${extra.schema.replace(/"/g, '')}"`);
    await boot.destroy();
  }
  const ds = new DataSource(dataSourceOptions(cfg, extra));
  await ds.initialize();
  await withStoreLock(ds, `hubpulse.migrations.${extra.schema ?? 'public'}`, () => ds.runMigrations({ transaction: 'each' }));
  return ds;
}

/**
 * Runs `work` while no other process of the install runs work under the same name: on PostgreSQL a
 * session-level advisory lock on a connection of its own (freed by PostgreSQL if the holder dies);
 * on SQLite, the embedded deployment's single process, it just runs. Production starts API × N and
 * workers × M together: migrations (two at once both found write keys' "scopes" missing and the
 * second failed to add it) and the first start's seeding must each happen once.
 */
export async function withStoreLock<T>(ds: DataSource, name: string, work: () => Promise<T>): Promise<T> {
  if (ds.options.type !== 'postgres') return work();
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  } finally {
    await runner.release();
  }
}
