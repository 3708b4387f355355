import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import {
  compileSegmentRule,
  SEGMENT_DEFINITION_SOURCE,
  SegmentMembershipRepository,
  SegmentPreviewService,
  STARTER_SEGMENTS,
  type SegmentDefinitionRecord,
} from '@hubpulse/audiences';
import { ClickHouseModule, ClickHouseService } from '@hubpulse/clickhouse';
import { ConfigModule } from '@hubpulse/config';
import { SegmentRuleError, type SegmentRule } from '@hubpulse/contracts';
import { testConfig, waitFor } from '@hubpulse/testing';
import { SegmentComputeService, SegmentRunError } from '../../apps/worker/src/segments/segment-compute.service';
import { AS_OF, EVERYONE, insertSegmentFixture } from './segments.fixture';

/** Segment rules on real chDB against the hand-worked organisation of segments.fixture.ts. */
describe('segments in ClickHouse', () => {
  const config = testConfig();
  let ctx: INestApplicationContext;
  let ch: ClickHouseService;
  let store: SegmentMembershipRepository;
  let compute: SegmentComputeService;
  let preview: SegmentPreviewService;
  const defs = new Map<string, SegmentDefinitionRecord>();
  const define = (id: string, rule: unknown, kind: 'dynamic' | 'static' = 'dynamic') => {
    const def = { id, kind, rule, definition_version: (defs.get(id)?.definition_version ?? 0) + 1 };
    defs.set(id, def);
    return def;
  };

  beforeAll(async () => {
    const mod = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), ClickHouseModule],
      providers: [
        SegmentMembershipRepository,
        SegmentComputeService,
        SegmentPreviewService,
        {
          provide: SEGMENT_DEFINITION_SOURCE,
          useValue: { get: async (id: string) => defs.get(id) ?? null, listDynamic: async () => [...defs.values()].filter((d) => d.kind === 'dynamic') },
        },
      ],
    }).compile();
    ctx = await mod.init();
    ch = ctx.get(ClickHouseService);
    store = ctx.get(SegmentMembershipRepository);
    compute = ctx.get(SegmentComputeService);
    preview = ctx.get(SegmentPreviewService);
    await insertSegmentFixture(ch);
  }, 60_000);

  afterAll(async () => {
    await ch?.client.command({ query: `DROP DATABASE IF EXISTS ${ch.database}` });
    await ctx?.close();
  });

  /** The members of a rule on the as-of day, sorted. */
  const members = async (rule: SegmentRule, memberVersions?: Map<string, number>) => {
    const q = compileSegmentRule(rule, { tables: ch.tables, asOf: AS_OF, memberVersions });
    return (await ch.rows<{ person_id: string }>(q.sql, q.params)).map((r) => r.person_id).sort();
  };
  const except = (...ids: string[]) => EVERYONE.filter((p) => !ids.includes(p));

  const cases: [string, SegmentRule, string[]][] = [
    ['attribute in', { kind: 'attribute', field: 'department', op: 'in', values: ['eng'] }, ['e1', 'e2', 'e3', 'm1']],
    ['attribute in several', { kind: 'attribute', field: 'location', op: 'in', values: ['rome', 'nowhere'] }, ['e2', 'e3', 's1']],
    ['attribute in empty value', { kind: 'attribute', field: 'location', op: 'in', values: [''] }, ['x1']],
    ['attribute not_in', { kind: 'attribute', field: 'department', op: 'not_in', values: ['eng'] }, ['ceo', 's1', 's2', 'x1']],
    ['attribute contains, any case', { kind: 'attribute', field: 'title', op: 'contains', values: ['MANAGER'] }, ['m1', 's2']],
    ['attribute contains several', { kind: 'attribute', field: 'title', op: 'contains', values: ['engineer', 'chief'] }, ['ceo', 'e1', 'e2', 'e3', 'm1']],
    ['leader', { kind: 'leader', value: true }, ['ceo', 's2']],
    ['not a leader', { kind: 'leader', value: false }, except('ceo', 's2')],
    ['is_manager', { kind: 'is_manager', value: true }, ['ceo', 'e2', 'm1']],
    ['is not a manager', { kind: 'is_manager', value: false }, except('ceo', 'e2', 'm1')],
    // x1 is hired after the as-of day, e3 has no hire date: neither has a tenure
    ['tenure at most 90 days', { kind: 'tenure', max_days: 90 }, ['e1', 's1']],
    ['tenure at least a year', { kind: 'tenure', min_days: 365 }, ['ceo', 'm1', 's2']],
    ['tenure between', { kind: 'tenure', min_days: 100, max_days: 282 }, ['e2']],
    ['tenure boundary', { kind: 'tenure', min_days: 54, max_days: 54 }, ['e1']],
    ['manager tree', { kind: 'manager_tree', manager_id: 'm1' }, ['e1', 'e2', 'e3']],
    ['manager tree with the manager', { kind: 'manager_tree', manager_id: 'm1', include_manager: true }, ['e1', 'e2', 'e3', 'm1']],
    ['manager tree from the top', { kind: 'manager_tree', manager_id: 'ceo' }, ['e1', 'e2', 'e3', 'm1', 's1', 's2']],
    ['manager tree of nobody', { kind: 'manager_tree', manager_id: 'nobody' }, []],
    // e1's post p1 was stored twice and counts once; ghost's three posts are outside the directory
    ['behaviour', { kind: 'behaviour', action: 'post', min_count: 1, days: 7 }, ['e1']],
    ['behaviour count', { kind: 'behaviour', action: 'post', min_count: 2, days: 7 }, ['e1']],
    ['behaviour count, a duplicate counts once', { kind: 'behaviour', action: 'post', min_count: 3, days: 7 }, []],
    ['behaviour on a channel', { kind: 'behaviour', action: 'post', min_count: 2, days: 7, channel: 'blog' }, []],
    ['behaviour on a channel, once', { kind: 'behaviour', action: 'post', min_count: 1, days: 7, channel: 'microblog' }, ['e1']],
    ['behaviour on a purpose', { kind: 'behaviour', action: 'doc_share', min_count: 1, days: 28, purpose: 'productivity' }, ['e2']],
    ['behaviour on a content item', { kind: 'behaviour', action: 'view', min_count: 5, days: 7, content_id: 'n-1' }, ['e2']],
    ['behaviour on another content item', { kind: 'behaviour', action: 'view', min_count: 1, days: 7, content_id: 'b-0' }, []],
    ['behaviour on the as-of day itself, not after', { kind: 'behaviour', action: 'answer', min_count: 1, days: 1 }, ['s1']],
    ['behaviour window edge', { kind: 'behaviour', action: 'comment', min_count: 1, days: 28 }, ['e1']],
    ['behaviour older than the window', { kind: 'behaviour', action: 'comment', min_count: 1, days: 18 }, []],
    ['not_since any', { kind: 'not_since', action: 'any', days: 30 }, ['e3', 'm1', 's2', 'x1']],
    [
      'a count (FINAL pass) or a lapse (plain pass)',
      { kind: 'or', children: [{ kind: 'behaviour', action: 'post', min_count: 2, days: 7 }, { kind: 'not_since', action: 'any', days: 30 }] },
      ['e1', 'e3', 'm1', 's2', 'x1'],
    ],
    [
      'the duplicate does not make a second post, with an existence condition beside it',
      { kind: 'and', children: [{ kind: 'behaviour', action: 'post', min_count: 2, days: 7, channel: 'blog' }, { kind: 'behaviour', action: 'post', min_count: 1, days: 7 }] },
      [],
    ],
    ['not_since an action', { kind: 'not_since', action: 'post', days: 7 }, except('e1')],
    // scores on 03-10 from model 3: e1 95, e2 60, s1 30; m1's model-2 row is stale; everyone else 0
    ['score band', { kind: 'score_band', min: 50, max: 100 }, ['e1', 'e2']],
    ['score band in the cohort', { kind: 'score_band', min: 85, max: 100, cohort: true }, ['s1']],
    ['score band at the bottom takes the unscored', { kind: 'score_band', min: 0, max: 10 }, ['ceo', 'e3', 'm1', 's2', 'x1']],
    ['persona', { kind: 'persona', personas: ['observer'] }, ['e2', 'm1']],
    ['personas', { kind: 'persona', personas: ['observer', 'broadcaster', 'catalyst'] }, ['e1', 'e2', 'm1']],
    ['stage', { kind: 'stage', stages: ['ambassador'] }, ['s1']],
    ['not', { kind: 'not', child: { kind: 'score_band', min: 50, max: 100 } }, except('e1', 'e2')],
    ['not of a tenure is its complement', { kind: 'not', child: { kind: 'tenure', max_days: 90 } }, except('e1', 's1')],
    [
      'and / or / not nested',
      {
        kind: 'and',
        children: [
          { kind: 'attribute', field: 'department', op: 'in', values: ['eng'] },
          { kind: 'or', children: [{ kind: 'behaviour', action: 'post', min_count: 1, days: 7 }, { kind: 'persona', personas: ['observer'] }] },
          { kind: 'not', child: { kind: 'is_manager', value: true } },
        ],
      },
      ['e1'],
    ],
    [
      'or of and with not',
      {
        kind: 'or',
        children: [
          { kind: 'and', children: [{ kind: 'attribute', field: 'location', op: 'in', values: ['rome'] }, { kind: 'not', child: { kind: 'tenure', max_days: 100 } }] },
          { kind: 'stage', stages: ['ambassador'] },
        ],
      },
      ['e2', 'e3', 's1'],
    ],
    [
      'double negation and shared behaviour columns',
      {
        kind: 'and',
        children: [
          { kind: 'not', child: { kind: 'not', child: { kind: 'behaviour', action: 'post', min_count: 1, days: 7 } } },
          { kind: 'behaviour', action: 'post', min_count: 1, days: 7 },
          { kind: 'not_since', action: 'view', days: 7 },
        ],
      },
      ['e1'],
    ],
  ];

  it.each(cases)('%s', async (_name, rule, expected) => {
    await expect(members(rule)).resolves.toEqual(expected);
  });

  it('computes the starter segments', async () => {
    const expected: Record<string, string[]> = {
      observers: ['e2', 'm1'],
      contributors: ['e1', 'e2', 's1'],
      ambassadors: ['s1'],
      new_joiners: ['e1', 's1'],
      people_managers: ['ceo', 'e2', 'm1'],
      leaders: ['ceo', 's2'],
    };
    for (const s of STARTER_SEGMENTS) await expect(members(s.rule)).resolves.toEqual(expected[s.key]);
  });

  it('stores versions, switches to each new one and counts who entered and left', async () => {
    define('eng', { kind: 'attribute', field: 'department', op: 'in', values: ['eng'] });
    const first = await compute.compute('eng', { asOf: AS_OF, reason: 'definition' });
    expect(first).toMatchObject({ status: 'ok', size: 4, entered: 4, left: 0, previous_version: null, definition_version: 1 });
    expect(await store.size('eng')).toBe(4);

    define('eng', { kind: 'attribute', field: 'department', op: 'in', values: ['eng', 'sales'] });
    const second = await compute.compute('eng', { asOf: AS_OF });
    expect(second).toMatchObject({ status: 'ok', size: 6, entered: 2, left: 0, previous_version: first.version, definition_version: 2 });

    define('eng', { kind: 'attribute', field: 'department', op: 'in', values: ['sales', 'exec'] });
    const third = await compute.compute('eng', { asOf: AS_OF });
    expect(third).toMatchObject({ status: 'ok', size: 3, entered: 1, left: 4 });
    expect((await store.members('eng', third.version!)).map((m) => m.person_id)).toEqual(['ceo', 's1', 's2']);
    expect((await store.members('eng', third.version!, { after: 'ceo', limit: 1 }))[0]).toEqual({
      person_id: 's1', name: 'S One', email: '', department: 'sales', location: 'rome', title: 'Account Executive',
    });

    const runs = await store.runs('eng');
    expect(runs.map((r) => [r.status, r.size, r.entered, r.left, r.definition_version])).toEqual([
      ['ok', 3, 1, 4, 3],
      ['ok', 6, 2, 0, 2],
      ['ok', 4, 4, 0, 1],
    ]);
    // the version before the current one is kept for readers that just looked it up; older ones go
    // (an asynchronous mutation: wait for it)
    const versions = async () =>
      (await ch.rows<{ version: string }>(`SELECT DISTINCT version FROM ${ch.tables.segment_members} WHERE segment_id = 'eng' ORDER BY version`)).map((v) => Number(v.version));
    await waitFor(async () => (await versions()).length === 2, 'old versions pruned', 10_000, 50);
    expect(await versions()).toEqual([second.version, third.version]);
  });

  it('reads another segment through its current membership, and refuses cycles naming the path', async () => {
    define('sales-side', { kind: 'attribute', field: 'department', op: 'in', values: ['sales'] });
    await compute.compute('sales-side', { asOf: AS_OF });
    define('sales-leaders', { kind: 'and', children: [{ kind: 'leader', value: true }, { kind: 'segment', segment_id: 'sales-side' }] });
    await expect(compute.compute('sales-leaders', { asOf: AS_OF })).resolves.toMatchObject({ status: 'ok', size: 1 });
    const v = (await store.currentVersions(['sales-side'])).get('sales-side')!;
    expect(await members({ kind: 'segment', segment_id: 'sales-side' }, new Map([['sales-side', v]]))).toEqual(['s1', 's2']);

    // a cycle: sales-side now refers to sales-leaders, which refers back to it
    define('sales-side', { kind: 'or', children: [{ kind: 'leader', value: false }, { kind: 'segment', segment_id: 'sales-leaders' }] });
    const err = await compute.compute('sales-side', { asOf: AS_OF }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SegmentRunError);
    expect((err as SegmentRunError).rule).toBe(true);
    expect(((err as SegmentRunError).cause as SegmentRuleError).issues).toEqual([
      { path: 'rule.children[1].segment_id', message: 'refers back to sales-side (sales-side → sales-leaders → sales-side)' },
    ]);
    // loudly: a failed run row with the error, and the last good membership stays current
    const [last] = await store.runs('sales-side', 1);
    expect(last).toMatchObject({ status: 'failed', size: 0 });
    expect(last.error).toContain('rule.children[1].segment_id: refers back to sales-side');
    expect(await store.size('sales-side')).toBe(2);
    expect((await store.latest(['sales-side'])).get('sales-side')).toMatchObject({ current: { status: 'ok', size: 2 }, last: { status: 'failed' } });

    // an unknown segment, and a rule that does not validate, are refused the same way
    define('dangling', { kind: 'segment', segment_id: 'no-such' });
    await expect(compute.compute('dangling', { asOf: AS_OF })).rejects.toThrow('rule.segment_id: segment no-such does not exist');
    define('broken', { kind: 'behaviour', action: 'post', min_count: 0, days: 7 });
    await expect(compute.compute('broken', { asOf: AS_OF })).rejects.toThrow('rule.min_count: must be at least 1');
    expect(await store.size('broken')).toBeNull();
  });

  it('keeps the last good version when a run fails half-way, and deletes the partial write', async () => {
    define('managers', { kind: 'is_manager', value: true });
    const good = await compute.compute('managers', { asOf: AS_OF });
    expect(good.size).toBe(3);
    // a store that fails after the members were written, before the switch
    class FailingStore extends SegmentMembershipRepository {
      override async diff(): Promise<never> {
        throw new Error('storage went away');
      }
    }
    const failing = new SegmentComputeService(ch, new FailingStore(ch), { get: async (id) => defs.get(id) ?? null, listDynamic: async () => [] });
    define('managers', { kind: 'is_manager', value: false });
    const err = (await failing.compute('managers', { asOf: AS_OF }).catch((e: unknown) => e)) as SegmentRunError;
    expect(err).toBeInstanceOf(SegmentRunError);
    expect(err.rule).toBe(false);
    expect(err.result).toMatchObject({ status: 'failed', previous_version: good.version, error: 'storage went away' });
    expect(await store.size('managers')).toBe(3);
    expect((await store.currentVersions(['managers'])).get('managers')).toBe(good.version);
    expect(await store.countVersion('managers', err.result.version!)).toBe(0);
    expect((await store.runs('managers', 1))[0]).toMatchObject({ status: 'failed', error: 'storage went away', version: err.result.version });
    // the next good run counts against the last good version
    await expect(compute.compute('managers', { asOf: AS_OF })).resolves.toMatchObject({ status: 'ok', size: 5, entered: 5, left: 3, previous_version: good.version });
  });

  it('freezes a static segment once; the refresh recomputes dynamic segments only, referenced ones first', async () => {
    for (const id of [...defs.keys()]) defs.delete(id);
    define('frozen', { kind: 'leader', value: true }, 'static');
    const frozen = await compute.compute('frozen', { asOf: AS_OF, reason: 'freeze' });
    expect(frozen).toMatchObject({ status: 'ok', size: 2 });
    await expect(compute.compute('frozen', { asOf: AS_OF })).resolves.toMatchObject({ status: 'skipped', version: frozen.version, size: 2 });

    define('top', { kind: 'and', children: [{ kind: 'segment', segment_id: 'base' }, { kind: 'segment', segment_id: 'frozen' }] });
    define('base', { kind: 'attribute', field: 'location', op: 'in', values: ['oslo'] });
    const results = await compute.refresh({ asOf: AS_OF });
    expect(results.map((r) => [r.segment_id, r.status, r.size])).toEqual([
      ['base', 'ok', 4],
      ['top', 'ok', 2],
    ]);
    expect((await store.currentVersions(['frozen'])).get('frozen')).toBe(frozen.version);
    expect(await compute.dependents('base')).toEqual(['top']);
  });

  it('previews a rule in one query: size, composition and score distribution as raw counts', async () => {
    const p = await preview.preview({ kind: 'attribute', field: 'department', op: 'in', values: ['eng'] }, { asOf: AS_OF, top: 1 });
    expect(p.size).toBe(4);
    expect(p.population).toBe(8);
    expect(p.composition.department).toEqual({ values: [{ value: 'eng', count: 4 }], other: 0, distinct: 1 });
    expect(p.composition.location).toEqual({ values: [{ value: 'oslo', count: 2 }], other: 2, distinct: 2 });
    expect(p.composition.title.distinct).toBe(4);
    // e1 95 → bin 9, e2 60 → bin 6; m1 (stale row) and e3 have no score
    expect(p.score.bins.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0, 1]);
    expect(p.score.unscored).toBe(2);

    const empty = await preview.preview({ kind: 'manager_tree', manager_id: 'nobody' }, { asOf: AS_OF });
    expect(empty).toMatchObject({ size: 0, population: 8, score: { unscored: 0 } });
    await expect(preview.preview({ kind: 'segment', segment_id: 'no-such' }, { asOf: AS_OF })).rejects.toBeInstanceOf(SegmentRuleError);
  });

  it('keeps hostile values as data: they match nothing and the tables are intact', async () => {
    const evil = "x') OR 1=1 --";
    const rule: SegmentRule = {
      kind: 'or',
      children: [
        { kind: 'attribute', field: 'department', op: 'in', values: [evil, "'; DROP TABLE people; --"] },
        { kind: 'manager_tree', manager_id: `${evil}\\` },
        { kind: 'behaviour', action: 'post', min_count: 1, days: 7, content_id: "b-1' OR '1'='1" },
      ],
    };
    await expect(members(rule)).resolves.toEqual([]);
    const [n] = await ch.rows<{ n: string }>(`SELECT count() AS n FROM ${ch.tables.people} FINAL`);
    expect(Number(n.n)).toBe(8);
  });
});
