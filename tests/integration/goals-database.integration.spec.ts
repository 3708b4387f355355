import { DataSource } from 'typeorm';
import * as path from 'node:path';
import {
  dataSourceOptions,
  GoalEntity,
  GoalsRepository,
  type GoalFields,
  GoalLinkEntity,
  GoalMonthlyTargetEntity,
  KpiValueEntity,
  KpiValueHistoryEntity,
  MIGRATIONS,
  openDatabase,
  ProgrammesRepository,
  SegmentDefinitionsRepository,
} from '@hubpulse/database';
import { generateGoals, generateOrganisation } from '@hubpulse/demo';
import { TEST_POSTGRES_URL, uniqueName, workerDataDir } from '@hubpulse/testing';
import { GoalsService } from '../../apps/api/src/goals/goals.service';

const fields: GoalFields = {
  name: 'Grow revenue', metric: 'revenue', customMetricName: null, scope: 'department', scopeValue: 'Sales', unitKind: 'currency', unit: 'EUR',
  baseline: 100, target: 160, targetType: 'increase_to', periodStart: '2026-01-01', periodEnd: '2026-12-31', owner: 'Ada',
};

/** Goals, monthly targets, KPI values with history and goal links on both relational backends (issue 6). */
describe.each([
  ['SQLite', () => ({ cfg: { type: 'sqlite' as const, path: path.join(workerDataDir(), `${uniqueName()}.sqlite`) } })],
  ['PostgreSQL', () => ({ cfg: { type: 'postgres' as const, url: TEST_POSTGRES_URL }, schema: uniqueName('s') })],
])('goals and KPI values on %s', (_name, make) => {
  let ds: DataSource;
  let goals: GoalsRepository;
  const { cfg, schema } = make() as { cfg: Parameters<typeof openDatabase>[0]; schema?: string };
  const t = (name: string) => (schema ? `"${schema}".${name}` : name);

  afterAll(async () => {
    if (schema && ds?.isInitialized) await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
    await ds?.destroy();
  });

  it('migrates goals of the old shape: scope split, unit kind, monthly targets moved out of kpi_values', async () => {
    // A fresh store migrated up to the migration before this one, then the old rows, then the rest.
    const own = schema ? `${schema}_m` : undefined;
    const oldCfg = cfg.type === 'sqlite' ? { ...cfg, path: cfg.path.replace(/\.sqlite$/, '-old.sqlite') } : cfg;
    if (own) {
      const boot = new DataSource({ type: 'postgres', url: TEST_POSTGRES_URL });
      await boot.initialize();
      await boot.query(`CREATE SCHEMA IF NOT EXISTS "${own}"`);
      await boot.destroy();
    }
    const old = new DataSource({ ...dataSourceOptions(oldCfg, { schema: own }), migrations: MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name.startsWith('GoalsStrategy'))) } as never);
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    const q = (name: string) => (own ? `"${own}".${name}` : name);
    await old.query(
      `INSERT INTO ${q('goals')} (id, name, metric, scope, unit, baseline, target, target_type, period_start, period_end, owner, created_at)
       VALUES ('old1', 'Old', 'revenue', 'department:R&D: Labs', 'USD', 1, 2, 'increase_to', '2026-01-01', '2026-12-31', NULL, '2026-01-02T00:00:00Z'),
              ('old2', 'Old %', 'market_share', 'organisation', '%', 10, 12, 'increase_to', '2026-01-01', '2026-12-31', NULL, '2026-01-02T00:00:00Z')`,
    );
    await old.query(
      `INSERT INTO ${q('kpi_values')} (goal_id, period, value, target, set_by, set_at)
       VALUES ('old1', '2026-01-01', 1.1, 1.08, 'demo', 'x'), ('old1', '2026-02-01', 1.2, NULL, 'user:1', 'y')`,
    );
    await old.destroy();

    const migrated = await openDatabase(oldCfg, { schema: own });
    try {
      expect(await migrated.getRepository(GoalEntity).findOneByOrFail({ id: 'old1' })).toMatchObject({
        scope: 'department', scopeValue: 'R&D: Labs', unitKind: 'currency', createdBy: 'unknown', updatedAt: '2026-01-02T00:00:00Z',
      });
      expect(await migrated.getRepository(GoalEntity).findOneByOrFail({ id: 'old2' })).toMatchObject({ scope: 'organisation', scopeValue: null, unitKind: 'unit' });
      expect(await migrated.getRepository(GoalMonthlyTargetEntity).find()).toEqual([{ goalId: 'old1', period: '2026-01-01', target: 1.08 }]);
      const values = await migrated.getRepository(KpiValueEntity).find({ order: { period: 'ASC' } });
      expect(values.map((v) => [v.period, v.value, v.source, v.setBy, v.note])).toEqual([
        ['2026-01-01', 1.1, 'demo', 'demo', null],
        ['2026-02-01', 1.2, 'api', 'user:1', null],
      ]);
    } finally {
      if (own) await migrated.query(`DROP SCHEMA "${own}" CASCADE`);
      await migrated.destroy();
    }
  });

  it('runs every migration on a new store', async () => {
    ds = await openDatabase(cfg, { schema });
    goals = new GoalsRepository(ds);
    const done = await ds.query(`SELECT name FROM ${t('migrations')}`);
    expect(done.map((r: { name: string }) => r.name)).toContain('GoalsStrategy1764500000000');
  });

  it('stores a goal with monthly targets and replaces them as a whole', async () => {
    const id = await goals.createGoal(fields, [{ period: '2026-03-01', target: 120 }], 'ada@x.co');
    expect(await goals.findGoal(id)).toMatchObject({ ...fields, createdBy: 'ada@x.co' });
    expect(await goals.targets([id])).toEqual([{ goalId: id, period: '2026-03-01', target: 120 }]);
    await goals.updateGoal(id, { ...fields, target: 170 }, [{ period: '2026-06-01', target: 135 }, { period: '2026-12-01', target: 170 }]);
    expect((await goals.targets([id])).map((x) => x.period)).toEqual(['2026-06-01', '2026-12-01']);
    await goals.updateGoal(id, { ...fields, name: 'Renamed' }, undefined); // targets untouched
    expect(await goals.targets([id])).toHaveLength(2);
    expect(await goals.updateGoal('nope', fields, undefined)).toBe(false);
  });

  it('keeps every overwritten or deleted KPI value with who set it and who replaced it', async () => {
    const id = await goals.createGoal(fields, [], 'ada@x.co');
    const first = await goals.writeValues(id, [{ period: '2026-01-01', value: 101, note: null }, { period: '2026-02-01', value: 103, note: null }], 'import', 'ada@x.co');
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const second = await goals.writeValues(id, [{ period: '2026-01-01', value: 101, note: null }, { period: '2026-02-01', value: 104.5, note: 'restated' }], 'entry', 'bob@x.co');
    expect(second).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(await goals.deleteValue(id, '2026-01-01', 'cy@x.co')).toBe(true);
    expect(await goals.deleteValue(id, '2026-01-01', 'cy@x.co')).toBe(false);

    expect((await goals.values([id])).map((v) => [v.period, v.value, v.source, v.setBy, v.note])).toEqual([['2026-02-01', 104.5, 'entry', 'bob@x.co', 'restated']]);
    const history = await goals.history(id);
    expect(history.map((h) => [h.period, h.value, h.source, h.setBy, h.change, h.replacedBy]).sort()).toEqual([
      ['2026-01-01', 101, 'import', 'ada@x.co', 'deleted', 'cy@x.co'],
      ['2026-02-01', 103, 'import', 'ada@x.co', 'overwritten', 'bob@x.co'],
    ]);
    expect(await goals.historyCount(id)).toBe(2);
  });

  it('links goals to scopes, segments and programmes, and cascades deletions', async () => {
    const id = await goals.createGoal(fields, [{ period: '2026-01-01', target: 100 }], 'ada@x.co');
    const seg = await new SegmentDefinitionsRepository(ds).create({ name: `Sales ${uniqueName()}`, description: null, kind: 'dynamic', rule: { kind: 'leader', value: true } }, 'p@x.co');
    const prog = await new ProgrammesRepository(ds).create(
      {
        name: 'Roadshow', segmentId: seg.id, grouping: 'none', contentPurposes: ['vision'], contentNotes: null, channels: ['ceo_blog'], tactic: 'leader_led',
        tacticNotes: null, measureMetric: 'reach_rate', measureTarget: 0.5, measureFrom: '2026-01-01', measureTo: '2026-03-31', goalId: id,
      },
      'p@x.co',
    );
    const base = { goalId: id, segmentId: null, programmeId: null, scope: null, scopeValues: [] as string[], purpose: null, hypothesis: 'h', createdBy: 'ada@x.co' };
    const scope = await goals.createLink({ ...base, kind: 'scope', scope: 'department', scopeValues: ['Sales', 'Product'], purpose: 'vision' });
    await goals.createLink({ ...base, kind: 'segment', segmentId: seg.id });
    const viaProgramme = await goals.createLink({ ...base, kind: 'programme', programmeId: prog.id });
    await expect(goals.createLink({ ...base, kind: 'segment', segmentId: 'missing' })).rejects.toThrow(); // foreign key

    expect((await goals.findLink(id, scope.id))!.scopeValues).toEqual(['Sales', 'Product']);
    expect(await goals.updateLink(id, scope.id, { hypothesis: 'Sales reading the vision lifts revenue' })).toMatchObject({ hypothesis: 'Sales reading the vision lifts revenue', purpose: 'vision' });
    expect((await new ProgrammesRepository(ds).forGoals([id])).map((p) => p.id)).toEqual([prog.id]);

    // a deleted (draft) programme takes its link with it
    await new ProgrammesRepository(ds).deleteDraft(prog.id);
    expect(await goals.findLink(id, viaProgramme.id)).toBeNull();

    await goals.writeValues(id, [{ period: '2026-01-01', value: 1, note: null }], 'api', 'a');
    await goals.writeValues(id, [{ period: '2026-01-01', value: 2, note: null }], 'api', 'a');
    expect(await goals.deleteGoal(id)).toBe(true);
    for (const entity of [GoalLinkEntity, GoalMonthlyTargetEntity, KpiValueEntity, KpiValueHistoryEntity]) {
      expect(await ds.getRepository(entity as typeof GoalLinkEntity).countBy({ goalId: id })).toBe(0);
    }
  });

  it('stores the demo goals with 12 monthly values, targets inside the year and a link each', async () => {
    const org = generateOrganisation({ seed: 42, people: 200, endDate: '2026-03-31' });
    const ids: string[] = [];
    for (const seed of generateGoals(org)) ids.push(await goals.create(seed, 'demo'));
    const list = await new GoalsService(goals, new ProgrammesRepository(ds), new SegmentDefinitionsRepository(ds)).list();
    const demo = list.goals.filter((g) => ids.includes(g.id));
    expect(demo.map((g) => [g.metric, g.unit_kind, g.sparkline.length, g.monthly_targets.length, g.links])).toEqual([
      ['revenue', 'currency', 12, 9, 1],
      ['cost_reduction', 'currency', 12, 9, 1],
      ['profit', 'currency', 12, 9, 1],
      ['market_share', 'unit', 12, 9, 1],
    ]);
    expect(demo.every((g) => g.status.status !== null && g.forecast_end?.forecast === true)).toBe(true);
    const stored = await goals.links(ids);
    const links = ids.map((id) => stored.find((l) => l.goalId === id)!);
    expect(links.map((l) => [l.scope, l.scopeValues, l.purpose, l.createdBy])).toEqual([
      ['department', ['Sales'], 'vision', 'demo'],
      ['department', ['Operations'], 'productivity', 'demo'],
      ['organisation', [], 'strategy', 'demo'],
      ['department', ['Marketing'], 'engagement', 'demo'],
    ]);
    expect((await goals.values([ids[0]])).every((v) => v.source === 'demo')).toBe(true);
  });
});
