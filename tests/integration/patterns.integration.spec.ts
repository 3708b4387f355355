import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { ClickHouseModule, ClickHouseService } from '@hubpulse/clickhouse';
import { ConfigModule } from '@hubpulse/config';
import { testConfig } from '@hubpulse/testing';
import { PatternComputeService } from '../../apps/worker/src/patterns/pattern-compute.service';
import { STRATEGY_AUDIENCE_SOURCE, type StrategyAudienceSource } from '../../apps/worker/src/patterns/strategy-audience';
import { insertPatternFixture } from './patterns.fixture';

/**
 * The worker's pattern SQL on real chDB against the hand-computed fixture in patterns.fixture.ts.
 * Population on 2026-03-02/03: e1 e2 e3 L C s1 a1 = 7 (s2 is hired on 2026-03-05);
 * eng 3, exec 2, sales 2 (s1, a1); oslo 5, rome 2.
 */
describe('people patterns in ClickHouse', () => {
  const config = testConfig();
  let ctx: INestApplicationContext;
  let ch: ClickHouseService;
  let patterns: PatternComputeService;
  let audiences: Awaited<ReturnType<StrategyAudienceSource['audiences']>> = [];

  beforeAll(async () => {
    const mod = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), ClickHouseModule],
      providers: [PatternComputeService, { provide: STRATEGY_AUDIENCE_SOURCE, useValue: { audiences: async () => audiences } }],
    }).compile();
    ctx = await mod.init();
    ch = ctx.get(ClickHouseService);
    patterns = ctx.get(PatternComputeService);
    await insertPatternFixture(ch);
  }, 60_000);

  afterAll(async () => {
    await ch?.client.command({ query: `DROP DATABASE IF EXISTS ${ch.database}` });
    await ctx?.close();
  });

  type P = { day: string; group_kind: string; group_value: string; purpose: string; numerator: number; denominator: number; parts: Record<string, number> };
  const purposes = async () => {
    const rows = await ch.rows<P>(
      `SELECT toString(day) AS day, group_kind, group_value, purpose, numerator, denominator, parts
       FROM ${ch.tables.pattern_purposes} FINAL WHERE day >= '2026-03-02'`,
    );
    const at = (day: string, purpose: string, kind = 'org', value = '') =>
      rows.find((r) => r.day === day && r.purpose === purpose && r.group_kind === kind && r.group_value === value);
    return { rows, at };
  };
  const nd = (r: P | undefined) => [r?.numerator, r?.denominator];

  it('computes the purpose indices per day and group', async () => {
    const result = await patterns.recompute({ from: '2026-02-23', to: '2026-03-03' });
    // 9 days × (org + 3 departments + 2 locations) × 4 purposes (no strategy audience linked)
    expect(result.rows.pattern_purposes).toBe(9 * 6 * 4);
    const { at, rows } = await purposes();
    expect(rows.some((r) => r.purpose === 'strategy')).toBe(false);

    // inform: viewers of inform content in the 28 days ending the day.
    // 03-02, window 02-03..03-02: e1 (02-10); e2's view (02-01) is too old, s2 is not yet hired → 1/7
    expect(nd(at('2026-03-02', 'inform'))).toEqual([1, 7]);
    // 03-03: + s1 (03-03) → 2/7; eng 1/3 (e1), sales 1/2 (s1), rome 1/2, exec 0/2
    expect(nd(at('2026-03-03', 'inform'))).toEqual([2, 7]);
    expect(nd(at('2026-03-03', 'inform', 'department', 'eng'))).toEqual([1, 3]);
    expect(nd(at('2026-03-03', 'inform', 'department', 'sales'))).toEqual([1, 2]);
    expect(nd(at('2026-03-03', 'inform', 'location', 'rome'))).toEqual([1, 2]);
    expect(nd(at('2026-03-03', 'inform', 'department', 'exec'))).toEqual([0, 2]);
    expect(at('2026-03-03', 'inform')?.parts).toEqual({ readers: 2 });

    // vision: e3 (react + feedback on ceo-1, 03-01), s1 (CEO-blog feedback 03-02), L (answer on ceo-1) → 3/7;
    // ceo_feedback: e3, s1 → 2
    expect(nd(at('2026-03-02', 'vision'))).toEqual([3, 7]);
    expect(at('2026-03-02', 'vision')?.parts).toEqual({ vision_engagers: 3, ceo_feedback: 2 });
    expect(nd(at('2026-03-02', 'vision', 'department', 'exec'))).toEqual([1, 2]);

    // productivity 03-02: e1 (doc_share 02-20), e2 (reuses doc-1), s1 + e3 (feedback) → 4/7; e3's task (02-01) is too old
    expect(nd(at('2026-03-02', 'productivity'))).toEqual([4, 7]);
    expect(at('2026-03-02', 'productivity')?.parts).toEqual({ doc_sharers: 1, doc_reusers: 1, feedback_givers: 2, task_updaters: 0 });
    // 03-03: + C (task) → 5/7; s1's comment on doc-1 makes a second reuser
    expect(nd(at('2026-03-03', 'productivity'))).toEqual([5, 7]);
    expect(at('2026-03-03', 'productivity')?.parts).toEqual({ doc_sharers: 1, doc_reusers: 2, feedback_givers: 2, task_updaters: 1 });

    // engagement: replies to someone else's item and their authors: e1+e2 (q-1), C+e2 (q-1), e3+C, s1+C, L+C (ceo-1) → 6/7
    // conversations 03-02: q-1 and ceo-1, both with a leader reply (C on q-1, L on ceo-1) → 2 of 2
    expect(nd(at('2026-03-02', 'engagement'))).toEqual([6, 7]);
    expect(at('2026-03-02', 'engagement')?.parts).toEqual({ conversations: 2, led_conversations: 2 });
    // 03-03: + doc-1 (s1 comments on e1's document, no leader) → 3 conversations, 2 led
    expect(at('2026-03-03', 'engagement')?.parts).toEqual({ conversations: 3, led_conversations: 2 });
    // sales 03-03: s1 in ceo-1 (led) and doc-1 → 2 conversations, 1 led; 1 of 2 people (a1 did not converse)
    expect(nd(at('2026-03-03', 'engagement', 'department', 'sales'))).toEqual([1, 2]);
    expect(at('2026-03-03', 'engagement', 'department', 'sales')?.parts).toEqual({ conversations: 2, led_conversations: 1 });
    expect(at('2026-03-03', 'engagement', 'department', 'eng')?.parts).toEqual({ conversations: 3, led_conversations: 2 });
  });

  it('assigns personas per ISO week from what people give and receive', async () => {
    const rows = await ch.rows<{ week: string; person_id: string; persona: string; stage: string }>(
      `SELECT toString(week) AS week, person_id, persona, stage FROM ${ch.tables.pattern_person_weeks} FINAL ORDER BY week, person_id`,
    );
    const of = (week: string, field: 'persona' | 'stage') => Object.fromEntries(rows.filter((r) => r.week === week).map((r) => [r.person_id, r[field]]));
    // week of 02-23 (to Sunday 03-01); s2 is not yet in the directory.
    // e2 posted q-1 (gives 1) and received two answers (≥ 2 · 1) → catalyst; L and s1 did nothing.
    expect(of('2026-02-23', 'persona')).toEqual({ C: 'responder', L: 'inactive', a1: 'responder', e1: 'responder', e2: 'catalyst', e3: 'responder', s1: 'inactive' });
    // week of 03-02: views / task updates only → observer; s1 feedback + comment, L answer, a1 reaction → responder
    expect(of('2026-03-02', 'persona')).toEqual({ C: 'observer', L: 'responder', a1: 'responder', e1: 'inactive', e2: 'observer', e3: 'inactive', s1: 'responder', s2: 'observer' });
    // ambassadors: a1 gave in 6 of the 8 weeks to 03-02, reached exec (L's newsletter) and eng (e1's post), shared twice
    expect(of('2026-03-02', 'stage')).toEqual({ C: 'contributor', L: 'contributor', a1: 'ambassador', e1: 'contributor', e2: 'contributor', e3: 'contributor', s1: 'contributor', s2: 'observer' });
    // a week earlier a1 had only 5 weeks with a contribution; L and s1 had no action in the 8 weeks
    expect(of('2026-02-23', 'stage')).toEqual({ C: 'contributor', L: 'inactive', a1: 'contributor', e1: 'contributor', e2: 'contributor', e3: 'contributor', s1: 'inactive' });
  });

  it('finds the items addressed to leaders and their first leader reply', async () => {
    const rows = await ch.rows<{ item_id: string; kind: string; department: string; raised_at: string; first_reply_at: string | null; first_replier_id: string }>(
      `SELECT item_id, kind, department, toString(raised_at) AS raised_at, toString(first_reply_at) AS first_reply_at, first_replier_id
       FROM ${ch.tables.pattern_leader_items} FINAL ORDER BY raised_at`,
    );
    // q-1: e1's answer is not a leader's, C's a day later is; fb-1: L's answer names it; fb-2: unanswered.
    // The first replier is kept so the API can require k answering leaders (issue 11).
    expect(rows).toEqual([
      { item_id: 'q1', kind: 'qa', department: 'eng', raised_at: '2026-02-25 09:00:00.000', first_reply_at: '2026-02-26 09:00:00.000', first_replier_id: 'C' },
      { item_id: 'fb-2', kind: 'ceo_feedback', department: 'eng', raised_at: '2026-03-01 10:00:00.000', first_reply_at: null, first_replier_id: '' },
      { item_id: 'fb-1', kind: 'ceo_feedback', department: 'sales', raised_at: '2026-03-02 10:00:00.000', first_reply_at: '2026-03-02 15:00:00.000', first_replier_id: 'L' },
    ]);
  });

  it('a recompute leaves only its own rows in the range, dropping rows it no longer produces', async () => {
    const t = ch.tables;
    // a row the computation would never produce, left by an earlier run
    await ch.client.command({
      query: `INSERT INTO ${t.pattern_person_weeks} (week, person_id, department, location, persona, stage, computed_at)
              VALUES ('2026-02-23', 'ghost', 'sales', 'x', 'observer', 'observer', '2000-01-01 00:00:00')`,
    });
    await patterns.recompute({ from: '2026-02-23', to: '2026-03-03' });
    const rows = await ch.rows<{ ghosts: string; stamps: string; n: string }>(
      `SELECT countIf(person_id = 'ghost') AS ghosts, uniqExact(computed_at) AS stamps, count() AS n
       FROM ${t.pattern_person_weeks} WHERE week BETWEEN '2026-02-23' AND '2026-03-02'`,
    );
    expect(Number(rows[0].ghosts)).toBe(0);
    // one run, one stamp: no older row of the range survives beside the new ones
    expect(Number(rows[0].stamps)).toBe(1);
    expect(Number(rows[0].n)).toBeGreaterThan(0);
  });

  it('recomputing replaces rather than adds, and a linked audience yields the strategy index', async () => {
    const count = async (t: string) => Number((await ch.rows<{ n: string }>(`SELECT count() AS n FROM ${t}`))[0].n);
    const before = [await count(ch.tables.pattern_purposes), await count(ch.tables.pattern_person_weeks), await count(ch.tables.pattern_leader_items)];
    await patterns.recompute({ from: '2026-02-23', to: '2026-03-03' });
    expect([await count(ch.tables.pattern_purposes), await count(ch.tables.pattern_person_weeks), await count(ch.tables.pattern_leader_items)]).toEqual(before);

    // audience: the sales department. a1 shared strat-1 on 02-11 and 02-18, so on 03-02 (window 02-03..03-02) 1 of 2 members
    audiences = [{ id: 'aud-1', name: 'Sales', goal_ids: ['g-1'], departments: ['sales'] }];
    await patterns.recompute({ from: '2026-03-02', to: '2026-03-03' });
    const { at } = await purposes();
    expect(nd(at('2026-03-02', 'strategy'))).toEqual([1, 2]);
    expect(at('2026-03-02', 'strategy')?.parts).toEqual({ audience_members: 2 });
    expect(nd(at('2026-03-02', 'strategy', 'department', 'eng'))).toEqual([0, 0]);
    // everything else is unchanged by the narrower run
    expect(nd(at('2026-03-03', 'productivity'))).toEqual([5, 7]);
  });
});
