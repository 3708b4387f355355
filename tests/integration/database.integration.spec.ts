import type { DataSource } from 'typeorm';
import * as path from 'node:path';
import { openDatabase, EventMappingEntity, GoalEntity, IngestionKeyEntity, KpiValueEntity, PersonEntity, UserEntity } from '@hubpulse/database';
import { TEST_POSTGRES_URL, uniqueName, workerDataDir } from '@hubpulse/testing';

/** The same migrations and entities on both relational backends. */
describe.each([
  ['SQLite', () => ({ cfg: { type: 'sqlite' as const, path: path.join(workerDataDir(), `${uniqueName()}.sqlite`) } })],
  ['PostgreSQL', () => ({ cfg: { type: 'postgres' as const, url: TEST_POSTGRES_URL }, schema: uniqueName('s') })],
])('relational store on %s', (_name, make) => {
  let ds: DataSource;
  const { cfg, schema } = make() as { cfg: Parameters<typeof openDatabase>[0]; schema?: string };

  beforeAll(async () => {
    ds = await openDatabase(cfg, { schema });
  });
  afterAll(async () => {
    if (schema && ds?.isInitialized) await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
    await ds?.destroy();
  });

  it('runs the migrations once and records them', async () => {
    expect(await ds.showMigrations()).toBe(false);
    const done = await ds.query(`SELECT name FROM ${schema ? `"${schema}".` : ''}migrations`);
    expect(done.map((r: { name: string }) => r.name)).toEqual(['Initial1764100000000', 'EventMappings1764200000000', 'ScoringModelV21764300000000', 'SegmentsProgrammes1764410000000', 'GoalsStrategy1764500000000', 'ProgrammeLaunchMembership1764600000000', 'WriteKeyScopes1764700000000']);
    // running again is a no-op
    expect(await ds.runMigrations()).toEqual([]);
  });

  it('seeds the default SDK event mappings', async () => {
    const rows = await ds.getRepository(EventMappingEntity).findBy({ source: 'segment' });
    expect(rows.find((r) => r.event === 'Post Created')).toMatchObject({ type: 'post', channel: null });
    expect(await ds.getRepository(EventMappingEntity).findOneBy({ source: 'posthog', event: '$pageview' })).toMatchObject({ type: 'view' });
  });

  it('stores users with unique emails', async () => {
    const repo = ds.getRepository(UserEntity);
    await repo.insert({ id: 'u1', email: 'a@b.co', name: 'A', role: 'planner', passwordHash: 'x', createdAt: new Date().toISOString() });
    await expect(repo.insert({ id: 'u2', email: 'a@b.co', name: 'B', role: 'analyst', passwordHash: 'y', createdAt: new Date().toISOString() })).rejects.toThrow();
    expect(await repo.findOneBy({ id: 'u1' })).toMatchObject({ role: 'planner' });
  });

  it('upserts people with JSON attributes and booleans', async () => {
    const repo = ds.getRepository(PersonEntity);
    const base = { name: 'P', email: null, department: 'Sales', location: null, title: null, managerId: null, hiredAt: '2020-01-01', updatedAt: 'now' };
    await repo.upsert([{ ...base, personId: 'p1', isLeader: true, attributes: { level: 3, remote: false } }], ['personId']);
    await repo.upsert([{ ...base, personId: 'p1', isLeader: false, department: 'Legal', attributes: { level: 4 } }], ['personId']);
    const p = await repo.findOneByOrFail({ personId: 'p1' });
    expect(p).toMatchObject({ department: 'Legal', isLeader: false, attributes: { level: 4 } });
    expect(await repo.count()).toBe(1);
  });

  it('keeps goals with KPI values and cascades their deletion', async () => {
    await ds.getRepository(GoalEntity).insert({
      id: 'g1', name: 'Revenue', metric: 'revenue', customMetricName: null, scope: 'organisation', scopeValue: null, unitKind: 'currency', unit: 'USD', baseline: 1.5e6, target: 2.25e6,
      targetType: 'increase_to', periodStart: '2026-01-01', periodEnd: '2026-12-31', owner: null, createdBy: 'test', createdAt: 'now', updatedAt: 'now',
    });
    await ds.getRepository(KpiValueEntity).insert({ goalId: 'g1', period: '2026-01-01', value: 1.6e6, source: 'api', setBy: 'test', setAt: 'now', note: null });
    expect((await ds.getRepository(KpiValueEntity).findOneByOrFail({ goalId: 'g1' })).value).toBeCloseTo(1.6e6);
    await ds.getRepository(GoalEntity).delete({ id: 'g1' });
    expect(await ds.getRepository(KpiValueEntity).count()).toBe(0);
  });

  it('stores ingestion keys hashed and unique', async () => {
    const repo = ds.getRepository(IngestionKeyEntity);
    const row = { id: 'k1', name: 'n', keyHash: 'h'.repeat(64), prefix: 'hp_wk_', scope: 'write' as const, createdAt: 'now', revokedAt: null };
    await repo.insert(row);
    await expect(repo.insert({ ...row, id: 'k2' })).rejects.toThrow();
  });
});
