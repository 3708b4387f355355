import { DataSource } from 'typeorm';
import * as path from 'node:path';
import { dataSourceOptions, MIGRATIONS, openDatabase } from '@hubpulse/database';
import { TEST_POSTGRES_URL, uniqueName, workerDataDir } from '@hubpulse/testing';

export type StoreConfig = { cfg: Parameters<typeof openDatabase>[0]; schema?: string };

/** Both relational backends, each a fresh store (SQLite file / PostgreSQL schema), for describe.each. */
export const RELATIONAL_BACKENDS: [string, () => StoreConfig][] = [
  ['SQLite', () => ({ cfg: { type: 'sqlite' as const, path: path.join(workerDataDir(), `${uniqueName()}.sqlite`) } })],
  ['PostgreSQL', () => ({ cfg: { type: 'postgres' as const, url: TEST_POSTGRES_URL }, schema: uniqueName('s') })],
];

/** `{table}` qualified by the store's schema, for raw SQL in tests. */
export const qualify = (store: StoreConfig, table: string) => (store.schema ? `"${store.schema}".${table}` : table);

/**
 * A store as an older release left it: the migrations before the one named `migration` have run, and
 * `seed` wrote its rows. Returns once the old data source is closed, ready for `openDatabase`.
 */
export async function storeBefore(store: StoreConfig, migration: string, seed: (ds: DataSource) => Promise<void>): Promise<void> {
  if (store.schema) {
    const boot = new DataSource({ type: 'postgres', url: TEST_POSTGRES_URL });
    await boot.initialize();
    await boot.query(`CREATE SCHEMA IF NOT EXISTS "${store.schema}"`);
    await boot.destroy();
  }
  const at = MIGRATIONS.findIndex((m) => m.name.startsWith(migration));
  if (at <= 0) throw new Error(`no migration ${migration} after the first`);
  const old = new DataSource({ ...dataSourceOptions(store.cfg, { schema: store.schema }), migrations: MIGRATIONS.slice(0, at) } as never);
  await old.initialize();
  try {
    await old.runMigrations({ transaction: 'each' });
    await seed(old);
  } finally {
    await old.destroy();
  }
}

/** Opens the store with every migration, runs `check`, then drops the PostgreSQL schema. */
export async function afterUpgrade(store: StoreConfig, check: (ds: DataSource) => Promise<void>): Promise<void> {
  const ds = await openDatabase(store.cfg, { schema: store.schema });
  try {
    await check(ds);
  } finally {
    if (store.schema) await ds.query(`DROP SCHEMA "${store.schema}" CASCADE`);
    await ds.destroy();
  }
}
