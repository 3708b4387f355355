import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { ClickHouseModule, ClickHouseService } from '@hubpulse/clickhouse';
import { ConfigModule } from '@hubpulse/config';
import { DatabaseModule } from '@hubpulse/database';
import { DEFAULT_SCORING_MODEL, quantile, rawScore, scaleScore } from '@hubpulse/analytics';
import type { EventType } from '@hubpulse/contracts';
import { EVENT_TYPES } from '@hubpulse/contracts';
import { testConfig } from '@hubpulse/testing';
import { ScoreComputeService } from '../../apps/worker/src/scores/score-compute.service';
import { ScoringModelRepository } from '../../apps/worker/src/scores/scoring-model.repository';

/** The SQL score computation against a plain, independent computation of the same definition. */
describe('engagement scores in ClickHouse', () => {
  const config = testConfig();
  let ctx: INestApplicationContext;
  let ch: ClickHouseService;
  let scores: ScoreComputeService;

  const DAY = 86_400_000;
  const start = Date.parse('2026-01-01T00:00:00Z');
  const dayNum = (ms: number) => Math.floor(ms / DAY);
  // deterministic pseudo-random activity: 40 people over 75 days, some duplicates
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const events = Array.from({ length: 3000 }, (_, i) => {
    const ms = start + Math.floor(rnd() * 75 * DAY);
    return {
      event_id: `ev-${i}`,
      type: EVENT_TYPES[Math.floor(rnd() * EVENT_TYPES.length)] as EventType,
      actor_id: `p${Math.floor(Math.pow(rnd(), 2) * 40)}`,
      occurred_at: new Date(ms).toISOString().replace('T', ' ').slice(0, 23),
      ms,
    };
  });

  beforeAll(async () => {
    const mod = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), ClickHouseModule, DatabaseModule],
      providers: [ScoringModelRepository, ScoreComputeService],
    }).compile();
    ctx = await mod.init();
    ch = ctx.get(ClickHouseService);
    scores = ctx.get(ScoreComputeService);
    const rows = events.map(({ ms: _ms, ...r }) => r);
    await ch.client.insert({ table: ch.tables.events, values: rows, format: 'JSONEachRow' });
    await ch.client.insert({ table: ch.tables.events, values: rows.slice(0, 500), format: 'JSONEachRow' }); // a retried batch
  }, 60_000);

  afterAll(async () => {
    await ch?.client.command({ query: `DROP DATABASE IF EXISTS ${ch.database}` });
    await ctx?.close();
  });

  it('matches the reference definition for every person and day', async () => {
    const result = await scores.recompute({ from: '2026-02-01', to: '2026-03-16' });
    expect(result.modelVersion).toBe(1);
    const got = await ch.rows<{ day: string; person_id: string; raw: number; score: number; actions: number }>(
      `SELECT toString(day) AS day, person_id, raw, score, actions FROM ${ch.tables.engagement_scores} FINAL ORDER BY day, person_id`,
    );
    expect(result.rows).toBe(got.length);

    // reference: plain loops over the (deduplicated) events
    const model = DEFAULT_SCORING_MODEL;
    const byPerson = new Map<string, { day: number; type: EventType }[]>();
    for (const e of events) byPerson.set(e.actor_id, [...(byPerson.get(e.actor_id) ?? []), { day: dayNum(e.ms), type: e.type }]);
    const expected: { day: string; person_id: string; raw: number; score: number; actions: number }[] = [];
    for (let d = dayNum(Date.parse('2026-02-01')); d <= dayNum(Date.parse('2026-03-16')); d++) {
      const dayRows: { person_id: string; raw: number; actions: number }[] = [];
      for (const [person, actions] of byPerson) {
        const inWindow = actions.filter((a) => a.day <= d && a.day > d - model.lookbackDays);
        if (inWindow.length === 0) continue;
        dayRows.push({ person_id: person, raw: rawScore(actions, d, model), actions: actions.filter((a) => a.day === d).length });
      }
      const p99 = quantile(dayRows.map((r) => r.raw).sort((a, b) => a - b), 0.99);
      for (const r of dayRows) expected.push({ day: new Date(d * DAY).toISOString().slice(0, 10), ...r, score: scaleScore(r.raw, p99) });
    }
    expected.sort((a, b) => (a.day + a.person_id < b.day + b.person_id ? -1 : 1));
    expect(got.length).toBe(expected.length);
    got.forEach((g, i) => {
      const e = expected[i];
      expect([g.day, g.person_id, Number(g.actions)]).toEqual([e.day, e.person_id, e.actions]);
      expect(g.raw).toBeCloseTo(e.raw, 6);
      expect(g.score).toBeCloseTo(e.score, 6);
    });
    expect(Math.max(...got.map((g) => g.score))).toBe(100);
  });

  it('recomputing replaces rather than adds', async () => {
    const a = await scores.recompute({ from: '2026-03-01', to: '2026-03-16' });
    const b = await scores.recompute({ from: '2026-03-01', to: '2026-03-16' });
    expect(b.rows).toBe(a.rows);
  });

  it('defaults to the model lookback up to the newest event', async () => {
    const r = await scores.recompute();
    expect(r.to).toBe(new Date(Math.max(...events.map((e) => e.ms))).toISOString().slice(0, 10));
    expect(r.from).toBe(new Date(Date.parse(r.to!) - 89 * DAY).toISOString().slice(0, 10));
  });
});
