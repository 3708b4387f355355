import type { DataSource } from 'typeorm';
import * as path from 'node:path';
import type { SegmentRule } from '@hubpulse/contracts';
import {
  AuditLogRepository,
  GoalEntity,
  openDatabase,
  ProgrammeEntity,
  ProgrammesRepository,
  SegmentDefinitionEntity,
  SegmentDefinitionsRepository,
  SegmentNameTakenError,
  type ProgrammeFields,
} from '@hubpulse/database';
import { TEST_POSTGRES_URL, uniqueName, workerDataDir } from '@hubpulse/testing';

const sales: SegmentRule = { kind: 'attribute', field: 'department', op: 'in', values: ['Sales'] };
const leaders: SegmentRule = { kind: 'leader', value: true };

/** Segment definitions, revisions, programmes and the audit log on both relational backends (issue 5). */
describe.each([
  ['SQLite', () => ({ cfg: { type: 'sqlite' as const, path: path.join(workerDataDir(), `${uniqueName()}.sqlite`) } })],
  ['PostgreSQL', () => ({ cfg: { type: 'postgres' as const, url: TEST_POSTGRES_URL }, schema: uniqueName('s') })],
])('segments and programmes on %s', (_name, make) => {
  let ds: DataSource;
  let segments: SegmentDefinitionsRepository;
  let programmes: ProgrammesRepository;
  let audit: AuditLogRepository;
  const { cfg, schema } = make() as { cfg: Parameters<typeof openDatabase>[0]; schema?: string };

  beforeAll(async () => {
    ds = await openDatabase(cfg, { schema });
    segments = new SegmentDefinitionsRepository(ds);
    programmes = new ProgrammesRepository(ds);
    audit = new AuditLogRepository(ds);
  });
  afterAll(async () => {
    if (schema && ds?.isInitialized) await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
    await ds?.destroy();
  });

  const programme = (segmentId: string, over: Partial<ProgrammeFields> = {}): ProgrammeFields => ({
    name: 'Q3 sales update',
    segmentId,
    grouping: 'location',
    contentPurposes: ['inform', 'strategy'],
    contentNotes: 'quarterly numbers',
    channels: ['newsletter', 'ceo_blog'],
    tactic: 'leader_led',
    tacticNotes: null,
    measureMetric: 'read_rate',
    measureTarget: 0.4,
    measureFrom: '2026-07-01',
    measureTo: '2026-09-30',
    goalId: null,
    ...over,
  });

  it('creates a segment with its first revision and keeps names unique (archived ones too)', async () => {
    const s = await segments.create({ name: 'Sales', description: 'everyone in Sales', kind: 'dynamic', rule: sales }, 'planner@x');
    expect(s).toMatchObject({ name: 'Sales', kind: 'dynamic', definitionVersion: 1, starter: false, starterKey: null, archivedAt: null, rule: sales });
    expect(s.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await segments.revisions(s.id)).toEqual([
      expect.objectContaining({ segmentId: s.id, definitionVersion: 1, name: 'Sales', rule: sales, editedBy: 'planner@x', changeNote: null }),
    ]);
    await expect(segments.create({ name: 'Sales', description: null, kind: 'static', rule: leaders }, 'x')).rejects.toBeInstanceOf(SegmentNameTakenError);
    expect(await ds.getRepository(SegmentDefinitionEntity).countBy({ name: 'Sales' })).toBe(1);
  });

  it('bumps the definition version on every change and keeps each version as a revision', async () => {
    const s = await segments.create({ name: 'Leaders', description: null, kind: 'dynamic', rule: leaders }, 'a@x');
    const same = await segments.update(s.id, { rule: leaders }, 'b@x', 'no-op');
    expect(same).toMatchObject({ changed: false, ruleChanged: false, segment: { definitionVersion: 1 } });
    const renamed = await segments.update(s.id, { name: 'Senior leaders' }, 'b@x', 'clearer name');
    expect(renamed).toMatchObject({ changed: true, ruleChanged: false, segment: { definitionVersion: 2, name: 'Senior leaders' } });
    const rule: SegmentRule = { kind: 'and', children: [leaders, sales] };
    const edited = await segments.update(s.id, { rule, description: 'leaders in Sales' }, 'c@x', 'only Sales');
    expect(edited).toMatchObject({ changed: true, ruleChanged: true, segment: { definitionVersion: 3, rule, description: 'leaders in Sales' } });
    const history = await segments.revisions(s.id);
    expect(history.map((r) => [r.definitionVersion, r.name, r.editedBy, r.changeNote])).toEqual([
      [3, 'Senior leaders', 'c@x', 'only Sales'],
      [2, 'Senior leaders', 'b@x', 'clearer name'],
      [1, 'Leaders', 'a@x', null],
    ]);
    expect(history[0].rule).toEqual(rule);
    await expect(segments.update(s.id, { name: 'Sales' }, 'c@x', null)).rejects.toThrow('a segment is already called "Sales"');
    expect(await segments.update('no-such-id', { name: 'x' }, 'c@x', null)).toBeNull();
  });

  it('serves the worker live definitions only, and finds the segments referring to one', async () => {
    const base = await segments.create({ name: 'Base', description: null, kind: 'dynamic', rule: sales }, 'a@x');
    const user = await segments.create({ name: 'Uses base', description: null, kind: 'static', rule: { kind: 'not', child: { kind: 'segment', segment_id: base.id } } }, 'a@x');
    expect(await segments.get(base.id)).toEqual({ id: base.id, name: 'Base', kind: 'dynamic', rule: sales, definition_version: 1 });
    expect((await segments.listDynamic()).map((d) => d.id)).toContain(base.id);
    expect((await segments.listDynamic()).map((d) => d.id)).not.toContain(user.id);
    expect((await segments.referencing(base.id)).map((s) => s.id)).toEqual([user.id]);
    const archived = await segments.archive(user.id);
    expect(archived!.archivedAt).not.toBeNull();
    expect(await segments.get(user.id)).toBeNull();
    expect((await segments.list()).map((s) => s.id)).not.toContain(user.id);
    expect((await segments.list({ archived: true })).map((s) => s.id)).toContain(user.id);
    expect(await segments.referencing(base.id)).toEqual([]);
    await expect(segments.create({ name: 'Uses base', description: null, kind: 'dynamic', rule: sales }, 'a@x')).rejects.toThrow(
      'a segment (archived) is already called "Uses base"',
    );
  });

  it('records starter keys once', async () => {
    await segments.create({ name: 'Observers', description: 'd', kind: 'dynamic', rule: { kind: 'persona', personas: ['observer'] }, starterKey: 'observers' }, 'seed');
    expect(await segments.starterKeys()).toEqual(new Set(['observers']));
    await expect(segments.create({ name: 'Observers 2', description: null, kind: 'dynamic', rule: leaders, starterKey: 'observers' }, 'seed')).rejects.toThrow();
  });

  it('stores programmes with the six steps, launches a draft once, and keeps the goal hook', async () => {
    const seg = await segments.create({ name: 'Programme target', description: null, kind: 'dynamic', rule: sales }, 'a@x');
    await ds.getRepository(GoalEntity).insert({
      id: 'goal-1', name: 'Revenue', metric: 'revenue', scope: 'organisation', unit: 'USD', baseline: 1, target: 2,
      targetType: 'increase_to', periodStart: '2026-01-01', periodEnd: '2026-12-31', owner: null, createdAt: 'now',
    });
    const p = await programmes.create(programme(seg.id, { goalId: 'goal-1' }), 'planner@x');
    expect(p).toMatchObject({ status: 'draft', grouping: 'location', contentPurposes: ['inform', 'strategy'], channels: ['newsletter', 'ceo_blog'], measureTarget: 0.4, goalId: 'goal-1' });
    expect(await programmes.updateDraft(p.id, { measureTarget: 0.5, channels: ['newsletter'] })).toMatchObject({ measureTarget: 0.5, channels: ['newsletter'] });
    const forecast = { programme_id: p.id, segment_id: seg.id, from: 'a', to: 'b', segment_size: 40, segment_size_hidden: null, reason: null, pooled_read_rate: null, pooled_read_rate_hidden: null, expected_readers: null, channels: [], definition: 'd' };
    const launched = await programmes.launch(p.id, 'lead@x', forecast, 1795658991277);
    expect(launched).toMatchObject({ status: 'launched', launchedBy: 'lead@x', forecastAtLaunch: forecast, launchMembershipVersion: 1795658991277 });
    expect(await programmes.pinnedVersions([seg.id, 'other'])).toEqual(new Map([[seg.id, [1795658991277]]]));
    expect(await programmes.launch(p.id, 'lead@x', null, null)).toBeNull();
    expect(await programmes.updateDraft(p.id, { name: 'late edit' })).toBeNull();
    expect(await programmes.deleteDraft(p.id)).toBe(false);
    expect((await programmes.list({ segmentId: seg.id })).map((x) => x.id)).toEqual([p.id]);
    expect((await programmes.list({ goalId: 'goal-1' })).map((x) => x.id)).toEqual([p.id]);
    // Deleting the goal unhooks the programme; a segment with programmes cannot be deleted (only archived).
    await ds.getRepository(GoalEntity).delete({ id: 'goal-1' });
    expect((await programmes.find(p.id))!.goalId).toBeNull();
    await expect(ds.getRepository(SegmentDefinitionEntity).delete({ id: seg.id })).rejects.toThrow();
    const draft = await programmes.create(programme(seg.id), 'planner@x');
    expect(await programmes.deleteDraft(draft.id)).toBe(true);
    expect(await ds.getRepository(ProgrammeEntity).countBy({ id: draft.id })).toBe(0);
  });

  it('appends to the audit log and lists it newest first', async () => {
    await audit.record({ actor: 'planner@x', action: 'segment.members.export', target: 'segment:s1', details: { rows: 12, version: 3 } });
    await new Promise((r) => setTimeout(r, 5));
    await audit.record({ actor: 'admin@x', action: 'segment.members.export', target: 'segment:s2', details: { rows: 40 } });
    await audit.record({ actor: 'admin@x', action: 'other.thing', target: 'segment:s1' });
    const exports = await audit.list({ action: 'segment.members.export' });
    expect(exports.map((e) => [e.actor, e.target, e.details])).toEqual([
      ['admin@x', 'segment:s2', { rows: 40 }],
      ['planner@x', 'segment:s1', { rows: 12, version: 3 }],
    ]);
    expect((await audit.list({ target: 'segment:s1' })).map((e) => e.action).sort()).toEqual(['other.thing', 'segment.members.export']);
  });
});
