import { DataSource } from 'typeorm';
import * as path from 'node:path';
import { dataSourceOptions, MIGRATIONS, openDatabase, ScoringModelsRepository } from '@hubpulse/database';
import { TEST_POSTGRES_URL, uniqueName, workerDataDir } from '@hubpulse/testing';

/**
 * Upgrading a store that already holds scoring model versions (the v2 migration copies each version's
 * single half-life to every action type), on both relational backends.
 */
describe.each([
  ['SQLite', () => ({ cfg: { type: 'sqlite' as const, path: path.join(workerDataDir(), `${uniqueName()}.sqlite`) } })],
  ['PostgreSQL', () => ({ cfg: { type: 'postgres' as const, url: TEST_POSTGRES_URL }, schema: uniqueName('s') })],
])('scoring model v2 migration on %s', (_name, make) => {
  const { cfg, schema } = make() as { cfg: Parameters<typeof openDatabase>[0]; schema?: string };

  it('keeps the versions stored before it, each with its half-life for every action type', async () => {
    if (schema) {
      const boot = new DataSource({ type: 'postgres', url: TEST_POSTGRES_URL });
      await boot.initialize();
      await boot.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await boot.destroy();
    }
    const v2 = MIGRATIONS.findIndex((m) => m.name.startsWith('ScoringModelV2'));
    expect(v2).toBeGreaterThan(0);
    const old = new DataSource({ ...dataSourceOptions(cfg, { schema }), migrations: MIGRATIONS.slice(0, v2) } as never);
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    const q = schema ? `"${schema}".scoring_models` : 'scoring_models';
    await old.query(
      `INSERT INTO ${q} (version, weights, half_life_days, lookback_days, created_by, created_at)
       VALUES (1, '{"view":1,"post":5}', 14, 90, NULL, '2026-01-01T00:00:00Z'), (2, '{"view":1,"post":8}', 30, 60, 'admin@x', '2026-02-01T00:00:00Z')`,
    );
    await old.destroy();

    const ds = await openDatabase(cfg, { schema });
    try {
      const models = await new ScoringModelsRepository(ds).list();
      const byVersion = new Map(models.map((m) => [m.version, m]));
      expect(byVersion.get(1)?.half_lives).toMatchObject({ view: 14, post: 14, feedback: 14 });
      expect(byVersion.get(2)?.half_lives).toMatchObject({ view: 30, post: 30, answer: 30 });
      expect(byVersion.get(2)?.daily_caps).toEqual({});
      expect(byVersion.get(2)?.lookback_days).toBe(60);
    } finally {
      if (schema) await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
      await ds.destroy();
    }
  });
});
